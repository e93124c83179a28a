/** ngx_http_proxy_module: `proxy_pass` and the settings of the request it sends upstream. */
import type { Level } from '../conf.ts'
import type { Handler } from '../directive-spec.ts'
import type { Word } from '../lexer.ts'
import type { NginxVersion } from '../nginx-version.ts'
import { HANDLED } from '../directive-spec.ts'
import { bitmaskSlot, enumSlot, flagSlot, msecSlot, strArraySlot } from '../slots.ts'
import { compileRegex } from '../regex.ts'
import { countVariables } from '../variables.ts'
import { parseUrl } from '../values.ts'
import { defaultValue } from './defaults.ts'
import { currentLocation } from './http-core.ts'
import { row, type HandwrittenSpec } from './row.ts'
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
  /** The name's word and the file the line is in (a list can gather lines from included files). */
  nameWord: Word
  file: string
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
  cx.push({ name: cx.values[0], value: cx.values[1], word: cx.args[1], nameWord: cx.args[0], file: cx.file })
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
export function proxyBufferError(level: Level, version: NginxVersion): string | null {
  const bufferSize = level.inherited('proxy_buffer_size')?.value ?? defaultValue('proxy_buffer_size', version)
  const bufs = level.inherited('proxy_buffers')?.value ?? defaultValue('proxy_buffers', version)
  if (bufs.num < 2) return 'there must be at least 2 "proxy_buffers"'
  const size = Math.max(bufferSize, bufs.size)
  // Unset, nginx takes twice the larger buffer (ngx_http_proxy_merge_loc_conf), not a fixed default.
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
  const maxTemp = level.inherited('proxy_max_temp_file_size')?.value ?? defaultValue('proxy_max_temp_file_size', version)
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

export const proxyDirectives: HandwrittenSpec[] = [
  row({ ...PROXY, contexts: ['location', 'if-location', 'limit_except'] }, 'proxy_pass', [1], proxyPass),
  row(PROXY, 'proxy_redirect', [1, 2], proxyRedirect),
  row(PROXY, 'proxy_set_header', [2], proxySetHeader),
  row(PROXY, 'proxy_buffering', 'flag', flagSlot),
  row(PROXY, 'proxy_bind', [1, 2], (cx) => cx.set(cx.values)),
  row(PROXY, 'proxy_connect_timeout', [1], msecSlot),
  row(PROXY, 'proxy_send_timeout', [1], msecSlot),
  row(PROXY, 'proxy_set_body', [1], (cx) => (cx.compile(cx.args[0]) === null ? HANDLED : cx.set(cx.values[0]))),
  row(PROXY, 'proxy_method', [1], (cx) => (cx.isSet() ? 'is duplicate' : cx.compile(cx.args[0]) === null ? HANDLED : cx.set(cx.values[0]))),
  row(PROXY, 'proxy_read_timeout', [1], msecSlot),
  row(PROXY, 'proxy_next_upstream', '1more', bitmaskSlot(NEXT_UPSTREAM)),
  row(PROXY, 'proxy_pass_header', [1], strArraySlot),
  row(PROXY, 'proxy_hide_header', [1], strArraySlot),
  row(PROXY, 'proxy_ignore_headers', '1more', bitmaskSlot([
    'X-Accel-Redirect', 'X-Accel-Expires', 'X-Accel-Limit-Rate', 'X-Accel-Buffering', 'X-Accel-Charset',
    'Expires', 'Cache-Control', 'Set-Cookie', 'Vary',
  ])),
  row(PROXY, 'proxy_http_version', [1], (cx) => enumSlot(cx.spec.values ?? [])(cx)),
  row(PROXY, 'proxy_cookie_domain', [1, 2], (cx) => cx.push(cx.values)),
  row(PROXY, 'proxy_cookie_path', [1, 2], (cx) => cx.push(cx.values)),
  row(PROXY, 'proxy_cookie_flags', [1, 2, 3, 4], (cx) => cx.push(cx.values)),
]
