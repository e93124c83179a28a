/**
 * Which server and which location handle a request: nginx's virtual server selection
 * (address and port, then server_name: exact, leading wildcard, trailing wildcard, regex in
 * order, else the default server) and ngx_http_core_find_location (exact, longest prefix
 * with nested locations, `^~`, then regexes in order, nested first).
 */
import type { LabConfig, LabLocation, LabServer } from '../nginx/compile.ts'

export interface ServerChoice {
  server: LabServer
  by: 'name' | 'default'
  /** Captures of a regex server_name, for $1 and named captures. */
  captures: Record<string, string>
}

const isWildcard = (host: string): boolean => host === '0.0.0.0' || host === '::'

/** The servers that share the listening address a connection arrived on, default first. */
export function serversFor(config: LabConfig, localAddress: string, localPort: number): { servers: LabServer[]; defaultServer: LabServer } | null {
  const onPort = (specific: boolean): LabServer[] =>
    config.servers.filter((s) =>
      s.listens.some((l) => l.port === localPort && (specific ? !isWildcard(l.host) && l.host === localAddress : isWildcard(l.host))),
    )
  let servers = onPort(true)
  if (servers.length === 0) servers = onPort(false)
  if (servers.length === 0) return null
  const wantsDefault = (s: LabServer): boolean =>
    s.listens.some((l) => l.port === localPort && l.defaultServer && (l.host === localAddress || isWildcard(l.host)))
  return { servers, defaultServer: servers.find(wantsDefault) ?? servers[0] }
}

export function selectServer(config: LabConfig, localAddress: string, localPort: number, host: string | null): ServerChoice | null {
  const found = serversFor(config, localAddress, localPort)
  if (!found) return null
  const { servers, defaultServer } = found
  if (host !== null) {
    for (const s of servers) if (s.serverNames.some((n) => n.kind === 'exact' && n.name === host)) return { server: s, by: 'name', captures: {} }
    // The longest matching leading wildcard (`*.example.com`, `.example.com`) wins.
    let best: { server: LabServer; length: number } | null = null
    for (const s of servers) {
      for (const n of s.serverNames) {
        const base = n.kind === 'wildcard-head' ? n.name.slice(2) : n.kind === 'dot' ? n.name.slice(1) : null
        if (base === null) continue
        const matches = host.endsWith('.' + base) || (n.kind === 'dot' && host === base)
        if (matches && (!best || base.length > best.length)) best = { server: s, length: base.length }
      }
    }
    if (best) return { server: best.server, by: 'name', captures: {} }
    for (const s of servers) {
      for (const n of s.serverNames) {
        if (n.kind === 'wildcard-tail' && host.startsWith(n.name.slice(0, -1))) return { server: s, by: 'name', captures: {} }
      }
    }
    for (const s of servers) {
      for (const n of s.serverNames) {
        if (n.kind !== 'regex' || !n.regex) continue
        const m = n.regex.exec(host)
        if (m) return { server: s, by: 'name', captures: capturesOf(m) }
      }
    }
  }
  return { server: defaultServer, by: 'default', captures: {} }
}

export type LocationResult =
  | { kind: 'location'; location: LabLocation; captures: Record<string, string> }
  /** A URI one `/` short of a proxied prefix location: nginx answers 301 to the URI with the slash. */
  | { kind: 'redirect'; location: LabLocation }
  | { kind: 'none' }

/**
 * `$1`… and the named captures of a match (a group that took no part is empty, as in nginx).
 * Without a prototype: a capture named by the config (`(?<constructor>…)`) and the text the
 * visitor sent must never reach Object.prototype.
 */
export function capturesOf(m: RegExpExecArray): Record<string, string> {
  const out: Record<string, string> = Object.create(null)
  for (let i = 1; i < m.length; i++) out[String(i)] = m[i] ?? ''
  if (m.groups) for (const name of Object.keys(m.groups)) out[name] = m.groups[name] ?? ''
  return out
}

/**
 * A regex match's captures into a request's (ngx_http_regex_exec): a pattern with groups
 * replaces `$1`… (those it did not reach are empty), one without leaves them as they were;
 * named captures are variables of their own, set either way.
 */
export function setCaptures(captures: Record<string, string>, m: RegExpExecArray): void {
  mergeCaptures(captures, capturesOf(m))
}

/** A failed match of `rewrite` or `if` empties `$1`… (ngx_http_script_regex_start_code: r->ncaptures = 0). */
export function clearCaptures(captures: Record<string, string>): void {
  for (const key of Object.keys(captures)) if (/^\d+$/.test(key)) delete captures[key]
}

/** mergeCaptures: the captures of a match made earlier (capturesOf) into a request's. */
export function mergeCaptures(captures: Record<string, string>, found: Record<string, string>): void {
  if ('1' in found) clearCaptures(captures)
  Object.assign(captures, found)
}

/** ngx_http_core_find_location over a server's (or a location's) locations. */
export function findLocation(locations: readonly LabLocation[], uri: string): LocationResult {
  let current: LabLocation | null = null
  let noregex = false
  const statics = locations.filter((l) => !l.regex && l.modifier !== '@')
  const exact = statics.find((l) => l.modifier === '=' && l.name === uri)
  if (exact) return { kind: 'location', location: exact, captures: {} }
  const redirect = statics.find((l) => l.name === uri + '/' && l.settings.proxyPass !== null && l.modifier !== '=')
  if (redirect) return { kind: 'redirect', location: redirect }
  for (const l of statics) {
    if (l.modifier === '=' || !uri.startsWith(l.name)) continue
    if (!current || l.name.length > current.name.length) current = l
  }
  if (current) {
    noregex = current.modifier === '^~'
    const nested = findLocation(current.children, uri)
    if (nested.kind !== 'none') {
      if (nested.kind === 'redirect' || nested.location.modifier === '=' || nested.location.regex) return nested
      // The regexes below are still skipped or not by this level's match, as in nginx.
      current = nested.location
    }
  }
  if (!noregex) {
    for (const l of locations) {
      if (!l.regex) continue
      const m = l.regex.exec(uri)
      if (!m) continue
      const nested = findLocation(l.children, uri)
      if (nested.kind !== 'none') return nested
      return { kind: 'location', location: l, captures: capturesOf(m) }
    }
  }
  return current ? { kind: 'location', location: current, captures: {} } : { kind: 'none' }
}
