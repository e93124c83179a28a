/**
 * What each directive's handler stores on its block, by directive name: one TypeScript type
 * per key, shared by the handlers (directives/*.ts, through the typed `row`), the checks that
 * read settings (after-http.ts, index.ts) and compile.ts. A handler that stores something
 * else, or a reader that expects something else, is a compile error.
 *
 * Keys starting with `$` are the engine's own records on a block (the server or location it
 * opens, its rewrite steps…), not directives.
 */
import type { Level, LocationConf, ServerConf } from './conf.ts'
import type { RewriteStep } from './compile.ts'
import type { AccessRule } from './directives/access.ts'
import type { AddHeaderSetting } from './directives/headers.ts'
import type { AccessLogSetting } from './directives/log.ts'
import type { HeaderSetting, ProxyPassSetting } from './directives/proxy.ts'
import type { UpstreamEntry } from './directives/upstream.ts'

export type ErrorLogLevel = 'emerg' | 'alert' | 'crit' | 'error' | 'warn' | 'notice' | 'info' | 'debug'

export interface ErrorPageSetting {
  codes: number[]
  overwrite: number | null
  uri: string
}

/** `number size` of nginx's bufs slot (large_client_header_buffers 4 8k, proxy_buffers 8 4k). */
export interface Bufs {
  num: number
  size: number
}

export interface SettingTypes {
  // ngx_http_core_module
  root: string
  index: string[]
  default_type: string
  types: Map<string, string>
  error_page: ErrorPageSetting[]
  recursive_error_pages: boolean
  keepalive_timeout: { timeout: number; header: number | null }
  keepalive_requests: number
  send_timeout: number
  client_header_timeout: number
  client_body_timeout: number
  client_max_body_size: number
  client_header_buffer_size: number
  large_client_header_buffers: Bufs
  connection_pool_size: number
  underscores_in_headers: boolean
  ignore_invalid_headers: boolean
  // ngx_http_proxy_module
  proxy_pass: ProxyPassSetting
  proxy_http_version: string
  proxy_set_header: HeaderSetting[]
  proxy_read_timeout: number
  proxy_send_timeout: number
  proxy_connect_timeout: number
  proxy_buffering: boolean
  proxy_next_upstream: string[]
  proxy_hide_header: string[]
  proxy_pass_header: string[]
  proxy_pass_request_headers: boolean
  proxy_intercept_errors: boolean
  proxy_ignore_client_abort: boolean
  proxy_redirect: Array<{ from: string; to: string | null }> | false
  proxy_buffer_size: number
  proxy_buffers: Bufs
  proxy_busy_buffers_size: number
  proxy_temp_file_write_size: number
  proxy_max_temp_file_size: number
  // ngx_http_headers_filter_module, ngx_http_log_module, ngx_errlog_module
  add_header: AddHeaderSetting[]
  access_log: AccessLogSetting[]
  error_log: Array<{ target: string; level: ErrorLogLevel }>
  // ngx_http_rewrite_module
  uninitialized_variable_warn: boolean
  // ngx_http_ssl_module
  ssl: boolean
  ssl_certificate: string[]
  ssl_certificate_key: string[]
  ssl_ciphers: string
  ssl_stapling: boolean
  // main and events
  pid: string
  user: string[]
  events: Level
  worker_connections: number
  ssl_trusted_certificate: string
  ssl_stapling_responder: string
  // The engine's own records.
  $server: ServerConf
  $location: LocationConf
  $root: { alias: boolean }
  $upstream: UpstreamEntry
  $rewrite: RewriteStep[]
  $access: AccessRule[]
}

export type SettingName = keyof SettingTypes

/**
 * The type a directive's handler stores: typed for the names above; anything else is a
 * directive the engine only checks, whose stored value nobody reads.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SettingValue<K extends string> = K extends SettingName ? SettingTypes[K] : any

/** Every key of SettingTypes, for tests that go over all of them. */
export const SETTING_NAMES = [
  'root', 'index', 'default_type', 'types', 'error_page', 'recursive_error_pages', 'keepalive_timeout',
  'keepalive_requests', 'send_timeout', 'client_header_timeout', 'client_body_timeout', 'client_max_body_size',
  'client_header_buffer_size', 'large_client_header_buffers', 'connection_pool_size', 'underscores_in_headers', 'ignore_invalid_headers',
  'proxy_pass', 'proxy_http_version', 'proxy_set_header', 'proxy_read_timeout', 'proxy_send_timeout',
  'proxy_connect_timeout', 'proxy_buffering', 'proxy_next_upstream', 'proxy_hide_header', 'proxy_pass_header',
  'proxy_pass_request_headers', 'proxy_intercept_errors', 'proxy_ignore_client_abort', 'proxy_redirect',
  'proxy_buffer_size', 'proxy_buffers', 'proxy_busy_buffers_size', 'proxy_temp_file_write_size',
  'proxy_max_temp_file_size', 'add_header', 'access_log', 'error_log', 'uninitialized_variable_warn', 'ssl',
  'ssl_certificate', 'ssl_certificate_key', 'ssl_ciphers', 'ssl_stapling', 'pid', 'user', 'events', 'worker_connections',
  'ssl_trusted_certificate', 'ssl_stapling_responder',
  '$server', '$location', '$root', '$upstream', '$rewrite', '$access',
] as const satisfies readonly SettingName[]

/** Fails to compile when SETTING_NAMES misses a key of SettingTypes. */
type Missing = Exclude<SettingName, (typeof SETTING_NAMES)[number]>
const complete: Missing extends never ? true : Missing = true
void complete
