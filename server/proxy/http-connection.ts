/**
 * One client connection, request after request, as nginx's HTTP core runs it: read the head
 * (client_header_timeout), choose the server and location, run `return`, proxy or serve a
 * file, write the access log, then keep the connection (keepalive_timeout) or close it.
 */
import type { EffectiveSettings, LabLocation, LabServer, RewriteStep } from '../nginx/compile.ts'
import type { Timer } from './clock.ts'
import { accessLine, type ErrorContext, type ErrorLogTarget, type Level } from './logs.ts'
import type { ConnectionInfo, Stream } from './network.ts'
import { proxyRequest } from './proxy-pass.ts'
import { DEFAULT_LIMITS, parseRequestHead, type HeadError, type RequestHead } from './request-parser.ts'
import { evaluate, type RequestState } from './request-vars.ts'
import { clientHead } from './response-head.ts'
import { capturesOf, findLocation, selectServer } from './router.ts'
import type { ProxyRuntime } from './runtime.ts'
import { errorPage, hasErrorPage, statusText, wantsPadding, wireStatus } from './status.ts'
import { serveStatic } from './static-file.ts'

const CLIENT_HEADER_TIMEOUT_MS = 60_000
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
  private pending: Buffer = EMPTY
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

  constructor(
    readonly runtime: ProxyRuntime,
    readonly stream: Stream,
    readonly info: ConnectionInfo,
    readonly number: number,
  ) {}

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
      if (this.requests > 0 && this.pending.length === 0 && this.idleLogs) {
        this.runtime.logError(this.idleLogs, 'info', this.number, `client ${this.info.remoteAddress} closed keepalive connection`, null, {})
      } else if (this.requests === 0 && this.pending.length === 0) {
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
    const server = this.defaultServer()
    this.armTimer(server?.settings.clientHeaderTimeoutMs ?? CLIENT_HEADER_TIMEOUT_MS, () => this.headerTimedOut())
  }

  /**
   * client_header_timeout: a head that stopped half-way is dropped without an answer, logged
   * at info and as a 408 in the access log; an idle connection just closes.
   */
  private headerTimedOut(): void {
    const server = this.defaultServer()
    if (this.pending.length === 0 || !server) return this.destroy()
    const text = this.pending.toString('latin1')
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

  private armTimer(ms: number, fn: () => void): void {
    this.timer?.cancel()
    this.timer = this.runtime.options.clock.after(ms, fn)
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
    const rest = this.pending
    this.pending = EMPTY
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
      const server = this.defaultServer()
      this.armTimer(server?.settings.clientHeaderTimeoutMs ?? CLIENT_HEADER_TIMEOUT_MS, () => this.headerTimedOut())
    }
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk
    if (this.waitingForHead) this.tryHead()
  }

  private tryHead(): void {
    const result = parseRequestHead(this.pending.toString('latin1'), DEFAULT_LIMITS)
    if (result.kind === 'incomplete') return
    this.waitingForHead = false
    this.cancelTimer()
    if (result.kind === 'error') return this.rejectHead(result.error)
    // What follows the head (a body, pipelined requests), without keeping the head's bytes.
    this.pending = result.head.headLength < this.pending.length ? this.pending.subarray(result.head.headLength) : EMPTY
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
    const choice = selectServer(this.runtime.config, this.info.localAddress, this.info.localPort, head.host)
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
      method: requestLine?.split(' ')[0] ?? '', uri: '', path: '', normalizedPath: '', args: '', major: 1, minor: 0,
      requestLine: requestLine ?? '', headers: [], invalidLines: [], host: null, hostHeader: null, headLength: 0,
    }
  }

  newState(head: RequestHead, serverName: string): RequestState {
    const { clock, pid, hostname } = this.runtime.options
    const config = this.runtime.config
    return {
      head,
      connection: { ...this.info, number: this.number, requests: this.requests },
      serverName,
      nginxVersion: config.version.name,
      hostname,
      pid,
      startMs: clock.now(),
      nowMs: () => clock.now(),
      captures: {},
      assigned: new Map(),
      maps: this.runtime.maps,
      proxyHost: '',
      proxyPort: '',
      upstreamAddr: [],
      upstreamStatus: [],
      status: 0,
      bodyBytesSent: 0,
      bytesSent: 0,
      responseHeaders: [],
      upstreamHeaders: [],
    }
  }

  errorLogsOf(settings: EffectiveSettings): ErrorLogTarget[] {
    return settings.errorLogs.length ? settings.errorLogs : this.runtime.options.errorLogs
  }

  private handle(head: RequestHead): void {
    const { trace, clock } = this.runtime.options
    trace({ type: 'request.received', requestLine: head.requestLine, headers: head.headers, time: clock.now(), connection: this.number })
    const choice = selectServer(this.runtime.config, this.info.localAddress, this.info.localPort, head.host)
    if (!choice) return this.destroy()
    const server = choice.server
    const serverName = server.serverNames.find((n) => n.kind !== 'regex')?.name ?? server.serverNames[0]?.name ?? ''
    trace({ type: 'server.selected', server: serverName, line: server.line, by: choice.by, host: head.host ?? '', time: clock.now(), connection: this.number })
    const state = this.newState(head, serverName)
    Object.assign(state.captures, choice.captures)
    const keepalive = clientWantsKeepalive(head) && this.requests < server.settings.keepaliveRequests
    const base: ActiveRequest = { state, server, settings: server.settings, location: null, errorLogs: this.errorLogsOf(server.settings), keepalive }

    for (const line of head.invalidLines) {
      this.logInfo(base, `client sent invalid header line: "${line}"`, 'reading client request headers', serverName)
    }

    // The server's own rewrite steps run before any location is chosen.
    if (this.runRewrites(base, server.settings.rewrites) === 'answered') return
    this.findAndRun(base, 0)
  }

  /** Finds the location for the request's URI and runs it (again after `rewrite … last`). */
  private findAndRun(base: ActiveRequest, cycles: number): void {
    const { trace, clock } = this.runtime.options
    const state = base.state
    const head = state.head
    const server = base.server
    // A new location search makes the URI the location's again (nginx's r->valid_location).
    state.uriChanged = false
    if (cycles > 10) {
      this.logErrorFor(base, 'error', `rewrite or internal redirection cycle while processing "${head.normalizedPath}"`, null)
      return this.sendError(base, 500)
    }
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
    Object.assign(state.captures, found.captures)
    trace({ type: 'location.matched', location: `${location.modifier ? location.modifier + ' ' : ''}${location.name}`, line: location.line, time: clock.now(), connection: this.number })
    const request: ActiveRequest = { ...base, settings: location.settings, location, errorLogs: this.errorLogsOf(location.settings) }
    if (this.requests >= location.settings.keepaliveRequests) request.keepalive = false
    this.runLocation(request, cycles)
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
  private runRewrites(request: ActiveRequest, steps: RewriteStep[]): 'answered' | 'continue' | 'relocate' {
    const state = request.state
    let changed = false
    for (const step of steps) {
      if ('set' in step) state.assigned.set(step.set.name, evaluate(step.set.value, state))
      else if ('return' in step) {
        this.sendReturn(request, step.return.status, step.return.text)
        return 'answered'
      } else if ('break' in step) return 'continue'
      else if ('rewrite' in step) {
        const { regex, replacement, flag } = step.rewrite
        const m = regex.exec(state.head.normalizedPath)
        if (!m) continue
        Object.assign(state.captures, capturesOf(m))
        const target = evaluate(replacement, state)
        const q = target.indexOf('?')
        const path = q < 0 ? target : target.slice(0, q)
        const args = q < 0 ? state.head.args : target.slice(q + 1)
        if (flag === 'redirect' || flag === 'permanent' || /^(https?:)?\/\//.test(target)) {
          const status = flag === 'permanent' ? 301 : 302
          const url = args && q < 0 ? `${path}?${args}` : target.endsWith('?') ? path : target
          if (url.startsWith('/')) this.sendError(request, status, this.absoluteLocation(state, url))
          else this.sendError(request, status, null, [['Location', url]])
          return 'answered'
        }
        state.head = { ...state.head, path, normalizedPath: path, args, uri: args ? `${path}?${args}` : path }
        state.uriChanged = true
        changed = true
        if (flag === 'last') return 'relocate'
        if (flag === 'break') return 'continue'
      }
    }
    return changed ? 'relocate' : 'continue'
  }

  /** An absolute URL for a redirect, as nginx builds it (absolute_redirect on). */
  absoluteLocation(state: RequestState, path: string): string {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path
    const scheme = this.info.tls ? 'https' : 'http'
    const host = state.head.host ?? state.serverName
    const defaultPort = this.info.tls ? 443 : 80
    const port = this.info.localPort === defaultPort ? '' : `:${this.info.localPort}`
    return `${scheme}://${host}${port}${path}`
  }

  private sendReturn(request: ActiveRequest, status: number, text: string | null): void {
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
    this.sendSimple(request, status, request.settings.defaultType, body)
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
    if (this.tryErrorPage(request, status)) return
    const head = request.state.head
    if (status === 400 || status === 414 || status === 494 || status === 505 || status === 413 || status === 501) request.keepalive = false
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
    if (request.errorPageDone && !request.settings.recursiveErrorPages) return false
    const page = request.settings.errorPages.find((p) => p.codes.includes(status))
    if (!page || this.closed) return false
    const uri = evaluate(page.uri, request.state)
    const override = page.overwrite === null ? status : page.overwrite === 0 ? null : page.overwrite
    const next: ActiveRequest = { ...request, errorPageDone: true, statusOverride: override }
    if (uri.startsWith('@')) {
      const named = request.server.namedLocations.get(uri)
      if (!named) return false
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
    next.state = { ...request.state, head }
    const found = findLocation(request.server.locations, path)
    if (found.kind !== 'location') {
      serveStatic(this, { ...next, settings: request.server.settings, location: null })
      return true
    }
    this.runLocation({ ...next, settings: found.location.settings, location: found.location, errorLogs: this.errorLogsOf(found.location.settings) })
    return true
  }

  private runLocation(request: ActiveRequest, cycles = 0): void {
    const outcome = this.runRewrites(request, request.location?.settings.rewrites ?? [])
    if (outcome === 'answered') return
    if (outcome === 'relocate') return this.findAndRun({ ...request, settings: request.server.settings, location: null }, cycles + 1)
    if (request.settings.proxyPass) return proxyRequest(this, request)
    serveStatic(this, request)
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
      this.closed = true
      this.cancelTimer()
      return
    }
    if (!request.keepalive || this.closed) {
      this.stream.end()
      this.destroy()
      return
    }
    this.consumer = null
    this.waitingForHead = true
    this.idleLogs = request.errorLogs
    this.armTimer(request.settings.keepaliveTimeoutMs, () => this.destroy())
    this.keepaliveWaiting = true
    if (this.pending.length) queueMicrotask(() => this.tryHead())
  }

  writeAccessLog(request: ActiveRequest): void {
    const { writeLog, trace, clock, prefix } = this.runtime.options
    for (const log of request.settings.accessLogs) {
      if (log.path === 'off') continue
      const format = this.runtime.config.logFormats.get(log.format)
      if (!format) continue
      if (log.condition !== null) {
        const value = evaluate(log.condition, request.state)
        if (value === '' || value === '0') continue
      }
      const line = accessLine(format, request.state)
      const path = log.path.startsWith('/') || log.path.startsWith('syslog:') ? log.path : prefix + log.path
      writeLog(path, line)
      trace({ type: 'log.access', line, time: clock.now(), connection: this.number })
    }
  }

  errorContext(request: ActiveRequest, upstream?: string): ErrorContext {
    const context: ErrorContext = { client: this.info.remoteAddress, server: request.state.serverName, request: request.state.head.requestLine }
    if (upstream !== undefined) context.upstream = upstream
    if (request.state.head.hostHeader !== null) context.host = request.state.head.hostHeader
    return context
  }

  logErrorFor(request: ActiveRequest, level: Level, message: string, action: string | null, upstream?: string): void {
    this.runtime.logError(request.errorLogs, level, this.number, message, action, this.errorContext(request, upstream))
  }
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

const ADD_HEADER_STATUSES = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308])

/** add_header values for a response status: all of them with `always`, else only for the usual statuses. */
export function addHeaders(request: ActiveRequest, status: number): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const h of request.settings.addHeaders) {
    if (!h.always && !ADD_HEADER_STATUSES.has(status)) continue
    const value = evaluate(h.value, request.state)
    if (value !== '') out.push([h.name, value])
  }
  return out
}
