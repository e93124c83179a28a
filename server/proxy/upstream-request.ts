/**
 * The request nginx sends upstream (ngx_http_proxy_create_request): request line with
 * proxy_http_version and nginx's URI replacement, the proxy_set_header list then nginx's
 * default headers (blanking the hop-by-hop ones), then the client's headers in order minus
 * every name the list sets. Empty values are not sent. The client headers left out are listed
 * with why (`upstream.request`'s `dropped`).
 */
import type { EffectiveSettings, LabLocation } from '../nginx/compile.ts'
import type { RequestState } from './request-state.ts'
import { evaluate } from './request-vars.ts'
import type { DroppedHeader, DroppedReason } from './trace.ts'
import { escapeUri } from './uri.ts'

export interface UpstreamRequest {
  requestLine: string
  headers: Array<[string, string]>
  /** Client headers that were not passed on, in the client's order, and why (trace.ts DroppedReason). */
  dropped: DroppedHeader[]
  head: string
}

/**
 * Why nginx's default list keeps a client header of this name from passing, when no
 * proxy_set_header of the name applies. Host and Content-Length nginx writes itself (the
 * upstream's name, the length of the body it read); the others describe the client's connection
 * to nginx, not the request: Connection and Keep-Alive, TE (transfer codings the client accepts),
 * Transfer-Encoding (nginx reads the chunked body and sends it with a length), Upgrade (passed only
 * when a proxy_set_header says so) and Expect (nginx answers `100-continue` itself).
 */
const DEFAULT_REASONS: ReadonlyMap<string, DroppedReason> = new Map([
  ['host', 'replaced'],
  ['content-length', 'replaced'],
  ['connection', 'hop-by-hop'],
  ['keep-alive', 'hop-by-hop'],
  ['te', 'hop-by-hop'],
  ['transfer-encoding', 'hop-by-hop'],
  ['upgrade', 'hop-by-hop'],
  ['expect', 'hop-by-hop'],
])

/** The URI sent upstream: proxy_pass's URI part replaces the matched location prefix. */
export function upstreamUri(settings: EffectiveSettings, location: LabLocation | null, state: RequestState, dynamicUri: string | null): string {
  const pass = settings.proxyPass
  const head = state.head
  if (pass?.dynamic) return dynamicUri ?? head.uri
  if (state.uriChanged) {
    const uri = escapeUri(head.normalizedPath)
    return head.args ? `${uri}?${head.args}` : uri
  }
  if (pass && pass.uri) {
    if (location && !location.regex && location.modifier !== '@') {
      const rest = state.head.normalizedPath.slice(location.name.length)
      const uri = escapeUri(pass.uri + rest)
      return head.args ? `${uri}?${head.args}` : uri
    }
    return pass.uri
  }
  return head.uri
}

/** The header list of a location (configured, then nginx's defaults it does not replace), made once per location. */
interface HeaderPlan {
  list: Array<[string, string]>
  /** Lower-cased names the list sets: client headers with these names are not passed on. */
  setNames: ReadonlySet<string>
  /** Lower-cased names a proxy_set_header sets (the rest of setNames are nginx's defaults). */
  configuredNames: ReadonlySet<string>
}

const plans = new WeakMap<EffectiveSettings, HeaderPlan>()

function headerPlan(settings: EffectiveSettings, ownHeaders: ReadonlyArray<[string, string]>): HeaderPlan {
  let plan = plans.get(settings)
  if (!plan) {
    const configured: Array<[string, string]> = settings.proxySetHeaders.map((h) => [h.name, h.value])
    const names = new Set(configured.map(([n]) => n.toLowerCase()))
    const list = [...configured, ...ownHeaders.filter(([n]) => !names.has(n.toLowerCase()))]
    plan = { list, setNames: new Set(list.map(([n]) => n.toLowerCase())), configuredNames: names }
    plans.set(settings, plan)
  }
  return plan
}

export function buildUpstreamRequest(
  settings: EffectiveSettings,
  ownHeaders: ReadonlyArray<[string, string]>,
  state: RequestState,
  uri: string,
  bodyLength: number | null,
): UpstreamRequest {
  const version = settings.proxyHttpVersion === '2' ? '1.1' : settings.proxyHttpVersion
  const requestLine = `${state.head.method} ${uri} HTTP/${version}`
  const { list, setNames, configuredNames } = headerPlan(settings, ownHeaders)
  const headers: Array<[string, string]> = []
  let head = requestLine + '\r\n'
  for (const [name, template] of list) {
    let value: string
    if (template === '$proxy_internal_body_length') value = bodyLength === null ? '' : String(bodyLength)
    else if (template === '$proxy_internal_chunked') value = ''
    else value = evaluate(template, state)
    if (value === '') continue
    headers.push([name, value])
    head += `${name}: ${value}\r\n`
  }
  const dropped: DroppedHeader[] = []
  if (!settings.proxyPassRequestHeaders) {
    for (const [name] of state.head.headers) dropped.push({ name, reason: 'not-passed' })
    return { requestLine, headers, dropped, head: head + '\r\n' }
  }
  /** Names the list sent a value for (a configured one without: empty, nothing sent), made when needed. */
  let sent: Set<string> | null = null
  const listed = headers.length
  for (const [name, value] of state.head.headers) {
    const lower = name.toLowerCase()
    if (!setNames.has(lower)) {
      headers.push([name, value])
      head += `${name}: ${value}\r\n`
      continue
    }
    let reason: DroppedReason
    if (configuredNames.has(lower)) {
      sent ??= new Set(headers.slice(0, listed).map(([n]) => n.toLowerCase()))
      reason = sent.has(lower) ? 'replaced' : 'empty'
    } else reason = DEFAULT_REASONS.get(lower) ?? 'replaced'
    dropped.push({ name, reason })
  }
  return { requestLine, headers, dropped, head: head + '\r\n' }
}
