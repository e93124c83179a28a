/**
 * Variables at request time: nginx's built-ins, the `$http_*` / `$arg_*` / `$cookie_*`
 * families, regex captures, `set` values and `map` outputs, evaluated as nginx evaluates them
 * — with its limits: a variable nested deeper than 100 evaluations is a cycle (an [error] line,
 * the value not found), and a value is computed once per request and kept (r->variables),
 * except for the variables nginx marks NOCACHEABLE and `volatile` maps.
 */
import { randomBytes } from 'node:crypto'
import type { TLSSocket } from 'node:tls'
import type { EffectiveSettings } from '../nginx/compile.ts'
import type { MapConf } from '../nginx/conf.ts'
import { VARIABLE_TABLE } from '../nginx/variable-table.ts'
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
  /** When the connection was accepted (the runtime's clock), for $connection_time. */
  acceptedMs?: number
  /** Whether this request was already read when the previous one ended (r->pipeline, $pipe). */
  pipelined?: boolean
  /** The TLS socket of a connection on a `listen … ssl` port, for $ssl_*. */
  secure?: TLSSocket
  /** What the runtime knows beyond this connection. */
  server?: ServerFacts
}

/** stub_status's connection counts (ngx_stat_active, _reading, _writing, _waiting). */
export interface ConnectionCounts {
  active: number
  reading: number
  writing: number
  waiting: number
}

/** The runtime's own facts a request's variables may need. */
export interface ServerFacts {
  /** The `-p` prefix (ends with `/`): relative roots resolve against it. */
  prefix: string
  connections(): ConnectionCounts
  /** realpath(3) of a path, or null when it cannot be resolved. */
  realpath(path: string): string | null
}

/**
 * One upstream try (ngx_http_upstream_state_t): pushed when a peer is picked, filled as the
 * try goes on. Times are the runtime clock's milliseconds; -1 is "no value" (printed `-`).
 */
export interface UpstreamTry {
  /** The peer's name, or null for the mark nginx puts between two upstream groups (` : `). */
  addr: string | null
  /** The upstream status, or 0 when there was none (printed `-`). */
  status: number
  startMs: number
  connectMs: number
  headerMs: number
  responseMs: number
  bytesReceived: number
  bytesSent: number
  responseLength: number
}

/** A new try of the request, started now (ngx_http_upstream_connect). */
export function startTry(s: RequestState, addr: string | null): UpstreamTry {
  const now = s.nowMs()
  endTry(s)
  const t: UpstreamTry = { addr, status: 0, startMs: now, connectMs: -1, headerMs: -1, responseMs: -1, bytesReceived: 0, bytesSent: 0, responseLength: 0 }
  s.upstreamTries.push(t)
  return t
}

/** The last try's response time, once: when the next try begins or the upstream is finalized. */
export function endTry(s: RequestState): void {
  const last = s.upstreamTries[s.upstreamTries.length - 1]
  if (last && last.addr !== null && last.responseMs === -1) last.responseMs = s.nowMs() - last.startMs
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
  /** Told of each variable computed (first time in the request), with the map that gave it; null: nobody listens. */
  onVariable: ((name: string, value: string | undefined, map: MapConf | null) => void) | null
  /** Names already told to onVariable. */
  told?: Set<string>
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
  /** Every upstream try of the request (r->upstream_states), group marks included. */
  upstreamTries: UpstreamTry[]
  /** The settings (location) the request runs with now: $document_root, $request_filename. */
  settings?: EffectiveSettings
  /** The request body proxy_pass read ($request_body), when nginx would hold it in memory. */
  requestBody?: Buffer
  /** Content-Length nginx sends upstream ($proxy_internal_body_length), -1 for none. */
  proxyBodyLength?: number
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
  if (s.onVariable) {
    const told = (s.told ??= new Set())
    if (!told.has(name)) {
      told.add(name)
      s.onVariable(name, value, map ?? null)
    }
  }
  return value
}

/** Built-in variables nginx flags NGX_HTTP_VAR_NOCACHEABLE: computed again at every use. */
const NOCACHEABLE: ReadonlySet<string> = new Set(VARIABLE_TABLE.filter((e) => e.nocacheable && !e.prefix).map((e) => e.name))
/**
 * Families computed again at every use: nginx's NOCACHEABLE prefixes, and `sent_http_` (nginx
 * caches it, but it reads the response head as it is being built, which the lab builds at once:
 * kept uncached, a value used in add_header does not stay empty for the access log).
 */
const NOCACHEABLE_PREFIXES: readonly string[] = [...VARIABLE_TABLE.filter((e) => e.nocacheable && e.prefix).map((e) => e.name), 'sent_http_']

function isCacheable(name: string): boolean {
  if (NOCACHEABLE.has(name)) return false
  for (const prefix of NOCACHEABLE_PREFIXES) if (name.startsWith(prefix)) return false
  return true
}

/** nginx's `%T.%03M` of a duration in milliseconds (never negative). */
function seconds(ms: number): string {
  const whole = Math.max(0, Math.floor(ms))
  return `${Math.floor(whole / 1000)}.${pad(whole % 1000, 3)}`
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

/** Every value of a header, joined as ngx_http_variable_headers_internal joins them. */
function joined(headers: Array<[string, string]>, name: string, separator: string): string | undefined {
  const values = headerValues(headers, name)
  return values.length === 0 ? undefined : values.join(separator)
}

/**
 * The response headers nginx keeps in its r->headers_out.headers list: those after the ones
 * its header filter writes itself (Server, Date, Content-Type…, Connection, Keep-Alive).
 */
function listedResponseHeaders(sent: Array<[string, string]>): Array<[string, string]> {
  let i = sent.findIndex((h) => h[0] === 'Connection')
  if (i < 0) return sent
  i++
  if (sent[i]?.[0] === 'Keep-Alive') i++
  return sent.slice(i)
}

/** ngx_http_parse_multi_header_lines: a cookie of the request's Cookie headers, by name. */
function requestCookie(headers: Array<[string, string]>, name: string): string | undefined {
  const key = name.toLowerCase()
  for (const value of headerValues(headers, 'cookie')) {
    if (key.length > value.length) continue
    let i = 0
    const end = value.length
    while (i < end) {
      let matched = value.slice(i, i + key.length).toLowerCase() === key
      if (matched) {
        let p = i + key.length
        while (p < end && value[p] === ' ') p++
        if (p < end && value[p] === '=') {
          p++
          while (p < end && value[p] === ' ') p++
          let last = p
          while (last < end && value[last] !== ';') last++
          return value.slice(p, last)
        }
        matched = false
        i = p
      }
      // skip to the next cookie: past a ';' or ',' and the spaces after it
      while (i < end) {
        const ch = value[i++]
        if (ch === ';' || ch === ',') break
      }
      while (i < end && value[i] === ' ') i++
    }
  }
  return undefined
}

/** ngx_http_parse_set_cookie_lines: the value of the first cookie of a Set-Cookie, by name. */
function setCookie(headers: Array<[string, string]>, name: string): string | undefined {
  const key = name.toLowerCase()
  for (const value of headerValues(headers, 'set_cookie')) {
    if (key.length >= value.length || value.slice(0, key.length).toLowerCase() !== key) continue
    let p = key.length
    while (p < value.length && value[p] === ' ') p++
    if (p === value.length || value[p] !== '=') continue
    p++
    while (p < value.length && value[p] === ' ') p++
    const end = value.indexOf(';', p)
    return value.slice(p, end < 0 ? value.length : end)
  }
  return undefined
}

/**
 * ngx_http_arg: the first `name=` (without case) at the start of the arguments or after `&`,
 * its value up to the next `&`, as sent (nothing decoded). A name without `=` is not found.
 */
function argument(args: string, name: string): string | undefined {
  if (name.length === 0 || args.length === 0) return undefined
  const lower = args.toLowerCase()
  for (let from = 0; ; from++) {
    const p = lower.indexOf(name, from)
    if (p < 0 || p + name.length >= args.length) return undefined
    if ((p === 0 || args[p - 1] === '&') && args[p + name.length] === '=') {
      const end = args.indexOf('&', p)
      return args.slice(p + name.length + 1, end < 0 ? args.length : end)
    }
    from = p
  }
}

/** ngx_http_auth_basic_user: the user of `Authorization: Basic …`, when it decodes to `user:…`. */
function basicUser(headers: Array<[string, string]>): string | undefined {
  const auth = headerValues(headers, 'authorization')[0]
  if (auth === undefined || auth.length < 6 || auth.slice(0, 6).toLowerCase() !== 'basic ') return undefined
  const encoded = auth.slice(6).replace(/^ +/, '')
  // ngx_decode_base64: the standard alphabet, '=' padding optional, nothing else.
  if (encoded.length === 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.replace(/=+$/, '').length % 4 === 1) return undefined
  const decoded = Buffer.from(encoded, 'base64').toString('latin1')
  const colon = decoded.indexOf(':')
  return colon <= 0 ? undefined : decoded.slice(0, colon)
}

/** An address as bytes (ngx_http_variable_binary_remote_addr), one character per byte. */
function binaryAddress(address: string): string {
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address)
  if (v4) return String.fromCharCode(Number(v4[1]), Number(v4[2]), Number(v4[3]), Number(v4[4]))
  if (!address.includes(':')) return address
  let text = address
  let tail: number[] = []
  const dotted = /:(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    tail = [Number(dotted[1]) * 256 + Number(dotted[2]), Number(dotted[3]) * 256 + Number(dotted[4])]
    text = text.slice(0, dotted.index + 1) + '0'
  }
  const [head, rest] = text.split('::')
  const left = head ? head.split(':').map((h) => parseInt(h, 16)) : []
  let right = rest !== undefined && rest !== '' ? rest.split(':').map((h) => parseInt(h, 16)) : []
  if (dotted) right = rest !== undefined ? [...right.slice(0, -1), ...tail] : right
  let groups = rest === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right]
  if (dotted && rest === undefined) groups = [...groups.slice(0, -1), ...tail]
  let out = ''
  for (const g of groups.slice(0, 8)) out += String.fromCharCode((g >> 8) & 0xff, g & 0xff)
  return out
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** The ssi module's default timefmt `%A, %d-%b-%Y %H:%M:%S %Z`, local or GMT ($date_local, $date_gmt). */
function ssiDate(ms: number, gmt: boolean): string {
  const d = new Date(Math.floor(ms / 1000) * 1000)
  if (gmt) {
    return `${WEEKDAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`
  }
  const offset = d.getTimezoneOffset()
  const zone = offset === 0 ? 'UTC' : (new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '')
  return `${WEEKDAYS[d.getDay()]}, ${pad(d.getDate())}-${MONTHS[d.getMonth()]}-${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone}`
}

/** ngx_http_variable_document_root: the root, its variables evaluated, made absolute with the prefix. */
function documentRoot(s: RequestState): string | undefined {
  // Settings are known from the moment a server is chosen, before anything can evaluate this.
  const configured = s.settings?.root
  if (configured === undefined) return undefined
  const root = configured.includes('$') ? evaluate(configured, s) : configured
  return root.startsWith('/') ? root : (s.connection.server?.prefix ?? '') + root
}

/** The value of ssl_* for a TLS connection (ngx_ssl_get_* in ngx_event_openssl.c). */
function sslVariable(name: string, tls: TLSSocket): string | undefined {
  switch (name) {
    case 'ssl_protocol':
      return tls.getProtocol() ?? undefined
    case 'ssl_cipher':
      return tls.getCipher()?.name
    case 'ssl_server_name': {
      const sni = (tls as TLSSocket & { servername?: string | false }).servername
      return sni ? sni : undefined
    }
    case 'ssl_alpn_protocol':
      return tls.alpnProtocol ? tls.alpnProtocol : ''
    case 'ssl_session_reused':
      return tls.isSessionReused() ? 'r' : '.'
    case 'ssl_session_id': {
      // ngx_ssl_get_session_id: SSL_SESSION_get_id as uppercase hex, read here from the DER
      // session Node gives (empty when there is none).
      const session = tls.getSession()
      return session ? sessionId(session) : ''
    }
    case 'ssl_client_verify':
      return 'NONE'
    case 'ssl_early_data':
      return ''
    default:
      return undefined
  }
}

/** The session id inside a DER SSL_SESSION (SEQUENCE { version, sslversion, cipher, id … }). */
function sessionId(der: Buffer): string {
  let i = 0
  const readLength = (): number => {
    let len = der[i++]
    if (len & 0x80) {
      const n = len & 0x7f
      len = 0
      for (let k = 0; k < n; k++) len = len * 256 + der[i++]
    }
    return len
  }
  if (der[i++] !== 0x30) return ''
  readLength()
  for (let field = 0; field < 3; field++) {
    i++
    const length = readLength()
    i += length
  }
  if (der[i++] !== 0x04) return ''
  const len = readLength()
  return der.subarray(i, i + len).toString('hex').toUpperCase()
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

function compute(name: string, s: RequestState): string | undefined {
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
      const xff = variable('http_x_forwarded_for', s)
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
      return documentRoot(s)
    case 'realpath_root': {
      const root = documentRoot(s)
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
      return (documentRoot(s) ?? '') + h.normalizedPath
    default:
      return computePrefixed(name, s)
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
