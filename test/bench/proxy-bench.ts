/**
 * The proxy benchmark: real nginx 1.22.1 and `upgrade-lab serve` (frame inspection on, and off
 * with --no-frame-inspection) run the same canonical WebSocket config (benchConfig below) in front
 * of the same WebSocket echo upstream (echo-upstream.ts, its own process), driven by the same
 * load generators (load-client.ts, their own processes, `ws` clients on loopback):
 *
 *   1. throughput through the tunnel, 64 B and 64 KiB binary messages: several connections
 *      each keeping messages in flight, echoes counted (messages/s, payload MB/s);
 *   2. echo round-trip latency, one message in flight on each of a few connections (p50/p99);
 *   3. new WebSocket connections per second (handshake through the proxy, then close);
 *   4. memory per idle proxied connection: RSS of the proxy (nginx master + worker, or the
 *      upgrade-lab node process, VmRSS from /proc) after opening N idle WebSockets, minus the
 *      RSS before, over N, on a freshly started proxy; at 1,000 and at the largest N every proxy
 *      can hold under the open-file limit (9,000 where `ulimit -n` is 20000: see maxIdle).
 *
 * The generators and the upstream are warmed up first on every kind of load straight to the
 * upstream; then the traffic runs: for each kind of load, the three proxies run side by side and
 * take turns, several windows each (measureTraffic); then the memory runs (one fresh process each).
 *
 * Beside every figure it reports CPU time over the measurement window, as a share of one core:
 * the generator processes' own (process.cpuUsage), the echo upstream's, and the proxy's (utime +
 * stime from /proc/PID/stat), so that a saturated generator or upstream cannot hide a gap; and
 * the proxy's CPU time per message or per connection, which does not depend on who saturates.
 *
 * nginx and the upgrade-lab process are started with the differential harness's helpers
 * (test/support/runtime/processes.ts): nginx with its own prefix in a temp folder, each proxy in
 * its own process group under `timeout -s KILL`.
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpus, tmpdir } from 'node:os'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { childPidsOf, REGISTER_TS } from '../support/runtime/processes.ts'
import { cpuMsOf, percentile, rssKiBOf } from './proc-stats.ts'
import { freePort, startNginx, startUpgradeLab, UPGRADE_LAB_BIN, type RunningProcess } from '../support/runtime-harness.ts'
import { NGINX_BINARY, nginxAvailable } from '../support/nginx.ts'
import type {
  ConnectResult,
  CpuTime,
  GeneratorResult,
  GeneratorTask,
  LatencyResult,
  OpenResult,
  Reply,
  Request,
  ThroughputResult,
  UpstreamStats,
  UpstreamTask,
} from './protocol.ts'

// ─── parameters ────────────────────────────────────────────────────────────────────────────

export interface ProxyBenchOptions {
  /** Measurement window of each figure (ms). */
  windowMs?: number
  /** Windows per figure and proxy, the proxies taking turns (see measureTraffic). */
  rounds?: number
  /** Also profile `upgrade-lab serve` (node --cpu-prof) through the 64 B throughput and connections/s loads and print its top functions. */
  profile?: boolean
  /** Measure the figures (default); false with `profile` runs the profiles only. */
  figures?: boolean
  /** Print progress on stderr. */
  verbose?: boolean
}

const WINDOW_MS = 5_000
const ROUNDS = 3
const WARMUP_MS = 1_000
/** Load generator processes (the connections of a throughput or connect run are split across them). */
const GENERATORS = 2
const THROUGHPUT_CONNECTIONS = 8
const SMALL = 64
const LARGE = 64 * 1024
/** Messages in flight per connection. */
const DEPTH_SMALL = 32
const DEPTH_LARGE = 4
const LATENCY_CONNECTIONS = 4
const CONNECT_CONCURRENCY = 8
const IDLE_STEPS = [1_000, 10_000]
const OPEN_CONCURRENCY = 64
/** fds the proxy may need beyond its baseline and 2 per connection (accept races, logs, timers). */
const FD_MARGIN = 100
const REQUEST_TIMEOUT_MS = 60_000

const GOALS = {
  throughput: 0.9,
  p99: 1.5,
  connect: 0.7,
  idleKiB: 16,
}

// ─── child processes over IPC ──────────────────────────────────────────────────────────────

/** A forked bench process (generator or upstream): requests with ids, answers, window events. */
class Child {
  private readonly proc: ChildProcess
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>()
  private readonly ready: Promise<number | undefined>
  onWindow: ((phase: 'start' | 'end') => void) | null = null

  constructor(
    readonly name: string,
    file: string,
    args: string[] = [],
  ) {
    this.proc = fork(join(import.meta.dirname, file), args, {
      execArgv: ['--import', REGISTER_TS],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    liveChildren.add(this.proc)
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start within 15 s`)), 15_000)
      this.proc.on('message', (message: Reply) => {
        if ('event' in message) {
          if (message.event === 'ready') {
            clearTimeout(timer)
            resolve(message.port)
          } else this.onWindow?.(message.phase)
          return
        }
        const waiter = this.pending.get(message.id)
        if (!waiter) return
        this.pending.delete(message.id)
        clearTimeout(waiter.timer)
        if (message.ok) waiter.resolve(message.result)
        else waiter.reject(new Error(`${name}: ${message.error}`))
      })
      this.proc.once('exit', (code, signal) => {
        clearTimeout(timer)
        liveChildren.delete(this.proc)
        const error = new Error(`${name} exited (${signal ?? code})`)
        reject(error)
        for (const waiter of this.pending.values()) {
          clearTimeout(waiter.timer)
          waiter.reject(error)
        }
        this.pending.clear()
      })
    })
  }

  whenReady(): Promise<number | undefined> {
    return this.ready
  }

  request<T>(task: GeneratorTask | UpstreamTask, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`${this.name}: no answer to ${task.kind} within ${timeoutMs} ms`))
      }, timeoutMs)
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer })
      const message: Request<GeneratorTask | UpstreamTask> = { id, task }
      this.proc.send(message)
    })
  }

  stop(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGTERM')
    liveChildren.delete(this.proc)
  }
}

const liveChildren = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL')
})

// ─── /proc (CPU and RSS: proc-stats.ts) ────────────────────────────────────────────────────

function fdCountOf(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length
}

function openFileLimitOf(pid: number): number {
  const limits = readFileSync(`/proc/${pid}/limits`, 'utf8')
  const match = /^Max open files\s+(\d+)/m.exec(limits)
  return match ? Number(match[1]) : Infinity
}

// ─── the proxies ───────────────────────────────────────────────────────────────────────────

/** The canonical WebSocket reverse-proxy config, the same for nginx and upgrade-lab. */
export function benchConfig(listenPort: number, upstreamPort: number, workerConnections: number): string {
  return `worker_processes 1;
error_log logs/error.log error;

events {
    worker_connections ${workerConnections};
}

http {
    access_log off;

    map $http_upgrade $connection_upgrade {
        default upgrade;
        ''      close;
    }

    server {
        listen 127.0.0.1:${listenPort};

        location / {
            proxy_pass http://127.0.0.1:${upstreamPort};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }
    }
}
`
}

interface Target {
  key: 'nginx' | 'lab' | 'labRaw'
  label: string
  start(dir: string, conf: string, nodeArgs?: string[]): Promise<RunningProcess>
  /** The processes whose RSS and CPU time count as the proxy's. */
  pids(proc: RunningProcess): number[]
  /** The process holding the proxied connections (for its fd count). */
  connectionHolder(proc: RunningProcess): number
}

/**
 * `upgrade-lab serve [ARGS] CONF` with node options or serve options: the harness's
 * startUpgradeLab takes neither, so this starts the same command line the same way (own process
 * group, under `timeout -s KILL`, ready on a `ready` line, SIGTERM to the node process to stop).
 */
async function startUpgradeLabWith(confPath: string, serveArgs: string[], nodeArgs: string[]): Promise<RunningProcess> {
  if (serveArgs.length === 0 && nodeArgs.length === 0) throw new Error('use startUpgradeLab')
  const repoRoot = join(import.meta.dirname, '../..')
  // The bin itself (its #! line has the node flags it runs with), extra node flags through NODE_OPTIONS.
  const child = spawn('timeout', ['-s', 'KILL', '300', UPGRADE_LAB_BIN, 'serve', ...serveArgs, confPath], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', ...nodeArgs].join(' ').trim() },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (child.pid === undefined) throw new Error('could not start upgrade-lab')
  const pid = child.pid
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const killGroup = (): void => {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // gone
    }
  }
  process.once('exit', killGroup)
  const proc: RunningProcess = {
    pid,
    child,
    output: () => ({ stdout, stderr }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        for (const target of childPidsOf(pid)) {
          try {
            process.kill(target, 'SIGTERM')
          } catch {
            // gone
          }
        }
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
      }
      killGroup()
    },
    kill: killGroup,
  }
  const deadline = Date.now() + 15_000
  while (!/ready/.test(stdout)) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      killGroup()
      throw new Error(`upgrade-lab serve ${serveArgs.join(' ')} did not become ready\n${stdout}${stderr}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 15))
  }
  return proc
}

/** The process(es) under the `timeout` that leads a harness process group. */
function proxyRoot(proc: RunningProcess): number {
  const [root] = childPidsOf(proc.pid)
  if (root === undefined) throw new Error('the proxy process is gone')
  return root
}

const TARGETS: Target[] = [
  {
    key: 'nginx',
    label: 'nginx 1.22.1',
    start: (dir, conf) => startNginx(dir, conf),
    pids: (proc) => {
      const master = proxyRoot(proc)
      return [master, ...childPidsOf(master)]
    },
    connectionHolder: (proc) => {
      const [worker] = childPidsOf(proxyRoot(proc))
      if (worker === undefined) throw new Error('no nginx worker')
      return worker
    },
  },
  {
    key: 'lab',
    label: 'upgrade-lab',
    start: (dir, conf, nodeArgs = []) => (nodeArgs.length ? startUpgradeLabWith(conf, [], nodeArgs) : startUpgradeLab(dir, conf)),
    pids: (proc) => [proxyRoot(proc)],
    connectionHolder: (proc) => proxyRoot(proc),
  },
  {
    key: 'labRaw',
    label: 'upgrade-lab --no-frame-inspection',
    start: (_dir, conf, nodeArgs = []) => startUpgradeLabWith(conf, ['--no-frame-inspection'], nodeArgs),
    pids: (proc) => [proxyRoot(proc)],
    connectionHolder: (proc) => proxyRoot(proc),
  },
]

// ─── measurements ──────────────────────────────────────────────────────────────────────────

/** CPU over a window, each as a share of one core (1 = one core busy all the window). */
interface CpuShares {
  /** Sum over the generator processes. */
  generators: number
  /** The busiest generator process (≈ 1 means it was saturated). */
  busiestGenerator: number
  upstream: number
  proxy: number
  /** Proxy CPU time over the window, in ms. */
  proxyMs: number
  /** The window on CLOCK_MONOTONIC in µs (the clock of V8's .cpuprofile timestamps). */
  windowUs: [number, number]
}

interface Bench {
  upstream: Child
  upstreamPort: number
  generators: Child[]
  verbose: boolean
}

const cpuSum = (c: CpuTime): number => (c.user + c.system) / 1000

/** Splits `total` over the generators (at least 1 each while there is some left). */
function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0)).filter((n) => n > 0)
}

/**
 * Runs one task per generator at once; samples the proxy's and the upstream's CPU time when the
 * first generator's window opens and closes.
 */
async function windowed<T extends GeneratorResult & { elapsedMs: number; cpu: CpuTime }>(
  bench: Bench,
  pids: number[],
  tasks: GeneratorTask[],
): Promise<{ results: T[]; shares: CpuShares }> {
  const lead = bench.generators[0]
  let proxyStart = 0
  let proxyEnd = 0
  let upstreamStart: Promise<UpstreamStats> | null = null
  let upstreamEnd: Promise<UpstreamStats> | null = null
  const proxyCpu = (): number => pids.reduce((sum, pid) => sum + cpuMsOf(pid), 0)
  const nowUs = (): number => Number(process.hrtime.bigint() / 1000n)
  const windowUs: [number, number] = [0, 0]
  lead.onWindow = (phase) => {
    if (phase === 'start') {
      windowUs[0] = nowUs()
      proxyStart = proxyCpu()
      upstreamStart = bench.upstream.request<UpstreamStats>({ kind: 'stats' })
    } else {
      windowUs[1] = nowUs()
      proxyEnd = proxyCpu()
      upstreamEnd = bench.upstream.request<UpstreamStats>({ kind: 'stats' })
    }
  }
  const results = await Promise.all(tasks.map((task, i) => bench.generators[i].request<T>(task)))
  lead.onWindow = null
  if (!upstreamStart || !upstreamEnd) throw new Error('the generator reported no window')
  const [u0, u1] = await Promise.all([upstreamStart as Promise<UpstreamStats>, upstreamEnd as Promise<UpstreamStats>])
  const elapsed = results[0].elapsedMs
  const genShares = results.map((r) => cpuSum(r.cpu) / r.elapsedMs)
  return {
    results,
    shares: {
      generators: genShares.reduce((a, b) => a + b, 0),
      busiestGenerator: Math.max(...genShares),
      upstream: (cpuSum(u1.cpu) - cpuSum(u0.cpu)) / elapsed,
      proxy: (proxyEnd - proxyStart) / elapsed,
      proxyMs: proxyEnd - proxyStart,
      windowUs,
    },
  }
}

interface ThroughputFigure {
  messages: number
  messagesPerS: number
  mbPerS: number
  /** Proxy CPU time per echoed message (µs): each message crosses the proxy twice. */
  proxyUsPerMessage: number
  errors: number
  shares: CpuShares
}

async function throughput(bench: Bench, url: string, pids: number[], size: number, depth: number, windowMs: number): Promise<ThroughputFigure> {
  const tasks: GeneratorTask[] = split(THROUGHPUT_CONNECTIONS, bench.generators.length).map((connections) => ({
    kind: 'throughput',
    url,
    connections,
    size,
    depth,
    warmupMs: WARMUP_MS,
    windowMs,
  }))
  const { results, shares } = await windowed<ThroughputResult>(bench, pids, tasks)
  // Each generator's rate over its own window, summed (the windows coincide within milliseconds).
  const messagesPerS = results.reduce((sum, r) => sum + r.messages / (r.elapsedMs / 1000), 0)
  const messages = results.reduce((sum, r) => sum + r.messages, 0)
  return {
    messages,
    messagesPerS,
    mbPerS: (messagesPerS * size) / 1e6,
    proxyUsPerMessage: messages ? (shares.proxyMs * 1000) / messages : NaN,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    shares,
  }
}

interface LatencyFigure {
  sortedMs: number[]
  p50Ms: number
  p99Ms: number
  maxMs: number
  samples: number
  errors: number
  shares: CpuShares
}

async function latency(bench: Bench, url: string, pids: number[], windowMs: number): Promise<LatencyFigure> {
  // A few connections from one generator: percentiles are computed over one set of samples.
  const task: GeneratorTask = { kind: 'latency', url, connections: LATENCY_CONNECTIONS, size: SMALL, warmupMs: WARMUP_MS / 2, windowMs }
  const { results, shares } = await windowed<LatencyResult>(bench, pids, [task])
  const [r] = results
  return { sortedMs: r.sortedMs, p50Ms: r.p50Ms, p99Ms: r.p99Ms, maxMs: r.maxMs, samples: r.samples, errors: r.errors, shares }
}

interface ConnectFigure {
  connections: number
  perS: number
  handshakeP50Ms: number
  proxyUsPerConnection: number
  errors: number
  shares: CpuShares
}

async function connectRate(bench: Bench, url: string, pids: number[], windowMs: number): Promise<ConnectFigure> {
  const tasks: GeneratorTask[] = split(CONNECT_CONCURRENCY, bench.generators.length).map((concurrency) => ({
    kind: 'connect',
    url,
    concurrency,
    warmupMs: WARMUP_MS,
    windowMs,
  }))
  const { results, shares } = await windowed<ConnectResult>(bench, pids, tasks)
  const perS = results.reduce((sum, r) => sum + r.connections / (r.elapsedMs / 1000), 0)
  const connections = results.reduce((sum, r) => sum + r.connections, 0)
  return {
    connections,
    perS,
    handshakeP50Ms: results[0].handshakeP50Ms,
    proxyUsPerConnection: connections ? (shares.proxyMs * 1000) / connections : NaN,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    shares,
  }
}

interface IdleFigure {
  connections: number
  /** Requested, when fewer than asked for fit (see maxIdle). */
  asked: number
  rssBeforeKiB: number
  rssAfterKiB: number
  perConnectionKiB: number
  fdsAfter: number
  upstreamOpen: number
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function upstreamOpenCount(bench: Bench): Promise<number> {
  return (await bench.upstream.request<UpstreamStats>({ kind: 'stats' })).open
}

/** Waits (bounded) until the upstream sees `count` WebSockets open. */
async function waitUpstreamOpen(bench: Bench, count: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs
  let open = await upstreamOpenCount(bench)
  while (open !== count && Date.now() < deadline) {
    await delay(50)
    open = await upstreamOpenCount(bench)
  }
  return open
}

/**
 * The largest number of idle connections (a multiple of 500) every proxy can hold: each holds 2
 * fds per proxied connection (client and upstream side) besides its baseline, under the
 * open-file limit; and nginx starts closing connections that wait for a request ("worker_connections
 * are not enough, reusing connections") once fewer than 1/16 of its worker_connections are free.
 */
function maxIdle(limit: number, baselineFds: number, workerConnections: number): number {
  const fds = Math.min(limit - baselineFds, workerConnections - Math.floor(workerConnections / 16)) - FD_MARGIN
  return Math.floor(fds / 2 / 500) * 500
}

/** Memory per idle connection on a freshly started proxy, at each step of IDLE_STEPS (capped by maxIdle). */
async function idleMemory(bench: Bench, url: string, proc: RunningProcess, target: Target, cap: number): Promise<IdleFigure[]> {
  const pids = target.pids(proc)
  const holder = target.connectionHolder(proc)
  const rss = (): number => pids.reduce((sum, pid) => sum + rssKiBOf(pid), 0)
  await waitUpstreamOpen(bench, 0, 5_000)
  await delay(500)
  const before = rss()
  const figures: IdleFigure[] = []
  const generator = bench.generators[0]
  let open = 0
  for (const asked of IDLE_STEPS) {
    const n = Math.min(asked, cap)
    const result = await generator.request<OpenResult>({ kind: 'open', url, count: n - open, concurrency: OPEN_CONCURRENCY, timeoutMs: 30_000 }, 60_000)
    open = result.held
    const upstreamOpen = await waitUpstreamOpen(bench, open, 5_000)
    await delay(1_000)
    const after = rss()
    figures.push({
      connections: open,
      asked,
      rssBeforeKiB: before,
      rssAfterKiB: after,
      perConnectionKiB: (after - before) / open,
      fdsAfter: fdCountOf(holder),
      upstreamOpen,
    })
    if (open !== n) throw new Error(`${target.label}: opened ${open} idle WebSockets of ${n} (${result.errors} failed: ${result.errorSamples.join('; ')})`)
  }
  await generator.request({ kind: 'closeAll' })
  await waitUpstreamOpen(bench, 0, 10_000)
  return figures
}

interface TargetFigures {
  target: Target
  small: ThroughputFigure
  large: ThroughputFigure
  latency: LatencyFigure
  connect: ConnectFigure
  idle: IdleFigure[]
}

function progress(bench: Bench, text: string): void {
  if (bench.verbose) process.stderr.write(`  [proxy bench] ${text}\n`)
}

async function withProxy<T>(target: Target, bench: Bench, workerConnections: number, fn: (url: string, proc: RunningProcess) => Promise<T>, nodeArgs: string[] = []): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `upgrade-lab-bench-${target.key}-`))
  try {
    mkdirSync(join(dir, 'logs'), { recursive: true })
    const port = await freePort()
    const conf = join(dir, 'nginx.conf')
    writeFileSync(conf, benchConfig(port, bench.upstreamPort, workerConnections))
    const proc = await target.start(dir, conf, nodeArgs)
    try {
      return await fn(`ws://127.0.0.1:${port}/`, proc)
    } finally {
      await proc.stop()
      const log = join(dir, 'logs/error.log')
      const errors = existsSync(log) ? readFileSync(log, 'utf8').trim() : ''
      if (errors) process.stderr.write(`  [proxy bench] ${target.label} error log:\n${errors.split('\n').slice(0, 5).join('\n')}\n`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

type TrafficFigures = Omit<TargetFigures, 'target' | 'idle'>

/** Every proxy running at once, each on its own port, for `fn`. */
async function withProxies<T>(targets: Target[], bench: Bench, workerConnections: number, fn: (running: Array<{ url: string; pids: number[] }>) => Promise<T>): Promise<T> {
  const [first, ...rest] = targets
  if (!first) return fn([])
  return withProxy(first, bench, workerConnections, (url, proc) =>
    withProxies(rest, bench, workerConnections, (others) => fn([{ url, pids: first.pids(proc) }, ...others])),
  )
}

type TrafficKind = keyof TrafficFigures
const TRAFFIC_KINDS: Array<{ kind: TrafficKind; label: string }> = [
  { kind: 'small', label: 'throughput 64 B' },
  { kind: 'large', label: 'throughput 64 KiB' },
  { kind: 'latency', label: 'latency' },
  { kind: 'connect', label: 'connections/s' },
]

/**
 * The traffic figures of every proxy. For each kind of load the proxies run side by side
 * (fresh processes, idle but for the one measured) and take turns, `rounds` windows each, a
 * different one first in every round: whatever else the machine does meanwhile falls on all of
 * them alike, instead of on whichever proxy's single window it hit (one window's p99 swung
 * 1.0–2.8× here). Rates are the mean over the rounds, CPU per unit the total over them,
 * percentiles those of all the rounds' samples pooled.
 */
async function measureTraffic(bench: Bench, windowMs: number, workerConnections: number, rounds: number): Promise<TrafficFigures[]> {
  const seen = TARGETS.map(() => ({ small: [] as ThroughputFigure[], large: [] as ThroughputFigure[], latency: [] as LatencyFigure[], connect: [] as ConnectFigure[] }))
  for (const { kind, label } of TRAFFIC_KINDS) {
    await withProxies(TARGETS, bench, workerConnections, async (running) => {
      for (let round = 0; round < rounds; round++) {
        for (let turn = 0; turn < TARGETS.length; turn++) {
          const i = (turn + round) % TARGETS.length
          const { url, pids } = running[i]
          progress(bench, `${label}, round ${round + 1}/${rounds}: ${TARGETS[i].label}`)
          if (kind === 'small') seen[i].small.push(await throughput(bench, url, pids, SMALL, DEPTH_SMALL, windowMs))
          else if (kind === 'large') seen[i].large.push(await throughput(bench, url, pids, LARGE, DEPTH_LARGE, windowMs))
          else if (kind === 'latency') seen[i].latency.push(await latency(bench, url, pids, windowMs))
          else seen[i].connect.push(await connectRate(bench, url, pids, windowMs))
        }
      }
    })
  }
  return seen.map((s) => ({ small: mergeThroughput(s.small), large: mergeThroughput(s.large), latency: mergeLatency(s.latency), connect: mergeConnect(s.connect) }))
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length
const total = (values: number[]): number => values.reduce((a, b) => a + b, 0)

function mergeShares(all: CpuShares[]): CpuShares {
  return {
    generators: mean(all.map((s) => s.generators)),
    busiestGenerator: Math.max(...all.map((s) => s.busiestGenerator)),
    upstream: mean(all.map((s) => s.upstream)),
    proxy: mean(all.map((s) => s.proxy)),
    proxyMs: total(all.map((s) => s.proxyMs)),
    windowUs: all[0].windowUs,
  }
}

function mergeThroughput(all: ThroughputFigure[]): ThroughputFigure {
  const messages = total(all.map((f) => f.messages))
  return {
    messages,
    messagesPerS: mean(all.map((f) => f.messagesPerS)),
    mbPerS: mean(all.map((f) => f.mbPerS)),
    proxyUsPerMessage: messages ? (total(all.map((f) => f.shares.proxyMs)) * 1000) / messages : NaN,
    errors: total(all.map((f) => f.errors)),
    shares: mergeShares(all.map((f) => f.shares)),
  }
}

function mergeLatency(all: LatencyFigure[]): LatencyFigure {
  const sortedMs = all.flatMap((f) => f.sortedMs).sort((a, b) => a - b)
  return {
    sortedMs,
    p50Ms: percentile(sortedMs, 50),
    p99Ms: percentile(sortedMs, 99),
    maxMs: sortedMs.at(-1) ?? NaN,
    samples: sortedMs.length,
    errors: total(all.map((f) => f.errors)),
    shares: mergeShares(all.map((f) => f.shares)),
  }
}

function mergeConnect(all: ConnectFigure[]): ConnectFigure {
  const connections = total(all.map((f) => f.connections))
  const handshakes = all.map((f) => f.handshakeP50Ms).sort((a, b) => a - b)
  return {
    connections,
    perS: mean(all.map((f) => f.perS)),
    handshakeP50Ms: handshakes[Math.floor(handshakes.length / 2)],
    proxyUsPerConnection: connections ? (total(all.map((f) => f.shares.proxyMs)) * 1000) / connections : NaN,
    errors: total(all.map((f) => f.errors)),
    shares: mergeShares(all.map((f) => f.shares)),
  }
}

function measureIdle(target: Target, bench: Bench, workerConnections: number, idleCap: number): Promise<IdleFigure[]> {
  progress(bench, `${target.label}: idle memory (fresh process)`)
  return withProxy(target, bench, workerConnections, (url, proc) => idleMemory(bench, url, proc, target, idleCap))
}

// ─── the profile ───────────────────────────────────────────────────────────────────────────

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
}

const REPO_PREFIX = join(import.meta.dirname, '../..') + '/'

interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

/**
 * The functions with the most self time in a .cpuprofile, over the samples taken inside
 * `window` (µs on CLOCK_MONOTONIC, as the profile's own timestamps). Lines of .ts files are
 * those of the module as esbuild transpiled it (server/bin/ts-hooks.mjs), near the source's.
 */
export function topFunctions(profile: CpuProfile, window: [number, number], count: number): { name: string; where: string; selfMs: number; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, { name: string; where: string; us: number }>()
  let total = 0
  let t = profile.startTime
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0
    t += dt
    if (t < window[0] || t > window[1]) continue
    const node = byId.get(profile.samples[i])
    if (!node) continue
    total += dt
    const { functionName, url, lineNumber, columnNumber } = node.callFrame
    const file = url.replace(/^file:\/\//, '').replace(REPO_PREFIX, '').replace(/^.*node_modules\//, 'node_modules/')
    const where = !url ? '' : `${file}:${lineNumber + 1}:${columnNumber + 1}`
    const key = `${functionName}@${where}`
    const entry = self.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 }
    entry.us += dt
    self.set(key, entry)
  }
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, count)
    .map((e) => ({ name: e.name, where: e.where, selfMs: e.us / 1000, share: total ? e.us / total : 0 }))
}

/**
 * Runs the 64 B throughput and the connections/s loads through `upgrade-lab serve` started
 * under `node --cpu-prof`, and prints the top functions by self time inside each window.
 */
async function profileLab(bench: Bench, target: Target, windowMs: number, workerConnections: number): Promise<void> {
  const profDir = mkdtempSync(join(tmpdir(), 'upgrade-lab-bench-prof-'))
  try {
    const { small, connect } = await withProxy(
      target,
      bench,
      workerConnections,
      async (url, proc) => {
        const pids = target.pids(proc)
        return { small: await throughput(bench, url, pids, SMALL, DEPTH_SMALL, windowMs), connect: await connectRate(bench, url, pids, windowMs) }
      },
      ['--cpu-prof', '--cpu-prof-dir', profDir],
    )
    // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (1 is the TypeScript loader's).
    const file = readdirSync(profDir).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f))
    if (!file) {
      console.log(`\nprofile of ${target.label}: no .cpuprofile was written (the process did not exit normally)`)
      return
    }
    const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as CpuProfile
    const print = (what: string, window: [number, number]): void => {
      console.log(`\nprofile of ${target.label}, ${what} window (node --cpu-prof, self time, share of the window's samples;`)
      console.log(`  "(idle)" is the event loop's poll phase, which includes libuv's read() calls, not only waiting):`)
      for (const f of topFunctions(profile, window, 12)) {
        console.log(`  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(5)} ms  ${f.name}  ${f.where}`)
      }
    }
    print(`64 B throughput (${fmt(small.messagesPerS, 0)} msg/s, proxy CPU ${pct(small.shares.proxy)})`, small.shares.windowUs)
    print(`connections/s (${fmt(connect.perS, 0)}/s, proxy CPU ${pct(connect.shares.proxy)})`, connect.shares.windowUs)
  } finally {
    rmSync(profDir, { recursive: true, force: true })
  }
}

// ─── the report ────────────────────────────────────────────────────────────────────────────

function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '—'
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

const pct = (share: number): string => `${Math.round(share * 100)}%`

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)))
  const line = (r: string[]): string => `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`
  return [line(rows[0]), `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|')}|`, ...rows.slice(1).map(line)].join('\n')
}

function report(figures: TargetFigures[], windowMs: number, idleCap: number, limit: number, workerConnections: number): void {
  const [ngx, lab, raw] = figures
  const yes = (ok: boolean): string => (ok ? 'yes' : 'NO')
  const rows: string[][] = [['figure', ngx.target.label, 'upgrade-lab', 'ratio', 'no inspection', 'ratio', 'goal', 'met (lab / no insp.)']]
  type Check = { text: string; ok: (ratio: number, value: number) => boolean } | null
  const row = (name: string, get: (f: TargetFigures) => number, digits: number, check: Check): void => {
    const base = get(ngx)
    const [v1, v2] = [get(lab), get(raw)]
    const verdict = check ? `${yes(check.ok(v1 / base, v1))} / ${yes(check.ok(v2 / base, v2))}` : ''
    rows.push([name, fmt(base, digits), fmt(v1, digits), `${fmt(v1 / base, 2)}×`, fmt(v2, digits), `${fmt(v2 / base, 2)}×`, check?.text ?? '', verdict])
  }
  const atLeast = (goal: number): Check => ({ text: `≥ ${goal}× nginx`, ok: (r) => r >= goal })
  row('throughput 64 B, messages/s', (f) => f.small.messagesPerS, 0, atLeast(GOALS.throughput))
  row('throughput 64 B, MB/s', (f) => f.small.mbPerS, 2, atLeast(GOALS.throughput))
  row('throughput 64 KiB, messages/s', (f) => f.large.messagesPerS, 0, atLeast(GOALS.throughput))
  row('throughput 64 KiB, MB/s', (f) => f.large.mbPerS, 1, atLeast(GOALS.throughput))
  row('echo latency p50, ms', (f) => f.latency.p50Ms, 3, null)
  row('echo latency p99, ms', (f) => f.latency.p99Ms, 3, { text: `≤ ${GOALS.p99}× nginx`, ok: (r) => r <= GOALS.p99 })
  row('new connections/s', (f) => f.connect.perS, 0, atLeast(GOALS.connect))
  for (let i = 0; i < IDLE_STEPS.length; i++) {
    const n = ngx.idle[i]?.connections ?? 0
    const name = `KiB per idle connection, ${fmt(n, 0)}${n === IDLE_STEPS[i] ? '' : '*'}`
    row(name, (f) => f.idle[i]?.perConnectionKiB ?? NaN, 1, { text: `≤ ${GOALS.idleKiB} KiB`, ok: (_r, v) => v <= GOALS.idleKiB })
  }
  console.log(table(rows))
  if (idleCap < IDLE_STEPS[IDLE_STEPS.length - 1]) {
    console.log(
      `* ${fmt(IDLE_STEPS[IDLE_STEPS.length - 1], 0)} idle connections do not fit in one proxy process here: it holds 2 fds per ` +
        `proxied connection (client and upstream side) and the open-file limit is ${limit} (hard limit too; not raised). ` +
        `nginx, at the most worker_connections that limit allows (${workerConnections}), also starts closing fresh ` +
        `connections once fewer than 1/16 of them are free. The largest step that fits every proxy is ${fmt(idleCap, 0)}, measured instead.`,
    )
  }

  console.log(
    `\nCPU over the ${windowMs / 1000} s windows (mean of the rounds), as a share of one core (${cpus().length} cores in all, so ${cpus().length * 100}% is the whole machine): ` +
      `generators (sum / busiest process; 100% would be a saturated generator), echo upstream, proxy (nginx master + worker, or the node process); ` +
      `and the proxy's CPU per unit of work, which does not depend on which process saturates:`,
  )
  const cpuRows: string[][] = [['run', 'target', 'generators', 'upstream', 'proxy', 'all three', 'proxy CPU per unit', 'errors']]
  for (const f of figures) {
    const add = (run: string, s: CpuShares, unit: string, errors: number): void => {
      cpuRows.push([run, f.target.label, `${pct(s.generators)} / ${pct(s.busiestGenerator)}`, pct(s.upstream), pct(s.proxy), pct(s.generators + s.upstream + s.proxy), unit, String(errors)])
    }
    add('throughput 64 B', f.small.shares, `${fmt(f.small.proxyUsPerMessage, 2)} µs/msg`, f.small.errors)
    add('throughput 64 KiB', f.large.shares, `${fmt(f.large.proxyUsPerMessage, 1)} µs/msg`, f.large.errors)
    add('latency', f.latency.shares, `${fmt(f.latency.samples, 0)} samples`, f.latency.errors)
    add('connections', f.connect.shares, `${fmt(f.connect.proxyUsPerConnection, 0)} µs/conn`, f.connect.errors)
  }
  console.log(table(cpuRows))

  console.log('\nidle memory (fresh proxy; RSS of nginx master + worker, or of the upgrade-lab node process):')
  const idleRows: string[][] = [['target', 'connections', 'RSS before, KiB', 'RSS after, KiB', 'KiB/conn', 'KiB/conn since previous step', 'proxy fds', 'upstream open']]
  for (const f of figures) {
    f.idle.forEach((i, k) => {
      const prev = f.idle[k - 1]
      const marginal = prev ? fmt((i.rssAfterKiB - prev.rssAfterKiB) / (i.connections - prev.connections), 1) : ''
      idleRows.push([f.target.label, fmt(i.connections, 0), fmt(i.rssBeforeKiB, 0), fmt(i.rssAfterKiB, 0), fmt(i.perConnectionKiB, 1), marginal, fmt(i.fdsAfter, 0), fmt(i.upstreamOpen, 0)])
    })
  }
  console.log(table(idleRows))
  console.log('(RSS read 1 s after the last handshake, without forcing a garbage collection; socket buffers are kernel memory, not in RSS)')
  console.log(
    `\nlatency: max ${figures.map((f) => `${f.target.label} ${fmt(f.latency.maxMs, 2)} ms`).join(', ')}; ` +
      `handshake p50 through the proxy: ${figures.map((f) => `${f.target.label} ${fmt(f.connect.handshakeP50Ms, 2)} ms`).join(', ')}`,
  )
}

// ─── entry ─────────────────────────────────────────────────────────────────────────────────

export async function runProxyBench(options: ProxyBenchOptions = {}): Promise<void> {
  const windowMs = options.windowMs ?? WINDOW_MS
  const rounds = options.rounds ?? ROUNDS
  if (!nginxAvailable()) {
    console.log(`\nproxy benchmark skipped: no nginx at ${NGINX_BINARY} (apt-get install nginx)`)
    return
  }
  const nginxVersion = spawnSync(NGINX_BINARY, ['-v'], { encoding: 'utf8' }).stderr.trim().replace(/^nginx version: /, '')
  const limit = openFileLimitOf(process.pid)
  // worker_connections: every fd the worker may open, under the open-file limit (nginx warns above it).
  const workerConnections = Number.isFinite(limit) ? Math.min(limit - 10, 65_535) : 20_000
  console.log(
    `\nproxy runtime vs ${nginxVersion} (worker_processes 1), WebSocket echo upstream (ws, own process), ` +
      `${GENERATORS} ws load-generator processes, loopback; ${cpus().length} cores; open-file limit ${limit}; ` +
      `windows of ${windowMs / 1000} s after ${WARMUP_MS / 1000} s warm-up, ${rounds} per figure and proxy, the proxies taking turns ` +
      `(rates: mean of the rounds; percentiles: all the rounds' samples pooled)`,
  )
  console.log(
    `throughput: ${THROUGHPUT_CONNECTIONS} connections, ${DEPTH_SMALL} (64 B) or ${DEPTH_LARGE} (64 KiB) binary messages in flight each; ` +
      `latency: ${LATENCY_CONNECTIONS} connections, one 64 B message in flight each; connections/s: ${CONNECT_CONCURRENCY} open-then-close loops; ` +
      `MB/s counts echoed payload (each byte crosses the proxy twice)`,
  )
  const upstreamPort = await freePort()
  const upstream = new Child('echo upstream', 'echo-upstream.ts', [String(upstreamPort)])
  const generators = Array.from({ length: GENERATORS }, (_, i) => new Child(`load generator ${i + 1}`, 'load-client.ts'))
  try {
    await Promise.all([upstream.whenReady(), ...generators.map((g) => g.whenReady())])
    const bench: Bench = { upstream, upstreamPort, generators, verbose: options.verbose ?? false }
    // Warm the generators and the upstream (JIT) on every kind of load, straight to the upstream:
    // otherwise the first proxy measured pays for their warm-up (seen as ~40% fewer connections/s).
    progress(bench, 'warming up the generators and the upstream, without a proxy')
    const direct = `ws://127.0.0.1:${upstreamPort}/`
    await throughput(bench, direct, [], SMALL, DEPTH_SMALL, WARMUP_MS)
    await throughput(bench, direct, [], LARGE, DEPTH_LARGE, WARMUP_MS)
    await latency(bench, direct, [], WARMUP_MS)
    await connectRate(bench, direct, [], 2 * WARMUP_MS)
    if (options.figures ?? true) {
      // How many idle connections fit: the worst baseline fd count of the proxies, measured.
      let baseline = 0
      for (const target of TARGETS) {
        await withProxy(target, bench, workerConnections, async (_url, proc) => {
          baseline = Math.max(baseline, fdCountOf(target.connectionHolder(proc)))
        })
      }
      const idleCap = Math.min(IDLE_STEPS[IDLE_STEPS.length - 1], maxIdle(limit, baseline, workerConnections))
      // The traffic of every proxy first, then the memory runs (whose 9,000 closes leave as many
      // sockets in TIME_WAIT), so that each proxy's traffic runs see the same machine.
      const traffic = await measureTraffic(bench, windowMs, workerConnections, rounds)
      const figures: TargetFigures[] = []
      for (const [i, target] of TARGETS.entries()) figures.push({ target, ...traffic[i], idle: await measureIdle(target, bench, workerConnections, idleCap) })
      console.log('')
      report(figures, windowMs, idleCap, limit, workerConnections)
    }
    if (options.profile) {
      for (const target of TARGETS.filter((t) => t.key !== 'nginx')) await profileLab(bench, target, windowMs, workerConnections)
    }
  } finally {
    upstream.stop()
    for (const g of generators) g.stop()
  }
}
