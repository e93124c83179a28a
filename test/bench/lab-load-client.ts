/**
 * The load generator of `npm run bench:load` (forked by lab-load.ts, its own process): opens
 * SESSIONS sessions on the lab server with the canonical config applied, two chat clients in
 * each (their own room), then every client sends one message a second for the duration. The
 * latency of a message is the time until its sender receives the room's broadcast of it back
 * through the proxy. Reports over IPC: phase marks, then the figures and its own CPU time.
 */
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import { CANONICAL } from '../support/lab.ts'

export interface LoadTask {
  url: string
  sessions: number
  durationMs: number
}

export type LoadReport =
  | { kind: 'ready'; sessions: number; clients: number; setupMs: number }
  | { kind: 'done'; sent: number; received: number; errors: string[]; errorCount: number; latenciesMs: number[]; cpuUs: number; wallMs: number }

const HARD_LIMIT_MS = 15 * 60_000
setTimeout(() => process.exit(3), HARD_LIMIT_MS).unref()
process.on('disconnect', () => process.exit(0))

const errors: string[] = []
let errorCount = 0
const fail = (what: string): void => {
  errorCount++
  if (errors.length < 10) errors.push(what)
}

async function post(url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

interface Client {
  ws: WebSocket
  nick: string
  pending: Map<number, number>
}

async function openSession(base: string, index: number): Promise<Client[]> {
  const created = await post(`${base}/api/sessions`)
  if (created.status !== 201) throw new Error(`session ${index}: ${created.status} ${JSON.stringify(created.json)}`)
  const id = created.json.id as string
  const applied = await post(`${base}/api/sessions/${id}/apply`, { config: CANONICAL })
  if (applied.status !== 200) throw new Error(`session ${index}: apply ${applied.status}`)
  const wsBase = base.replace(/^http/, 'ws')
  return Promise.all(
    ['alice', 'bob'].map(
      (nick) =>
        new Promise<Client>((resolve, reject) => {
          const ws = new WebSocket(`${wsBase}/lab/${id}/${nick}@localhost:8020/?room=s${index}&nick=${nick}`, { perMessageDeflate: false })
          const client: Client = { ws, nick, pending: new Map() }
          ws.once('open', () => resolve(client))
          ws.once('error', reject)
        }),
    ),
  )
}

async function run(task: LoadTask): Promise<void> {
  const setupStart = performance.now()
  const clients: Client[] = []
  // Sessions are opened 20 at a time.
  for (let i = 0; i < task.sessions; i += 20) {
    const batch = await Promise.all(Array.from({ length: Math.min(20, task.sessions - i) }, (_, k) => openSession(task.url, i + k)))
    for (const pair of batch) clients.push(...pair)
  }
  process.send?.({ kind: 'ready', sessions: task.sessions, clients: clients.length, setupMs: performance.now() - setupStart } satisfies LoadReport)

  const latencies: number[] = []
  let sent = 0
  let received = 0
  for (const client of clients) {
    client.ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; nick?: string; text?: string }
      if (message.type !== 'message') return
      received++
      if (message.nick !== client.nick) return
      const seq = Number(message.text?.split(' ')[0])
      const at = client.pending.get(seq)
      if (at === undefined) return
      client.pending.delete(seq)
      latencies.push(performance.now() - at)
    })
    client.ws.on('close', (code) => fail(`${client.nick} closed (${code})`))
    client.ws.on('error', (error) => fail(error.message))
  }

  const cpuStart = process.cpuUsage()
  const start = performance.now()
  const timers: NodeJS.Timeout[] = []
  clients.forEach((client, i) => {
    // Spread over the second so the load is even, not a burst each second.
    const offset = (i * 1000) / clients.length
    timers.push(
      setTimeout(() => {
        let seq = 0
        const tick = (): void => {
          if (performance.now() - start >= task.durationMs) return
          seq++
          client.pending.set(seq, performance.now())
          client.ws.send(`${seq} hello from ${client.nick}`)
          sent++
          timers.push(setTimeout(tick, 1000))
        }
        tick()
      }, offset),
    )
  })
  await new Promise((resolve) => setTimeout(resolve, task.durationMs + 2_000))
  for (const t of timers) clearTimeout(t)
  for (const client of clients) {
    const lost = client.pending.size
    if (lost) fail(`${client.nick}: ${lost} messages never came back`)
    errorCount += lost > 1 ? lost - 1 : 0
  }
  const cpu = process.cpuUsage(cpuStart)
  const wallMs = performance.now() - start
  for (const client of clients) client.ws.removeAllListeners('close')
  process.send?.({ kind: 'done', sent, received, errors, errorCount, latenciesMs: latencies, cpuUs: cpu.user + cpu.system, wallMs } satisfies LoadReport)
  for (const client of clients) client.ws.terminate()
}

process.once('message', (task: LoadTask) => {
  run(task).catch((error: Error) => {
    fail(error.message)
    process.send?.({ kind: 'done', sent: 0, received: 0, errors, errorCount, latenciesMs: [], cpuUs: 0, wallMs: 0 } satisfies LoadReport)
  })
})
