/**
 * `npm run bench:load`: the lab server under many visitors, on loopback, bounded in time.
 *
 * `upgrade-lab start` runs in its own process as `npm start` runs it (the bin, with the node
 * flags of its #! line), with the per-address session limit raised, since every session comes
 * from 127.0.0.1; a load generator (lab-load-client.ts) in a second
 * process opens 1,000 sessions with the canonical config and 2 chat clients each, then every
 * client sends one message a second for a minute. Printed: memory per session (RSS of the lab
 * process after the sessions opened minus before, over their number, and again at the end),
 * message latency (send → the sender receives the room's broadcast of it) p50/p99/max,
 * errors, and the CPU time of the lab and of the generator.
 *
 * Beside them, a third process (lab-attacker.ts) is a hostile visitor: one session cycling
 * through the hostile suite's attacks, a new one every second, for the whole sending minute
 * (`--no-attacker` leaves it out). The goals hold for the chatting sessions with it running.
 *
 *   npm run bench:load [-- --sessions N] [--duration-s S] [--no-attacker]
 */
import { fork, spawn } from 'node:child_process'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { freePort } from '../support/runtime/ports.ts'
import { REGISTER_TS, UPGRADE_LAB_BIN } from '../support/runtime/processes.ts'
import type { AttackReport, AttackTask } from './lab-attacker.ts'
import type { LoadReport, LoadTask } from './lab-load-client.ts'
import { cpuMsOf as cpuMs, percentile, rssKiBOf as rssKiB } from './proc-stats.ts'

const GOALS = { errors: 0, kibPerSession: 200, p99Ms: 50 }

const { values } = parseArgs({ options: { sessions: { type: 'string', default: '1000' }, 'duration-s': { type: 'string', default: '60' }, 'no-attacker': { type: 'boolean', default: false } } })
const sessions = Number(values.sessions)
const durationMs = Number(values['duration-s']) * 1000
if (!(sessions >= 1 && sessions <= 5000) || !(durationMs >= 1000 && durationMs <= 600_000)) {
  console.error('bench:load: --sessions takes 1 to 5000, --duration-s 1 to 600')
  process.exit(2)
}


const port = await freePort()
const lab = spawn(UPGRADE_LAB_BIN, ['start'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LAB_SESSIONS_PER_ADDRESS: String(sessions + 10), LAB_SESSIONS: String(sessions + 10) },
  stdio: ['ignore', 'pipe', 'inherit'],
})
const stopLab = (): void => void lab.kill('SIGTERM')
process.on('exit', stopLab)
await new Promise<void>((resolve, reject) => {
  let out = ''
  const timer = setTimeout(() => reject(new Error('upgrade-lab start did not get ready in 60 s')), 60_000)
  lab.stdout.on('data', (chunk: Buffer) => {
    out += chunk
    if (out.includes('ready')) {
      clearTimeout(timer)
      resolve()
    }
  })
  lab.once('exit', (code) => reject(new Error(`upgrade-lab start exited (${code})`)))
})
const labPid = lab.pid!
await new Promise((resolve) => setTimeout(resolve, 500))
const rssBefore = rssKiB(labPid)

const generator = fork(join(import.meta.dirname, 'lab-load-client.ts'), [], { execArgv: ['--import', REGISTER_TS] })
const reports: LoadReport[] = []
const nextReport = (): Promise<LoadReport> =>
  new Promise((resolve, reject) => {
    generator.once('message', (report: LoadReport) => {
      reports.push(report)
      resolve(report)
    })
    generator.once('exit', (code) => reject(new Error(`the load generator exited (${code})`)))
  })
generator.send({ url: `http://127.0.0.1:${port}`, sessions, durationMs } satisfies LoadTask)
console.error(`bench:load: opening ${sessions} sessions…`)
const ready = await nextReport()
if (ready.kind !== 'ready') throw new Error('the generator failed before the sessions were open')
await new Promise((resolve) => setTimeout(resolve, 1000))
const rssOpen = rssKiB(labPid)
const labCpuStart = cpuMs(labPid)
console.error(`bench:load: ${ready.sessions} sessions, ${ready.clients} clients open in ${(ready.setupMs / 1000).toFixed(1)} s; sending for ${durationMs / 1000} s${values['no-attacker'] ? '' : ', with an attacker beside them'}…`)
const attacker = values['no-attacker'] ? null : fork(join(import.meta.dirname, 'lab-attacker.ts'), [], { execArgv: ['--import', REGISTER_TS] })
const attackReport = attacker
  ? new Promise<AttackReport>((resolve, reject) => {
      attacker.once('message', (report: AttackReport) => resolve(report))
      attacker.once('exit', (code) => reject(new Error(`the attacker exited (${code})`)))
    })
  : null
attacker?.send({ url: `http://127.0.0.1:${port}`, durationMs } satisfies AttackTask)
const done = await nextReport()
const attacks = await attackReport
attacker?.kill()
if (done.kind !== 'done') throw new Error('unexpected report')
const labCpu = cpuMs(labPid) - labCpuStart
const rssEnd = rssKiB(labPid)
generator.kill()
stopLab()

const sorted = [...done.latenciesMs].sort((a, b) => a - b)
const perSession = (rssOpen - rssBefore) / sessions
const perSessionEnd = (rssEnd - rssBefore) / sessions
const p99 = percentile(sorted, 99)
const verdict = (ok: boolean): string => (ok ? 'yes' : 'NO')
console.log(`Upgrade Lab load bench — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`)
console.log(`${sessions} sessions × 2 chat clients, 1 message/s per client for ${durationMs / 1000} s, lab and generator in separate processes on loopback\n`)
const rows = [
  ['figure', 'value', 'goal', 'met'],
  ['errors (closes, lost messages, failed opens)', String(done.errorCount), '0', verdict(done.errorCount === GOALS.errors)],
  ['memory per session, all open (KiB)', perSession.toFixed(1), `≤ ${GOALS.kibPerSession}`, verdict(perSession <= GOALS.kibPerSession)],
  ['memory per session, at the end (KiB)', perSessionEnd.toFixed(1), `≤ ${GOALS.kibPerSession}`, verdict(perSessionEnd <= GOALS.kibPerSession)],
  ['message latency p50 (ms)', percentile(sorted, 50).toFixed(2), '', ''],
  ['message latency p99 (ms)', p99.toFixed(2), `≤ ${GOALS.p99Ms}`, verdict(p99 <= GOALS.p99Ms)],
  ['message latency max (ms)', (sorted.at(-1) ?? NaN).toFixed(2), '', ''],
  ['messages sent / broadcasts received', `${done.sent} / ${done.received}`, '', ''],
  ['lab CPU over the run (share of one core)', `${((labCpu / done.wallMs) * 100).toFixed(0)}%`, '', ''],
  ['generator CPU over the run (share of one core)', `${((done.cpuUs / 1000 / done.wallMs) * 100).toFixed(0)}%`, '', ''],
]
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)))
for (const [i, row] of rows.entries()) {
  console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`)
  if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
}
console.log(`\nlab RSS: ${rssBefore} KiB before, ${rssOpen} KiB with every session open, ${rssEnd} KiB at the end`)
if (done.errors.length) console.log(`first errors: ${done.errors.join('; ')}`)
if (attacks) {
  const total = Object.values(attacks.rounds).reduce((sum, n) => sum + n, 0)
  console.log(`attacker: ${total} rounds of ${Object.keys(attacks.rounds).length} attacks (${Object.entries(attacks.rounds).map(([name, n]) => `${name} ${n}`).join(', ')}); sessions made ${attacks.sessionsMade}, rounds refused ${attacks.failedRounds}`)
}
process.exit(0)
