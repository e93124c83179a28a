/**
 * Variables at request time: nginx's built-ins, the `$http_*` / `$arg_*` / `$cookie_*`
 * families, regex captures, `set` values and `map` outputs, evaluated as nginx evaluates them
 * — with its limits: a variable nested deeper than 100 evaluations is a cycle (an [error] line,
 * the value not found), and a value is computed once per request and kept (r->variables),
 * except for the variables nginx marks NOCACHEABLE and `volatile` maps.
 */
import type { MapConf } from '../nginx/conf.ts'
import { compileValue, type CompiledValue } from '../nginx/variables.ts'
import { EvaluationBudgetError, type EvaluationBudget } from './budget.ts'
import type { Level } from './logs.ts'
import type { RequestHead } from './request-parser.ts'
import { setCaptures } from './router.ts'

export interface ConnectionFacts {
  remoteAddress: string
  remotePort: number
  localAddress: string
  localPort: number
  tls: boolean
  /** nginx's connection number. */
  number: number
  requests: number
}

/** ngx_http_variable_depth: how deep variables may nest inside each other's evaluation. */
export const VARIABLE_DEPTH = 100

/** What a request knows while it runs; the runtime fills the upstream and response parts. */
export interface RequestState {
  head: RequestHead
  connection: ConnectionFacts
  serverName: string
  nginxVersion: string
  hostname: string
  pid: number
  startMs: number
  nowMs: () => number
  /** Regex captures: `1`, `2`… and named ones (a null-prototype object: names come from configs). */
  captures: Record<string, string>
  /** `set` values of this request. */
  assigned: Map<string, string>
  maps: ReadonlyMap<string, MapConf>
  /** Variables only `set` gives values to (LabConfig.setOnlyVariables). */
  setOnly: ReadonlySet<string>
  /** uninitialized_variable_warn of the configuration the request is in now. */
  warnUninitialized: boolean
  /** Values computed once per request and kept (nginx's r->variables; internal redirects keep it). */
  cached: Map<string, string | undefined>
  /** Variables computed so far, against `budget.evaluations`. */
  evaluations: number
  /** What the request is doing, for the error log's `while …` (`logging request`), or null. */
  action: string | null
  /** Evaluations still allowed to nest (ngx_http_variable_depth, counted down and back up). */
  variableDepth: number
  /**
   * Internal redirects left (r->uri_changes): `rewrite … last`, error_page and named locations
   * count it down; at 0 nginx logs a redirection cycle and answers 500.
   */
  uriChanges: number
  /** Characters built so far by this request's values, against `budget.requestBytes`. */
  built: number
  budget: EvaluationBudget
  /** Writes an error_log line for this request (the cycle message). */
  log: (level: Level, message: string) => void
  proxyHost: string
  proxyPort: string
  upstreamAddr: string[]
  upstreamStatus: string[]
  status: number
  bodyBytesSent: number
  bytesSent: number
  responseHeaders: Array<[string, string]>
  upstreamHeaders: Array<[string, string]>
  /** Set when `rewrite` changed the URI (proxy_pass then sends it whole, its URI part ignored). */
  uriChanged?: boolean
}

/** A fresh captures object that visitor-chosen names cannot reach Object.prototype through. */
export function noCaptures(): Record<string, string> {
  return Object.create(null) as Record<string, string>
}

/**
 * Compiled texts, shared by every runtime in the process, so bounded by the characters they
 * hold (not by their count: one visitor's texts could be any size).
 */
const COMPILED_CACHE_CHARS = 4 << 20
const compiled = new Map<string, CompiledValue>()
let compiledChars = 0

function compile(text: string): CompiledValue {
  let value = compiled.get(text)
  if (!value) {
    const result = compileValue(text)
    value = result.ok ? result.value : { parts: [{ kind: 'text', text }], dynamic: false }
    if (compiledChars + text.length > COMPILED_CACHE_CHARS) {
      compiled.clear()
      compiledChars = 0
    }
    if (text.length <= COMPILED_CACHE_CHARS / 4) {
      compiled.set(text, value)
      compiledChars += text.length
    }
  }
  return value
}

/** Counts what a request built, and stops it past its budget. */
export function chargeBuilt(state: RequestState, chars: number): void {
  if (chars > state.budget.valueBytes) throw new EvaluationBudgetError(chars, 'valueBytes')
  state.built += chars
  if (state.built > state.budget.requestBytes) throw new EvaluationBudgetError(state.built, 'requestBytes')
}

/** The value of a text with variables, as nginx's complex values give it. */
export function evaluate(text: string, state: RequestState): string {
  const value = compile(text)
  if (!value.dynamic) return text
  const limit = state.budget.valueBytes
  let out = ''
  for (const part of value.parts) {
    if (part.kind === 'text') out += part.text
    else if (part.kind === 'capture') out += state.captures[String(part.index)] ?? ''
    else out += variable(part.name, state) ?? ''
    // Checked as the value grows, so a doubling is stopped before it is built, not after.
    if (out.length > limit) throw new EvaluationBudgetError(out.length, 'valueBytes')
  }
  chargeBuilt(state, out.length)
  return out
}

/** Whether a header name gives this variable suffix (`X-Real-IP` → `x_real_ip`), compared in place. */
function namesVariable(header: string, suffix: string): boolean {
  if (header.length !== suffix.length) return false
  for (let i = 0; i < header.length; i++) {
    let c = header.charCodeAt(i)
    if (c >= 65 && c <= 90) c += 32
    else if (c === 45) c = 95
    if (c !== suffix.charCodeAt(i)) return false
  }
  return true
}

function headerValues(headers: Array<[string, string]>, name: string): string[] {
  const values: string[] = []
  for (const header of headers) if (namesVariable(header[0], name)) values.push(header[1])
  return values
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `22/Nov/2026:07:40:10 +0000`, nginx's $time_local (the lab and CI run in UTC). */
export function timeLocal(ms: number): string {
  const d = new Date(ms)
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return `${pad(d.getDate())}/${MONTHS[d.getMonth()]}/${d.getFullYear()}:${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
}

/**
 * A variable's value, or undefined when it is "not found" (an empty string in values). Values
 * already known this request come first; anything computed counts against the nesting depth
 * (ngx_http_get_indexed_variable): at the bottom, nginx logs the cycle and finds nothing.
 */
export function variable(name: string, s: RequestState): string | undefined {
  if (s.assigned.has(name)) return s.assigned.get(name)
  if (Object.hasOwn(s.captures, name)) return s.captures[name]
  if (s.cached.has(name)) return s.cached.get(name)
  if (s.setOnly.has(name)) {
    // ngx_http_rewrite_var: empty until a `set` runs, said once per request (the empty value is kept).
    if (s.warnUninitialized) s.log('warn', `using uninitialized "${name}" variable`)
    s.cached.set(name, '')
    return ''
  }
  if (s.variableDepth === 0) {
    // nginx runs every complex value twice, for its length and then its value, and this
    // lookup fails (uncached) both times: two lines per reference.
    s.log('error', `cycle while evaluating variable "${name}"`)
    s.log('error', `cycle while evaluating variable "${name}"`)
    return undefined
  }
  // nginx spins for ever on a cycle of volatile maps (each level evaluates the next twice); the
  // lab stops a request that evaluated this many variables.
  if (++s.evaluations > s.budget.evaluations) throw new EvaluationBudgetError(s.evaluations, 'evaluations')
  s.variableDepth--
  let value: string | undefined
  const map = s.maps.get(name)
  try {
    value = map ? evaluateMap(map, s) : compute(name, s)
  } finally {
    s.variableDepth++
  }
  if (map ? !map.volatile : isCacheable(name)) s.cached.set(name, value)
  return value
}

/** Built-in variables nginx flags NGX_HTTP_VAR_NOCACHEABLE: computed again at every use. */
const NOCACHEABLE: ReadonlySet<string> = new Set([
  'uri', 'document_uri', 'args', 'query_string', 'is_args', 'request_filename', 'request_method',
  'request_length', 'request_time', 'status', 'document_root', 'realpath_root', 'limit_rate',
  'connection_time', 'msec', 'time_iso8601', 'time_local', 'proxy_host', 'proxy_port', 'date_local', 'date_gmt',
])
const NOCACHEABLE_PREFIXES = ['arg_', 'upstream_', 'tcpinfo_', 'connections_']

function isCacheable(name: string): boolean {
  return !NOCACHEABLE.has(name) && !NOCACHEABLE_PREFIXES.some((prefix) => name.startsWith(prefix))
}

function compute(name: string, s: RequestState): string | undefined {
  const h = s.head
  if (name.startsWith('http_')) {
    const values = headerValues(h.headers, name.slice(5))
    if (values.length === 0) return undefined
    // Multi-value headers nginx joins: cookies with "; ", X-Forwarded-For with ", ".
    return name === 'http_cookie' ? values.join('; ') : name === 'http_x_forwarded_for' ? values.join(', ') : values[0]
  }
  if (name.startsWith('arg_')) {
    const key = name.slice(4)
    for (const pair of h.args.split('&')) {
      const eq = pair.indexOf('=')
      if ((eq < 0 ? pair : pair.slice(0, eq)).toLowerCase() === key) return eq < 0 ? '' : pair.slice(eq + 1)
    }
    return undefined
  }
  if (name.startsWith('cookie_')) {
    const key = name.slice(7)
    for (const cookie of headerValues(h.headers, 'cookie').join('; ').split(/;\s*/)) {
      const eq = cookie.indexOf('=')
      if (eq > 0 && cookie.slice(0, eq) === key) return cookie.slice(eq + 1)
    }
    return undefined
  }
  if (name.startsWith('sent_http_')) return headerValues(s.responseHeaders, name.slice(10))[0]
  if (name.startsWith('upstream_http_')) return headerValues(s.upstreamHeaders, name.slice(14))[0]
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
      return c.remoteAddress
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
    case 'request_uri':
      return h.requestUri
    case 'uri':
    case 'document_uri':
      return h.normalizedPath
    case 'args':
    case 'query_string':
      return h.args
    case 'is_args':
      return h.args ? '?' : ''
    case 'request_method':
      return h.method
    case 'server_protocol':
      return h.major === 0 ? 'HTTP/0.9' : `HTTP/${h.major}.${h.minor}`
    case 'request':
      return h.requestLine
    case 'content_type':
      return headerValues(h.headers, 'content_type')[0]
    case 'content_length':
      return headerValues(h.headers, 'content_length')[0]
    case 'remote_user':
      return undefined
    case 'proxy_host':
      return s.proxyHost
    case 'proxy_port':
      return s.proxyPort
    case 'proxy_add_x_forwarded_for': {
      const xff = variable('http_x_forwarded_for', s)
      return xff ? `${xff}, ${c.remoteAddress}` : c.remoteAddress
    }
    case 'upstream_addr':
      return s.upstreamAddr.length ? s.upstreamAddr.join(', ') : undefined
    case 'upstream_status':
      return s.upstreamStatus.length ? s.upstreamStatus.join(', ') : undefined
    case 'status':
      return pad(s.status, 3)
    case 'body_bytes_sent':
      return String(s.bodyBytesSent)
    case 'bytes_sent':
      return String(s.bytesSent)
    case 'request_time':
      return ((s.nowMs() - s.startMs) / 1000).toFixed(3)
    case 'msec':
      return (s.nowMs() / 1000).toFixed(3)
    case 'time_local':
      return timeLocal(s.nowMs())
    case 'time_iso8601':
      return new Date(s.nowMs()).toISOString().replace(/\.\d{3}Z$/, '+00:00')
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
    default:
      return undefined
  }
}

/** ngx_http_map_variable: exact keys without case, then regexes in order, else the default. */
function evaluateMap(map: MapConf, s: RequestState): string {
  const source = evaluate(map.source, s)
  let key = source
  if (map.hostnames && key.endsWith('.')) key = key.slice(0, -1)
  const lower = key.toLowerCase()
  for (const e of map.entries) {
    if (e.kind === 'exact' && e.key.toLowerCase() === lower) return evaluate(e.value, s)
  }
  if (map.hostnames) {
    let best: { value: string; length: number } | null = null
    for (const e of map.entries) {
      if (e.kind !== 'wildcard') continue
      const k = e.key.toLowerCase()
      if (k.startsWith('*.') || k.startsWith('.')) {
        const base = k.startsWith('*.') ? k.slice(2) : k.slice(1)
        const ok = lower.endsWith('.' + base) || (k.startsWith('.') && lower === base)
        if (ok && (!best || base.length > best.length)) best = { value: e.value, length: base.length }
      }
    }
    if (best) return evaluate(best.value, s)
    for (const e of map.entries) {
      if (e.kind === 'wildcard' && e.key.endsWith('.*') && lower.startsWith(e.key.toLowerCase().slice(0, -1))) return evaluate(e.value, s)
    }
  }
  for (const e of map.entries) {
    if ((e.kind !== 'regex' && e.kind !== 'regex-i') || !e.regex) continue
    const m = e.regex.exec(source)
    if (m) {
      setCaptures(s.captures, m)
      return evaluate(e.value, s)
    }
  }
  return map.defaultValue === null ? '' : evaluate(map.defaultValue, s)
}
