/**
 * One client connection, request after request, as nginx's HTTP core runs it: read the head
 * (client_header_timeout), choose the server and location, run `return`, proxy or serve a
 * file, write the access log, then keep the connection (keepalive_timeout) or close it.
 */
import type { EffectiveSettings, LabLocation, LabServer } from '../nginx/compile.ts'
import { RegexMatchLimitError } from '../nginx/regex-match.ts'
import { EvaluationBudgetError } from './budget.ts'
import type { Timer } from './clock.ts'
import { accessLine, type ErrorContext, type ErrorLogTarget, type Level } from './logs.ts'
import type { ConnectionInfo, Stream } from './network.ts'
import { proxyRequest } from './proxy-pass.ts'
import { headCapacity, headLimits, parseRequestHead, type HeadError, type HeadLimits, type RequestHead } from './request-parser.ts'
import { evaluate, noCaptures, VARIABLE_DEPTH, type RequestState } from './request-vars.ts'
import { clientHead } from './response-head.ts'
import { findLocation, mergeCaptures, selectServer } from './router.ts'
import { runRewrites } from './rewrite-phase.ts'
import type { ProxyRuntime } from './runtime.ts'
import { noTrace, type TraceEvent } from './trace.ts'
import { startTimer, type TimerName } from './timers.ts'
import { errorPage, hasErrorPage, statusText, wantsPadding, wireStatus } from './status.ts'
import { serveStatic } from './static-file.ts'

const LF = 0x0a
/** NGX_HTTP_MAX_URI_CHANGES: a request may be redirected internally this many times. */
const MAX_URI_CHANGES = 10
/** No bytes pending (one shared empty buffer, not one per connection). */
const EMPTY = Buffer.alloc(0)

let dateSecond = NaN
let dateText = ''

/** The HTTP date of response headers, made once a second (as nginx caches its time strings). */
export function httpDate(ms: number): string {
  const second = Math.floor(ms / 1000)
  if (second !== dateSecond) {
    dateSecond = second
    dateText = new Date(ms).toUTCString()
  }
  return dateText
}

export interface ActiveRequest {
  state: RequestState
  server: LabServer
  settings: EffectiveSettings
  location: LabLocation | null
  errorLogs: ErrorLogTarget[]
  /** Whether the client connection may be kept after the response. */
  keepalive: boolean
  /** Set once an error_page redirect happened (nginx follows one unless recursive_error_pages). */
  errorPageDone?: boolean
  /** The status an error_page imposes on whatever answers the redirected request. */
  statusOverride?: number | null
}

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
  private requests = 0
  private closed = false
  private waitingForHead = true
  private keepaliveWaiting = false
  /** The error logs of the last request, for what happens on the idle keep-alive connection. */
  private idleLogs: ErrorLogTarget[] | null = null
  /** Told when the client closes (FIN or close) while a request waits on the upstream. */
  private clientGone: (() => void) | null = null
  /** The error logs of the location now running: where a request's variables log (cycles). */
  private logsNow: ErrorLogTarget[] | null = null
  /** Whether the next request's bytes were already read when the last one ended ($pipe). */
  private pipelined = false

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

  private readonly headerTimeoutMs: number
  private readonly limits: HeadLimits
  /** Bytes nginx holds for a head before it reads no more (its header buffers). */
  private readonly headBytes: number

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
    this.armTimer('client_header_timeout', this.headerTimeoutMs, () => this.headerTimedOut())
  }

  /**
   * client_header_timeout: a head that stopped half-way is dropped without an answer, logged
   * at info and as a 408 in the access log; an idle connection just closes.
   */
  private headerTimedOut(): void {
    const server = this.defaultServer()
    if (this.bufferedLength === 0 || !server) return this.destroy()
    const text = this.buffered().toString('latin1')
    const lines = text.split(/\r?\n/)
    const requestLine = text.includes('\n') ? lines[0] : null
    const host = lines.slice(1, -1).find((l) => /^host:/i.test(l))?.slice(5).trim() ?? null
    const context: ErrorContext = { client: this.info.remoteAddress, server: server.serverNames[0]?.name ?? '' }
    if (requestLine !== null) context.request = requestLine
    if (host !== null) context.host = host
    const logs = this.errorLogsOf(server.settings)
    this.runtime.logError(logs, 'info', this.number, 'client timed out (110: Connection timed out)', 'reading client request headers', context)
    const state = this.newState(this.fakeHead(requestLine), server.serverNames[0]?.name ?? '')
    state.status = 408
    this.writeAccessLog({ state, server, settings: server.settings, location: null, errorLogs: logs, keepalive: false })
    this.stream.end()
    this.destroy()
  }

  /**
   * A body bigger than the lab holds in memory (nginx would spill it to a temporary file): the
   * lab's budget answers nginx's 413 page, and says in the trace that the lab, not nginx, refused.
   */
  bodyOverBudget(request: ActiveRequest, bytes: number): void {
    const { trace, clock } = this.runtime.options
    trace({ type: 'budget', kind: 'body', detail: `a request body of ${bytes} bytes is over the lab's ${request.state.budget.bodyBytes}-byte budget (nginx would write it to a temporary file)`, time: clock.now(), connection: this.number })
    this.runtime.options.onBudgetTrip?.('body')
    request.keepalive = false
    this.sendError(request, 413)
  }

  /** client_body_timeout: the request is dropped (408 in the access log), without an answer. */
  bodyTimedOut(request: ActiveRequest): void {
    request.state.status = 408
    this.writeAccessLog(request)
    this.stream.end()
    this.destroy()
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
      this.armTimer('client_header_timeout', this.headerTimeoutMs, () => this.headerTimedOut())
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
  private get bufferedLength(): number {
    return this.pending.length + this.arrivedBytes
  }

  /** The bytes read and unused, as one buffer. */
  private buffered(): Buffer {
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
    if (result.kind === 'error') return this.rejectHead(result.error)
    // What follows the head (a body, pipelined requests), without keeping the head's bytes.
    this.pending = result.head.headLength < this.pending.length ? this.pending.subarray(result.head.headLength) : EMPTY
    if (this.pending.length >= this.headBytes) this.pauseInput()
    this.requests++
    if (this.info.sslPort && !this.info.tls) return this.plainOnSslPort(result.head)
    this.handle(result.head)
  }

  /** A head nginx refuses: 400/414/494/505 with the [info] line, then close. */
  private rejectHead(error: HeadError): void {
    const server = this.defaultServer()
    const context: ErrorContext = { client: this.info.remoteAddress, server: server?.serverNames[0]?.name ?? '' }
    if (error.requestLine !== null) context.request = error.requestLine
    if (error.hostHeader) context.host = error.hostHeader
    const targets = server ? this.errorLogsOf(server.settings) : this.runtime.options.errorLogs
    const action = error.inRequestLine ? 'reading client request line' : 'reading client request headers'
    this.runtime.logError(targets, 'info', this.number, error.log, action, context)
    this.runtime.options.trace({ type: 'request.rejected', status: error.status, reason: error.log, time: this.runtime.options.clock.now(), connection: this.number })
    const head = this.fakeHead(error.requestLine)
    const state = this.newState(head, server?.serverNames[0]?.name ?? '')
    const request: ActiveRequest = {
      state,
      server: server ?? this.runtime.config.servers[0],
      settings: server?.settings ?? this.runtime.config.servers[0].settings,
      location: null,
      errorLogs: targets,
      keepalive: false,
    }
    this.sendError(request, error.status)
  }

  /** A plain HTTP request on a `listen … ssl` port: nginx's 497 (sent as 400), or its error_page. */
  private plainOnSslPort(head: RequestHead): void {
    const choice = this.chooseServer(head)
    if (!choice) return this.destroy()
    const server = choice.server
    const serverName = server.serverNames.find((n) => n.kind !== 'regex')?.name ?? ''
    const state = this.newState(head, serverName)
    const request: ActiveRequest = { state, server, settings: server.settings, location: null, errorLogs: this.errorLogsOf(server.settings), keepalive: false }
    this.logInfo(request, 'client sent plain HTTP request to HTTPS port', 'reading client request headers', serverName)
    this.sendError(request, 497)
  }

  private defaultServer(): LabServer | undefined {
    return this.runtime.defaultServerFor(this.info.localAddress, this.info.localPort)
  }

  private fakeHead(requestLine: string | null): RequestHead {
    return {
      method: requestLine?.split(' ')[0] ?? '', uri: '', requestUri: '', path: '', normalizedPath: '', args: '', major: 1, minor: 0,
      requestLine: requestLine ?? '', headers: [], invalidLines: [], host: null, hostHeader: null, headLength: 0,
    }
  }

  newState(head: RequestHead, serverName: string): RequestState {
    const { clock, pid, hostname } = this.runtime.options
    const config = this.runtime.config
    const state: RequestState = {
      head,
      connection: { ...this.info, number: this.number, requests: this.requests, pipelined: this.pipelined },
      serverName,
      nginxVersion: config.version.name,
      hostname,
      pid,
      startMs: clock.now(),
      nowMs: () => clock.now(),
      captures: noCaptures(),
      assigned: new Map(),
      maps: this.runtime.maps,
      // Told of each variable computed, once per request; nothing when nobody reads the trace.
      onVariable: this.runtime.options.trace === noTrace ? null : (name, value, map) => {
        const event: TraceEvent = { type: 'variable.evaluated', name, value: value ?? '', found: value !== undefined, time: clock.now(), connection: this.number }
        if (map) Object.assign(event, { file: map.file, line: map.node.nginxLine })
        this.runtime.options.trace(event)
      },
      setOnly: config.setOnlyVariables,
      warnUninitialized: true,
      cached: new Map(),
      evaluations: 0,
      action: null,
      variableDepth: VARIABLE_DEPTH,
      uriChanges: MAX_URI_CHANGES + 1,
      built: 0,
      budget: this.runtime.budget,
      log: (level, message) => this.runtime.logError(this.logsNow ?? this.runtime.options.errorLogs, level, this.number, message, state.action, this.contextOf(state)),
      proxyHost: '',
      proxyPort: '',
      upstreamTries: [],
      status: 0,
      bodyBytesSent: 0,
      bytesSent: 0,
      responseHeaders: [],
      upstreamHeaders: [],
    }
    return state
  }

  /**
   * The virtual server for the request's Host. A `server_name` regex stopped at its limit ends
   * the request as nginx ends it (ngx_http_close_request with 500): the [alert] line, 500 in the
   * default server's access log, the connection closed without an answer. null then.
   */
  private chooseServer(head: RequestHead): ReturnType<typeof selectServer> {
    try {
      return selectServer(this.runtime.config, this.info.localAddress, this.info.localPort, head.host)
    } catch (error) {
      const server = this.defaultServer()
      if (!(error instanceof RegexMatchLimitError) || !server) throw error
      const state = this.newState(head, server.serverNames[0]?.name ?? '')
      const request: ActiveRequest = { state, server, settings: server.settings, location: null, errorLogs: this.errorLogsOf(server.settings), keepalive: false }
      this.reportBudget(request, error)
      state.status = 500
      this.writeAccessLog(request)
      return null
    }
  }

  errorLogsOf(settings: EffectiveSettings): ErrorLogTarget[] {
    return settings.errorLogs.length ? settings.errorLogs : this.runtime.options.errorLogs
  }

  private handle(head: RequestHead): void {
    const { trace, clock } = this.runtime.options
    trace({ type: 'request.received', requestLine: head.requestLine, headers: head.headers, time: clock.now(), connection: this.number })
    const choice = this.chooseServer(head)
    if (!choice) return this.destroy()
    const server = choice.server
    const serverName = server.serverNames.find((n) => n.kind !== 'regex')?.name ?? server.serverNames[0]?.name ?? ''
    trace({ type: 'server.selected', server: serverName, file: server.file, line: server.line, by: choice.by, host: head.host ?? '', time: clock.now(), connection: this.number })
    const state = this.newState(head, serverName)
    mergeCaptures(state.captures, choice.captures)
    const keepalive = clientWantsKeepalive(head) && this.requests < server.settings.keepaliveRequests
    const base: ActiveRequest = { state, server, settings: server.settings, location: null, errorLogs: this.errorLogsOf(server.settings), keepalive }

    for (const line of head.invalidLines) {
      this.logInfo(base, `client sent invalid header line: "${line}"`, 'reading client request headers', serverName)
    }

    this.useSettings(base, base.settings)
    this.guard(base, () => {
      // The server's own rewrite steps run before any location is chosen.
      if (runRewrites(this, base, server.settings.rewrites) === 'answered') return
      this.findAndRun(base)
    })
  }

  /**
   * Runs a step of a request; a budget it goes over (a value too big to build, a regex match
   * past its limit) fails this request as nginx fails it, and nothing else.
   */
  guard(request: ActiveRequest, step: () => void): void {
    try {
      step()
    } catch (error) {
      if (!isBudgetError(error)) throw error
      this.failRequest(request, error)
    }
  }

  /**
   * A request stopped by a budget: nginx's line for the failure (an allocation that failed, a
   * PCRE2 match limit), the lab's own word in the trace, and a 500 — or, once the response has
   * begun, the connection closed.
   */
  private failRequest(request: ActiveRequest, error: EvaluationBudgetError | RegexMatchLimitError): void {
    const state = request.state
    this.reportBudget(request, error)
    if (this.closed) return
    if (state.bytesSent > 0) return this.destroy()
    // No error_page: its target could go over the same budget again.
    state.uriChanges = 0
    request.keepalive = false
    try {
      this.sendError({ ...request, statusOverride: null }, 500)
    } catch (again) {
      // The 500's own add_header went over too: nothing more can be said on this connection.
      if (!isBudgetError(again)) throw again
      this.destroy()
    }
  }

  /** nginx's error_log line for a budget's failure, and the lab's own word in the trace. */
  private reportBudget(request: ActiveRequest, error: EvaluationBudgetError | RegexMatchLimitError): void {
    const { trace, clock } = this.runtime.options
    const state = request.state
    if (error instanceof EvaluationBudgetError && error.limit === 'evaluations') {
      // nginx has no limit here (it spins); nothing nginx would log, so only the trace says it.
      trace({ type: 'budget', kind: 'evaluations', detail: `${error.message} of ${state.budget.evaluations}`, time: clock.now(), connection: this.number })
    } else if (error instanceof EvaluationBudgetError) {
      trace({ type: 'budget', kind: 'value-size', detail: `${error.message} of ${error.limit === 'valueBytes' ? state.budget.valueBytes : state.budget.requestBytes} bytes`, time: clock.now(), connection: this.number })
      this.logErrorFor(request, 'emerg', `malloc(${error.bytes}) failed (12: Cannot allocate memory)`, null)
    } else {
      trace({ type: 'budget', kind: 'regex', detail: `the match of "${error.pattern}" went over the lab's regex budget (a backtracking match's time, or this session's share of regex time)`, time: clock.now(), connection: this.number })
      this.logErrorFor(request, 'alert', `pcre2_match() failed: -47 on "${error.subject}" using "${error.pattern}"`, null)
    }
    this.runtime.options.onBudgetTrip?.(error instanceof EvaluationBudgetError ? (error.limit === 'evaluations' ? 'evaluations' : 'value-size') : 'regex')
  }

  /** Finds the location for the request's URI and runs it (again after `rewrite … last`). */
  private findAndRun(base: ActiveRequest): void {
    const { trace, clock } = this.runtime.options
    const state = base.state
    const head = state.head
    const server = base.server
    // A new location search makes the URI the location's again (nginx's r->valid_location).
    state.uriChanged = false
    const found = findLocation(server.locations, head.normalizedPath)
    if (found.kind === 'redirect') {
      const request = { ...base, settings: found.location.settings, location: found.location }
      const location = this.absoluteLocation(state, head.normalizedPath + '/' + (head.args ? `?${head.args}` : ''))
      return this.sendError(request, 301, location)
    }
    if (found.kind === 'none') {
      return serveStatic(this, base)
    }
    const location = found.location
    mergeCaptures(state.captures, found.captures)
    trace({ type: 'location.matched', location: `${location.modifier ? location.modifier + ' ' : ''}${location.name}`, file: location.file, line: location.line, time: clock.now(), connection: this.number })
    const request: ActiveRequest = { ...base, settings: location.settings, location, errorLogs: this.errorLogsOf(location.settings) }
    if (this.requests >= location.settings.keepaliveRequests) request.keepalive = false
    this.runLocation(request)
  }

  private logInfo(request: ActiveRequest, message: string, action: string, serverName: string): void {
    const context: ErrorContext = { client: this.info.remoteAddress, server: serverName, request: request.state.head.requestLine }
    if (request.state.head.hostHeader !== null) context.host = request.state.head.hostHeader
    this.runtime.logError(request.errorLogs, 'info', this.number, message, action, context)
  }

  /**
   * The rewrite module's steps, in order: `set`, `return` (answers), `rewrite` (changes the
   * URI; `last` and a changed URI at the end search the location again, `break` stays,
   * `redirect`/`permanent` or a URL answer with 302/301), `break`.
   */
  /** An absolute URL for a redirect, as nginx builds it (absolute_redirect on). */
  absoluteLocation(state: RequestState, path: string): string {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path
    const scheme = this.info.tls ? 'https' : 'http'
    const host = state.head.host ?? state.serverName
    const defaultPort = this.info.tls ? 443 : 80
    const port = this.info.localPort === defaultPort ? '' : `:${this.info.localPort}`
    return `${scheme}://${host}${port}${path}`
  }

  /** `return`: a status with a text or a redirect URL, or 444 (close without an answer). */
  sendReturn(request: ActiveRequest, status: number, text: string | null): void {
    if (status === 444) {
      request.state.status = 444
      this.finish(request)
      return this.destroy()
    }
    const redirect = status === 301 || status === 302 || status === 303 || status === 307 || status === 308
    if (redirect && text !== null) {
      const url = evaluate(text, request.state)
      // ngx_http_header_filter only rewrites (and places) a Location that starts with '/'.
      if (url.startsWith('/')) return this.sendError(request, status, this.absoluteLocation(request.state, url))
      return this.sendError(request, status, null, [['Location', url]])
    }
    if (text === null) return this.sendError(request, status)
    const body = Buffer.from(evaluate(text, request.state), 'utf8')
    // An error_page target answers with the error's status (ngx_http_send_header: r->err_status).
    this.sendSimple(request, request.statusOverride ?? status, request.settings.defaultType, body)
  }

  /** A response nginx makes itself with a body (return with text, files). */
  sendSimple(
    request: ActiveRequest,
    status: number,
    contentType: string | null,
    body: Buffer,
    extra: Array<[string, string]> = [],
    lastModified: string | null = null,
  ): void {
    const { text, headers } = clientHead({
      statusLine: statusLineFor(status),
      nginxVersion: this.runtime.config.version.name,
      date: httpDate(this.runtime.options.clock.now()),
      contentType,
      contentLength: body.length,
      lastModified,
      location: null,
      chunked: false,
      connection: request.keepalive ? 'keep-alive' : 'close',
      keepAliveHeader: null,
      extra: [...extra, ...addHeaders(request, status)],
      serverPassed: false,
      datePassed: false,
    })
    this.writeResponse(request, status, text, headers, request.state.head.method === 'HEAD' ? Buffer.alloc(0) : body)
  }

  /** nginx's built-in page for a status (ngx_http_special_response_handler). */
  sendError(request: ActiveRequest, status: number, location: string | null = null, extra: Array<[string, string]> = []): void {
    // ngx_http_special_response_handler turns keep-alive off for these before any error_page.
    if (CLOSING_STATUSES.has(status)) request.keepalive = false
    if (this.tryErrorPage(request, status)) return
    const head = request.state.head
    const page = hasErrorPage(status)
      ? Buffer.from(errorPage(status, this.runtime.config.version.name, { padding: wantsPadding(headerOf(head, 'user-agent')) }), 'latin1')
      : Buffer.alloc(0)
    const wire = wireStatus(status)
    const { text, headers } = clientHead({
      statusLine: statusLineFor(wire),
      nginxVersion: this.runtime.config.version.name,
      date: httpDate(this.runtime.options.clock.now()),
      contentType: page.length ? 'text/html' : null,
      // nginx sends no length with statuses that never have a body.
      contentLength: wire === 204 || wire === 304 || wire < 200 ? null : page.length,
      lastModified: null,
      location,
      chunked: false,
      connection: request.keepalive ? 'keep-alive' : 'close',
      keepAliveHeader: null,
      extra: [...extra, ...addHeaders(request, wire)],
      serverPassed: false,
      datePassed: false,
    })
    request.state.status = wire
    this.writeResponse(request, wire, text, headers, head.method === 'HEAD' ? Buffer.alloc(0) : page)
  }

  /** HTTP/0.9 has no response head: the body alone, then the close. */
  clientSpeaksHttp09(request: ActiveRequest): boolean {
    if (request.state.head.major !== 0) return false
    request.keepalive = false
    return true
  }

  /**
   * error_page (ngx_http_send_error_page): an internal redirect to a URI or a named location,
   * answering with the original status, `=code`, or (`=`) the status of what answers.
   */
  private tryErrorPage(request: ActiveRequest, status: number): boolean {
    // ngx_http_special_response_handler: r->error_page (set by the first error_page unless that
    // location has recursive_error_pages on) and no redirects left mean nginx's own page.
    if (request.errorPageDone || request.state.uriChanges === 0) return false
    const page = request.settings.errorPages.find((p) => p.codes.includes(status))
    if (!page || this.closed) return false
    const uri = evaluate(page.uri, request.state)
    const override = page.overwrite === null ? status : page.overwrite === 0 ? null : page.overwrite
    const next: ActiveRequest = { ...request, errorPageDone: !request.settings.recursiveErrorPages, statusOverride: override }
    if (uri.startsWith('@')) {
      const named = request.server.namedLocations.get(uri)
      if (!named) return false
      if (this.redirectCycle(request, `redirect to named location "${uri}"`)) return true
      this.runLocation({ ...next, settings: named.settings, location: named, errorLogs: this.errorLogsOf(named.settings) })
      return true
    }
    if (/^https?:\/\//.test(uri)) {
      this.sendError({ ...next, statusOverride: null }, page.overwrite && page.overwrite >= 301 ? page.overwrite : 302, null, [['Location', uri]])
      return true
    }
    const q = uri.indexOf('?')
    const path = q < 0 ? uri : uri.slice(0, q)
    const head: RequestHead = { ...request.state.head, method: request.state.head.method === 'HEAD' ? 'HEAD' : 'GET', uri, path, normalizedPath: path, args: q < 0 ? '' : uri.slice(q + 1) }
    // The target is never entered when no redirect is left: $uri stays the one before.
    if (this.redirectCycle(request, `internally redirecting to "${uri}"`)) return true
    next.state = { ...request.state, head }
    const found = findLocation(request.server.locations, path)
    if (found.kind !== 'location') {
      serveStatic(this, { ...next, settings: request.server.settings, location: null })
      return true
    }
    this.runLocation({ ...next, settings: found.location.settings, location: found.location, errorLogs: this.errorLogsOf(found.location.settings) })
    return true
  }

  /** The configuration a request is in from now on (its location's, or an `if` block's). */
  useSettings(request: ActiveRequest, settings: EffectiveSettings): void {
    request.settings = settings
    request.errorLogs = this.errorLogsOf(settings)
    request.state.warnUninitialized = settings.uninitializedVariableWarn
    request.state.settings = settings
    this.logsNow = request.errorLogs
  }

  private runLocation(request: ActiveRequest): void {
    this.useSettings(request, request.settings)
    const outcome = runRewrites(this, request, request.location?.settings.rewrites ?? [])
    if (outcome === 'answered') return
    if (outcome === 'relocate') {
      // ngx_http_core_post_rewrite_phase: a changed URI searches the locations again.
      if (this.redirectCycle(request, `processing "${request.state.head.normalizedPath}"`)) return
      return this.findAndRun({ ...request, settings: request.server.settings, location: null })
    }
    if (request.settings.proxyPass) return proxyRequest(this, request)
    serveStatic(this, request)
  }

  /**
   * Counts one internal redirect (r->uri_changes); when none is left, nginx logs the cycle
   * and answers its own 500. True when the request was answered so.
   */
  private redirectCycle(request: ActiveRequest, action: string): boolean {
    if (--request.state.uriChanges > 0) return false
    this.logErrorFor(request, 'error', `rewrite or internal redirection cycle while ${action}`, null)
    this.sendError(request, 500)
    return true
  }

  writeResponse(request: ActiveRequest, status: number, head: string, headers: Array<[string, string]>, body: Buffer): void {
    const { trace, clock } = this.runtime.options
    if (this.clientSpeaksHttp09(request)) head = ''
    request.state.status = status
    request.state.responseHeaders = headers
    trace({ type: 'response.sent', statusLine: head.split('\r\n')[0], headers, bodyBytes: body.length, time: clock.now(), connection: this.number })
    this.stream.write(Buffer.concat([Buffer.from(head, 'latin1'), body]))
    request.state.bodyBytesSent += body.length
    request.state.bytesSent += head.length + body.length
    this.finish(request)
  }

  /**
   * Logs the request and either waits for the next one or closes. `streamClosedBy` says the
   * connection was already closed by someone else (the tunnel), who owns how it closes.
   */
  finish(request: ActiveRequest, streamClosedBy?: 'tunnel'): void {
    this.clientGone = null
    this.writeAccessLog(request)
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

  writeAccessLog(request: ActiveRequest): void {
    const { writeLog, trace, clock, prefix } = this.runtime.options
    request.state.action = 'logging request'
    request.state.settings = request.settings
    for (const log of request.settings.accessLogs) {
      if (log.path === 'off') continue
      const format = this.runtime.config.logFormats.get(log.format)
      if (!format) continue
      let line: string
      try {
        if (log.condition !== null) {
          const value = evaluate(log.condition, request.state)
          if (value === '' || value === '0') continue
        }
        line = accessLine(format, request.state)
      } catch (error) {
        // As in nginx, a line that cannot be allocated is lost; the request is already answered.
        if (!isBudgetError(error)) throw error
        this.reportBudget(request, error)
        continue
      }
      const path = log.path.startsWith('/') || log.path.startsWith('syslog:') ? log.path : prefix + log.path
      writeLog(path, line)
      trace({ type: 'log.access', line, time: clock.now(), connection: this.number })
    }
  }

  errorContext(request: ActiveRequest, upstream?: string): ErrorContext {
    return this.contextOf(request.state, upstream)
  }

  private contextOf(state: RequestState, upstream?: string): ErrorContext {
    const context: ErrorContext = { client: this.info.remoteAddress, server: state.serverName, request: state.head.requestLine }
    if (upstream !== undefined) context.upstream = upstream
    if (state.head.hostHeader !== null) context.host = state.head.hostHeader
    return context
  }

  logErrorFor(request: ActiveRequest, level: Level, message: string, action: string | null, upstream?: string): void {
    this.runtime.logError(request.errorLogs, level, this.number, message, action, this.errorContext(request, upstream))
  }
}

function isBudgetError(error: unknown): error is EvaluationBudgetError | RegexMatchLimitError {
  return error instanceof EvaluationBudgetError || error instanceof RegexMatchLimitError
}

/** Whether the client asked to keep the connection (HTTP/1.1 by default, 1.0 with keep-alive). */
function clientWantsKeepalive(head: RequestHead): boolean {
  const connection = headerOf(head, 'connection')?.toLowerCase() ?? ''
  if (head.major === 1 && head.minor >= 1) return !/\bclose\b/.test(connection)
  return /\bkeep-alive\b/.test(connection)
}

/** The first value of a header; `name` in lower case. */
export function headerOf(head: RequestHead, name: string): string | undefined {
  // The length test first: most names differ in it, and then no lower-cased copy is made.
  for (const header of head.headers) if (header[0].length === name.length && header[0].toLowerCase() === name) return header[1]
  return undefined
}


export function statusLineFor(status: number): string {
  return statusText(status)
}

/** Statuses after which nginx closes the client connection (494 is sent as 400). */
const CLOSING_STATUSES = new Set([400, 413, 414, 494, 495, 496, 497, 500, 501, 505])

const ADD_HEADER_STATUSES = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308])

/** add_header values for a response status: all of them with `always`, else only for the usual statuses. */
export function addHeaders(request: ActiveRequest, status: number): Array<[string, string]> {
  const out: Array<[string, string]> = []
  request.state.settings = request.settings
  for (const h of request.settings.addHeaders) {
    if (!h.always && !ADD_HEADER_STATUSES.has(status)) continue
    const value = evaluate(h.value, request.state)
    if (value !== '') out.push([h.name, value])
  }
  return out
}
