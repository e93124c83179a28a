/**
 * The proxy runtime for one applied config: listens on the config's addresses through a
 * ProxyNetwork, keeps what lives as long as the config (balancer state, nginx's connection
 * counter, log targets), and hands each client connection to an HttpConnection.
 */
import { TLSSocket } from 'node:tls'
import type { LabConfig, LabServer } from '../nginx/compile.ts'
import type { MapConf, UpstreamConf } from '../nginx/conf.ts'
import { defaultValue } from '../nginx/directives/defaults.ts'
import { selectServer } from './router.ts'
import { Balancer } from './balancer.ts'
import { DEFAULT_BUDGET, type BudgetKind, type EvaluationBudget } from './budget.ts'
import type { Clock } from './clock.ts'
import { HttpConnection } from './http-connection.ts'
import { errorLine, levelEnabled, type ErrorContext, type ErrorLogTarget, type Level, type LogWriter } from './logs.ts'
import type { Listener, ListenSpec, ProxyNetwork, Stream, ConnectionInfo } from './network.ts'
import type { ConnectionCounts, ServerFacts } from './request-state.ts'
import type { TraceSink } from './trace.ts'

/** Static files for `root`: the real file system for serve, none in the lab. */
export interface StaticFiles {
  read(path: string): { ok: true; data: Buffer; mtimeMs: number } | { ok: false; errno: number; text: string; directory?: boolean }
  /** What `if (-f …)`, `-d`, `-e` and `-x` test; null when nothing is there. */
  stat(path: string): { kind: 'file' | 'directory' | 'other'; executable: boolean } | null
  /** realpath(3) for $realpath_root, or null when the path does not resolve (no files in the lab). */
  realpath?(path: string): string | null
}

export interface RuntimeOptions {
  config: LabConfig
  network: ProxyNetwork
  clock: Clock
  trace: TraceSink
  writeLog: LogWriter
  /** The `-p` prefix: relative paths (root, logs) resolve against it. Ends with `/`. */
  prefix: string
  files: StaticFiles
  /** Error logs of the main context (`error_log` at top level), else nginx's default. */
  errorLogs: ErrorLogTarget[]
  /** TLS material for `listen … ssl`, by server. */
  tlsFor?: (server: LabServer) => { cert: Buffer; key: Buffer } | null
  pid: number
  hostname: string
  /** Decode WebSocket frames for the trace (default on). */
  inspectFrames?: boolean
  /** What one request may build (default: DEFAULT_BUDGET). */
  budget?: EvaluationBudget
  /** Told each time a request is stopped by a budget (the lab counts them). */
  onBudgetTrip?: (kind: BudgetKind) => void
}

export class ProxyRuntime {
  private connections = 0
  private readonly balancers = new Map<UpstreamConf, Balancer>()
  private readonly listeners: Listener[] = []
  private readonly open = new Set<HttpConnection>()
  /** Idle upstream connections kept by `keepalive` (ngx_http_upstream_keepalive_module). */
  private readonly idle = new Map<UpstreamConf, Array<{ peer: string; stream: Stream }>>()

  constructor(readonly options: RuntimeOptions) {
    this.maps = new Map(options.config.maps.map((m) => [m.variable, m]))
    this.budget = options.budget ?? DEFAULT_BUDGET
    this.facts = {
      prefix: options.prefix,
      connections: () => this.connectionCounts(),
      realpath: (path) => options.files.realpath?.(path) ?? null,
    }
  }

  readonly budget: EvaluationBudget

  get config(): LabConfig {
    return this.options.config
  }

  /** The config's maps by output variable, built once. */
  readonly maps: ReadonlyMap<string, MapConf>
  private readonly defaults = new Map<string, LabServer | undefined>()

  /** The default server of a listening address (cached: it only depends on the config). */
  defaultServerFor(localAddress: string, localPort: number): LabServer | undefined {
    const key = `${localAddress}:${localPort}`
    if (!this.defaults.has(key)) this.defaults.set(key, selectServer(this.config, localAddress, localPort, null)?.server)
    return this.defaults.get(key)
  }

  /** nginx numbers client and upstream connections from one counter (`*N` in the error log). */
  nextConnectionNumber(): number {
    return ++this.connections
  }

  balancerFor(upstream: UpstreamConf): Balancer {
    let balancer = this.balancers.get(upstream)
    if (!balancer) {
      balancer = new Balancer(upstream, () => this.options.clock.now())
      this.balancers.set(upstream, balancer)
    }
    return balancer
  }

  /** How many idle connections an upstream keeps: its `keepalive`, or the version's default for `upstream {}` blocks. */
  keepaliveFor(upstream: UpstreamConf): number {
    if (upstream.keepalive !== null) return upstream.keepalive
    return upstream.implicit ? 0 : (defaultValue('keepalive', this.config.version) ?? 0)
  }

  /** An idle kept-alive connection to the peer, if one is cached. */
  takeIdle(upstream: UpstreamConf, peer: string): Stream | null {
    const list = this.idle.get(upstream)
    if (!list) return null
    const i = list.findIndex((e) => e.peer === peer && !e.stream.destroyed)
    if (i < 0) return null
    const [entry] = list.splice(i, 1)
    entry.stream.removeAllListeners('data')
    entry.stream.removeAllListeners('end')
    entry.stream.removeAllListeners('close')
    entry.stream.removeAllListeners('error')
    return entry.stream
  }

  /** Keeps a finished upstream connection for reuse (the oldest goes when the cache is full). */
  keepIdle(upstream: UpstreamConf, peer: string, stream: Stream): void {
    const limit = this.keepaliveFor(upstream)
    if (limit <= 0) return void stream.destroy()
    const list = this.idle.get(upstream) ?? []
    this.idle.set(upstream, list)
    const entry = { peer, stream }
    const forget = (): void => {
      const i = list.indexOf(entry)
      if (i >= 0) list.splice(i, 1)
      stream.destroy()
    }
    stream.removeAllListeners('data')
    stream.on('data', forget)
    stream.once('end', forget)
    stream.once('close', forget)
    stream.on('error', forget)
    list.push(entry)
    while (list.length > limit) list.shift()?.stream.destroy()
  }

  /** Writes an error_log line to every target whose level lets it through. */
  logError(targets: ErrorLogTarget[], level: Level, connection: number | null, message: string, action: string | null, context: ErrorContext): void {
    const line = errorLine(this.options.clock.now(), level, this.options.pid, connection, message, action, context)
    let written = false
    for (const t of targets) {
      if (!levelEnabled(t.level, level)) continue
      const target = t.target === 'stderr' || t.target.startsWith('/') ? t.target : this.options.prefix + t.target
      this.options.writeLog(target, line)
      written = true
    }
    if (written) this.options.trace({ type: 'log.error', level, line, time: this.options.clock.now(), connection: connection ?? 0 })
  }

  /** The distinct listening addresses of the config, one listener each. */
  listenSpecs(): Array<{ spec: ListenSpec; server: LabServer }> {
    const seen = new Set<string>()
    const out: Array<{ spec: ListenSpec; server: LabServer }> = []
    for (const server of this.config.servers) {
      for (const l of server.listens) {
        const key = `${l.ipv6 ? 6 : 4}|${l.host}|${l.port}`
        if (seen.has(key)) continue
        seen.add(key)
        out.push({
          spec: { host: l.host, port: l.port, ipv6: l.ipv6, wildcard: l.wildcard, ssl: l.ssl, tls: l.ssl ? (this.options.tlsFor?.(server) ?? null) : null },
          server,
        })
      }
    }
    return out
  }

  /** Opens every listening socket, or none: when one fails, those opened are closed again. */
  async start(): Promise<void> {
    const [failure] = await this.openListeners()
    if (failure) {
      await this.stopListening()
      throw failure.error
    }
  }

  /** Specs already listening (openListeners tries the others again, as nginx's bind() retries do). */
  private readonly listening = new Set<ListenSpec>()

  /**
   * Opens every listening socket not open yet, as one round of ngx_open_listening_sockets: each
   * is tried, and the ones that failed are returned with their error (the others stay open).
   */
  async openListeners(): Promise<Array<{ spec: ListenSpec; error: Error }>> {
    const failures: Array<{ spec: ListenSpec; error: Error }> = []
    for (const { spec } of this.listenSpecs()) {
      if ([...this.listening].some((open) => open.host === spec.host && open.port === spec.port && open.ipv6 === spec.ipv6)) continue
      try {
        this.listeners.push(await this.options.network.listen(spec, (stream, info) => this.accept(stream, info)))
        this.listening.add(spec)
      } catch (error) {
        failures.push({ spec, error: error as Error })
      }
    }
    return failures
  }

  /** What a request's variables may ask the runtime (stub_status counts, the prefix, realpath). */
  private readonly facts: ServerFacts

  /** ngx_stat_active/_reading/_writing/_waiting, counted from the open client connections. */
  connectionCounts(): ConnectionCounts {
    const counts: ConnectionCounts = { active: 0, reading: 0, writing: 0, waiting: 0 }
    for (const c of this.open) {
      if (c.isClosed) continue
      counts.active++
      counts[c.phase]++
    }
    return counts
  }

  accept(stream: Stream, info: ConnectionInfo): void {
    const secure = info.tls && stream instanceof TLSSocket ? stream : undefined
    info = { ...info, acceptedMs: this.options.clock.now(), server: this.facts, ...(secure ? { secure } : {}) }
    const connection = new HttpConnection(this, stream, info, this.nextConnectionNumber())
    this.open.add(connection)
    stream.once('close', () => this.open.delete(connection))
    connection.start()
  }

  /**
   * Stops listening but lets open connections finish, as nginx's old workers do after a
   * reload; stop() later closes whatever is left.
   */
  async stopListening(): Promise<void> {
    this.listening.clear()
    await Promise.all(this.listeners.splice(0).map((l) => l.close()))
  }

  /** Stops listening and closes every connection. */
  async stop(): Promise<void> {
    this.listening.clear()
    const closing = this.listeners.splice(0).map((l) => l.close())
    for (const c of this.open) c.destroy()
    this.open.clear()
    for (const list of this.idle.values()) for (const e of list.splice(0)) e.stream.destroy()
    await Promise.all(closing)
  }

  get openConnections(): number {
    return this.open.size
  }
}
