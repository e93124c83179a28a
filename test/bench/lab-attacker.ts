/**
 * The attacking visitor of `npm run bench:load`, in a process of its own: one session that
 * cycles through the hostile suite's attacks (test/support/attacks.ts), one every second (its
 * config applied, then one round of it), while the 1,000 chatting sessions run. (The hostile
 * suite repeats each attack back to back; here the question is the chatting sessions' figures
 * with an attacker among them.) Told the lab's URL and for how long; answers with how
 * many rounds of each attack it ran and how many times the lab stopped its session.
 */
import { ATTACKS, labApi, type AttackContext } from '../support/attacks.ts'
import { CANONICAL } from '../support/lab.ts'

export interface AttackTask {
  url: string
  durationMs: number
}

export interface AttackReport {
  rounds: Record<string, number>
  /** Times the attacker found its session gone (stopped or refused) and made a new one. */
  sessionsMade: number
  /** Rounds that failed on the attacker's side (refused, reset): expected, counted for the report. */
  failedRounds: number
}

const ATTACK_EVERY_MS = 1000

process.once('message', async (task: AttackTask) => {
  const api = labApi(task.url)
  const report: AttackReport = { rounds: {}, sessionsMade: 0, failedRounds: 0 }
  const port = Number(new URL(task.url).port)
  let session = ''
  const until = performance.now() + task.durationMs
  for (let i = 0; performance.now() < until; i++) {
    const attack = ATTACKS[i % ATTACKS.length]
    if (!session || (await api('GET', `/api/sessions/${session}`)).status !== 200) {
      const created = await api<{ id: string }>('POST', '/api/sessions')
      if (created.status !== 201) break
      session = created.body.id
      report.sessionsMade++
    }
    const next = performance.now() + ATTACK_EVERY_MS
    await api('POST', `/api/sessions/${session}/apply`, { config: attack.config ?? CANONICAL })
    const ctx: AttackContext = { port, session, api }
    try {
      await attack.round(ctx)
      report.rounds[attack.name] = (report.rounds[attack.name] ?? 0) + 1
    } catch {
      report.failedRounds++
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())))
  }
  process.send!(report)
})
