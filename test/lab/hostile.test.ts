/**
 * A hostile visitor against the lab as `npm start` runs it, with a victim session chatting every
 * 100 ms beside it. Each attack (test/support/attacks.ts: loops, doublings, backtracking regexes,
 * prototype names, bytes that never stop, huge timers, floods) is repeated back to back for 10 s;
 * meanwhile the victim's round trips stay fast (p99 ≤ 100 ms, max ≤ 500 ms, at least 100
 * samples), none of its clients is closed, and the lab stays the same process. Afterwards the
 * lab's memory comes back to its warmed-up level without a forced collection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ATTACKS, type Attack, type AttackContext } from '../support/attacks.ts'
import { percentile, startLabProcess, Victim, type LabProcess } from '../support/hostile-lab.ts'

const ATTACK_MS = 10_000
const MIN_SAMPLES = 100
/** A round that takes longer than this is itself a failure (the lab froze). */
const ROUND_LIMIT_MS = 5_000

let lab: LabProcess
let victim: Victim
let baselineRss = 0
const attacker = { session: '' }

/** The attacker's session with the attack's config applied (a new one when the lab stopped the old). */
async function prepare(attack: Attack): Promise<AttackContext> {
  const described = attacker.session ? await lab.api('GET', `/api/sessions/${attacker.session}`) : { status: 404 }
  if (described.status !== 200) {
    const created = await lab.api<{ id: string }>('POST', '/api/sessions')
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    attacker.session = created.body.id
  }
  const ctx: AttackContext = { port: lab.port, session: attacker.session, api: lab.api }
  const { CANONICAL } = await import('../support/lab.ts')
  let applied = await lab.api<{ retryAfter?: number }>('POST', `/api/sessions/${attacker.session}/apply`, { config: attack.config ?? CANONICAL })
  // The attacker may have spent its share of compile time on the previous attack: it waits, as told.
  for (let tries = 0; applied.status === 429 && tries < 20; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    applied = await lab.api('POST', `/api/sessions/${attacker.session}/apply`, { config: attack.config ?? CANONICAL })
  }
  expect(applied.status, JSON.stringify(applied.body).slice(0, 2000)).toBe(200)
  return ctx
}

/** Rounds of the attack back to back for `ms`; returns how many ran. */
async function repeat(attack: Attack, ms: number): Promise<number> {
  let ctx = await prepare(attack)
  const until = performance.now() + ms
  let rounds = 0
  while (performance.now() < until) {
    const started = performance.now()
    await Promise.race([
      attack.round(ctx),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`one round of "${attack.name}" took over ${ROUND_LIMIT_MS} ms`)), ROUND_LIMIT_MS).unref()),
    ])
    expect(performance.now() - started).toBeLessThan(ROUND_LIMIT_MS)
    rounds++
    // The lab may have stopped the attacker's session (containment): the attacker starts over.
    if (rounds % 20 === 0 && (await lab.api('GET', `/api/sessions/${ctx.session}`)).status !== 200) ctx = await prepare(attack)
  }
  return rounds
}

beforeAll(async () => {
  lab = await startLabProcess()
  victim = await Victim.join(lab)
  victim.start(100)
  // Warm up: every attack once, so the baseline has the code paths compiled and the pools made.
  for (const attack of ATTACKS) await repeat(attack, 200)
  await new Promise((resolve) => setTimeout(resolve, 2000))
  victim.take()
  baselineRss = lab.rss()
}, 120_000)

afterAll(async () => {
  victim?.stop()
  await lab?.stop()
})

/** UL_ATTACKS=text runs only the attacks whose name contains it (a local shortcut; CI runs all). */
const only = process.env.UL_ATTACKS

describe('a hostile visitor beside a chatting victim', () => {
  for (const attack of ATTACKS.filter((a) => !only || a.name.includes(only))) {
    it(`${attack.name}: the victim keeps its latency, the lab its process`, async () => {
      victim.take()
      let rounds = await repeat(attack, ATTACK_MS)
      // At least 100 round trips measured under the attack.
      while (victim.measured < MIN_SAMPLES) rounds += await repeat(attack, 500)
      const samples = victim.take()
      const p99 = percentile(samples, 99)
      const max = Math.max(...samples)
      const report = `${attack.name}: ${rounds} rounds, victim ${samples.length} round trips, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`
      console.log(report)
      expect(rounds).toBeGreaterThan(0)
      expect(samples.length, report).toBeGreaterThanOrEqual(MIN_SAMPLES)
      expect(p99, report).toBeLessThanOrEqual(100)
      expect(max, report).toBeLessThanOrEqual(500)
      expect(victim.closes, report).toEqual([])
      expect(lab.child.exitCode, lab.stderr()).toBeNull()
    }, ATTACK_MS + 60_000)
  }

  it('gives its memory back: RSS within 10 % of the warmed-up baseline within 30 s', async () => {
    const deadline = performance.now() + 30_000
    let rss = lab.rss()
    while (rss > baselineRss * 1.1 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      rss = lab.rss()
    }
    console.log(`RSS: baseline ${(baselineRss / 2 ** 20).toFixed(1)} MiB, now ${(rss / 2 ** 20).toFixed(1)} MiB`)
    expect(rss).toBeLessThanOrEqual(baselineRss * 1.1)
    expect(victim.closes).toEqual([])
  }, 40_000)
})
