/**
 * A load generator process for the proxy benchmark (forked by proxy-bench.ts), using `ws`
 * clients on loopback. It runs one task at a time, sent over IPC (protocol.ts):
 *
 * - throughput: N WebSockets, each keeping `depth` binary messages in flight (a new message is
 *   sent for every echo received), echoes counted over the window after a warm-up;
 * - latency: one message in flight per connection, the round-trip time of every echo;
 * - connect: `concurrency` loops of handshake-through-the-proxy then close;
 * - open / closeAll: idle WebSockets held for the memory figure.
 *
 * Every task reports the generator's own CPU time (process.cpuUsage) over its window, so a
 * saturated generator shows. Every loop is bounded in time (the window, plus fixed timeouts)
 * and in count (MAX_MESSAGES, MAX_CONNECTS, MAX_SAMPLES); the process exits when the parent goes
 * away, and in any case after HARD_LIMIT_MS.
 */
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import type {
  CloseAllResult,
  ConnectResult,
  ConnectTask,
  CpuTime,
  GeneratorResult,
  GeneratorTask,
  LatencyResult,
  LatencyTask,
  OpenResult,
  OpenTask,
  Reply,
  Request,
  ThroughputResult,
  ThroughputTask,
} from './protocol.ts'

const HARD_LIMIT_MS = 600_000
/** Upper bounds on any one task, whatever the window. */
const MAX_MESSAGES = 100_000_000
const MAX_CONNECTS = 1_000_000
const MAX_SAMPLES = 2_000_000
const OPEN_TIMEOUT_MS = 10_000
const DRAIN_TIMEOUT_MS = 3_000

if (!process.send) {
  console.error('load-client: must be forked with an IPC channel')
  process.exit(2)
}
setTimeout(() => process.exit(3), HARD_LIMIT_MS).unref()
process.on('disconnect', () => process.exit(0))

const send = (reply: Reply): void => void process.send?.(reply)
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const CLIENT_OPTIONS: WebSocket.ClientOptions = { perMessageDeflate: false, handshakeTimeout: OPEN_TIMEOUT_MS }

/** The first few errors seen, for the parent's messages. */
const errorSamples: string[] = []

/** Every idle WebSocket held by `open` tasks. */
const held: WebSocket[] = []

/** The window: CPU time and wall time from start() to stop(), with `window` events to the parent. */
class Window {
  private cpu0: CpuTime = { user: 0, system: 0 }
  private t0 = 0
  open = false
  start(): void {
    send({ event: 'window', phase: 'start' })
    this.cpu0 = process.cpuUsage()
    this.t0 = performance.now()
    this.open = true
  }
  stop(): { elapsedMs: number; cpu: CpuTime } {
    this.open = false
    const elapsedMs = performance.now() - this.t0
    const cpu = process.cpuUsage(this.cpu0)
    send({ event: 'window', phase: 'end' })
    return { elapsedMs, cpu }
  }
}

/** Opens one WebSocket; resolves with it once open, or with the error. */
function openOne(url: string): Promise<WebSocket | Error> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, CLIENT_OPTIONS)
    const timer = setTimeout(() => {
      ws.terminate()
      resolve(new Error('open timed out'))
    }, OPEN_TIMEOUT_MS)
    ws.once('open', () => {
      clearTimeout(timer)
      resolve(ws)
    })
    ws.once('error', (error) => {
      clearTimeout(timer)
      resolve(error)
    })
  })
}

/** Opens `count` WebSockets, at most `concurrency` handshakes at once. */
async function openMany(url: string, count: number, concurrency: number, deadline: number): Promise<{ sockets: WebSocket[]; errors: number }> {
  const sockets: WebSocket[] = []
  let errors = 0
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < count && Date.now() < deadline) {
      next++
      const result = await openOne(url)
      if (result instanceof Error) {
        errors++
        if (errorSamples.length < 3) errorSamples.push(result.message)
      } else {
        result.on('error', () => undefined)
        sockets.push(result)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane))
  return { sockets, errors }
}

function closeAll(sockets: WebSocket[]): void {
  for (const ws of sockets) ws.terminate()
}

async function throughput(task: ThroughputTask): Promise<ThroughputResult> {
  const payload = Buffer.alloc(task.size, 0x5a)
  const { sockets, errors: openErrors } = await openMany(task.url, task.connections, task.connections, Date.now() + OPEN_TIMEOUT_MS)
  let errors = openErrors
  const window = new Window()
  let sending = true
  let sent = 0
  let received = 0
  let counted = 0
  for (const ws of sockets) {
    ws.on('message', () => {
      received++
      if (window.open) counted++
      if (sending && sent < MAX_MESSAGES) {
        sent++
        ws.send(payload, { binary: true })
      }
    })
    ws.on('close', () => {
      if (sending) errors++
    })
    for (let i = 0; i < task.depth; i++) {
      sent++
      ws.send(payload, { binary: true })
    }
  }
  await delay(task.warmupMs)
  window.start()
  await delay(task.windowMs)
  const { elapsedMs, cpu } = window.stop()
  sending = false
  // Let the messages still in flight come back (bounded), so that the next task starts clean.
  const drainDeadline = Date.now() + DRAIN_TIMEOUT_MS
  while (received < sent && Date.now() < drainDeadline) await delay(10)
  closeAll(sockets)
  return { kind: 'throughput', messages: counted, bytes: counted * task.size, elapsedMs, cpu, errors }
}

async function latency(task: LatencyTask): Promise<LatencyResult> {
  const payload = Buffer.alloc(task.size, 0x5a)
  const { sockets, errors: openErrors } = await openMany(task.url, task.connections, task.connections, Date.now() + OPEN_TIMEOUT_MS)
  let errors = openErrors
  const window = new Window()
  const samples = new Float64Array(MAX_SAMPLES)
  let count = 0
  let sending = true
  let inFlight = 0
  for (const ws of sockets) {
    let sentAt = 0
    const fire = (): void => {
      sentAt = performance.now()
      inFlight++
      ws.send(payload, { binary: true })
    }
    ws.on('message', () => {
      const rtt = performance.now() - sentAt
      inFlight--
      if (window.open && count < MAX_SAMPLES) samples[count++] = rtt
      if (sending) fire()
    })
    ws.on('close', () => {
      if (sending) errors++
    })
    fire()
  }
  await delay(task.warmupMs)
  window.start()
  await delay(task.windowMs)
  const { elapsedMs, cpu } = window.stop()
  sending = false
  const drainDeadline = Date.now() + DRAIN_TIMEOUT_MS
  while (inFlight > 0 && Date.now() < drainDeadline) await delay(10)
  closeAll(sockets)
  const sorted = samples.slice(0, count).sort()
  const at = (p: number): number => (count === 0 ? NaN : sorted[Math.min(count - 1, Math.floor(p * count))])
  let sum = 0
  for (let i = 0; i < count; i++) sum += sorted[i]
  return { kind: 'latency', samples: count, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: count ? sorted[count - 1] : NaN, meanMs: sum / count, sortedMs: Array.from(sorted), elapsedMs, cpu, errors }
}

async function connect(task: ConnectTask): Promise<ConnectResult> {
  const window = new Window()
  let running = true
  let started = 0
  let completed = 0
  let errors = 0
  const handshakes: number[] = []
  /** One connection: open, then close and wait for the close to complete; false on failure. */
  const cycle = (): Promise<boolean> =>
    new Promise((resolve) => {
      const t0 = performance.now()
      const ws = new WebSocket(task.url, CLIENT_OPTIONS)
      let ok = false
      const timer = setTimeout(() => ws.terminate(), OPEN_TIMEOUT_MS)
      ws.once('open', () => {
        ok = true
        if (window.open && handshakes.length < MAX_SAMPLES) handshakes.push(performance.now() - t0)
        ws.close(1000)
      })
      ws.on('error', () => (ok = false))
      ws.once('close', () => {
        clearTimeout(timer)
        resolve(ok)
      })
    })
  const lane = async (): Promise<void> => {
    while (running && started < MAX_CONNECTS) {
      started++
      const ok = await cycle()
      if (!ok) errors++
      else if (window.open) completed++
    }
  }
  const lanes = Promise.all(Array.from({ length: task.concurrency }, lane))
  await delay(task.warmupMs)
  window.start()
  await delay(task.windowMs)
  const { elapsedMs, cpu } = window.stop()
  running = false
  await Promise.race([lanes, delay(OPEN_TIMEOUT_MS + 1_000)])
  handshakes.sort((a, b) => a - b)
  const handshakeP50Ms = handshakes.length ? handshakes[Math.floor(handshakes.length / 2)] : NaN
  return { kind: 'connect', connections: completed, handshakeP50Ms, elapsedMs, cpu, errors }
}

async function openIdle(task: OpenTask): Promise<OpenResult> {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const { sockets, errors } = await openMany(task.url, task.count, task.concurrency, Date.now() + task.timeoutMs)
  for (const ws of sockets) held.push(ws)
  return { kind: 'open', opened: sockets.length, held: held.length, elapsedMs: performance.now() - t0, cpu: process.cpuUsage(cpu0), errors, errorSamples: errorSamples.splice(0) }
}

async function closeHeld(): Promise<CloseAllResult> {
  const closed = held.length
  closeAll(held.splice(0))
  await delay(100)
  return { kind: 'closeAll', closed }
}

function run(task: GeneratorTask): Promise<GeneratorResult> {
  switch (task.kind) {
    case 'throughput':
      return throughput(task)
    case 'latency':
      return latency(task)
    case 'connect':
      return connect(task)
    case 'open':
      return openIdle(task)
    case 'closeAll':
      return closeHeld()
  }
}

process.on('message', (message: Request<GeneratorTask>) => {
  run(message.task).then(
    (result) => send({ id: message.id, ok: true, result }),
    (error: unknown) => send({ id: message.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  )
})
send({ event: 'ready' })
