/**
 * Heads nginx never hands to a location: one that stopped half-way (client_header_timeout), one
 * it refuses (400/414/494/505 from request-parser.ts), plain HTTP on a `listen … ssl` port
 * (497). Each with nginx's [info] line, its answer (or none) and its access log line.
 */
import { writeAccessLog } from './access-log.ts'
import type { HttpConnection } from './http-connection.ts'
import type { ErrorContext } from './logs.ts'
import type { HeadError, RequestHead } from './request-head.ts'
import { chooseServer, logInfo, newState } from './request-flow.ts'
import type { ActiveRequest } from './request-state.ts'
import { sendError } from './responses.ts'

/**
 * client_header_timeout: a head that stopped half-way is dropped without an answer, logged
 * at info and as a 408 in the access log; an idle connection just closes.
 */
export function headerTimedOut(conn: HttpConnection): void {
  const server = conn.defaultServer()
  if (conn.bufferedLength === 0 || !server) return conn.destroy()
  const text = conn.buffered().toString('latin1')
  const lines = text.split(/\r?\n/)
  const requestLine = text.includes('\n') ? lines[0] : null
  const host = lines.slice(1, -1).find((l) => /^host:/i.test(l))?.slice(5).trim() ?? null
  const context: ErrorContext = { client: conn.info.remoteAddress, server: server.serverNames[0]?.name ?? '' }
  if (requestLine !== null) context.request = requestLine
  if (host !== null) context.host = host
  const logs = conn.errorLogsOf(server.settings)
  conn.runtime.logError(logs, 'info', conn.number, 'client timed out (110: Connection timed out)', 'reading client request headers', context)
  const state = newState(conn, fakeHead(requestLine), server.serverNames[0]?.name ?? '')
  state.status = 408
  writeAccessLog(conn, { state, server, settings: server.settings, location: null, errorLogs: logs, keepalive: false })
  conn.stream.end()
  conn.destroy()
}

/** A head nginx refuses: 400/414/494/505 with the [info] line, then close. */
export function rejectHead(conn: HttpConnection, error: HeadError): void {
  const server = conn.defaultServer()
  const context: ErrorContext = { client: conn.info.remoteAddress, server: server?.serverNames[0]?.name ?? '' }
  if (error.requestLine !== null) context.request = error.requestLine
  if (error.hostHeader) context.host = error.hostHeader
  const targets = server ? conn.errorLogsOf(server.settings) : conn.runtime.options.errorLogs
  const action = error.inRequestLine ? 'reading client request line' : 'reading client request headers'
  conn.runtime.logError(targets, 'info', conn.number, error.log, action, context)
  conn.runtime.options.trace({ type: 'request.rejected', status: error.status, reason: error.log, time: conn.runtime.options.clock.now(), connection: conn.number })
  const head = fakeHead(error.requestLine)
  const state = newState(conn, head, server?.serverNames[0]?.name ?? '')
  const request: ActiveRequest = {
    state,
    server: server ?? conn.runtime.config.servers[0],
    settings: server?.settings ?? conn.runtime.config.servers[0].settings,
    location: null,
    errorLogs: targets,
    keepalive: false,
  }
  sendError(conn, request, error.status)
}

/** A plain HTTP request on a `listen … ssl` port: nginx's 497 (sent as 400), or its error_page. */
export function plainOnSslPort(conn: HttpConnection, head: RequestHead): void {
  const choice = chooseServer(conn, head)
  if (!choice) return conn.destroy()
  const server = choice.server
  const serverName = server.serverNames.find((n) => n.kind !== 'regex')?.name ?? ''
  const state = newState(conn, head, serverName)
  const request: ActiveRequest = { state, server, settings: server.settings, location: null, errorLogs: conn.errorLogsOf(server.settings), keepalive: false }
  logInfo(conn, request, 'client sent plain HTTP request to HTTPS port', 'reading client request headers', serverName)
  sendError(conn, request, 497)
}

/** The head of a request nginx did not parse: what its request line gave, nothing else. */
function fakeHead(requestLine: string | null): RequestHead {
  return {
    method: requestLine?.split(' ')[0] ?? '', uri: '', requestUri: '', path: '', normalizedPath: '', args: '', major: 1, minor: 0,
    requestLine: requestLine ?? '', headers: [], invalidLines: [], host: null, hostHeader: null, headLength: 0,
  }
}
