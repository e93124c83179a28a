/**
 * The checked configuration as the runtime needs it (nginx's merge step): every server and
 * location with its effective settings, inherited the way nginx merges them — nearest block
 * wins, and lists (`proxy_set_header`, `add_header`, `error_page`, `access_log`) are taken
 * whole from the nearest block that has any. Defaults come from the directive table and,
 * where they depend on the version, from nginx-version.ts.
 */
import { DEFAULT_ACCESS_LOG } from './after-http.ts'
import type { Level, ListenConf, LocationConf, LocationModifier, LogFormatConf, MapConf, ServerConf, ServerNameConf, UpstreamConf } from './conf.ts'
import { directiveTable } from './directives/index.ts'
import type { AddHeaderSetting } from './directives/headers.ts'
import type { AccessLogSetting } from './directives/log.ts'
import type { HeaderSetting, ProxyPassSetting } from './directives/proxy.ts'
import type { IfCondition } from './directives/rewrite.ts'
import type { CheckResult } from './index.ts'
import { versionDefaults, type NginxVersion, type VersionDefaults } from './nginx-version.ts'
import type { ConfigRegex } from './regex-match.ts'
import { parseTime } from './values.ts'
import { BUILTIN_VARIABLES } from './variables.ts'

export type ErrorLogLevel = 'emerg' | 'alert' | 'crit' | 'error' | 'warn' | 'notice' | 'info' | 'debug'

export interface ErrorPageSetting {
  codes: number[]
  overwrite: number | null
  uri: string
}

/** One directive of the rewrite module, in the order written (they run in that order). */
export type RewriteStep =
  | { return: { status: number; text: string | null } }
  | { rewrite: { regex: ConfigRegex; replacement: string; flag: string | null } }
  | { set: { name: string; value: string } }
  | { if: IfStep<Level> }
  | { break: true }

/**
 * An `if` block: its condition, the rewrite steps inside it, and (in a location) the
 * configuration a request uses once the condition holds (nginx switches r->loc_conf to the
 * block's own, merged from the location around it). An `if` in a server block has none:
 * nginx runs its rewrite steps and nothing else changes.
 */
export interface IfStep<Body> {
  condition: IfCondition
  /** The condition as written, without its parentheses' spacing, for the trace. */
  text: string
  line: number
  file: string
  level: Body
}

/** A rewrite step as the runtime runs it: an `if` carries its compiled body. */
export type RuntimeRewriteStep =
  | Exclude<RewriteStep, { if: unknown }>
  | { if: IfStep<{ steps: RuntimeRewriteStep[]; settings: EffectiveSettings | null }> }

export interface EffectiveSettings {
  proxyPass: ProxyPassSetting | null
  proxyHttpVersion: string
  /** The configured `proxy_set_header` list in force here (empty: only nginx's defaults). */
  proxySetHeaders: HeaderSetting[]
  proxyReadTimeoutMs: number
  proxySendTimeoutMs: number
  proxyConnectTimeoutMs: number
  sendTimeoutMs: number
  keepaliveTimeoutMs: number
  proxyBuffering: boolean
  proxyNextUpstream: string[]
  proxyHideHeaders: string[]
  proxyPassHeaders: string[]
  /** proxy_pass_request_headers: whether the client's headers go upstream at all. */
  proxyPassRequestHeaders: boolean
  clientMaxBodySize: number
  proxyInterceptErrors: boolean
  proxyIgnoreClientAbort: boolean
  keepaliveRequests: number
  clientHeaderTimeoutMs: number
  clientBodyTimeoutMs: number
  recursiveErrorPages: boolean
  /** proxy_redirect rules in force; false for `off`, null for nginx's `default`. */
  proxyRedirect: Array<{ from: string; to: string | null }> | false | null
  addHeaders: AddHeaderSetting[]
  errorPages: ErrorPageSetting[]
  accessLogs: AccessLogSetting[]
  /** `error_log` targets in force here (the nearest block's list), with their levels. */
  errorLogs: Array<{ target: string; level: ErrorLogLevel }>
  /** Certificate and key files in force (`ssl_certificate`, `ssl_certificate_key`). */
  sslCertificates: string[]
  sslCertificateKeys: string[]
  root: string
  index: string[]
  defaultType: string
  /** The `types` table in force (extension → MIME type); null means nginx's built-in three. */
  types: Map<string, string> | null
  /** uninitialized_variable_warn: a `set` variable read before any `set` gave it a value logs a [warn]. */
  uninitializedVariableWarn: boolean
  /** This block's own rewrite-module steps (nginx does not inherit them). */
  rewrites: RuntimeRewriteStep[]
}

export interface LabLocation {
  modifier: LocationModifier
  name: string
  regex: ConfigRegex | null
  line: number
  file: string
  settings: EffectiveSettings
  children: LabLocation[]
}

export interface LabServer {
  line: number
  file: string
  listens: ListenConf[]
  serverNames: ServerNameConf[]
  /** Settings of requests that no location matches, and the server's own rewrite steps. */
  settings: EffectiveSettings
  locations: LabLocation[]
  namedLocations: Map<string, LabLocation>
}

export interface LabConfig {
  version: NginxVersion
  defaults: VersionDefaults
  servers: LabServer[]
  upstreams: UpstreamConf[]
  maps: MapConf[]
  logFormats: Map<string, LogFormatConf>
  /**
   * Variables only `set` gives a value to (ngx_http_rewrite_var is their getter): read before
   * a `set` ran, they are empty and log "using uninitialized".
   */
  setOnlyVariables: ReadonlySet<string>
}

/** The compiled config of a check without errors; null when nginx would refuse it. */
export function compileConfig(result: CheckResult): LabConfig | null {
  if (!result.ok) return null
  const defaults = versionDefaults(result.version)
  const table = directiveTable(result.version)
  const defaultTime = (name: string): number => parseTime(table.get(name)?.[0]?.default ?? '60s', false) ?? 60_000
  const http = result.http

  const settingsOf = (level: Level, enclosing: EffectiveSettings | null = null): EffectiveSettings => {
    const nearest = <T>(name: string): T | undefined => level.inherited<T>(name)?.value
    const time = (name: string): number => nearest<number>(name) ?? defaultTime(name)
    return {
      // An `if` block without its own proxy_pass takes its location's (ngx_http_proxy_merge_loc_conf, clcf->noname).
      proxyPass: level.get<ProxyPassSetting>('proxy_pass')?.value ?? enclosing?.proxyPass ?? null,
      proxyHttpVersion: nearest<string>('proxy_http_version') ?? defaults.proxyHttpVersion,
      proxySetHeaders: nearest<HeaderSetting[]>('proxy_set_header') ?? [],
      proxyReadTimeoutMs: time('proxy_read_timeout'),
      proxySendTimeoutMs: time('proxy_send_timeout'),
      proxyConnectTimeoutMs: time('proxy_connect_timeout'),
      sendTimeoutMs: time('send_timeout'),
      keepaliveTimeoutMs: nearest<{ timeout: number }>('keepalive_timeout')?.timeout ?? defaultTime('keepalive_timeout'),
      proxyBuffering: nearest<boolean>('proxy_buffering') ?? true,
      proxyNextUpstream: nearest<string[]>('proxy_next_upstream') ?? ['error', 'timeout'],
      proxyHideHeaders: nearest<string[]>('proxy_hide_header') ?? [],
      proxyPassHeaders: nearest<string[]>('proxy_pass_header') ?? [],
      proxyPassRequestHeaders: nearest<boolean>('proxy_pass_request_headers') ?? true,
      clientMaxBodySize: nearest<number>('client_max_body_size') ?? 1024 * 1024,
      proxyInterceptErrors: nearest<boolean>('proxy_intercept_errors') ?? false,
      proxyIgnoreClientAbort: nearest<boolean>('proxy_ignore_client_abort') ?? false,
      keepaliveRequests: nearest<number>('keepalive_requests') ?? Number(table.get('keepalive_requests')?.[0]?.default ?? 1000),
      clientHeaderTimeoutMs: time('client_header_timeout'),
      clientBodyTimeoutMs: time('client_body_timeout'),
      recursiveErrorPages: nearest<boolean>('recursive_error_pages') ?? false,
      proxyRedirect: nearest<Array<{ from: string; to: string | null }> | false>('proxy_redirect') ?? null,
      addHeaders: nearest<AddHeaderSetting[]>('add_header') ?? [],
      errorPages: nearest<ErrorPageSetting[]>('error_page') ?? [],
      accessLogs: nearest<AccessLogSetting[]>('access_log') ?? [{ path: DEFAULT_ACCESS_LOG, format: 'combined', condition: null, implicit: true }],
      errorLogs: nearest<Array<{ target: string; level: ErrorLogLevel }>>('error_log') ?? [],
      sslCertificates: nearest<string[]>('ssl_certificate') ?? [],
      sslCertificateKeys: nearest<string[]>('ssl_certificate_key') ?? [],
      root: nearest<string>('root') ?? 'html',
      index: nearest<string[]>('index') ?? ['index.html'],
      defaultType: nearest<string>('default_type') ?? 'text/plain',
      types: nearest<Map<string, string>>('types') ?? null,
      uninitializedVariableWarn: nearest<boolean>('uninitialized_variable_warn') ?? true,
      rewrites: [],
    }
  }

  /** The block's settings with its rewrite steps, each `if` in a location compiled as a block of its own. */
  const blockSettings = (level: Level, enclosing: EffectiveSettings | null = null): EffectiveSettings => {
    const settings = settingsOf(level, enclosing)
    settings.rewrites = stepsOf(level, level.context === 'server' || level.context === 'if-server' ? null : settings)
    return settings
  }

  const stepsOf = (level: Level, location: EffectiveSettings | null): RuntimeRewriteStep[] =>
    (level.get<RewriteStep[]>('$rewrite')?.value ?? []).map((step): RuntimeRewriteStep => {
      if (!('if' in step)) return step
      const body = step.if.level
      const settings = location ? blockSettings(body, location) : null
      return { if: { ...step.if, level: { steps: settings ? settings.rewrites : stepsOf(body, null), settings } } }
    })

  const location = (l: LocationConf): LabLocation => ({
    modifier: l.modifier,
    name: l.name,
    regex: l.regex,
    line: l.node.nginxLine,
    file: l.file,
    settings: blockSettings(l.level),
    children: l.children.filter((c) => !c.isIf).map(location),
  })

  const server = (s: ServerConf): LabServer => ({
    line: s.node.nginxLine,
    file: s.file,
    listens: s.listens,
    serverNames: s.serverNames,
    settings: blockSettings(s.level),
    locations: s.locations.filter((l) => !l.isIf).map(location),
    namedLocations: new Map(s.namedLocations.map((l) => [l.name, location(l)])),
  })

  return {
    version: result.version,
    defaults,
    servers: http ? http.servers.map(server) : [],
    upstreams: http ? http.upstreams : [],
    maps: http ? http.maps : [],
    logFormats: http ? http.logFormats : new Map(),
    setOnlyVariables: http ? setOnlyVariables(http.servers, new Set(http.maps.map((m) => m.variable))) : new Set(),
  }
}

/** Prefix families `set` never takes over (ngx_http_rewrite_set leaves their getters). */
const SET_KEEPS_GETTER = ['http_', 'sent_http_', 'upstream_http_', 'cookie_', 'upstream_cookie_', 'arg_']

/** The names `set` defines that nothing else (a built-in, a map, a prefix family) gives a getter. */
function setOnlyVariables(servers: readonly ServerConf[], maps: ReadonlySet<string>): Set<string> {
  const names = new Set<string>()
  const visit = (level: Level): void => {
    for (const step of level.get<RewriteStep[]>('$rewrite')?.value ?? []) {
      if ('set' in step) names.add(step.set.name)
      else if ('if' in step) visit(step.if.level)
    }
  }
  const visitLocation = (l: LocationConf): void => {
    visit(l.level)
    l.children.forEach(visitLocation)
  }
  for (const s of servers) {
    visit(s.level)
    s.locations.forEach(visitLocation)
    s.namedLocations.forEach(visitLocation)
  }
  for (const name of names) {
    if (maps.has(name) || BUILTIN_VARIABLES.has(name) || SET_KEEPS_GETTER.some((p) => name.startsWith(p))) names.delete(name)
  }
  return names
}
