/**
 * Config regexes cost the event loop and memory even when they run in linear time. A config of
 * 2,900 distinct medium regexes (`location ~ "X{999}Y"`: 1,000 instructions each, 64 KiB in
 * all), every one tried by each request, took 5 s of event loop and 230 MB of heap per request
 * before they were charged and bounded. Requested again and again by one session it must now
 * hold the event loop about 100 ms at most per request (its share of regex time, then nginx's
 * 500 for PCRE2's match limit), keep compiled programs within their bound, and leave another
 * session answering promptly. spendRegex itself: the session's share told in batches.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compiledRegexStats, DEFAULT_COMPILED_REGEX_BYTES, setCompiledRegexBound } from '../../server/nginx/regex-match.ts'
import { installRegexBudget, runAs, spendRegex, type Contained } from '../../server/sandbox/containment.ts'
import { startTestLab, type TestLab } from '../support/lab.ts'

// As the lab server installs it.
installRegexBudget()

const gc = (globalThis as { gc?: () => void }).gc!

const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const REGEXES = 2900
/** 2,900 distinct regexes of 1,000 instructions, none of which matches `/zzz`. */
function hostileConfig(): string {
  let locations = ''
  for (let i = 0; i < REGEXES; i++) locations += `location ~ '${CHARS[i % 62]}{999}${CHARS[Math.floor(i / 62) % 62]}'{}`
  return `events{}http{server{listen 8020;${locations}location /{return 200 ok;}}}`
}

const VICTIM = `events {}
http {
    server {
        listen 8020;
        location ~ ^/ws/(\\d+)$ { return 200 "ws $1"; }
        location ~* \\.(js|css|png)$ { return 200 static; }
        location / { return 404; }
    }
}
`

/** A small bound, so that this test's few seconds go past it (the default is 32 MiB). */
const BOUND = 4 * 1024 * 1024

interface Raw {
  status: string
  ms: number
  budgetTrips: number
}

async function raw(t: TestLab, session: string, path: string): Promise<Raw> {
  const started = performance.now()
  const answer = await t.api<{ response: string; events: Array<{ type: string; kind?: string }> }>('POST', `/api/sessions/${session}/raw`, {
    request: `GET ${path} HTTP/1.0\r\n\r\n`,
    port: 8020,
  })
  const ms = performance.now() - started
  expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200)
  const { response, events } = answer.body
  return { status: response.split('\r\n')[0], ms, budgetTrips: events.filter((e) => e.type === 'budget' && e.kind === 'regex').length }
}

describe('a config of thousands of medium regexes', () => {
  let t: TestLab
  beforeAll(async () => {
    setCompiledRegexBound(BOUND)
    t = await startTestLab()
  })
  afterAll(async () => {
    setCompiledRegexBound(DEFAULT_COMPILED_REGEX_BYTES)
    await t.close()
  })

  it('holds the event loop about 100 ms per request at most, stays within the bound, and another session answers promptly', async () => {
    const hostile = await t.session(hostileConfig())
    const victim = await t.session(VICTIM)
    expect((await raw(t, victim, '/ws/7')).status).toBe('HTTP/1.1 200 OK')
    gc()
    const heapBefore = process.memoryUsage().heapUsed
    const before = compiledRegexStats()
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    const attacks: Raw[] = []
    const answers: Raw[] = []
    const deadline = performance.now() + 4000
    while (performance.now() < deadline) {
      // The attacker's request and the victim's at the same time, then a pause for the share to refill.
      const [attack, answer] = await Promise.all([raw(t, hostile, '/zzz'), raw(t, victim, '/ws/7')])
      attacks.push(attack)
      answers.push(answer)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    delay.disable()
    gc()
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore
    const after = compiledRegexStats()
    const summary = {
      rounds: attacks.length,
      attackMaxMs: Math.round(Math.max(...attacks.map((a) => a.ms))),
      victimMaxMs: Math.round(Math.max(...answers.map((a) => a.ms))),
      loopDelayMaxMs: Math.round(delay.max / 1e6),
      attackStatuses: [...new Set(attacks.map((a) => a.status))],
      compiled: after.compilations - before.compilations,
      resident: after.programs,
      residentMiB: +(after.bytes / 2 ** 20).toFixed(1),
      heapGrowthMiB: +(heapGrowth / 2 ** 20).toFixed(1),
    }
    console.log(`regex budget: ${JSON.stringify(summary)}`)

    // The attacker got nginx's 500 for the match limit once its share was spent, and was not stopped.
    expect(attacks.some((a) => a.status === 'HTTP/1.1 500 Internal Server Error' && a.budgetTrips === 1)).toBe(true)
    expect(attacks.every((a) => a.status === 'HTTP/1.1 500 Internal Server Error' || a.status === 'HTTP/1.1 200 OK')).toBe(true)
    expect((await t.api('GET', `/api/sessions/${hostile}`)).status).toBe(200)
    // About 100 ms (the session's burst of regex time) and one compilation past it, at most.
    expect(summary.attackMaxMs).toBeLessThan(160)
    expect(summary.loopDelayMaxMs).toBeLessThan(160)
    // The victim waited for one such request at most.
    expect(answers.every((a) => a.status === 'HTTP/1.1 200 OK')).toBe(true)
    expect(summary.victimMaxMs).toBeLessThan(200)
    // More programs were compiled than the bound holds: the bound, not the config, decided what stayed.
    expect(after.bytes).toBeLessThanOrEqual(BOUND)
    expect(summary.compiled).toBeGreaterThan(after.programs)
    // Live memory grew by no more than the bound (re2js holds less than the estimate).
    expect(heapGrowth).toBeLessThan(BOUND + 2 * 1024 * 1024)
  })
})

describe('spendRegex', () => {
  /** A session's share as Session.spendRegexTime keeps it, counting how often it is told. */
  const owner = (shareMs: number): Contained & { told: number[]; left: number } => ({
    told: [],
    left: shareMs,
    stop() {},
    spendRegexTime(ms) {
      this.told.push(ms)
      this.left -= ms
      return this.left > 0
    },
    noteLinearAnswer() {},
  })
  const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

  it('tells the session of cheap matches in batches, and all of them by the end of the piece of work', async () => {
    const a = owner(100)
    runAs(a, () => {
      for (let i = 0; i < 1000; i++) expect(spendRegex(0.002)).toBe(true)
    })
    // 2 ms in all: told once at the start, then about every 0.25 ms.
    expect(a.told.length).toBeGreaterThan(1)
    expect(a.told.length).toBeLessThan(12)
    await tick()
    expect(a.told.reduce((x, y) => x + y, 0)).toBeCloseTo(2, 6)
    // Work of no session is not charged.
    expect(spendRegex(5)).toBe(true)
  })

  it('refuses at once when the share is spent, past it by one batch at most', () => {
    const a = owner(1)
    runAs(a, () => {
      expect(spendRegex(0)).toBe(true)
      let charged = 0
      while (spendRegex(0.01)) charged += 0.01
      expect(charged).toBeGreaterThan(0.7)
      expect(charged).toBeLessThan(1 + 0.25)
      // Spent: every charge and every question is now told, and refused.
      const told = a.told.length
      expect(spendRegex(0)).toBe(false)
      expect(spendRegex(0.001)).toBe(false)
      expect(a.told.length).toBe(told + 2)
    })
  })

  it("tells a session's pending charge when another session's regex work comes", async () => {
    const a = owner(100)
    const b = owner(100)
    runAs(a, () => {
      spendRegex(0)
      spendRegex(0.1)
    })
    expect(a.told).toEqual([0])
    runAs(b, () => spendRegex(0.05))
    expect(a.told).toEqual([0, 0.1])
    expect(b.told).toEqual([0.05])
    await tick()
    expect(b.told).toEqual([0.05])
  })
})
