/**
 * regex-match.ts: config regexes run on re2js (linear time) give what a JavaScript RegExp
 * gives — match or not, index, every capture, named ones, caseless — over every regex of the
 * check fixtures and the runtime scenarios and over generated patterns; hostile patterns
 * finish at once; what RE2 cannot run falls back to a RegExp through the runner; and the
 * module runs without Node; every match and compilation is told to the cost hook, which can
 * refuse it; compiled programs stay within their bound, shared by equal patterns, compiled
 * again when needed. Where PCRE2 and JavaScript differ the translation follows PCRE2
 * (the pinned values below come from libpcre2-8 10.42, Debian bookworm's, which nginx uses).
 */
import { build } from 'esbuild'
import fc from 'fast-check'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parse, type Node } from '../../server/nginx/parser.ts'
import { checkPcre } from '../../server/nginx/regex.ts'
import {
  compileConfigRegex,
  compiledRegexStats,
  DEFAULT_COMPILED_REGEX_BYTES,
  MAX_PROGRAM,
  programEstimate,
  RegexMatchLimitError,
  setBacktrackingRunner,
  setCompiledRegexBound,
  setMatchCostHook,
  type ConfigRegex,
} from '../../server/nginx/regex-match.ts'
import { capturesOf } from '../../server/proxy/router.ts'
import { scenarios } from '../runtime/scenarios/index.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

interface FoundRegex {
  pattern: string
  caseless: boolean
}

/** The regexes of a config: locations, server names, rewrites, map keys, proxy_redirect, if. */
function regexesOf(text: string): FoundRegex[] {
  const out: FoundRegex[] = []
  const add = (raw: string, caseless = raw.startsWith('~*')): void => {
    const pattern = raw.replace(/^~\*?/, '')
    if (pattern && !checkPcre(pattern).error) out.push({ pattern, caseless })
  }
  const walk = (nodes: Node[], inMap: boolean): void => {
    for (const n of nodes) {
      if (n.kind !== 'directive') continue
      const a = n.args.map((w) => w.value)
      if (inMap && n.name.startsWith('~')) add(n.name)
      else if (n.name === 'location' && a.length === 2 && a[0].startsWith('~')) add(a[0] + a[1])
      else if (n.name === 'location' && a.length === 1 && a[0].startsWith('~')) add(a[0])
      // nginx compiles regex server names caseless.
      else if (n.name === 'server_name') for (const v of a.filter((v) => v.startsWith('~'))) add(v, true)
      else if (n.name === 'rewrite' && a.length >= 2) add(a[0], false)
      else if (n.name === 'proxy_redirect' && a[0]?.startsWith('~')) add(a[0])
      else if (n.name === 'if') {
        const op = a.findIndex((v) => /^!?~\*?$/.test(v))
        if (op >= 0 && a[op + 1] !== undefined) add(a[op + 1].replace(/\)$/, ''), a[op].endsWith('*'))
      }
      if (n.block) walk(n.block, n.name === 'map')
    }
  }
  walk(parse(text).nodes, false)
  return out
}

function fixtureConfigs(dir = join(ROOT, 'test/fixtures/check')): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) return fixtureConfigs(path)
    return entry.endsWith('.conf') ? [readFileSync(path, 'utf8')] : []
  })
}

const configRegexes: FoundRegex[] = [
  ...new Map(
    [...fixtureConfigs(), ...scenarios.map((s) => s.config)].flatMap(regexesOf).map((r) => [`${r.caseless}${r.pattern}`, r] as const),
  ).values(),
]

/** What callers read of a match. */
function shape(m: RegExpExecArray | null): unknown {
  return m && { index: m.index, match: [...m], groups: m.groups ? { ...m.groups } : undefined }
}

/** The RegExp the engine used before (checkPcre's translation), where JavaScript can read it. */
function oldRegExp(pattern: string, caseless: boolean): RegExp | null {
  // JavaScript knows no POSIX classes ([[:alpha:]]) and, in Node 20, no (?i:…).
  if (pattern.includes('[:') || pattern.includes('(?i')) return null
  try {
    return new RegExp(checkPcre(pattern).jsSource, caseless ? 'i' : '')
  } catch {
    return null
  }
}

/** toJsRegExp before regex-match.ts: the translation, or a RegExp that never matches. */
function oldRegExpOrNever(pattern: string): RegExp {
  try {
    return new RegExp(checkPcre(pattern).jsSource)
  } catch {
    return /(?!)/
  }
}

const linear = (pattern: string, caseless = false): ConfigRegex => compileConfigRegex(pattern, caseless, checkPcre(pattern).jsSource)
const backtracking = (pattern: string, caseless = false): ConfigRegex => compileConfigRegex(pattern, caseless, checkPcre(pattern).jsSource, 'backtracking')

/** re2js, the RegExp translation and the old RegExp agree on a subject. */
function expectAgreement(pattern: string, caseless: boolean, subjects: string[]): void {
  const re = linear(pattern, caseless)
  const js = backtracking(pattern, caseless)
  const old = oldRegExp(pattern, caseless)
  for (const s of subjects) {
    const got = shape(re.exec(s))
    expect(got, `${pattern} on ${JSON.stringify(s)} (RegExp translation)`).toEqual(shape(js.exec(s)))
    // The old RegExp read `.` `\s` and caseless letters the JavaScript way: compare on ASCII text.
    if (old && /^[\x20-\x7e\n]*$/.test(s)) expect(got, `${pattern} on ${JSON.stringify(s)} (old RegExp)`).toEqual(shape(old.exec(s)))
  }
}

const SUBJECTS = [
  '', '/', '/ws/42', '/ws/abc', '/ws/4', '/ws/12/', '/chat/lobby', '/chat/Lobby1', '/CHAT/lobby', '/img/a.PNG', '/img/a.png', '/a.jpeg',
  '/style.css', '/app.js', '/data.json', '/data.JSON', '/rooms/r-1/ws', '/rooms/R/ws', '/u/12/bob', '/u/x/bob', '/old/a/b', '/r/abc',
  '/r/xxxx', '/r/xxxxx', '/e/e/e/e/e/e/x', '/re/a', '/re2/z', '/last/q', '/dollar/$1', 'mobile-ios', 'desktop', 'DESKTOP-7', 'Mozilla/5.0',
  'curl/8.1.2', 'Wget/1.21', 'Googlebot/2.1', 'gold', 'silver', 'SILVER', 'www.app.test', 'app.test', 'acme.lab.test', 'ACME.LAB.TEST',
  'a.re.test', 'b.other.test', 'x.preview.lab.test', 'http://127.0.0.1:8010/x', 'http://up:80/', 'x\n', '/a\nb', 'xxxxxxxx',
]

describe('re2js and RegExp agree on the config regexes', () => {
  it('finds the regexes of the fixtures and runtime scenarios', () => {
    expect(configRegexes.length).toBeGreaterThan(30)
  })

  it.each(configRegexes.map((r) => [`${r.caseless ? '~*' : '~'}${r.pattern}`, r] as const))('%s', (_, { pattern, caseless }) => {
    const re = linear(pattern, caseless)
    // Only the 2^20-character map key is beyond RE2 (repeat counts stop at 1000).
    expect(re.linear).toBe(!/x\{1024\}/.test(pattern))
    expect(re.source).toBe(pattern)
    expect(re.caseless).toBe(caseless)
    expectAgreement(pattern, caseless, SUBJECTS)
    // Subjects made of the pattern's own characters, and some bytes PCRE2 and JavaScript read apart.
    const alphabet = [...new Set([...pattern.replace(/[\\^$()[\]{}|*+?]/g, ''), 'a', 'Z', '0', '/', '.', '-', '\n'])]
    const subject = fc.array(fc.constantFrom(...alphabet, ...alphabet, '\r', '\x0b', '\xa0', '\xe9'), { maxLength: 30 }).map((xs) => xs.join(''))
    fc.assert(fc.property(fc.array(subject, { minLength: 1, maxLength: 4 }), (subjects) => expectAgreement(pattern, caseless, subjects)), { numRuns: 150 })
  })
})

describe('re2js and RegExp agree on generated patterns', () => {
  const char = fc.constantFrom('a', 'b', 'A', '/', '-', '1', '\\.', '\\/', 'x', ' ')
  const klass = fc.constantFrom('[a-c]', '[^/]', '[\\d.]', '[[:alpha:]]', '\\w', '\\d', '\\s', '\\W', '.', '[A-Z_]', '[-ab]', '[^\\W_]')
  const quantifier = fc.constantFrom('', '', '', '*', '+', '?', '{2}', '{1,3}', '{0,2}', '*?', '+?', '??', '{2,}')
  const mandatory = fc.constantFrom('', '', '+', '{2}', '{1,3}', '+?')
  // Two differences are left out by construction. A branch never matches the empty string
  // (PCRE2, RE2 and JavaScript each treat an empty loop iteration their own way), and groups
  // capture only at the top (JavaScript forgets a capture nested in a repeated group when a
  // later iteration skips it; PCRE2 and RE2 keep it: pinned below).
  const inner = fc.letrec((tie) => ({
    alt: fc.array(tie('branch') as fc.Arbitrary<string>, { minLength: 1, maxLength: 3 }).map((bs) => bs.join('|')),
    branch: fc
      .tuple(fc.oneof(char, klass), mandatory, fc.array(tie('item') as fc.Arbitrary<string>, { maxLength: 3 }))
      .map(([a, q, rest]) => a + q + rest.join('')),
    item: fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.oneof(char, klass), quantifier).map(([a, q]) => a + q) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('(?:', '(?i:'), tie('alt') as fc.Arbitrary<string>, quantifier).map(([o, a, q]) => `${o}${a})${q}`) },
      { weight: 1, arbitrary: fc.constantFrom('^', '$', '\\b', '\\B') },
    ),
  }))
  const group = fc.tuple(fc.constantFrom('(', '(', '(?<n1>', '(?P<n2>', "(?'n3'"), inner.alt as fc.Arbitrary<string>, quantifier).map(([o, a, q]) => `${o}${a})${q}`)
  const pattern = fc
    .array(fc.oneof({ weight: 3, arbitrary: inner.item as fc.Arbitrary<string> }, { weight: 2, arbitrary: group }), { minLength: 1, maxLength: 5 })
    .map((xs) => xs.join(''))
    .filter((p) => !checkPcre(p).error)
  const subject = fc.array(fc.constantFrom('a', 'b', 'c', 'A', 'B', '/', '-', '1', '.', 'x', ' ', '_', '\n'), { maxLength: 16 }).map((xs) => xs.join(''))

  it('gives the same matches and captures, caseless or not', () => {
    fc.assert(
      fc.property(pattern, fc.boolean(), fc.array(subject, { minLength: 4, maxLength: 8 }), (p, caseless, subjects) => {
        // Linear exactly when the RE2 program fits: a larger one (nested counted repeats) goes
        // to the RegExp by design, and must still agree.
        expect(linear(p, caseless).linear).toBe(programEstimate(p, caseless)! <= MAX_PROGRAM)
        expectAgreement(p, caseless, subjects)
      }),
      { numRuns: 1500 },
    )
  })
})

describe('PCRE2 semantics where JavaScript differs (values from libpcre2-8 10.42)', () => {
  const match = (pattern: string, subject: string, caseless = false): unknown => {
    const re = linear(pattern, caseless)
    const js = backtracking(pattern, caseless)
    // Both engines get the same translation.
    expect(shape(js.exec(subject))).toEqual(shape(re.exec(subject)))
    const m = re.exec(subject)
    return m && [...m]
  }

  it('reads `.` as anything but "\\n", `\\s` as ASCII space, `\\h` `\\v` as PCRE2 does', () => {
    expect(match('a.', 'a\r')).toEqual(['a\r'])
    expect(match('a.', 'a\n')).toBeNull()
    expect(match('\\s', '\x0b')).toEqual(['\x0b'])
    expect(match('\\s', '\xa0')).toBeNull()
    expect(match('\\h', '\xa0')).toEqual(['\xa0'])
    expect(match('\\v', '\x85')).toEqual(['\x85'])
    expect(match('(?s).', '\n')).toEqual(['\n'])
  })

  it('matches bytes: a non-ASCII pattern is its UTF-8, caseless only for ASCII letters', () => {
    // The runtime's subjects hold one byte per character (latin1): "é" arrives as "\xc3\xa9".
    expect(match('^/caf\u00e9$', '/caf\xc3\xa9')).toEqual(['/caf\xc3\xa9'])
    expect(match('^/caf\u00e9$', '/caf\u00e9')).toBeNull()
    expect(match('[\u00e9]', '\xc3')).toEqual(['\xc3'])
    expect(match('\u00e9', '\xc3\x89', true)).toBeNull()
    expect(match('\xe9', '\xc9', true)).toBeNull()
    expect(match('K', 'k', true)).toEqual(['k'])
    expect(match('k', '\u212a', true)).toBeNull()
  })

  it('keeps a capture of an earlier iteration, and takes caseless to POSIX classes', () => {
    // Here RE2 is PCRE2, the RegExp translation is not (JavaScript resets the group: undefined).
    expect([...linear('(?:(a)|b)+').exec('ab')!]).toEqual(['ab', 'a'])
    expect([...linear('([a-c]([a-c]{2})?){0,2}').exec('aaaa')!]).toEqual(['aaaa', 'a', 'aa'])
    expect(match('(?i)[[:upper:]]+', 'aB')).toEqual(['aB'])
    expect(match('[[:^digit:]]+', 'ab1')).toEqual(['ab'])
  })

  it('reads PCRE escapes, options and group syntax', () => {
    expect(match('\\12', 'x\n')).toEqual(['\n'])
    expect(match('\\x41\\x{42}\\101\\cC', 'ABA\x03')).toEqual(['ABA\x03'])
    expect(match('\\Qa.b\\E+', 'a.bb')).toEqual(['a.bb'])
    expect(match('(?x) a b  # a comment\n c', 'abc')).toEqual(['abc'])
    expect(match('(a(?i)b|c)', 'C')).toEqual(['C', 'C'])
    expect(match('(?i:A)a', 'aa')).toEqual(['aa'])
    expect(match('(?i:A)a', 'aA')).toBeNull()
    expect(match('(?U)a+', 'aaa')).toEqual(['a'])
    expect(match('(?n)(a)(?<x>b)', 'ab')).toEqual(['ab', 'b'])
    expect(match('a(?#comment)+', 'aaa')).toEqual(['aaa'])
    expect(match('[]a]+', ']a')).toEqual([']a'])
    expect(match('a{,2}', 'a{,2}')).toEqual(['a{,2}'])
    expect(match('\\Ga', 'ba')).toBeNull()
    expect(match('(?<=/)x', '/x')).toEqual(['x'])
  })

  it('gives named captures under each PCRE spelling', () => {
    for (const p of ['^/(?<r>\\w+)/(?P<id>\\d+)$', "^/(?'r'\\w+)/(?<id>\\d+)$"]) {
      const m = linear(p).exec('/room/42')!
      expect(m.groups).toEqual({ r: 'room', id: '42' })
      expect([...m]).toEqual(['/room/42', 'room', '42'])
    }
    const unset = linear('^/(?<a>x)?(?<b>y)$').exec('/y')!
    expect(unset.groups).toEqual({ a: undefined, b: 'y' })
    expect(unset[1]).toBeUndefined()
  })
})

describe('hostile patterns', () => {
  const timed = (re: ConfigRegex, subject: string): { m: unknown; ms: number } => {
    const start = performance.now()
    const m = re.exec(subject)
    return { m: m && [...m], ms: performance.now() - start }
  }

  it.each([
    ['^/(a+)+$', '/' + 'a'.repeat(5000) + '!', '/aaaa', ['/aaaa', 'aaaa']],
    ['^(\\w+\\s?)*$', 'hello '.repeat(800) + '!', 'hello world', ['hello world', 'world']],
    ['(x+x+)+y', 'x'.repeat(5000), 'xxy', ['xxy', 'xx']],
    ['^(a|aa)+$', 'a'.repeat(5000) + 'b', 'aaa', ['aaa', 'a']],
  ])('%s runs in linear time and answers right', (pattern, hostile, friendly, expected) => {
    const re = linear(pattern)
    expect(re.linear).toBe(true)
    const bad = timed(re, hostile)
    expect(bad.m).toBeNull()
    // Backtracking would take longer than the universe has; linear time is milliseconds.
    expect(bad.ms).toBeLessThan(1000)
    expect(timed(re, friendly).m).toEqual(expected)
  })

  it('leaves caseless hostile patterns linear too', () => {
    const re = linear('^/([a-z]+)+$', true)
    expect(re.linear).toBe(true)
    expect(timed(re, '/' + 'A'.repeat(5000) + '!').ms).toBeLessThan(1000)
    expect(timed(re, '/AbC').m).toEqual(['/AbC', 'AbC'])
  })
})

describe('the backtracking fallback', () => {
  afterEach(() => setBacktrackingRunner(null))

  it.each([
    ['^/(\\w+)/\\1$', '/ab/ab', ['/ab/ab', 'ab'], '/ab/ac'],
    ['^(?<n>a+)-\\k<n>$', 'aa-aa', ['aa-aa', 'aa'], 'aa-a'],
    ['(?P<q>["\'])x(?P=q)', '"x"', ['"x"', '"'], '"x\''],
    ['^/(?!admin)(\\w+)$', '/chat', ['/chat', 'chat'], '/admin'],
    ['^(?>a+)b', 'aab', ['aab'], 'ac'],
    ['^(a++)(b)', 'aab', ['aab', 'aa', 'b'], 'aa'],
    ['^(?>(a+))a', 'aaa', null, 'b'],
    ['(?<=(/))x', '/x', ['x', '/'], 'x'],
  ])('%s runs on a RegExp and still matches right', (pattern, subject, expected, miss) => {
    const re = linear(pattern)
    expect(re.linear).toBe(false)
    const m = re.exec(subject)
    expect(m && [...m]).toEqual(expected)
    if (m) expect(m.index).toBe(subject.indexOf(m[0]))
    expect(re.exec(miss)).toBeNull()
  })

  it('matches backreferences caseless under (?i) or ~*', () => {
    expect([...linear('^(a)\\1$', true).exec('aA')!]).toEqual(['aA', 'a'])
    expect([...linear('(?i)^(a)\\1$').exec('Aa')!]).toEqual(['Aa', 'A'])
  })

  it('runs through the runner set, which may throw RegexMatchLimitError; null restores the plain one', () => {
    const seen: string[] = []
    setBacktrackingRunner((regex, subject, pattern) => {
      seen.push(`${pattern} ${subject}`)
      if (subject === 'stop') throw new RegexMatchLimitError(pattern, subject)
      return regex.exec(subject)
    })
    const re = linear('(a)\\1')
    expect(re.exec('xaa')?.index).toBe(1)
    linear('^/ws/(\\d+)$').exec('/ws/1')
    expect(seen).toEqual(['(a)\\1 xaa'])
    const error = (() => {
      try {
        re.exec('stop')
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(RegexMatchLimitError)
    expect(error).toMatchObject({ pattern: '(a)\\1', subject: 'stop', message: 'pcre2_match() failed: -47 on "stop" using "(a)\\1"' })
    setBacktrackingRunner(null)
    expect(re.exec('stop')).toBeNull()
  })

  it('sends a large RE2 program on a long subject through the runner, and programs beyond its size to the RegExp', () => {
    const seen: number[] = []
    setBacktrackingRunner((matcher, subject, pattern) => {
      seen.push(subject.length)
      if (subject.length > 5000) throw new RegexMatchLimitError(pattern, subject)
      return matcher.exec(subject)
    })
    // About 2,000 instructions: direct up to 49 characters (100,000 steps).
    const large = linear('\\d{1000}\\D{990}')
    expect(large.linear).toBe(true)
    const digits = '1'.repeat(1000) + 'x'.repeat(990)
    expect(large.exec('1x')).toBeNull()
    expect(large.exec('ab' + digits)?.index).toBe(2)
    expect(() => large.exec('a1'.repeat(3000))).toThrow(RegexMatchLimitError)
    // After a run the runner stopped, the pattern works as before.
    expect(large.exec(digits + '!')?.[0]).toBe(digits)
    expect(seen).toEqual([1992, 6000, 1991])
    // A small program stays direct on any subject nginx takes.
    expect(linear('^/chat/(?<r>[a-z0-9]+)$').exec('/chat/' + 'a'.repeat(4000))?.groups?.r).toHaveLength(4000)
    expect(seen).toHaveLength(3)

    const huge = linear('.{999}'.repeat(3))
    expect(huge.linear).toBe(false)
    expect(huge.exec('x'.repeat(3000))?.[0]).toHaveLength(2997)
  })

  it('keeps a syntax it does not translate on the old RegExp, and a refused pattern matching nothing', () => {
    for (const pattern of ['\\p{Lu}+', 'a\\Rb', '(?(1)a|b)', '(a)(?1)']) {
      const re = linear(pattern)
      expect(re.linear).toBe(false)
      for (const s of ['p{Lu}', 'aRb', 'b', 'aa']) expect(shape(re.exec(s))).toEqual(shape(oldRegExpOrNever(pattern).exec(s)))
    }
    expect(compileConfigRegex('(', false, null).exec('(')).toBeNull()
  })
})

describe('the cost hook', () => {
  // Programs are shared by pattern across the process: each test uses patterns of its own.
  let serial = 0
  const fresh = (pattern: string): string => pattern.replace('@', `u${++serial}`)
  const charges: number[] = []
  let answer = true
  const hook = (ms: number): boolean => (charges.push(ms), answer)
  afterEach(() => {
    setMatchCostHook(null)
    setBacktrackingRunner(null)
    vi.restoreAllMocks()
    charges.length = 0
    answer = true
  })

  it('is told of the compilation (timed) and of a cheap match (estimated, without reading the clock)', () => {
    setMatchCostHook(hook)
    const re = linear(fresh('^/@/(\\d+)$'))
    expect([...re.exec(`/u${serial}/7`)!]).toEqual([`/u${serial}/7`, '7'])
    // Asked first, then told what compiling took; then the match's estimate.
    expect(charges[0]).toBe(0)
    expect(charges[1]).toBeGreaterThan(0)
    expect(charges).toHaveLength(3)
    const clock = vi.spyOn(performance, 'now')
    charges.length = 0
    expect(re.exec(`/u${serial}/x`)).toBeNull()
    expect(clock).not.toHaveBeenCalled()
    // 1 µs, and 17 ns a step: 10 instructions (weighed 12.5 for a group) × 6 characters, 0.0023 ms.
    expect(charges).toHaveLength(1)
    expect(charges[0]).toBeGreaterThan(0.001)
    expect(charges[0]).toBeLessThan(0.01)
  })

  it('times a match that is not cheap', () => {
    setMatchCostHook(hook)
    const re = linear(fresh('^/@/([a-z]+)/(\\w{20,60})$'))
    const subject = `/u${serial}/room/${'x'.repeat(50)}`
    expect(re.exec(subject)?.[1]).toBe('room')
    charges.length = 0
    const clock = vi.spyOn(performance, 'now')
    expect(re.exec(subject)?.[2]).toHaveLength(50)
    expect(clock).toHaveBeenCalledTimes(2)
    expect(charges[0]).toBe(0)
    expect(charges[1]).toBeGreaterThan(0)
    expect(charges[1]).toBeLessThan(50)
  })

  it('fails the match with RegexMatchLimitError once it answers false, and before compiling when already spent', () => {
    setMatchCostHook(hook)
    const re = linear(fresh('^/@/(\\d+)$'))
    const subject = `/u${serial}/7`
    expect(re.exec(subject)).not.toBeNull()
    answer = false
    expect(() => re.exec(subject)).toThrow(RegexMatchLimitError)
    expect(() => re.exec(subject)).toThrow(expect.objectContaining({ pattern: re.source, subject }))
    answer = true
    expect(re.exec(subject)?.[1]).toBe('7')

    const compilations = compiledRegexStats().compilations
    answer = false
    const spent = linear(fresh('^/@/(a|b)+$'))
    expect(() => spent.exec('/x')).toThrow(RegexMatchLimitError)
    expect(charges.at(-1)).toBe(0)
    expect(compiledRegexStats().compilations).toBe(compilations)
    // Work of no session (the hook removed): nothing is asked.
    setMatchCostHook(null)
    expect(spent.exec(`/u${serial}/abba`)?.[1]).toBe('a')
  })

  it('leaves a match the runner runs to the runner, and weighs captures in sending it there', () => {
    const seen: string[] = []
    setBacktrackingRunner((matcher, subject, pattern) => (seen.push(pattern), matcher.exec(subject)))
    setMatchCostHook(hook)
    // 1,000 instructions on 200 characters: 200,000 steps, the runner's.
    const large = linear(fresh('@\\d{1000}'))
    expect(large.exec('x'.repeat(200))).toBeNull()
    const told = charges.length
    expect(large.exec('y'.repeat(200))).toBeNull()
    expect(charges).toHaveLength(told)
    expect(seen).toEqual([large.source, large.source])
    // 400 groups: re2js copies 800 capture slots per thread and step. 1,600 instructions on
    // 11 characters (17,600 steps) took 12 ms directly; weighed, they go to the runner.
    const groups = linear(fresh('@' + '(a?)'.repeat(400) + 'x'))
    expect(groups.exec(`u${serial}aaaaaaaaaax`)?.[0]).toBe(`u${serial}aaaaaaaaaax`)
    expect(seen).toHaveLength(3)
    // A few groups on a short subject stay direct.
    expect(linear(fresh('^/@/(\\w+)/(\\d+)/(\\w+)$')).exec(`/u${serial}/a/1/b`)).not.toBeNull()
    expect(seen).toHaveLength(3)
  })
})

describe('compiled programs', () => {
  let serial = 0
  afterEach(() => {
    setCompiledRegexBound(DEFAULT_COMPILED_REGEX_BYTES)
    setMatchCostHook(null)
  })

  it('stay within their bound: the least recently used go, and compile again (charged) when needed', () => {
    const bound = 2 * 1024 * 1024
    setCompiledRegexBound(bound)
    const regexes = Array.from({ length: 40 }, () => linear(`a{900}b${++serial}`))
    const subject = (i: number): string => 'a'.repeat(900) + 'b' + (serial - 39 + i)
    const start = compiledRegexStats()
    for (const [i, re] of regexes.entries()) {
      expect(re.exec(subject(i))?.index).toBe(0)
      expect(compiledRegexStats().bytes).toBeLessThanOrEqual(bound)
      // Keep the first one in use: least recently used, not first in.
      expect(regexes[0].exec('b')).toBeNull()
    }
    const full = compiledRegexStats()
    // About 100 KiB each (re2js holds about 75 KiB): some 20 fit.
    expect(full.programs).toBeGreaterThan(10)
    expect(full.programs).toBeLessThan(30)
    expect(full.compilations - start.compilations).toBe(40)

    // Still there: no compilation.
    expect(regexes[0].exec(subject(0))?.index).toBe(0)
    expect(compiledRegexStats().compilations).toBe(full.compilations)
    // Evicted long ago: compiled again, the same answers, told to the hook.
    const charges: number[] = []
    setMatchCostHook((ms) => (charges.push(ms), true))
    expect(regexes[1].exec('x' + subject(1))?.index).toBe(1)
    expect(regexes[1].exec(subject(2))).toBeNull()
    expect(compiledRegexStats().compilations).toBe(full.compilations + 1)
    expect(charges.slice(0, 2)).toEqual([0, expect.any(Number)])
    expect(charges[1]).toBeGreaterThan(0)

    // A smaller bound drops at once.
    setCompiledRegexBound(bound / 4)
    expect(compiledRegexStats().bytes).toBeLessThanOrEqual(bound / 4)
    expect(regexes[39].exec(subject(39))?.index).toBe(0)
  })

  it('are shared by the regexes of the same program, across configs', () => {
    const pattern = `^/shared${++serial}/(\\d+)$`
    const before = compiledRegexStats()
    const a = linear(pattern)
    const b = compileConfigRegex(pattern, false)
    expect(a.exec(`/shared${serial}/1`)?.[1]).toBe('1')
    expect(b.exec(`/shared${serial}/2`)?.[1]).toBe('2')
    const after = compiledRegexStats()
    expect(after.programs - before.programs).toBe(1)
    expect(after.compilations - before.compilations).toBe(1)
    // Caseless is another program.
    expect(compileConfigRegex(pattern, true).exec(`/SHARED${serial}/3`)?.[1]).toBe('3')
    expect(compiledRegexStats().compilations - before.compilations).toBe(2)
  })

  it('are counted as re2js holds them: small for a location, more for one-pass copies and large classes', () => {
    const cost = (pattern: string): number => {
      const before = compiledRegexStats().bytes
      linear(pattern).exec('/ws/7')
      return compiledRegexStats().bytes - before
    }
    serial++
    expect(cost(`^/ws${serial}/(\\d+)$`)).toBeGreaterThan(12 * 1024)
    expect(cost(`^/ws${serial}/(\\d+)$`)).toBe(0)
    expect(cost(`^/ws${serial}/(\\d+)$`.replace('ws', 'wt'))).toBeLessThan(40 * 1024)
    // Measured (heapUsed after gc, 100 of each): about 75 KiB, 530 KiB, 920 KiB.
    const literal = cost(`a{999}b${serial}`)
    expect(literal).toBeGreaterThan(75 * 1024)
    expect(literal).toBeLessThan(160 * 1024)
    // Anchored, under 1,000 instructions: re2js adds a one-pass copy.
    expect(cost(`^[^/]{990}${serial}`)).toBeGreaterThan(500 * 1024)
    expect(cost(`^[\\x00\\x02\\x04\\x06\\x08\\x0a\\x0c\\x0e\\x10\\x12\\x14\\x16\\x18\\x1a\\x1c\\x1e]{990}${serial}`)).toBeGreaterThan(600 * 1024)
  })
})

describe('captures', () => {
  it('are a null-prototype object, so a capture name never reaches Object.prototype', () => {
    const m = linear('^/(?<constructor>\\w+)/(?<__proto__>\\w+)$').exec('/a/b')!
    const captures = capturesOf(m)
    expect(Object.getPrototypeOf(captures)).toBeNull()
    expect(Object.entries(captures)).toEqual([['1', 'a'], ['2', 'b'], ['constructor', 'a'], ['__proto__', 'b']])
    expect('toString' in capturesOf(linear('x').exec('x')!)).toBe(false)
  })
})

describe('without Node', () => {
  it('has no node: import', () => {
    const source = readFileSync(join(ROOT, 'server/nginx/regex-match.ts'), 'utf8')
    expect(source).not.toMatch(/from ['"]node:/)
  })

  it('runs bundled for the browser in a bare JavaScript context, default runner included', async () => {
    const bundle = await build({
      entryPoints: [join(ROOT, 'server/nginx/regex-match.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'regexMatch',
      write: false,
      logLevel: 'silent',
    })
    // Only what a browser adds to the language here: no process, require, Buffer or timers.
    const context = vm.createContext({ TextEncoder })
    vm.runInContext(bundle.outputFiles[0].text, context)
    const run = (pattern: string, subject: string): unknown =>
      vm.runInContext(`(() => { const re = regexMatch.compileConfigRegex(${JSON.stringify(pattern)}, false); const m = re.exec(${JSON.stringify(subject)}); return JSON.stringify({ linear: re.linear, m: m && [...m] }) })()`, context)
    expect(JSON.parse(run('^/chat/(?<r>[a-z0-9]+)$', '/chat/lobby') as string)).toEqual({ linear: true, m: ['/chat/lobby', 'lobby'] })
    expect(JSON.parse(run('^/(\\w+)/\\1$', '/ab/ab') as string)).toEqual({ linear: false, m: ['/ab/ab', 'ab'] })
    expect(JSON.parse(run('caf\u00e9', 'caf\xc3\xa9') as string)).toEqual({ linear: true, m: ['caf\xc3\xa9'] })
  })
})
