/**
 * The checked configuration as the runtime needs it (nginx's merge step): every server and
 * location with its effective settings, inherited the way nginx merges them — nearest block
 * wins, and lists (`proxy_set_header`, `add_header`, `error_page`, `access_log`) are taken
 * whole from the nearest block that has any. Defaults come from the directive table and,
 * where they depend on the version, from nginx-version.ts.
 */
import type { Level, ListenConf, LocationConf, LocationModifier, LogFormatConf, MapConf, ServerConf, ServerNameConf, UpstreamConf } from './conf.ts'
import type { AddHeaderSetting } from './directives/headers.ts'
import type { AccessLogSetting } from './directives/log.ts'
import type { HeaderSetting, ProxyPassSetting } from './directives/proxy.ts'
import type { IfCondition } from './directives/rewrite.ts'
import type { CheckResult } from './index.ts'
import { versionDefaults, type NginxVersion, type VersionDefaults } from './nginx-version.ts'
import type { ConfigRegex } from './regex-match.ts'
import { defaultValue, type Defaulted, type DefaultTypes } from './directives/defaults.ts'
import type { Bufs, ErrorLogLevel, ErrorPageSetting, SettingName, SettingTypes } from './settings.ts'
import { BUILTIN_VARIABLES } from './variables.ts'

export type { ErrorLogLevel, ErrorPageSetting }

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
  /** client_header_buffer_size and large_client_header_buffers: what a request head may take (bytes). */
  clientHeaderBufferSize: number
  largeClientHeaderBuffers: Bufs
  underscoresInHeaders: boolean
  ignoreInvalidHeaders: boolean
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
  /** The `types` table in force (extension → MIME type). */
  types: Map<string, string>
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
  /** nginx's own request headers to upstreams (ngx_http_proxy_headers), after the configured ones. */
  proxyHeaders: ReadonlyArray<[string, string]>
  /**
   * Variables only `set` gives a value to (ngx_http_rewrite_var is their getter): read before
   * a `set` ran, they are empty and log "using uninitialized".
   */
  setOnlyVariables: ReadonlySet<string>
}

/** The compiled config of a check without errors; null when nginx would refuse it. */
export function compileConfig(result: CheckResult): LabConfig | null {
  if (!result.ok) return null
  const version = result.version
  const http = result.http

  const settingsOf = (level: Level, enclosing: EffectiveSettings | null = null): EffectiveSettings => {
    /** The nearest block's value, else the directive's default (directives/defaults.ts). */
    const nearest = <K extends Defaulted & SettingName>(name: K): SettingTypes[K] | DefaultTypes[K] => level.inherited(name)?.value ?? defaultValue(name, version)
    return {
      // An `if` block without its own proxy_pass takes its location's (ngx_http_proxy_merge_loc_conf, clcf->noname).
      proxyPass: level.get('proxy_pass')?.value ?? enclosing?.proxyPass ?? null,
      proxyHttpVersion: nearest('proxy_http_version'),
      // The configured list only: nginx's own headers (LabConfig.proxyHeaders) follow it.
      proxySetHeaders: level.inherited('proxy_set_header')?.value ?? [],
      proxyReadTimeoutMs: nearest('proxy_read_timeout'),
      proxySendTimeoutMs: nearest('proxy_send_timeout'),
      proxyConnectTimeoutMs: nearest('proxy_connect_timeout'),
      sendTimeoutMs: nearest('send_timeout'),
      keepaliveTimeoutMs: nearest('keepalive_timeout').timeout,
      proxyBuffering: nearest('proxy_buffering'),
      proxyNextUpstream: nearest('proxy_next_upstream'),
      proxyHideHeaders: nearest('proxy_hide_header'),
      proxyPassHeaders: nearest('proxy_pass_header'),
      proxyPassRequestHeaders: nearest('proxy_pass_request_headers'),
      clientMaxBodySize: nearest('client_max_body_size'),
      proxyInterceptErrors: nearest('proxy_intercept_errors'),
      proxyIgnoreClientAbort: nearest('proxy_ignore_client_abort'),
      keepaliveRequests: nearest('keepalive_requests'),
      clientHeaderTimeoutMs: nearest('client_header_timeout'),
      clientBodyTimeoutMs: nearest('client_body_timeout'),
      clientHeaderBufferSize: nearest('client_header_buffer_size'),
      largeClientHeaderBuffers: nearest('large_client_header_buffers'),
      underscoresInHeaders: nearest('underscores_in_headers'),
      ignoreInvalidHeaders: nearest('ignore_invalid_headers'),
      recursiveErrorPages: nearest('recursive_error_pages'),
      proxyRedirect: nearest('proxy_redirect'),
      addHeaders: nearest('add_header'),
      errorPages: nearest('error_page'),
      accessLogs: nearest('access_log'),
      // None here: the main context's error_log applies (the runtime's errorLogs).
      errorLogs: level.inherited('error_log')?.value ?? [],
      sslCertificates: nearest('ssl_certificate'),
      sslCertificateKeys: nearest('ssl_certificate_key'),
      root: nearest('root'),
      index: nearest('index'),
      defaultType: nearest('default_type'),
      types: nearest('types'),
      uninitializedVariableWarn: nearest('uninitialized_variable_warn'),
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
    (level.get('$rewrite')?.value ?? []).map((step): RuntimeRewriteStep => {
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
    defaults: versionDefaults(version),
    servers: http ? http.servers.map(server) : [],
    upstreams: http ? http.upstreams : [],
    maps: http ? http.maps : [],
    logFormats: http ? http.logFormats : new Map(),
    proxyHeaders: defaultValue('proxy_set_header', version),
    setOnlyVariables: http ? setOnlyVariables(http.servers, new Set(http.maps.map((m) => m.variable))) : new Set(),
  }
}

/** Prefix families `set` never takes over (ngx_http_rewrite_set leaves their getters). */
const SET_KEEPS_GETTER = ['http_', 'sent_http_', 'upstream_http_', 'cookie_', 'upstream_cookie_', 'arg_']

/** The names `set` defines that nothing else (a built-in, a map, a prefix family) gives a getter. */
function setOnlyVariables(servers: readonly ServerConf[], maps: ReadonlySet<string>): Set<string> {
  const names = new Set<string>()
  const visit = (level: Level): void => {
    for (const step of level.get('$rewrite')?.value ?? []) {
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
