/**
 * The messages between the proxy benchmark (proxy-bench.ts, the parent) and its child processes:
 * the load generators (load-client.ts) and the WebSocket echo upstream (echo-upstream.ts).
 * Every child talks over Node's IPC channel: the parent sends a request with an id, the child
 * answers with the same id. A generator also posts `window` events when its measurement window
 * opens and closes, so that the parent can sample the proxy's and the upstream's CPU time over
 * exactly that window.
 */

/** CPU time in microseconds, as process.cpuUsage() gives it. */
export interface CpuTime {
  user: number
  system: number
}

/** Pipelined echo streaming: `connections` WebSockets, each with `depth` messages in flight. */
export interface ThroughputTask {
  kind: 'throughput'
  url: string
  connections: number
  size: number
  depth: number
  warmupMs: number
  windowMs: number
}

/** One message in flight per connection; round-trip times of the echoes. */
export interface LatencyTask {
  kind: 'latency'
  url: string
  connections: number
  size: number
  warmupMs: number
  windowMs: number
}

/** `concurrency` loops of: open a WebSocket (handshake through the proxy), close it, wait for the close. */
export interface ConnectTask {
  kind: 'connect'
  url: string
  concurrency: number
  warmupMs: number
  windowMs: number
}

/** Open `count` more idle WebSockets and hold them (at most `concurrency` handshakes at once). */
export interface OpenTask {
  kind: 'open'
  url: string
  count: number
  concurrency: number
  timeoutMs: number
}

/** Close every held WebSocket. */
export interface CloseAllTask {
  kind: 'closeAll'
}

export type GeneratorTask = ThroughputTask | LatencyTask | ConnectTask | OpenTask | CloseAllTask

/** What every measured task reports: the generator's own CPU time over its window. */
export interface Measured {
  /** The measurement window, as timed by the generator. */
  elapsedMs: number
  /** The generator process's CPU time over the window. */
  cpu: CpuTime
  /** Connections that failed or closed unexpectedly. */
  errors: number
}

export interface ThroughputResult extends Measured {
  kind: 'throughput'
  /** Echoes received in the window. */
  messages: number
  /** Payload bytes of those echoes. */
  bytes: number
}

export interface LatencyResult extends Measured {
  kind: 'latency'
  samples: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  meanMs: number
  /** Every round-trip time of the window, ascending (so that rounds can be pooled). */
  sortedMs: number[]
}

export interface ConnectResult extends Measured {
  kind: 'connect'
  /** Open + close cycles completed in the window. */
  connections: number
  /** Median time from `new WebSocket` to `open` (the handshake through the proxy). */
  handshakeP50Ms: number
}

export interface OpenResult extends Measured {
  kind: 'open'
  opened: number
  /** Every WebSocket this generator holds now. */
  held: number
  /** The first few errors, if any. */
  errorSamples: string[]
}

export interface CloseAllResult {
  kind: 'closeAll'
  closed: number
}

export type GeneratorResult = ThroughputResult | LatencyResult | ConnectResult | OpenResult | CloseAllResult

/** Parent → child. */
export interface Request<T> {
  id: number
  task: T
}

/** Child → parent. */
export type Reply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { event: 'window'; phase: 'start' | 'end' }
  | { event: 'ready'; port?: number }

/** Parent → echo upstream. */
export type UpstreamTask = { kind: 'stats' }

export interface UpstreamStats {
  kind: 'stats'
  cpu: CpuTime
  /** WebSockets open on the upstream right now. */
  open: number
  /** WebSockets accepted since start. */
  accepted: number
}
