/**
 * `listen` (ngx_http_core_listen) and the address registry behind it (ngx_http_add_listen,
 * ngx_http_add_addresses): the duplicate checks nginx makes as each listen is read.
 */
import type { ListenConf, ServerConf } from '../conf.ts'
import type { DirectiveContext } from '../directive-context.ts'
import type { HandlerResult } from '../directive-spec.ts'
import { atoi, parseSize, parseTime, parseUrl } from '../values.ts'

/** One listening address of a port, with the servers that share it (ngx_http_conf_addr_t). */
export interface ListenAddress {
  family: 'inet' | 'inet6'
  port: number
  host: string
  /** nginx's addr_text, e.g. `127.0.0.1:8020`, `0.0.0.0:80`, `[::]:80`. */
  text: string
  optionsSet: boolean
  defaultServer: ServerConf | null
  servers: ServerConf[]
  ssl: boolean
  http2: boolean
}

export function addressText(host: string, port: number, ipv6: boolean): string {
  return ipv6 ? `[${host}]:${port}` : `${host}:${port}`
}

/** ngx_http_add_listen: registers a server on an address; returns nginx's error text, if any. */
export function addListen(addresses: ListenAddress[], server: ServerConf, listen: ListenConf): string | null {
  const family = listen.ipv6 ? 'inet6' : 'inet'
  const host = normalizeHost(listen.host, listen.ipv6)
  const existing = addresses.find((a) => a.family === family && a.port === listen.port && a.host === host)
  const setsOptions = listen.bindOptions.length > 0
  if (!existing) {
    addresses.push({
      family,
      port: listen.port,
      host,
      text: addressText(host, listen.port, listen.ipv6),
      optionsSet: setsOptions,
      defaultServer: listen.defaultServer ? server : null,
      servers: [server],
      ssl: listen.ssl,
      http2: listen.http2,
    })
    return null
  }
  if (existing.servers.includes(server)) return `a duplicate listen ${existing.text}`
  existing.servers.push(server)
  if (setsOptions) {
    if (existing.optionsSet) return `duplicate listen options for ${existing.text}`
    existing.optionsSet = true
  }
  if (listen.defaultServer) {
    if (existing.defaultServer) return `a duplicate default server for ${existing.text}`
    existing.defaultServer = server
  }
  existing.ssl ||= listen.ssl
  existing.http2 ||= listen.http2
  return null
}

function normalizeHost(host: string, ipv6: boolean): string {
  if (!ipv6) return host
  // ngx_sock_ntop prints IPv6 in its compressed form; `::` for any.
  return /^[0:]+$/.test(host) ? '::' : host.toLowerCase()
}

/** The parameters after the address, each checked as ngx_http_core_listen checks it. */
function parseListenParameter(cx: DirectiveContext, value: string, index: number, listen: ListenConf): HandlerResult {
  const bind = (): void => {
    listen.bindOptions.push(value)
  }
  if (value === 'default_server' || value === 'default') {
    listen.defaultServer = true
    return
  }
  if (value === 'bind') return bind()
  if (value.startsWith('fastopen=')) {
    if (atoi(value.slice(9)) === null) return cx.error(`invalid fastopen "${value}"`, index)
    return bind()
  }
  if (value.startsWith('backlog=')) {
    const n = atoi(value.slice(8))
    if (n === null || n === 0) return cx.error(`invalid backlog "${value}"`, index)
    return bind()
  }
  if (value.startsWith('rcvbuf=') || value.startsWith('sndbuf=')) {
    if (parseSize(value.slice(7)) === null) return cx.error(`invalid ${value.slice(0, 6)} "${value}"`, index)
    return bind()
  }
  if (value === 'deferred' || value === 'reuseport') return bind()
  if (value.startsWith('ipv6only=o')) {
    const rest = value.slice(10)
    if (rest !== 'n' && rest !== 'ff') return cx.error(`invalid ipv6only flags "${value.slice(9)}"`, index)
    return bind()
  }
  if (value === 'ssl') {
    listen.ssl = true
    return
  }
  if (value === 'http2') {
    listen.http2 = true
    if (cx.analyzer.options.defaults.listenHttp2Deprecated) {
      cx.warn(`the "listen ... http2" directive is deprecated, use the "http2" directive instead`, index, 'NGINX_DEPRECATED')
    }
    return
  }
  if (value.startsWith('so_keepalive=')) {
    const rest = value.slice(13)
    if (rest === 'on' || rest === 'off') return bind()
    const [idle = '', interval = '', count = ''] = rest.split(':')
    const bad =
      (idle !== '' && parseTime(idle, true) === null) ||
      (interval !== '' && parseTime(interval, true) === null) ||
      (count !== '' && atoi(count) === null) ||
      ((parseTime(idle, true) ?? 0) === 0 && (parseTime(interval, true) ?? 0) === 0 && (atoi(count) ?? 0) === 0)
    if (bad) return cx.error(`invalid so_keepalive value: "${rest}"`, index)
    return bind()
  }
  if (value === 'proxy_protocol') return
  return cx.error(`invalid parameter "${value}"`, index)
}

export function setListen(cx: DirectiveContext, server: ServerConf): HandlerResult {
  const text = cx.values[0]
  const parsed = parseUrl(text, { listen: true, defaultPort: 80 })
  if (!parsed.ok) {
    return parsed.err ? cx.error(`${parsed.err} in "${text}" of the "listen" directive`, 1) : undefined
  }
  const url = parsed.url
  let host = url.host
  if (!url.literal) {
    const addrs = cx.analyzer.options.host.resolve(url.host)
    if (!addrs || addrs.length === 0) return cx.error(`host not found in "${text}" of the "listen" directive`, 1)
    host = addrs[0]
  }
  const listen: ListenConf = {
    text,
    host,
    port: url.port,
    ipv6: url.ipv6,
    wildcard: url.wildcard,
    defaultServer: false,
    ssl: false,
    http2: false,
    bindOptions: [],
    node: cx.node,
    file: cx.file,
  }
  for (let i = 1; i < cx.args.length; i++) {
    const result = parseListenParameter(cx, cx.values[i], i + 1, listen)
    if (result !== undefined) return result
  }
  server.listens.push(listen)
  const error = addListen(cx.http.addresses, server, listen)
  if (error) return cx.error(error, 1, 'NGINX_DUPLICATE')
}
