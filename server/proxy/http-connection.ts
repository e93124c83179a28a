/**
 * One client connection, request after request, as nginx's HTTP core runs it: read the head
 * (client_header_timeout, the header buffers), hand the request over (request-flow.ts), write
 * the access log, then keep the connection (keepalive_timeout) or close it. What the
 * connection does with a request lives in functions taking it: request-flow.ts (the phases),
 * responses.ts and error-page.ts (nginx's own answers), refused-heads.ts (heads it refuses),
 * budget-failure.ts, access-log.ts.
 */
import type { EffectiveSettings, LabServer } from '../nginx/compile.ts'
import { writeAccessLog } from './access-log.ts'
import type { Timer } from './clock.ts'
import { tryErrorPage } from './error-page.ts'
import type { ErrorContext, ErrorLogTarget, Level } from './logs.ts'
import type { ConnectionInfo, Stream } from './network.ts'
import { headCapacity, headLimits, type HeadLimits } from './request-head.ts'
import { handleRequest } from './request-flow.ts'
import { parseRequestHead } from './request-parser.ts'
import type { ActiveRequest, RequestState } from './request-state.ts'
import { headerTimedOut, plainOnSslPort, rejectHead } from './refused-heads.ts'
import type { ProxyRuntime } from './runtime.ts'
import { startTimer, type TimerName } from './timers.ts'

const LF = 0x0a
/** No bytes pending (one shared empty buffer, not one per connection). */
const EMPTY = Buffer.alloc(0)

export class HttpConnection {
  /** Bytes read and not yet used, merged; chunks that arrived since are in `arrived`. */
  private pending: Buffer = EMPTY
  private arrived: Buffer[] = []
  private arrivedBytes = 0
  /** Whether reading stopped because nobody takes the client's bytes yet (backpressure). */
  private inputPaused = false
  private timer: Timer | null = null
  /** Receives the client's bytes while a request owns the connection (body, tunnel). */
  private consumer: ((chunk: Buffer) => void) | null = null
  /** Requests read on this connection ($connection_requests). */
  requests = 0
  private closed = false
  private waitingForHead = true
  private keepaliveWaiting = false
  /** The error logs of the last request, for what happens on the idle keep-alive connection. */
  private idleLogs: ErrorLogTarget[] | null = null
  /** Told when the client closes (FIN or close) while a request waits on the upstream. */
  private clientGone: (() => void) | null = null
  /** The error logs of the location now running: where a request's variables log (cycles). */
  logsNow: ErrorLogTarget[] | null = null
  /** Whether the next request's bytes were already read when the last one ended ($pipe). */
  pipelined = false
  private readonly headerTimeoutMs: number
  private readonly limits: HeadLimits
  /** Bytes nginx holds for a head before it reads no more (its header buffers). */
  private readonly headBytes: number

  constructor(
    readonly runtime: ProxyRuntime,
    readonly stream: Stream,
    readonly info: ConnectionInfo,
    readonly number: number,
  ) {
    // Until a Host header picks a server, the listen address's default server decides how
    // heads are read and how long nginx waits for them.
    const server = this.defaultServer()
    const settings = server ? server.settings : runtime.config.servers[0].settings
    this.headerTimeoutMs = settings.clientHeaderTimeoutMs
    this.limits = headLimits(settings)
    this.headBytes = headCapacity(this.limits)
  }

  start(): void {
    const { trace, clock } = this.runtime.options
    trace({
      type: 'connection.accepted',
      client: `${this.info.remoteAddress}:${this.info.remotePort}`,
      listen: `${this.info.localAddress}:${this.info.localPort}`,
      tls: this.info.tls,
      time: clock.now(),
      connection: this.number,
    })
    this.stream.on('data', (chunk: Buffer) => this.onData(chunk))
    this.stream.on('error', () => this.destroy())
    this.stream.on('end', () => {
      if (!this.waitingForHead) return this.tellClientGone()
      if (this.requests > 0 && this.bufferedLength === 0 && this.idleLogs) {
        this.runtime.logError(this.idleLogs, 'info', this.number, `client ${this.info.remoteAddress} closed keepalive connection`, null, {})
      } else if (this.requests === 0 && this.bufferedLength === 0) {
        const server = this.defaultServer()
        this.runtime.logError(server ? this.errorLogsOf(server.settings) : this.runtime.options.errorLogs, 'info', this.number, 'client closed connection', 'waiting for request', {
          client: this.info.remoteAddress,
          server: `${this.info.localAddress}:${this.info.localPort}`,
        })
      }
      this.destroy()
    })
    this.stream.on('close', () => {
      this.closed = true
      this.cancelTimer()
      this.tellClientGone()
    })
    this.armTimer('client_header_timeout', this.headerTimeoutMs, () => headerTimedOut(this))
  }

  destroy(): void {
    if (this.closed) return
    this.closed = true
    this.cancelTimer()
    this.stream.destroy()
    this.runtime.options.trace({ type: 'connection.closed', time: this.runtime.options.clock.now(), connection: this.number })
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** stub_status's view: reading a request head, writing (a request runs), or waiting idle. */
  get phase(): 'reading' | 'writing' | 'waiting' {
    if (!this.waitingForHead) return 'writing'
    return this.bufferedLength > 0 ? 'reading' : 'waiting'
  }

  private armTimer(name: TimerName, ms: number, fn: () => void): void {
    this.timer?.cancel()
    const { clock, trace } = this.runtime.options
    this.timer = startTimer({ clock, trace, connection: this.number }, name, ms, fn)
  }

  private cancelTimer(): void {
    this.timer?.cancel()
    this.timer = null
  }

  /**
   * While the upstream has not answered, nginx watches the client connection
   * (ngx_http_upstream_check_broken_connection): a FIN or a close ends the request with 499.
   * null stops watching.
   */
  onClientGone(handler: (() => void) | null): void {
    this.clientGone = handler
  }

  private tellClientGone(): void {
    const handler = this.clientGone
    this.clientGone = null
    handler?.()
  }

  /** Lets a request read the client's bytes (request body, upgraded tunnel). */
  takeInput(consumer: ((chunk: Buffer) => void) | null): Buffer {
    this.consumer = consumer
    const rest = this.buffered()
    this.pending = EMPTY
    this.resumeInput()
    return rest
  }

  /** Gives back bytes a request read past its end (the next pipelined request). */
  returnInput(rest: Buffer): void {
    this.pending = rest.length ? Buffer.from(rest) : EMPTY
  }

  private onData(chunk: Buffer): void {
    if (this.consumer) return this.consumer(chunk)
    if (this.keepaliveWaiting) {
      // A new request on a kept connection: its head now has client_header_timeout.
      this.keepaliveWaiting = false
      this.armTimer('client_header_timeout', this.headerTimeoutMs, () => headerTimedOut(this))
    }
    this.arrived.push(chunk)
    this.arrivedBytes += chunk.length
    if (!this.waitingForHead) {
      // Nobody reads the client yet (the upstream is being reached): nginx leaves further bytes
      // in the kernel beyond its header buffers, so reading stops here too.
      if (this.bufferedLength >= this.headBytes) this.pauseInput()
      return
    }
    // Parsing again only when the head could have ended (a line ended) or a buffer limit was
    // crossed keeps a head sent byte by byte linear, not quadratic.
    const before = this.bufferedLength - chunk.length
    const step = Math.min(this.limits.clientBufferSize, this.limits.largeBufferSize)
    const crossed = Math.floor(this.bufferedLength / step) > Math.floor(before / step)
    if (crossed || chunk.includes(LF)) this.tryHead()
  }

  /** How many bytes are read and unused. */
  get bufferedLength(): number {
    return this.pending.length + this.arrivedBytes
  }

  /** The bytes read and unused, as one buffer. */
  buffered(): Buffer {
    if (this.arrived.length) {
      const parts = this.pending.length ? [this.pending, ...this.arrived] : this.arrived
      this.pending = parts.length === 1 ? parts[0] : Buffer.concat(parts)
      this.arrived = []
      this.arrivedBytes = 0
    }
    return this.pending
  }

  private pauseInput(): void {
    if (this.inputPaused) return
    this.inputPaused = true
    this.stream.pause()
  }

  private resumeInput(): void {
    if (!this.inputPaused) return
    this.inputPaused = false
    this.stream.resume()
  }

  private tryHead(): void {
    const result = parseRequestHead(this.buffered().toString('latin1'), this.limits)
    if (result.kind === 'incomplete') return
    this.waitingForHead = false
    this.cancelTimer()
    if (result.kind === 'error') return rejectHead(this, result.error)
    // What follows the head (a body, pipelined requests), without keeping the head's bytes.
    this.pending = result.head.headLength < this.pending.length ? this.pending.subarray(result.head.headLength) : EMPTY
    if (this.pending.length >= this.headBytes) this.pauseInput()
    this.requests++
    if (this.info.sslPort && !this.info.tls) return plainOnSslPort(this, result.head)
    handleRequest(this, result.head)
  }

  /** The default server of the address the connection arrived on. */
  defaultServer(): LabServer | undefined {
    return this.runtime.defaultServerFor(this.info.localAddress, this.info.localPort)
  }

  errorLogsOf(settings: EffectiveSettings): ErrorLogTarget[] {
    return settings.errorLogs.length ? settings.errorLogs : this.runtime.options.errorLogs
  }

  /** The configuration a request is in from now on (its location's, or an `if` block's). */
  useSettings(request: ActiveRequest, settings: EffectiveSettings): void {
    request.settings = settings
    request.errorLogs = this.errorLogsOf(settings)
    request.state.warnUninitialized = settings.uninitializedVariableWarn
    request.state.settings = settings
    this.logsNow = request.errorLogs
  }

  /**
   * error_page for a status about to get nginx's own page (error-page.ts); true when it took
   * the request. Called by responses.ts `sendError` through the connection, so that answering
   * a request never imports what runs one.
   */
  tryErrorPage(request: ActiveRequest, status: number): boolean {
    return tryErrorPage(this, request, status)
  }

  /**
   * Logs the request and either waits for the next one or closes. `streamClosedBy` says the
   * connection was already closed by someone else (the tunnel), who owns how it closes.
   */
  finish(request: ActiveRequest, streamClosedBy?: 'tunnel'): void {
    this.clientGone = null
    writeAccessLog(this, request)
    if (streamClosedBy) {
      // The tunnel closed the stream itself; the connection still ends here, after its log line.
      this.closed = true
      this.cancelTimer()
      this.runtime.options.trace({ type: 'connection.closed', time: this.runtime.options.clock.now(), connection: this.number })
      return
    }
    if (!request.keepalive || this.closed) {
      this.stream.end()
      this.destroy()
      return
    }
    this.consumer = null
    this.waitingForHead = true
    this.pipelined = this.bufferedLength > 0
    this.idleLogs = request.errorLogs
    this.armTimer('keepalive_timeout', request.settings.keepaliveTimeoutMs, () => this.destroy())
    this.keepaliveWaiting = true
    this.resumeInput()
    if (this.bufferedLength) queueMicrotask(() => this.tryHead())
  }

  errorContext(request: ActiveRequest, upstream?: string): ErrorContext {
    return this.contextOf(request.state, upstream)
  }

  contextOf(state: RequestState, upstream?: string): ErrorContext {
    const context: ErrorContext = { client: this.info.remoteAddress, server: state.serverName, request: state.head.requestLine }
    if (upstream !== undefined) context.upstream = upstream
    if (state.head.hostHeader !== null) context.host = state.head.hostHeader
    return context
  }

  logErrorFor(request: ActiveRequest, level: Level, message: string, action: string | null, upstream?: string): void {
    this.runtime.logError(request.errorLogs, level, this.number, message, action, this.errorContext(request, upstream))
  }
}
