/**
 * nginx's built-in variables (ngx_http_variables.c, ngx_http_upstream.c, ngx_http_proxy_module.c
 * and the other modules' tables) and the `http_`, `arg_`, `cookie_`, `sent_http_`, `upstream_*`,
 * `ssl_` and `connections_` families, computed from the request's state. What they need of the
 * evaluator (another variable, a value with variables) comes through `Evaluator`, so that this
 * module and request-vars.ts do not import each other.
 */
import { randomBytes } from 'node:crypto'
import type { RequestState, UpstreamTry } from './request-state.ts'
import { argument, basicUser, headerValues, joined, listedResponseHeaders, requestCookie, setCookie } from './var-fields.ts'
import { binaryAddress, pad, seconds, ssiDate, sslVariable, timeLocal } from './var-formats.ts'

/** What the built-ins use of the evaluator (request-vars.ts). */
export interface Evaluator {
  variable(name: string, s: RequestState): string | undefined
  evaluate(text: string, s: RequestState): string
}

/**
 * A value per upstream try, as ngx_http_upstream_*_variable print them: ", " between tries of
 * one upstream group, " : " where a new group began (an internal redirect proxied again).
 */
function perTry(s: RequestState, value: (t: UpstreamTry) => string): string | undefined {
  const tries = s.upstreamTries
  if (tries.length === 0) return undefined
  let out = ''
  for (let i = 0; ; ) {
    out += value(tries[i])
    if (++i === tries.length) break
    if (tries[i].addr !== null) out += ', '
    else {
      out += ' : '
      if (++i === tries.length) break
    }
  }
  return out
}

const tryTime = (ms: number): string => (ms === -1 ? '-' : seconds(ms))

/** ngx_http_variable_document_root: the root, its variables evaluated, made absolute with the prefix. */
function documentRoot(s: RequestState, e: Evaluator): string | undefined {
  // Settings are known from the moment a server is chosen, before anything can evaluate this.
  const configured = s.settings?.root
  if (configured === undefined) return undefined
  const root = configured.includes('$') ? e.evaluate(configured, s) : configured
  return root.startsWith('/') ? root : (s.connection.server?.prefix ?? '') + root
}

/** RequestState.action while the access log is written. */
const LOGGING = 'logging request'

/** The families (`http_`, `arg_`…) and anything the switch does not name. */
function computePrefixed(name: string, s: RequestState): string | undefined {
  const h = s.head
  if (name.startsWith('http_')) return headerValues(h.headers, name.slice(5))[0]
  if (name.startsWith('arg_')) return argument(h.args, name.slice(4))
  if (name.startsWith('cookie_')) return requestCookie(h.headers, name.slice(7))
  if (name.startsWith('sent_http_')) return headerValues(listedResponseHeaders(s.responseHeaders), name.slice(10))[0]
  if (name.startsWith('upstream_http_')) {
    if (!s.upstreamTries.length) return undefined
    const value = headerValues(s.upstreamHeaders, name.slice(14))[0]
    // ngx_http_proxy_process_header adds empty "Server" and "Date" headers when the upstream sent none.
    if (value === undefined && (name === 'upstream_http_server' || name === 'upstream_http_date') && s.upstreamTries.some((t) => t.headerMs !== -1)) return ''
    return value
  }
  if (name.startsWith('upstream_cookie_')) return s.upstreamTries.length ? setCookie(s.upstreamHeaders, name.slice(16)) : undefined
  if (name.startsWith('ssl_')) return s.connection.secure ? sslVariable(name, s.connection.secure) : undefined
  if (name.startsWith('connections_')) {
    const counts = s.connection.server?.connections()
    if (!counts) return undefined
    // While it logs, nginx no longer counts the request's connection as writing (nor waiting).
    if (s.action === LOGGING && counts.writing > 0) counts.writing--
    switch (name) {
      case 'connections_active':
        return String(counts.active)
      case 'connections_reading':
        return String(counts.reading)
      case 'connections_writing':
        return String(counts.writing)
      case 'connections_waiting':
        return String(counts.waiting)
    }
  }
  return undefined
}

/** A built-in variable's value, or undefined when it is not found. */
export function builtinVariable(name: string, s: RequestState, e: Evaluator): string | undefined {
  const h = s.head
  const c = s.connection
  switch (name) {
    case 'host':
      return h.host ?? s.serverName
    case 'remote_addr':
    case 'realip_remote_addr':
      return c.remoteAddress
    case 'remote_port':
    case 'realip_remote_port':
      return String(c.remotePort)
    case 'binary_remote_addr':
      return binaryAddress(c.remoteAddress)
    case 'server_addr':
      return c.localAddress
    case 'server_port':
      return String(c.localPort)
    case 'server_name':
      return s.serverName
    case 'scheme':
      return c.tls ? 'https' : 'http'
    case 'https':
      return c.tls ? 'on' : ''
    // A request nginx refused before its request line was parsed has none of these (not found).
    case 'request_uri':
      return h.requestUri || undefined
    case 'uri':
    case 'document_uri':
    case 'fastcgi_script_name':
      return h.normalizedPath || undefined
    case 'fastcgi_path_info':
      return ''
    case 'args':
    case 'query_string':
      // r->args: empty but found after a `?`, not found without one.
      return h.args || (h.uri.includes('?') ? '' : undefined)
    case 'is_args':
      return h.args ? '?' : ''
    case 'request_method':
      return h.method || undefined
    case 'server_protocol':
      return h.major === 0 ? 'HTTP/0.9' : `HTTP/${h.major}.${h.minor}`
    case 'request':
      return h.requestLine || undefined
    case 'http_cookie':
      return joined(h.headers, 'cookie', '; ')
    case 'http_x_forwarded_for':
      return joined(h.headers, 'x_forwarded_for', ', ')
    case 'content_type':
      return headerValues(h.headers, 'content_type')[0]
    case 'content_length':
      return headerValues(h.headers, 'content_length')[0] ?? (s.requestBody !== undefined && headerValues(h.headers, 'transfer_encoding').length ? String(s.requestBody.length) : undefined)
    case 'remote_user':
      return basicUser(h.headers)
    case 'msie': {
      // ngx_http_process_user_agent: "MSIE " in the User-Agent, unless it is Opera.
      const ua = headerValues(h.headers, 'user_agent')[0] ?? ''
      const at = ua.indexOf('MSIE ')
      return at >= 0 && at + 7 < ua.length && !ua.includes('Opera') ? '1' : ''
    }
    case 'proxy_host':
      return s.proxyHost || undefined
    case 'proxy_port':
      return s.proxyPort || undefined
    case 'proxy_add_x_forwarded_for': {
      const xff = e.variable('http_x_forwarded_for', s)
      return xff ? `${xff}, ${c.remoteAddress}` : c.remoteAddress
    }
    case 'proxy_internal_body_length':
      return s.proxyBodyLength === undefined || s.proxyBodyLength < 0 ? undefined : String(s.proxyBodyLength)
    case 'upstream_addr':
      return perTry(s, (t) => t.addr ?? '')
    case 'upstream_status':
      return perTry(s, (t) => (t.status ? String(t.status) : '-'))
    case 'upstream_connect_time':
      return perTry(s, (t) => tryTime(t.connectMs))
    case 'upstream_header_time':
      return perTry(s, (t) => tryTime(t.headerMs))
    case 'upstream_response_time':
      return perTry(s, (t) => tryTime(t.responseMs))
    case 'upstream_response_length':
      return perTry(s, (t) => String(t.responseLength))
    case 'upstream_bytes_received':
      return perTry(s, (t) => String(t.bytesReceived))
    case 'upstream_bytes_sent':
      return perTry(s, (t) => String(t.bytesSent))
    case 'status':
      return pad(s.status, 3)
    case 'body_bytes_sent':
      return String(s.bodyBytesSent)
    case 'bytes_sent':
      return String(s.bytesSent)
    case 'sent_http_content_type':
      return headerValues(s.responseHeaders, 'content_type')[0]
    case 'sent_http_content_length':
      return headerValues(s.responseHeaders, 'content_length')[0]
    case 'sent_http_location':
      return headerValues(s.responseHeaders, 'location')[0]
    case 'sent_http_last_modified':
      return headerValues(s.responseHeaders, 'last_modified')[0]
    // r->keepalive is off by the time nginx logs (ngx_http_set_keepalive has taken the connection).
    case 'sent_http_connection':
      return s.status === 101 ? 'upgrade' : s.action === LOGGING ? 'close' : (headerValues(s.responseHeaders, 'connection')[0] ?? 'close')
    case 'sent_http_keep_alive':
      return s.action === LOGGING ? undefined : headerValues(s.responseHeaders, 'keep_alive')[0]
    case 'sent_http_transfer_encoding':
      return headerValues(s.responseHeaders, 'transfer_encoding')[0]
    case 'sent_http_cache_control':
      return joined(listedResponseHeaders(s.responseHeaders), 'cache_control', ', ')
    case 'sent_http_link':
      return joined(listedResponseHeaders(s.responseHeaders), 'link', ', ')
    case 'request_time':
      return seconds(s.nowMs() - s.startMs)
    case 'connection_time':
      return seconds(s.nowMs() - (c.acceptedMs ?? s.startMs))
    case 'msec': {
      const ms = Math.floor(s.nowMs())
      return `${Math.floor(ms / 1000)}.${pad(ms % 1000, 3)}`
    }
    case 'time_local':
      return timeLocal(s.nowMs())
    case 'time_iso8601':
      return new Date(s.nowMs()).toISOString().replace(/\.\d{3}Z$/, '+00:00')
    case 'date_local':
      return ssiDate(s.nowMs(), false)
    case 'date_gmt':
      return ssiDate(s.nowMs(), true)
    case 'connection':
      return String(c.number)
    case 'connection_requests':
      return String(c.requests)
    case 'nginx_version':
      return s.nginxVersion
    case 'hostname':
      return s.hostname
    case 'pid':
      return String(s.pid)
    case 'request_length':
      return String(h.headLength)
    case 'request_id':
      return randomBytes(16).toString('hex')
    case 'request_body':
      return s.requestBody?.toString('latin1')
    case 'request_completion':
      // r->request_complete: set when the request was finalized normally; a request
      // terminated (client gone, timed out, 444) has none.
      return s.status === 0 || s.status === 408 || s.status === 444 || s.status === 499 ? '' : 'OK'
    case 'pipe':
      return c.pipelined ? 'p' : '.'
    case 'limit_rate':
      // r->limit_rate: the lab has no limit_rate directive, so nothing sets it.
      return '0'
    case 'document_root':
      return documentRoot(s, e)
    case 'realpath_root': {
      const root = documentRoot(s, e)
      if (root === undefined) return undefined
      const real = c.server?.realpath(root) ?? null
      if (real !== null) return real
      s.log('crit', `realpath() "${root}" failed (2: No such file or directory)`)
      // A variable whose handler failed stays "not found" for the rest of the request, even
      // a NOCACHEABLE one (ngx_http_get_indexed_variable; no_cacheable is never set on it).
      s.cached.set('realpath_root', undefined)
      return undefined
    }
    case 'request_filename':
      return (documentRoot(s, e) ?? '') + h.normalizedPath
    default:
      return computePrefixed(name, s)
  }
}
