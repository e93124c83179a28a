/**
 * backtracking-runner.ts: a config regex only a backtracking engine can run stops at its time
 * limit with RegexMatchLimitError (nginx's `pcre2_match() failed: -47`) instead of holding the
 * event loop, the next match works, and a spent budget refuses.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { compileConfigRegex, compiledRegexStats, RegexMatchLimitError, setBacktrackingRunner } from '../../../server/nginx/regex-match.ts'
import { installBacktrackingRunner } from '../../../server/proxy/backtracking-runner.ts'

// Wall-clock time: a loaded machine may stall a plain match for tens of milliseconds.
const TIMEOUT_MS = 200

/** What exec did: its answer or its error, and how long it took. */
function run(pattern: string, subject: string): { result: unknown; error: unknown; ms: number } {
  const re = compileConfigRegex(pattern, false)
  expect(re.linear).toBe(false)
  const start = performance.now()
  try {
    const m = re.exec(subject)
    return { result: m && [...m], error: null, ms: performance.now() - start }
  } catch (error) {
    return { result: undefined, error, ms: performance.now() - start }
  }
}

describe('installBacktrackingRunner', () => {
  afterEach(() => setBacktrackingRunner(null))

  // Unbounded, each of these takes seconds at 30 characters and doubles with each one more.
  it.each([
    ['^(a|aa)+\\1$', 'a'.repeat(40) + '!'],
    ['(?=(a+)+$)', 'a'.repeat(40) + '!'],
    ['^(\\w+\\s?)*(?<=!)\\1$', 'hello '.repeat(30) + '?'],
  ])('stops %s at its time limit, and the next match works', (pattern, hostile) => {
    installBacktrackingRunner({ timeoutMs: TIMEOUT_MS })
    const stopped = run(pattern, hostile)
    expect(stopped.error).toBeInstanceOf(RegexMatchLimitError)
    expect(stopped.error).toMatchObject({ pattern, subject: hostile })
    // About the limit; generous, this is not a timing test.
    expect(stopped.ms).toBeLessThan(TIMEOUT_MS * 10)

    const after = run('^/(\\w+)/\\1$', '/ab/ab')
    expect(after.error).toBeNull()
    expect(after.result).toEqual(['/ab/ab', 'ab'])
    // A linear pattern never goes through the runner.
    expect([...compileConfigRegex('^/ws/(\\d+)$', false).exec('/ws/7')!]).toEqual(['/ws/7', '7'])
  })

  it('stops a large RE2 program on a long subject too, and the pattern works after', () => {
    installBacktrackingRunner({ timeoutMs: 20 })
    // Linear, but about 2,000 instructions alive at each of 20,000 characters: most of a second.
    const re = compileConfigRegex('\\w{999}\\w{990}\\W', false)
    expect(re.linear).toBe(true)
    const start = performance.now()
    expect(() => re.exec('a1'.repeat(10_000))).toThrow(RegexMatchLimitError)
    expect(performance.now() - start).toBeLessThan(200)
    // Stopped halfway, re2js starts afresh: the program is compiled again, once; this match
    // itself takes tens of milliseconds.
    const compilations = compiledRegexStats().compilations
    installBacktrackingRunner({ timeoutMs: 2000 })
    expect(re.exec('!' + 'x'.repeat(1989) + '!')?.index).toBe(1)
    expect(re.exec('x'.repeat(1990))).toBeNull()
    expect(compiledRegexStats().compilations).toBe(compilations + 1)
  })

  it('answers normal matches as RegExp does, named groups and index included', () => {
    installBacktrackingRunner({ timeoutMs: TIMEOUT_MS })
    const re = compileConfigRegex('(?<q>["\'])(?<v>\\w*)\\k<q>', false)
    const m = re.exec('say "hi" now')!
    expect([...m]).toEqual(['"hi"', '"', 'hi'])
    expect(m.index).toBe(4)
    expect(m.groups).toEqual({ q: '"', v: 'hi' })
    expect(re.exec('say "hi\' now')).toBeNull()
  })

  it('tells spend how long each match took, and refuses once spend says the budget is gone', () => {
    const spent: number[] = []
    let budgetMs = 1000
    installBacktrackingRunner({
      timeoutMs: TIMEOUT_MS,
      spend: (ms) => {
        spent.push(ms)
        budgetMs -= ms
        return budgetMs > 0
      },
    })
    expect(run('(a)\\1', 'aa').result).toEqual(['aa', 'a'])
    expect(spent.length).toBeGreaterThan(0)
    expect(spent.every((ms) => ms >= 0 && ms < 1000)).toBe(true)

    // The time limit still applies inside the budget, and what it took is spent.
    expect(run('^(a|aa)+\\1$', 'a'.repeat(40) + '!').error).toBeInstanceOf(RegexMatchLimitError)
    expect(Math.max(...spent)).toBeGreaterThanOrEqual(TIMEOUT_MS * 0.9)

    budgetMs = 0
    const refused = run('(a)\\1', 'aa')
    expect(refused.error).toBeInstanceOf(RegexMatchLimitError)
    expect(refused.error).toMatchObject({ pattern: '(a)\\1', subject: 'aa' })
  })

  it('refuses a match whose own time exhausts the budget', () => {
    let calls = 0
    installBacktrackingRunner({ timeoutMs: TIMEOUT_MS, spend: (ms) => (calls++, ms === 0) })
    expect(run('(a)\\1', 'aa').error).toBeInstanceOf(RegexMatchLimitError)
    expect(calls).toBe(2)
  })
})
