/**
 * Responses nginx makes itself: `return` (ngx_http_rewrite_module), a body it has (files, texts),
 * its built-in pages for error statuses (ngx_http_special_response_handler) with error_page
 * tried first, redirects made absolute, and add_header. Functions of the connection; error_page
 * itself is run by the connection (`HttpConnection.tryErrorPage`, error-page.ts), the one step
 * back from here into request handling.
 */
import type { HttpConnection } from './http-connection.ts'
import { headerOf } from './request-head.ts'
import type { ActiveRequest, RequestState } from './request-state.ts'
import { evaluate } from './request-vars.ts'
import { clientHead, httpDate } from './response-head.ts'
import { errorPage, hasErrorPage, statusText, wantsPadding, wireStatus } from './status.ts'

/** Statuses after which nginx closes the client connection (494 is sent as 400). */
const CLOSING_STATUSES = new Set([400, 413, 414, 494, 495, 496, 497, 500, 501, 505])

const ADD_HEADER_STATUSES = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308])

/** No body (a HEAD request's, a bodiless status's). */
const NO_BODY = Buffer.alloc(0)

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

/** An absolute URL for a redirect, as nginx builds it (absolute_redirect on). */
export function absoluteLocation(conn: HttpConnection, state: RequestState, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path
  const scheme = conn.info.tls ? 'https' : 'http'
  const host = state.head.host ?? state.serverName
  const defaultPort = conn.info.tls ? 443 : 80
  const port = conn.info.localPort === defaultPort ? '' : `:${conn.info.localPort}`
  return `${scheme}://${host}${port}${path}`
}

/** `return`: a status with a text or a redirect URL, or 444 (close without an answer). */
export function sendReturn(conn: HttpConnection, request: ActiveRequest, status: number, text: string | null): void {
  if (status === 444) {
    request.state.status = 444
    conn.finish(request)
    return conn.destroy()
  }
  const redirect = status === 301 || status === 302 || status === 303 || status === 307 || status === 308
  if (redirect && text !== null) {
    const url = evaluate(text, request.state)
    // ngx_http_header_filter only rewrites (and places) a Location that starts with '/'.
    if (url.startsWith('/')) return sendError(conn, request, status, absoluteLocation(conn, request.state, url))
    return sendError(conn, request, status, null, [['Location', url]])
  }
  if (text === null) return sendError(conn, request, status)
  const body = Buffer.from(evaluate(text, request.state), 'utf8')
  // An error_page target answers with the error's status (ngx_http_send_header: r->err_status).
  sendSimple(conn, request, request.statusOverride ?? status, request.settings.defaultType, body)
}

/** A response nginx makes itself with a body (return with text, files). */
export function sendSimple(
  conn: HttpConnection,
  request: ActiveRequest,
  status: number,
  contentType: string | null,
  body: Buffer,
  extra: Array<[string, string]> = [],
  lastModified: string | null = null,
): void {
  const { text, headers } = clientHead({
    statusLine: statusText(status),
    nginxVersion: conn.runtime.config.version.name,
    date: httpDate(conn.runtime.options.clock.now()),
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
  writeResponse(conn, request, status, text, headers, request.state.head.method === 'HEAD' ? NO_BODY : body)
}

/** nginx's built-in page for a status (ngx_http_special_response_handler), unless error_page answers. */
export function sendError(conn: HttpConnection, request: ActiveRequest, status: number, location: string | null = null, extra: Array<[string, string]> = []): void {
  // ngx_http_special_response_handler turns keep-alive off for these before any error_page.
  if (CLOSING_STATUSES.has(status)) request.keepalive = false
  if (conn.tryErrorPage(request, status)) return
  const head = request.state.head
  const page = hasErrorPage(status)
    ? Buffer.from(errorPage(status, conn.runtime.config.version.name, { padding: wantsPadding(headerOf(head, 'user-agent')) }), 'latin1')
    : NO_BODY
  const wire = wireStatus(status)
  const { text, headers } = clientHead({
    statusLine: statusText(wire),
    nginxVersion: conn.runtime.config.version.name,
    date: httpDate(conn.runtime.options.clock.now()),
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
  writeResponse(conn, request, wire, text, headers, head.method === 'HEAD' ? NO_BODY : page)
}

/** HTTP/0.9 has no response head: the body alone, then the close. */
export function clientSpeaksHttp09(request: ActiveRequest): boolean {
  if (request.state.head.major !== 0) return false
  request.keepalive = false
  return true
}

/** Writes a whole response nginx made, then ends the request (conn.finish). */
export function writeResponse(conn: HttpConnection, request: ActiveRequest, status: number, head: string, headers: Array<[string, string]>, body: Buffer): void {
  const { trace, clock } = conn.runtime.options
  if (clientSpeaksHttp09(request)) head = ''
  request.state.status = status
  request.state.responseHeaders = headers
  trace({ type: 'response.sent', statusLine: head.split('\r\n')[0], headers, bodyBytes: body.length, time: clock.now(), connection: conn.number })
  conn.stream.write(Buffer.concat([Buffer.from(head, 'latin1'), body]))
  request.state.bodyBytesSent += body.length
  request.state.bytesSent += head.length + body.length
  conn.finish(request)
}
