/**
 * One request through nginx's phases, once its head is read: the server for its Host, the
 * server's rewrites, the location (again after `rewrite … last`, at most ten internal
 * redirects), the location's rewrites and `if`, then `proxy_pass` (proxy-pass.ts) or static
 * files (static-file.ts). Functions of the connection (http-connection.ts), which holds what
 * lives longer than a request.
 */
import type { LabServer } from '../nginx/compile.ts'
import { RegexMatchLimitError } from '../nginx/regex-match.ts'
import { writeAccessLog } from './access-log.ts'
import { guard, reportBudget } from './budget-failure.ts'
import type { HttpConnection } from './http-connection.ts'
import type { ErrorContext } from './logs.ts'
import { proxyRequest } from './proxy-pass.ts'
import { headerOf, type RequestHead } from './request-head.ts'
import { noCaptures, VARIABLE_DEPTH, type ActiveRequest, type RequestState } from './request-state.ts'
import { absoluteLocation, sendError } from './responses.ts'
import { runRewrites } from './rewrite-phase.ts'
import { findLocation, mergeCaptures, selectServer } from './router.ts'
import { serveStatic } from './static-file.ts'
import { noTrace, type TraceEvent } from './trace.ts'

/** NGX_HTTP_MAX_URI_CHANGES: a request may be redirected internally this many times. */
const MAX_URI_CHANGES = 10

/** A request's state, new: what its variables will read. */
export function newState(conn: HttpConnection, head: RequestHead, serverName: string): RequestState {
  const { runtime } = conn
  const { clock, pid, hostname } = runtime.options
  const config = runtime.config
  const state: RequestState = {
    head,
    connection: { ...conn.info, number: conn.number, requests: conn.requests, pipelined: conn.pipelined },
    serverName,
    nginxVersion: config.version.name,
    hostname,
    pid,
    startMs: clock.now(),
    nowMs: () => clock.now(),
    captures: noCaptures(),
    assigned: new Map(),
    maps: runtime.maps,
    // Told of each variable computed, once per request; nothing when nobody reads the trace.
    onVariable: runtime.options.trace === noTrace ? null : (name, value, map) => {
      const event: TraceEvent = { type: 'variable.evaluated', name, value: value ?? '', found: value !== undefined, time: clock.now(), connection: conn.number }
      if (map) Object.assign(event, { file: map.file, line: map.node.nginxLine })
      runtime.options.trace(event)
    },
    setOnly: config.setOnlyVariables,
    warnUninitialized: true,
    cached: new Map(),
    evaluations: 0,
    action: null,
    variableDepth: VARIABLE_DEPTH,
    uriChanges: MAX_URI_CHANGES + 1,
    built: 0,
    budget: runtime.budget,
    log: (level, message) => runtime.logError(conn.logsNow ?? runtime.options.errorLogs, level, conn.number, message, state.action, conn.contextOf(state)),
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

/** A request just read: its server, the server's rewrites, then its location. */
export function handleRequest(conn: HttpConnection, head: RequestHead): void {
  const { trace, clock } = conn.runtime.options
  trace({ type: 'request.received', requestLine: head.requestLine, headers: head.headers, time: clock.now(), connection: conn.number })
  const choice = chooseServer(conn, head)
  if (!choice) return conn.destroy()
  const server = choice.server
  const serverName = server.serverNames.find((n) => n.kind !== 'regex')?.name ?? server.serverNames[0]?.name ?? ''
  trace({ type: 'server.selected', server: serverName, file: server.file, line: server.line, by: choice.by, host: head.host ?? '', time: clock.now(), connection: conn.number })
  const state = newState(conn, head, serverName)
  mergeCaptures(state.captures, choice.captures)
  const keepalive = clientWantsKeepalive(head) && conn.requests < server.settings.keepaliveRequests
  const base: ActiveRequest = { state, server, settings: server.settings, location: null, errorLogs: conn.errorLogsOf(server.settings), keepalive }

  for (const line of head.invalidLines) {
    logInfo(conn, base, `client sent invalid header line: "${line}"`, 'reading client request headers', serverName)
  }

  conn.useSettings(base, base.settings)
  guard(conn, base, () => {
    // The server's own rewrite steps run before any location is chosen.
    if (runRewrites(conn, base, server.settings.rewrites) === 'answered') return
    findAndRun(conn, base)
  })
}

/**
 * The virtual server for the request's Host. A `server_name` regex stopped at its limit ends
 * the request as nginx ends it (ngx_http_close_request with 500): the [alert] line, 500 in the
 * default server's access log, the connection closed without an answer. null then.
 */
export function chooseServer(conn: HttpConnection, head: RequestHead): ReturnType<typeof selectServer> {
  try {
    return selectServer(conn.runtime.config, conn.info.localAddress, conn.info.localPort, head.host)
  } catch (error) {
    const server: LabServer | undefined = conn.defaultServer()
    if (!(error instanceof RegexMatchLimitError) || !server) throw error
    const state = newState(conn, head, server.serverNames[0]?.name ?? '')
    const request: ActiveRequest = { state, server, settings: server.settings, location: null, errorLogs: conn.errorLogsOf(server.settings), keepalive: false }
    reportBudget(conn, request, error)
    state.status = 500
    writeAccessLog(conn, request)
    return null
  }
}

/** Finds the location for the request's URI and runs it (again after `rewrite … last`). */
function findAndRun(conn: HttpConnection, base: ActiveRequest): void {
  const { trace, clock } = conn.runtime.options
  const state = base.state
  const head = state.head
  const server = base.server
  // A new location search makes the URI the location's again (nginx's r->valid_location).
  state.uriChanged = false
  const found = findLocation(server.locations, head.normalizedPath)
  if (found.kind === 'redirect') {
    const request = { ...base, settings: found.location.settings, location: found.location }
    const location = absoluteLocation(conn, state, head.normalizedPath + '/' + (head.args ? `?${head.args}` : ''))
    return sendError(conn, request, 301, location)
  }
  if (found.kind === 'none') {
    return serveStatic(conn, base)
  }
  const location = found.location
  mergeCaptures(state.captures, found.captures)
  trace({ type: 'location.matched', location: `${location.modifier ? location.modifier + ' ' : ''}${location.name}`, file: location.file, line: location.line, time: clock.now(), connection: conn.number })
  const request: ActiveRequest = { ...base, settings: location.settings, location, errorLogs: conn.errorLogsOf(location.settings) }
  if (conn.requests >= location.settings.keepaliveRequests) request.keepalive = false
  runLocation(conn, request)
}

/** The location's rewrites and `if`, then proxy_pass or static files. */
export function runLocation(conn: HttpConnection, request: ActiveRequest): void {
  conn.useSettings(request, request.settings)
  const outcome = runRewrites(conn, request, request.location?.settings.rewrites ?? [])
  if (outcome === 'answered') return
  if (outcome === 'relocate') {
    // ngx_http_core_post_rewrite_phase: a changed URI searches the locations again.
    if (redirectCycle(conn, request, `processing "${request.state.head.normalizedPath}"`)) return
    return findAndRun(conn, { ...request, settings: request.server.settings, location: null })
  }
  if (request.settings.proxyPass) return proxyRequest(conn, request)
  serveStatic(conn, request)
}

/**
 * Counts one internal redirect (r->uri_changes); when none is left, nginx logs the cycle
 * and answers its own 500. True when the request was answered so.
 */
export function redirectCycle(conn: HttpConnection, request: ActiveRequest, action: string): boolean {
  if (--request.state.uriChanges > 0) return false
  conn.logErrorFor(request, 'error', `rewrite or internal redirection cycle while ${action}`, null)
  sendError(conn, request, 500)
  return true
}

/** An [info] line about the request, in the context nginx gives it while reading the head. */
export function logInfo(conn: HttpConnection, request: ActiveRequest, message: string, action: string, serverName: string): void {
  const context: ErrorContext = { client: conn.info.remoteAddress, server: serverName, request: request.state.head.requestLine }
  if (request.state.head.hostHeader !== null) context.host = request.state.head.hostHeader
  conn.runtime.logError(request.errorLogs, 'info', conn.number, message, action, context)
}

/** Whether the client asked to keep the connection (HTTP/1.1 by default, 1.0 with keep-alive). */
function clientWantsKeepalive(head: RequestHead): boolean {
  const connection = headerOf(head, 'connection')?.toLowerCase() ?? ''
  if (head.major === 1 && head.minor >= 1) return !/\bclose\b/.test(connection)
  return /\bkeep-alive\b/.test(connection)
}
