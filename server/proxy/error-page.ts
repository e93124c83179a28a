/**
 * error_page (ngx_http_send_error_page): instead of nginx's own page, an internal redirect to a
 * URI or a named location, answering with the original status, `=code`, or (`=`) the status of
 * what answers; or a redirect to a URL. Reached from responses.ts through the connection
 * (`HttpConnection.tryErrorPage`), so that the modules answering requests never import the
 * ones running them.
 */
import type { HttpConnection } from './http-connection.ts'
import type { RequestHead } from './request-head.ts'
import { redirectCycle, runLocation } from './request-flow.ts'
import type { ActiveRequest } from './request-state.ts'
import { evaluate } from './request-vars.ts'
import { sendError } from './responses.ts'
import { findLocation } from './router.ts'
import { serveStatic } from './static-file.ts'

/** True when an error_page took the request over (or ended it); false: nginx's own page. */
export function tryErrorPage(conn: HttpConnection, request: ActiveRequest, status: number): boolean {
  // ngx_http_special_response_handler: r->error_page (set by the first error_page unless that
  // location has recursive_error_pages on) and no redirects left mean nginx's own page.
  if (request.errorPageDone || request.state.uriChanges === 0) return false
  const page = request.settings.errorPages.find((p) => p.codes.includes(status))
  if (!page || conn.isClosed) return false
  const uri = evaluate(page.uri, request.state)
  const override = page.overwrite === null ? status : page.overwrite === 0 ? null : page.overwrite
  const next: ActiveRequest = { ...request, errorPageDone: !request.settings.recursiveErrorPages, statusOverride: override }
  if (uri.startsWith('@')) {
    const named = request.server.namedLocations.get(uri)
    if (!named) return false
    if (redirectCycle(conn, request, `redirect to named location "${uri}"`)) return true
    runLocation(conn, { ...next, settings: named.settings, location: named, errorLogs: conn.errorLogsOf(named.settings) })
    return true
  }
  if (/^https?:\/\//.test(uri)) {
    sendError(conn, { ...next, statusOverride: null }, page.overwrite && page.overwrite >= 301 ? page.overwrite : 302, null, [['Location', uri]])
    return true
  }
  const q = uri.indexOf('?')
  const path = q < 0 ? uri : uri.slice(0, q)
  const head: RequestHead = { ...request.state.head, method: request.state.head.method === 'HEAD' ? 'HEAD' : 'GET', uri, path, normalizedPath: path, args: q < 0 ? '' : uri.slice(q + 1) }
  // The target is never entered when no redirect is left: $uri stays the one before.
  if (redirectCycle(conn, request, `internally redirecting to "${uri}"`)) return true
  next.state = { ...request.state, head }
  const found = findLocation(request.server.locations, path)
  if (found.kind !== 'location') {
    serveStatic(conn, { ...next, settings: request.server.settings, location: null })
    return true
  }
  runLocation(conn, { ...next, settings: found.location.settings, location: found.location, errorLogs: conn.errorLogsOf(found.location.settings) })
  return true
}
