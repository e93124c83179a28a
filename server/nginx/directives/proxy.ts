/** ngx_http_proxy_module: `proxy_pass` and the settings of the request it sends upstream. */
import type { Level } from '../conf.ts'
import type { DirectiveSpec, Handler } from '../directive-spec.ts'
import type { Word } from '../lexer.ts'
import { HANDLED } from '../directive-spec.ts'
import { bitmaskSlot, enumSlot, flagSlot, msecSlot, strArraySlot } from '../slots.ts'
import { compileRegex } from '../regex.ts'
import { countVariables } from '../variables.ts'
import { parseUrl } from '../values.ts'
import { currentLocation } from './http-core.ts'
import { docs, row } from './row.ts'
import { addUpstream } from './upstream.ts'

export interface ProxyPassSetting {
  url: string
  /** The URI part after host[:port], '' when none; null when the URL has variables. */
  uri: string | null
  ssl: boolean
  /** The upstream (explicit or implicit) a static URL names. */
  upstream: string | null
  dynamic: boolean
}

export interface HeaderSetting {
  name: string
  value: string
  /** The value's word, compiled when the http block closes (nginx compiles these in its merge). */
  word: Word
}

const proxyPass: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const word = cx.args[0]
  const url = word.value
  const location = currentLocation(cx.level)
  if (countVariables(url) > 0) {
    if (cx.compile(word) === null) return HANDLED
    cx.set({ url, uri: null, ssl: /^https:/i.test(url), upstream: null, dynamic: true })
    return
  }
  let add: number
  let port: number
  if (url.slice(0, 7).toLowerCase() === 'http://') {
    add = 7
    port = 80
  } else if (url.slice(0, 8).toLowerCase() === 'https://') {
    add = 8
    port = 443
  } else {
    return cx.error('invalid URL prefix', 1)
  }
  const rest = url.slice(add)
  const parsed = parseUrl(rest, { uriPart: true, defaultPort: port })
  if (!parsed.ok) return parsed.err ? cx.error(`${parsed.err} in upstream "${rest}"`, 1) : HANDLED
  const upstream = addUpstream(cx, parsed.url.host, parsed.url, false)
  if (typeof upstream === 'string') return upstream === '' ? HANDLED : cx.error(upstream, 1)
  const inIf = cx.context === 'if-location'
  if ((location && (location.modifier === '@' || location.regex)) || inIf || cx.context === 'limit_except') {
    if (parsed.url.uri.length > 0) {
      return cx.error(
        '"proxy_pass" cannot have URI part in location given by regular expression, or inside named location, or inside "if" statement, or inside "limit_except" block',
        1,
      )
    }
  }
  cx.set({ url, uri: parsed.url.uri, ssl: add === 8, upstream: upstream.name, dynamic: false })
}

/** `proxy_set_header name value`: kept as written; after-http.ts compiles the values. */
const proxySetHeader: Handler = (cx) => {
  cx.push({ name: cx.values[0], value: cx.values[1], word: cx.args[1] })
}

/** `proxy_redirect default | off | redirect replacement` (ngx_http_proxy_redirect). */
const proxyRedirect: Handler = (cx) => {
  const existing = cx.level.get('proxy_redirect')
  if (existing && existing.value === false) return 'is duplicate'
  const values = cx.values
  if (values.length === 1) {
    if (values[0] === 'off') {
      if (existing) return 'is duplicate'
      cx.set(false)
      return
    }
    if (values[0] !== 'default') return cx.error(`invalid parameter "${values[0]}"`, 1)
    const pass = cx.level.get('proxy_pass')
    if (pass?.value.dynamic) {
      return cx.error('"proxy_redirect default" cannot be used with "proxy_pass" directive with variables', 1)
    }
    if (!pass) return cx.error('"proxy_redirect default" should be placed after the "proxy_pass" directive', 1)
    cx.push({ from: 'default', to: null })
    return
  }
  // A pattern starting with `~` is a regex (its `$1` refers to captures, not variables).
  const [from, to] = cx.args
  if (from.value.startsWith('~')) {
    const caseless = from.value.startsWith('~*')
    if (!compileRegex(cx, from.value.slice(caseless ? 2 : 1), caseless, from)) return HANDLED
  } else if (cx.compile(from) === null) return HANDLED
  if (cx.compile(to) === null) return HANDLED
  cx.push({ from: values[0], to: values[1] })
}

/**
 * The buffer-size rules ngx_http_proxy_merge_loc_conf enforces for every block: nginx's
 * message for the first one broken, or null.
 */
export function proxyBufferError(level: Level): string | null {
  const page = 4096
  const bufferSize = level.inherited('proxy_buffer_size')?.value ?? page
  const bufs = level.inherited('proxy_buffers')?.value ?? { num: 8, size: page }
  if (bufs.num < 2) return 'there must be at least 2 "proxy_buffers"'
  const size = Math.max(bufferSize, bufs.size)
  const busy = level.inherited('proxy_busy_buffers_size')?.value ?? 2 * size
  if (busy < size) {
    return '"proxy_busy_buffers_size" must be equal to or greater than the maximum of the value of "proxy_buffer_size" and one of the "proxy_buffers"'
  }
  if (busy > (bufs.num - 1) * bufs.size) {
    return '"proxy_busy_buffers_size" must be less than the size of all "proxy_buffers" minus one buffer'
  }
  const tempWrite = level.inherited('proxy_temp_file_write_size')?.value ?? 2 * size
  if (tempWrite < size) {
    return '"proxy_temp_file_write_size" must be equal to or greater than the maximum of the value of "proxy_buffer_size" and one of the "proxy_buffers"'
  }
  const maxTemp = level.inherited('proxy_max_temp_file_size')?.value ?? 1024 * 1024 * 1024
  if (maxTemp !== 0 && maxTemp < size) {
    return '"proxy_max_temp_file_size" must be equal to zero to disable temporary files usage or must be equal to or greater than the maximum of the value of "proxy_buffer_size" and one of the "proxy_buffers"'
  }
  return null
}

const NEXT_UPSTREAM = [
  'error', 'timeout', 'invalid_header', 'non_idempotent', 'http_500', 'http_502', 'http_503',
  'http_504', 'http_403', 'http_404', 'http_429', 'updating', 'off',
]

const PROXY = { module: 'ngx_http_proxy_module', moduleType: 'http', contexts: ['http', 'server', 'location'], conf: 'loc' } as const

export const proxyDirectives: DirectiveSpec[] = [
  row({ ...PROXY, contexts: ['location', 'if-location', 'limit_except'] }, 'proxy_pass', [1], proxyPass, {
    syntax: 'proxy_pass URL;',
    runtime: true,
    docs: docs('Sends the request to a backend: an address, an upstream group, or a URL built from variables. With a URI part, the matched location prefix is replaced by it.', 'ngx_http_proxy_module.html#proxy_pass', 'handshake'),
  }),
  row(PROXY, 'proxy_redirect', [1, 2], proxyRedirect, {
    default: 'default',
    syntax: 'proxy_redirect default | off | redirect replacement;',
    docs: docs('Rewrites the Location and Refresh headers of upstream redirects.', 'ngx_http_proxy_module.html#proxy_redirect'),
  }),
  row(PROXY, 'proxy_set_header', [2], proxySetHeader, {
    default: 'Host $proxy_host; Connection close',
    syntax: 'proxy_set_header field value;',
    runtime: true,
    docs: docs('Sets a header of the request sent upstream. A block with any proxy_set_header drops all inherited ones; an empty value removes the header. Upgrade and Connection must be set here for WebSockets.', 'ngx_http_proxy_module.html#proxy_set_header', 'hop-by-hop'),
  }),
  row(PROXY, 'proxy_buffering', 'flag', flagSlot, {
    default: 'on',
    syntax: 'proxy_buffering on | off;',
    docs: docs('Whether responses are buffered before being sent to the client. An upgraded WebSocket is never buffered.', 'ngx_http_proxy_module.html#proxy_buffering'),
  }),
  row(PROXY, 'proxy_bind', [1, 2], (cx) => cx.set(cx.values)),
  row(PROXY, 'proxy_connect_timeout', [1], msecSlot, {
    default: '60s',
    syntax: 'proxy_connect_timeout time;',
    runtime: true,
    docs: docs('How long to wait for the TCP connection to the backend; then 504.', 'ngx_http_proxy_module.html#proxy_connect_timeout', 'timeouts'),
  }),
  row(PROXY, 'proxy_send_timeout', [1], msecSlot, {
    default: '60s',
    syntax: 'proxy_send_timeout time;',
    runtime: true,
    docs: docs('How long a write to the backend may wait: it only fires when the backend stops reading.', 'ngx_http_proxy_module.html#proxy_send_timeout', 'timeouts'),
  }),
  row(PROXY, 'proxy_set_body', [1], (cx) => (cx.compile(cx.args[0]) === null ? HANDLED : cx.set(cx.values[0]))),
  row(PROXY, 'proxy_method', [1], (cx) => (cx.isSet() ? 'is duplicate' : cx.compile(cx.args[0]) === null ? HANDLED : cx.set(cx.values[0]))),
  row(PROXY, 'proxy_read_timeout', [1], msecSlot, {
    default: '60s',
    syntax: 'proxy_read_timeout time;',
    runtime: true,
    docs: docs('How long nginx waits for the backend to answer, and, once a WebSocket is upgraded, how long the tunnel may be silent in both directions before nginx closes it.', 'ngx_http_proxy_module.html#proxy_read_timeout', 'timeouts'),
  }),
  row(PROXY, 'proxy_next_upstream', '1more', bitmaskSlot(NEXT_UPSTREAM), {
    default: 'error timeout',
    syntax: 'proxy_next_upstream error | timeout | ... | off;',
    runtime: true,
    docs: docs('In which failures nginx tries the next server of the upstream group.', 'ngx_http_proxy_module.html#proxy_next_upstream', 'load-balancing'),
  }),
  row(PROXY, 'proxy_pass_header', [1], strArraySlot, {
    syntax: 'proxy_pass_header field;',
    docs: docs('Lets a header nginx hides by default (Server, Date, X-Accel-…) through to the client.', 'ngx_http_proxy_module.html#proxy_pass_header'),
  }),
  row(PROXY, 'proxy_hide_header', [1], strArraySlot, {
    syntax: 'proxy_hide_header field;',
    docs: docs('Removes a header of the upstream response before it reaches the client.', 'ngx_http_proxy_module.html#proxy_hide_header'),
  }),
  row(PROXY, 'proxy_ignore_headers', '1more', bitmaskSlot([
    'X-Accel-Redirect', 'X-Accel-Expires', 'X-Accel-Limit-Rate', 'X-Accel-Buffering', 'X-Accel-Charset',
    'Expires', 'Cache-Control', 'Set-Cookie', 'Vary',
  ])),
  row(PROXY, 'proxy_http_version', [1], (cx) => enumSlot(cx.spec.values ?? [])(cx), {
    default: '1.0 (1.1 since nginx 1.29.7)',
    syntax: 'proxy_http_version 1.0 | 1.1;',
    runtime: true,
    docs: docs('The HTTP version of the request sent upstream. WebSocket handshakes need 1.1 on nginx before 1.29.7.', 'ngx_http_proxy_module.html#proxy_http_version', 'proxy-http-version'),
  }),
  row(PROXY, 'proxy_cookie_domain', [1, 2], (cx) => cx.push(cx.values)),
  row(PROXY, 'proxy_cookie_path', [1, 2], (cx) => cx.push(cx.values)),
  row(PROXY, 'proxy_cookie_flags', [1, 2, 3, 4], (cx) => cx.push(cx.values)),
]
