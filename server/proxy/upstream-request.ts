/**
 * The request nginx sends upstream (ngx_http_proxy_create_request): request line with
 * proxy_http_version and nginx's URI replacement, the proxy_set_header list then nginx's
 * default headers (blanking the hop-by-hop ones), then the client's headers in order minus
 * every name the list sets. Empty values are not sent.
 */
import type { EffectiveSettings, LabLocation } from '../nginx/compile.ts'
import { evaluate, type RequestState } from './request-vars.ts'
import { escapeUri } from './uri.ts'

export interface UpstreamRequest {
  requestLine: string
  headers: Array<[string, string]>
  /** Client headers that were not passed on (hop-by-hop, or replaced by proxy_set_header). */
  dropped: string[]
  head: string
}

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
}

const plans = new WeakMap<EffectiveSettings, HeaderPlan>()

function headerPlan(settings: EffectiveSettings, ownHeaders: ReadonlyArray<[string, string]>): HeaderPlan {
  let plan = plans.get(settings)
  if (!plan) {
    const configured: Array<[string, string]> = settings.proxySetHeaders.map((h) => [h.name, h.value])
    const names = new Set(configured.map(([n]) => n.toLowerCase()))
    const list = [...configured, ...ownHeaders.filter(([n]) => !names.has(n.toLowerCase()))]
    plan = { list, setNames: new Set(list.map(([n]) => n.toLowerCase())) }
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
  const { list, setNames } = headerPlan(settings, ownHeaders)
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
  const dropped: string[] = []
  for (const [name, value] of settings.proxyPassRequestHeaders ? state.head.headers : []) {
    if (setNames.has(name.toLowerCase())) {
      dropped.push(name)
      continue
    }
    headers.push([name, value])
    head += `${name}: ${value}\r\n`
  }
  return { requestLine, headers, dropped, head: head + '\r\n' }
}
