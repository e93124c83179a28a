/**
 * ngx_http_upstream_module and its balancers: `upstream`, its `server` lines, `ip_hash`,
 * `hash`, `least_conn`, `keepalive`; and ngx_http_upstream_add, which `proxy_pass` shares.
 */
import { Level, type UpstreamConf } from '../conf.ts'
import type { DirectiveContext } from '../directive-context.ts'
import { HANDLED, type Handler } from '../directive-spec.ts'
import { msecSlot, numSlot } from '../slots.ts'
import { atoi, parseTime, parseUrl, type ParsedUrl } from '../values.ts'
import { row, type HandwrittenSpec } from './row.ts'

/** Which `server` parameters the balancing method allows (nginx's NGX_HTTP_UPSTREAM_* flags). */
export interface UpstreamFlags {
  create: boolean
  backup: boolean
}

export type UpstreamEntry = UpstreamConf & { flags: UpstreamFlags; initSet: boolean }

/**
 * ngx_http_upstream_add: finds or creates the upstream for a host. Returns nginx's error
 * text when the combination is refused.
 */
export function addUpstream(
  cx: DirectiveContext,
  host: string,
  url: ParsedUrl | null,
  create: boolean,
): UpstreamEntry | string {
  const upstreams = cx.http.upstreams as UpstreamEntry[]
  const port = url && !url.noPort ? url.port : url ? url.port : 0
  const noPort = url ? url.noPort : true
  for (const existing of upstreams) {
    if (existing.name.toLowerCase() !== host.toLowerCase()) continue
    if (create && existing.flags.create) return `duplicate upstream "${host}"`
    if (existing.flags.create && !noPort) return `upstream "${host}" may not have port ${port}`
    if (create && existing.port !== null && !existing.noPortFlag) {
      cx.analyzer.report(
        'emerg',
        'NGINX_INVALID_VALUE',
        `upstream "${host}" may not have port ${existing.port} in ${existing.file}:${existing.nginxLine}`,
        existing.file,
        null,
        cx.rangeOf(1),
      )
      return ''
    }
    if (existing.port && port && existing.port !== port) continue
    if (create) {
      existing.flags.create = true
      existing.implicit = false
      existing.port = 0
      existing.node = cx.node
    }
    return existing
  }
  const entry: UpstreamEntry & { noPortFlag: boolean } = {
    name: host,
    implicit: !create,
    servers: [],
    balancer: { kind: 'round-robin' },
    keepalive: null,
    level: new Level('upstream', cx.level),
    node: cx.node,
    file: cx.file,
    nginxLine: cx.node.nginxLine,
    port: create ? 0 : port,
    noResolve: !!url?.literal,
    noPortFlag: noPort,
    flags: { create, backup: true },
    initSet: false,
  }
  // An implicit upstream of a literal address has its one server at once (ngx_http_upstream_add).
  if (!create && url?.literal) {
    const address = url.ipv6 ? `[${url.host}]:${url.port}` : `${url.host}:${url.port}`
    entry.servers.push({ address, weight: 1, maxFails: 1, failTimeoutMs: 10_000, backup: false, down: false, node: cx.node, file: cx.file })
  }
  upstreams.push(entry)
  return entry
}

const upstream: Handler = (cx) => {
  const entry = addUpstream(cx, cx.values[0], null, true)
  if (typeof entry === 'string') return entry === '' ? HANDLED : cx.error(entry, 1, 'NGINX_DUPLICATE')
  entry.level.settings.set('$upstream', { value: entry, node: cx.node, file: cx.file })
  cx.parseBlock('upstream', entry.level)
  if (entry.servers.length === 0) {
    cx.analyzer.report('emerg', 'NGINX_MISSING', 'no servers are inside upstream', cx.file, cx.node.blockEnd?.nginxLine ?? cx.node.nginxLine, cx.rangeOf(1))
    return HANDLED
  }
}

function upstreamOf(cx: DirectiveContext): UpstreamEntry | undefined {
  return cx.level.get('$upstream')?.value
}

const upstreamServer: Handler = (cx) => {
  const ups = upstreamOf(cx)
  if (!ups) return HANDLED
  let weight = 1
  let maxFails = 1
  let failTimeout = 10
  let backup = false
  let down = false
  for (let i = 1; i < cx.args.length; i++) {
    const value = cx.values[i]
    const notSupported = (): typeof HANDLED => cx.error(`balancing method does not support parameter "${value}"`, i + 1)
    const invalid = (): typeof HANDLED => cx.error(`invalid parameter "${value}"`, i + 1)
    if (value.startsWith('weight=')) {
      const n = atoi(value.slice(7))
      if (n === null || n === 0) return invalid()
      weight = n
    } else if (value.startsWith('max_conns=')) {
      if (atoi(value.slice(10)) === null) return invalid()
    } else if (value.startsWith('max_fails=')) {
      const n = atoi(value.slice(10))
      if (n === null) return invalid()
      maxFails = n
    } else if (value.startsWith('fail_timeout=')) {
      const n = parseTime(value.slice(13), true)
      if (n === null) return invalid()
      failTimeout = n
    } else if (value === 'backup') {
      if (!ups.flags.backup) return notSupported()
      backup = true
    } else if (value === 'down') {
      down = true
    } else return invalid()
  }
  const address = cx.values[0]
  const parsed = parseUrl(address, { defaultPort: 80 })
  if (!parsed.ok) return parsed.err ? cx.error(`${parsed.err} in upstream "${address}"`, 1) : HANDLED
  if (!parsed.url.literal) {
    const addrs = cx.analyzer.options.host.resolve(parsed.url.host)
    if (!addrs || addrs.length === 0) return cx.error(`host not found in upstream "${address}"`, 1, 'NGINX_HOST_NOT_FOUND')
  }
  ups.servers.push({ address, weight, maxFails, failTimeoutMs: failTimeout * 1000, backup, down, node: cx.node, file: cx.file })
}

function balancer(kind: 'ip_hash' | 'least_conn'): Handler {
  return (cx) => {
    const ups = upstreamOf(cx)
    if (!ups) return HANDLED
    if (ups.initSet) cx.warn('load balancing method redefined')
    ups.initSet = true
    ups.balancer = { kind }
    ups.flags.backup = kind === 'least_conn'
  }
}

const hash: Handler = (cx) => {
  const ups = upstreamOf(cx)
  if (!ups) return HANDLED
  const key = cx.compile(cx.args[0])
  if (!key) return HANDLED
  if (ups.initSet) cx.warn('load balancing method redefined')
  ups.initSet = true
  ups.flags.backup = false
  if (cx.values.length === 2 && cx.values[1] !== 'consistent') return cx.error(`invalid parameter "${cx.values[1]}"`, 2)
  ups.balancer = { kind: 'hash', key: cx.values[0], consistent: cx.values.length === 2 }
}

const keepalive: Handler = (cx) => {
  const ups = upstreamOf(cx)
  if (!ups) return HANDLED
  if (ups.keepalive !== null) return 'is duplicate'
  const n = atoi(cx.values[0])
  if (n === null || n === 0) return cx.error(`invalid value "${cx.values[0]}" in "${cx.name}" directive`, 1)
  if (cx.values.length === 2 && (cx.values[1] !== 'local' || !cx.analyzer.options.defaults.upstreamKeepaliveLocal)) {
    return cx.error(`invalid parameter "${cx.values[1]}"`, 2)
  }
  ups.keepalive = n
  ups.initSet = true
}

const UPS = { module: 'ngx_http_upstream_module', moduleType: 'http', contexts: ['upstream'], conf: 'srv' } as const

export const upstreamDirectives: HandwrittenSpec[] = [
  row({ ...UPS, contexts: ['http'] }, 'upstream', [1], upstream, {
    block: true,
  }),
  row(UPS, 'server', '1more', upstreamServer),
]

export const upstreamBalancerDirectives: HandwrittenSpec[] = [
  row({ ...UPS, module: 'ngx_http_upstream_hash_module' }, 'hash', [1, 2], hash),
  row({ ...UPS, module: 'ngx_http_upstream_ip_hash_module' }, 'ip_hash', [0], balancer('ip_hash')),
  row({ ...UPS, module: 'ngx_http_upstream_least_conn_module' }, 'least_conn', [0], balancer('least_conn')),
  row({ ...UPS, module: 'ngx_http_upstream_random_module' }, 'random', [0, 1, 2], (cx) => {
    const ups = upstreamOf(cx)
    if (ups?.initSet) cx.warn('load balancing method redefined')
    if (ups) ups.initSet = true
  }),
  row({ ...UPS, module: 'ngx_http_upstream_keepalive_module' }, 'keepalive', [1], keepalive),
  row({ ...UPS, module: 'ngx_http_upstream_keepalive_module' }, 'keepalive_time', [1], msecSlot),
  row({ ...UPS, module: 'ngx_http_upstream_keepalive_module' }, 'keepalive_timeout', [1], msecSlot),
  row({ ...UPS, module: 'ngx_http_upstream_keepalive_module' }, 'keepalive_requests', [1], numSlot()),
  row({ ...UPS, module: 'ngx_http_upstream_zone_module' }, 'zone', [1, 2], (cx) => cx.set(cx.values)),
]
