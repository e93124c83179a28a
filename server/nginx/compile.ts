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
import type { CheckResult } from './index.ts'
import { versionDefaults, type NginxVersion, type VersionDefaults } from './nginx-version.ts'
import type { ConfigRegex } from './regex-match.ts'
import { parseTime } from './values.ts'

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
  | { if: { condition: string; level: Level } }
  | { break: true }

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
  /** This block's own rewrite-module steps (nginx does not inherit them). */
  rewrites: RewriteStep[]
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
}

/** The compiled config of a check without errors; null when nginx would refuse it. */
export function compileConfig(result: CheckResult): LabConfig | null {
  if (!result.ok) return null
  const defaults = versionDefaults(result.version)
  const table = directiveTable(result.version)
  const defaultTime = (name: string): number => parseTime(table.get(name)?.[0]?.default ?? '60s', false) ?? 60_000
  const http = result.http

  const settingsOf = (level: Level): EffectiveSettings => {
    const nearest = <T>(name: string): T | undefined => level.inherited<T>(name)?.value
    const time = (name: string): number => nearest<number>(name) ?? defaultTime(name)
    return {
      proxyPass: level.get<ProxyPassSetting>('proxy_pass')?.value ?? null,
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
      rewrites: level.get<RewriteStep[]>('$rewrite')?.value ?? [],
    }
  }

  const location = (l: LocationConf): LabLocation => ({
    modifier: l.modifier,
    name: l.name,
    regex: l.regex,
    line: l.node.nginxLine,
    file: l.file,
    settings: settingsOf(l.level),
    children: l.children.filter((c) => !c.isIf).map(location),
  })

  const server = (s: ServerConf): LabServer => ({
    line: s.node.nginxLine,
    file: s.file,
    listens: s.listens,
    serverNames: s.serverNames,
    settings: settingsOf(s.level),
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
  }
}
