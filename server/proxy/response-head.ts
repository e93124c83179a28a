/**
 * Upstream responses and what nginx sends the client: the upstream's status line and
 * headers parsed (ngx_http_proxy_process_status_line / _header), then the client's head as
 * ngx_http_header_filter writes it — nginx's Server and Date, the content headers in their
 * fixed places, Connection, then the passed headers and add_header ones in order. The upstream
 * headers that do not reach the client are listed with why (`response.sent`'s `hidden`).
 */
import type { HiddenHeader, HiddenReason } from './trace.ts'

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

export interface UpstreamHead {
  major: number
  minor: number
  status: number
  /** `200 OK`: nginx passes the upstream's own reason phrase on. */
  statusLine: string
  headers: Array<[string, string]>
  headLength: number
}

export type UpstreamHeadResult =
  | { kind: 'incomplete' }
  | { kind: 'ok'; head: UpstreamHead }
  /** Not an HTTP status line: nginx relays it as an HTTP/0.9 answer. */
  | { kind: 'invalid' }
  /** A header line nginx refuses: `upstream sent invalid header: "…"` and 502. */
  | { kind: 'invalid-header'; shown: string }

const NOT_TOKEN = /[^!#$%&'*+.^_`|~0-9A-Za-z-]/

/** Parses an upstream response head from the bytes so far (latin1). */
export function parseUpstreamHead(data: string): UpstreamHeadResult {
  const end = data.search(/\r?\n\r?\n/)
  if (end < 0) {
    if (data.length >= 5 && !'HTTP/'.startsWith(data.slice(0, 5)) && !data.startsWith('HTTP/')) return { kind: 'invalid' }
    return data.length > 65536 ? { kind: 'invalid' } : { kind: 'incomplete' }
  }
  const sep = /\r?\n\r?\n/.exec(data.slice(end))!
  const lines = data.slice(0, end).split(/\r?\n/)
  const m = /^HTTP\/(\d)\.(\d) (\d{3})(?: (.*))?$/.exec(lines[0])
  if (!m) return { kind: 'invalid' }
  const headers: Array<[string, string]> = []
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':')
    const name = colon < 0 ? line : line.slice(0, colon)
    const bad = name.search(NOT_TOKEN)
    if (bad >= 0 || colon <= 0) {
      const at = bad >= 0 ? bad : name.length
      const code = line.charCodeAt(at)
      const hex = Number.isNaN(code) ? '0d' : code.toString(16).padStart(2, '0')
      return { kind: 'invalid-header', shown: `${line.slice(0, at)}\\x${hex}...` }
    }
    headers.push([name, line.slice(colon + 1).trim()])
  }
  const status = Number(m[3])
  return {
    kind: 'ok',
    head: {
      major: Number(m[1]),
      minor: Number(m[2]),
      status,
      statusLine: m[4] !== undefined && m[4] !== '' ? `${status} ${m[4]}` : String(status),
      headers,
      headLength: end + sep[0].length,
    },
  }
}

/** Headers nginx never passes from upstream to client (hop-by-hop, or its own). */
const NOT_PASSED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection'])

/** proxy_hide_header's defaults (ngx_http_proxy_hide_headers). */
export const HIDDEN_BY_DEFAULT = ['date', 'server', 'x-pad', 'x-accel-expires', 'x-accel-redirect', 'x-accel-limit-rate', 'x-accel-buffering', 'x-accel-charset']

export interface ClientHeadInput {
  statusLine: string
  nginxVersion: string
  date: string
  contentType: string | null
  contentLength: number | null
  lastModified: string | null
  location: string | null
  chunked: boolean
  connection: 'upgrade' | 'keep-alive' | 'close'
  keepAliveHeader: number | null
  /** Headers in r->headers_out.headers order: passed upstream ones, then add_header ones. */
  extra: Array<[string, string]>
  /** An upstream `Server` / `Date` let through by proxy_pass_header (then in `extra`, in its place). */
  serverPassed: boolean
  datePassed: boolean
}

/** The client's response head, as ngx_http_header_filter writes it. */
export function clientHead(input: ClientHeadInput): { text: string; headers: Array<[string, string]> } {
  const headers: Array<[string, string]> = []
  if (!input.serverPassed) headers.push(['Server', `nginx/${input.nginxVersion}`])
  if (!input.datePassed) headers.push(['Date', input.date])
  if (input.contentType !== null) headers.push(['Content-Type', input.contentType])
  if (input.contentLength !== null) headers.push(['Content-Length', String(input.contentLength)])
  if (input.lastModified !== null) headers.push(['Last-Modified', input.lastModified])
  if (input.location !== null) headers.push(['Location', input.location])
  if (input.chunked) headers.push(['Transfer-Encoding', 'chunked'])
  headers.push(['Connection', input.connection])
  if (input.connection === 'keep-alive' && input.keepAliveHeader !== null) {
    headers.push(['Keep-Alive', `timeout=${input.keepAliveHeader}`])
  }
  headers.push(...input.extra)
  const text = `HTTP/1.1 ${input.statusLine}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`
  return { text, headers }
}

/**
 * proxy_hide_header / proxy_pass_header lists (one pair per location), made once: the lower-cased
 * names hidden and why. nginx's own defaults name the reason when both hide a header (the
 * config's line changes nothing there).
 */
const hiddenSets = new WeakMap<readonly string[], { pass: readonly string[]; map: ReadonlyMap<string, HiddenReason> }>()

function hiddenMap(hide: readonly string[], pass: readonly string[]): ReadonlyMap<string, HiddenReason> {
  const known = hiddenSets.get(hide)
  if (known?.pass === pass) return known.map
  const passed = pass.map((p) => p.toLowerCase())
  const map = new Map<string, HiddenReason>(hide.map((h) => [h.toLowerCase(), 'proxy_hide_header']))
  for (const h of HIDDEN_BY_DEFAULT) if (!passed.includes(h)) map.set(h, 'nginx-default-hidden')
  hiddenSets.set(hide, { pass, map })
  return map
}

/** The upstream headers that reach the client, in order, and the ones nginx keeps for itself. */
export function passedHeaders(
  upstream: Array<[string, string]>,
  hide: readonly string[],
  pass: readonly string[],
  rewriteRedirect: (value: string) => string,
): PassedHeaders {
  const hiddenReasons = hiddenMap(hide, pass)
  const out: PassedHeaders = { passed: [], hidden: [], contentType: null, contentLength: null, lastModified: null, location: null, serverPassed: false, datePassed: false, chunked: false }
  for (const [name, value] of upstream) {
    const lower = name.toLowerCase()
    if (lower === 'transfer-encoding' && value.toLowerCase().includes('chunked')) out.chunked = true
    const reason = NOT_PASSED.has(lower) ? 'hop-by-hop' : hiddenReasons.get(lower)
    if (reason !== undefined) {
      out.hidden.push({ name, reason })
      continue
    }
    if (lower === 'content-type') out.contentType = value
    else if (lower === 'content-length') out.contentLength = /^\d+$/.test(value) ? Number(value) : null
    // The upstream's Last-Modified stays where it was in nginx's header list (r->headers_out.last_modified points into it).
    else if (lower === 'last-modified') out.passed.push([name, value])
    // An absolute Location becomes nginx's own (fixed place; made absolute again if a
    // redirect rule shortens it); a relative one stays an ordinary header.
    else if (lower === 'location' && !value.startsWith('/')) out.location = rewriteRedirect(value)
    else if (lower === 'location') out.passed.push([name, rewriteRedirect(value)])
    else if (lower === 'refresh') out.passed.push([name, rewriteRefresh(value, rewriteRedirect)])
    else {
      if (lower === 'server') out.serverPassed = true
      if (lower === 'date') out.datePassed = true
      out.passed.push([name, value])
    }
  }
  return out
}

export interface PassedHeaders {
  passed: Array<[string, string]>
  /** The upstream's headers nginx did not pass on, in its order, and why (for `response.sent`). */
  hidden: HiddenHeader[]
  contentType: string | null
  contentLength: number | null
  lastModified: string | null
  location: string | null
  serverPassed: boolean
  datePassed: boolean
  chunked: boolean
}

/** ngx_http_proxy_rewrite_refresh_header: only the part after `url=` is rewritten. */
function rewriteRefresh(value: string, rewrite: (v: string) => string): string {
  const at = value.toLowerCase().indexOf('url=')
  return at < 0 ? value : value.slice(0, at + 4) + rewrite(value.slice(at + 4))
}
