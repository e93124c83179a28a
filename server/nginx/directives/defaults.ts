/**
 * Every directive default, in one table: the value the engine and the runtime use, typed by
 * what the directive's handler stores (settings.ts), and the text shown to people, derived
 * from that value. Where a default changed between release lines, each line has its own; where
 * Debian's build differs from nginx's documentation (paths chosen at ./configure time), the
 * value is the build's and the text names both.
 *
 * Directives the lab only checks have their default as text alone (DEFAULT_TEXTS): nothing
 * reads their value. Nothing outside this file may repeat a default; a test looks for copies.
 */
import type { ModelledLine, NginxVersion } from '../nginx-version.ts'
import type { Bufs, SettingName, SettingTypes } from '../settings.ts'
import type { AccessLogSetting } from './log.ts'

/** A default: its value and its text, for every release line or per line. */
interface Default<T> {
  value: T
  text: string
}

type PerLine<T> = Default<T> | { byLine: Record<ModelledLine, Default<T>> }

/** A time in milliseconds, written as nginx's docs write it (`60s`, `500ms`). */
function time(ms: number): Default<number> {
  return { value: ms, text: ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms` }
}

/** A size in bytes, written `1k`, `1m`, `8k`. */
function size(bytes: number): Default<number> {
  const text = bytes % (1 << 20) === 0 && bytes > 0 ? `${bytes >> 20}m` : bytes % 1024 === 0 && bytes > 0 ? `${bytes >> 10}k` : String(bytes)
  return { value: bytes, text }
}

function flag(on: boolean): Default<boolean> {
  return { value: on, text: on ? 'on' : 'off' }
}

function count(n: number): Default<number> {
  return { value: n, text: String(n) }
}

function word<T extends string>(value: T): Default<T> {
  return { value, text: value }
}

function words(value: string[]): Default<string[]> {
  return { value, text: value.join(' ') }
}

function bufs(num: number, bytes: number): Default<Bufs> {
  return { value: { num, size: bytes }, text: `${num} ${size(bytes).text}` }
}

/** A value Debian's ./configure chose, beside the one nginx documents. */
function debian<T>(value: T, build: string, documented: string): Default<T> {
  return { value, text: `${build} (Debian's build; nginx's documentation: ${documented})` }
}

/** One memory page on the platforms the lab runs on (nginx documents `4k|8k`). */
const PAGE = 4096

/**
 * nginx's own request headers to the upstream (ngx_http_proxy_headers), after the configured
 * ones: an empty value sends nothing and keeps the client's header of that name from
 * passing. `$proxy_internal_*` are filled from the body nginx sends.
 */
function proxyHeaders(connection: 'close' | ''): Default<Array<[string, string]>> {
  const list: Array<[string, string]> = [
    ['Host', '$proxy_host'],
    ['Connection', connection],
    ['Content-Length', '$proxy_internal_body_length'],
    ['Transfer-Encoding', '$proxy_internal_chunked'],
    ['TE', ''],
    ['Keep-Alive', ''],
    ['Expect', ''],
    ['Upgrade', ''],
  ]
  const shown = list.filter(([, value]) => value !== '' && !value.startsWith('$proxy_internal_'))
  return { value: list, text: shown.map(([name, value]) => `${name} ${value}`).join('; ') }
}

/** What the defaults' values are, where they differ from what a directive stores. */
export interface DefaultTypes extends Omit<SettingTypes, 'proxy_set_header' | 'proxy_redirect' | 'types'> {
  /** Idle connections an explicit `upstream {}` keeps without a `keepalive` line (null: none). */
  keepalive: number | null
  /** nginx's own header list (proxyHeaders), which a configured list comes before. */
  proxy_set_header: Array<[string, string]>
  /** null: nginx's `default` (the location and proxy_pass URL swapped). */
  proxy_redirect: SettingTypes['proxy_redirect'] | null
  /** ngx_http_core_default_types: what nginx knows without a `types` block. */
  types: Map<string, string>
}

export type Defaulted = Exclude<SettingName, `$${string}` | 'proxy_pass' | 'events' | 'ssl_trusted_certificate' | 'ssl_stapling_responder'> | 'keepalive'

export const DEFAULTS: { [K in Defaulted]: PerLine<DefaultTypes[K]> } = {
  root: word('html'),
  index: words(['index.html']),
  default_type: word('text/plain'),
  types: { value: new Map([['html', 'text/html'], ['gif', 'image/gif'], ['jpg', 'image/jpeg']]), text: 'text/html html; image/gif gif; image/jpeg jpg;' },
  error_page: { value: [], text: '' },
  recursive_error_pages: flag(false),
  keepalive_timeout: { value: { timeout: 75_000, header: null }, text: '75s' },
  keepalive_requests: count(1000),
  send_timeout: time(60_000),
  client_header_timeout: time(60_000),
  client_body_timeout: time(60_000),
  client_max_body_size: size(1 << 20),
  client_header_buffer_size: size(1024),
  large_client_header_buffers: bufs(4, 8192),
  // NGX_PTR_SIZE * 64: 512 on the 64-bit builds the lab models (nginx documents 256|512).
  connection_pool_size: { value: 512, text: '256|512' },
  underscores_in_headers: flag(false),
  ignore_invalid_headers: flag(true),
  proxy_http_version: { byLine: { '1.22': word('1.0'), '1.30': word('1.1') } },
  proxy_set_header: { byLine: { '1.22': proxyHeaders('close'), '1.30': proxyHeaders('') } },
  proxy_read_timeout: time(60_000),
  proxy_send_timeout: time(60_000),
  proxy_connect_timeout: time(60_000),
  proxy_buffering: flag(true),
  proxy_next_upstream: words(['error', 'timeout']),
  proxy_hide_header: { value: [], text: '' },
  proxy_pass_header: { value: [], text: '' },
  proxy_pass_request_headers: flag(true),
  proxy_intercept_errors: flag(false),
  proxy_ignore_client_abort: flag(false),
  proxy_redirect: { value: null, text: 'default' },
  proxy_buffer_size: { value: PAGE, text: '4k|8k' },
  proxy_buffers: { value: { num: 8, size: PAGE }, text: '8 4k|8k' },
  proxy_busy_buffers_size: { value: 2 * PAGE, text: '8k|16k' },
  proxy_temp_file_write_size: { value: 2 * PAGE, text: '8k|16k' },
  proxy_max_temp_file_size: size(1 << 30),
  add_header: { value: [], text: '' },
  access_log: debian<AccessLogSetting[]>(
    [{ path: '/var/log/nginx/access.log', format: 'combined', condition: null, implicit: true }],
    '/var/log/nginx/access.log combined',
    'logs/access.log combined',
  ),
  error_log: debian([{ target: '/var/log/nginx/error.log', level: 'error' }], '/var/log/nginx/error.log error', 'logs/error.log error'),
  uninitialized_variable_warn: flag(true),
  ssl: { byLine: { '1.22': flag(false), '1.30': flag(false) } },
  ssl_certificate: { value: [], text: '' },
  ssl_certificate_key: { value: [], text: '' },
  ssl_ciphers: word('HIGH:!aNULL:!MD5'),
  ssl_stapling: flag(false),
  pid: debian('/run/nginx.pid', '/run/nginx.pid', 'logs/nginx.pid'),
  user: { value: ['nobody', 'nogroup'], text: 'nobody nogroup' },
  worker_connections: count(512),
  keepalive: { byLine: { '1.22': { value: null, text: '' }, '1.30': { value: 32, text: '32 local' } } },
}

/** The default of a directive the lab runs, for the version being modelled: a copy, the table stays as it is. */
export function defaultValue<K extends Defaulted>(name: K, version: NginxVersion): DefaultTypes[K] {
  const value = pick(DEFAULTS[name], version).value
  return typeof value === 'object' && value !== null ? structuredClone(value) : value
}

function pick<T>(entry: PerLine<T>, version: NginxVersion): Default<T> {
  return 'byLine' in entry ? entry.byLine[version.line] : entry
}

/** A directive's default as people read it (`60s`, `on`), or null when it has none. */
export function defaultText(name: string, version: NginxVersion): string | null {
  if (Object.hasOwn(DEFAULTS, name)) {
    const text = pick(DEFAULTS[name as Defaulted] as PerLine<unknown>, version).text
    return text === '' ? null : text
  }
  if (!Object.hasOwn(DEFAULT_TEXTS, name)) return null
  const text = DEFAULT_TEXTS[name]
  return typeof text === 'string' ? text : text[version.line]
}

/** Defaults of the directives the lab only checks (their values are read by nothing). */
const DEFAULT_TEXTS: Readonly<Record<string, string | Record<ModelledLine, string | null>>> = {
  daemon: "on",
  master_process: "on",
  timer_resolution: "0s",
  lock_file: "/var/lock/nginx.lock",
  worker_processes: "1",
  worker_priority: "0",
  worker_shutdown_timeout: "0s",
  env: "TZ",
  pcre_jit: "off",
  multi_accept: "off",
  accept_mutex: "off",
  accept_mutex_delay: "500ms",
  epoll_events: "512",
  worker_aio_requests: "32",
  thread_pool: "default threads=32 max_queue=65536",
  variables_hash_max_size: "1024",
  variables_hash_bucket_size: "64",
  server_names_hash_max_size: "512",
  server_names_hash_bucket_size: "32|64|128",
  request_pool_size: "4k",
  merge_slashes: "on",
  listen: "*:80 | *:8000",
  server_name: "\"\"",
  types_hash_max_size: "1024",
  types_hash_bucket_size: "64",
  client_body_buffer_size: "8k|16k",
  client_body_temp_path: "/var/lib/nginx/body",
  client_body_in_file_only: "off",
  client_body_in_single_buffer: "off",
  sendfile: "off",
  sendfile_max_chunk: "2m",
  subrequest_output_buffer_size: "4k|8k",
  aio: "off",
  aio_write: "off",
  read_ahead: "0",
  directio: "off",
  directio_alignment: "512",
  tcp_nopush: "off",
  tcp_nodelay: "on",
  send_lowat: "0",
  postpone_output: "1460",
  limit_rate: "0",
  limit_rate_after: "0",
  keepalive_time: "1h",
  keepalive_disable: "msie6",
  satisfy: "all",
  auth_delay: "0s",
  lingering_close: "on",
  lingering_time: "30s",
  lingering_timeout: "5s",
  reset_timedout_connection: "off",
  absolute_redirect: "on",
  server_name_in_redirect: "off",
  port_in_redirect: "on",
  msie_padding: "on",
  msie_refresh: "off",
  log_not_found: "on",
  log_subrequest: "off",
  server_tokens: "on",
  if_modified_since: "exact",
  chunked_transfer_encoding: "on",
  etag: "on",
  open_file_cache: "off",
  open_file_cache_valid: "60s",
  open_file_cache_min_uses: "1",
  open_file_cache_errors: "off",
  open_file_cache_events: "off",
  resolver_timeout: "30s",
  gzip_vary: "off",
  gzip_http_version: "1.1",
  gzip_proxied: "off",
  disable_symlinks: "off",
  open_log_file_cache: "off",
  max_headers: "1000",
  http2_recv_buffer_size: "256k",
  http2_pool_size: "4k",
  http2_max_concurrent_streams: "128",
  http2_body_preread_size: "64k",
  http2_streams_index_size: "32",
  http2_chunk_size: "8k",
  gzip_static: "off",
  dav_methods: "off",
  create_full_put_path: "off",
  min_delete_depth: "0",
  dav_access: "user:rw",
  autoindex: "off",
  autoindex_format: "html",
  autoindex_localtime: "off",
  autoindex_exact_size: "on",
  random_index: "off",
  mirror: "off",
  mirror_request_body: "on",
  auth_request: "off",
  auth_basic: "off",
  limit_conn_log_level: "error",
  limit_conn_status: "503",
  limit_conn_dry_run: "off",
  limit_req_log_level: "error",
  limit_req_status: "503",
  limit_req_dry_run: "off",
  real_ip_header: "X-Real-IP",
  real_ip_recursive: "off",
  map_hash_max_size: "2048",
  map_hash_bucket_size: "32|64|128",
  referer_hash_max_size: "2048",
  referer_hash_bucket_size: "64",
  rewrite_log: "off",
  ssl_ecdh_curve: "auto",
  ssl_protocols: { '1.22': "TLSv1 TLSv1.1 TLSv1.2", '1.30': "TLSv1.2 TLSv1.3" },
  ssl_buffer_size: "16k",
  ssl_verify_client: "off",
  ssl_verify_depth: "1",
  ssl_prefer_server_ciphers: "off",
  ssl_session_cache: "none",
  ssl_session_tickets: "on",
  ssl_session_timeout: "5m",
  ssl_ocsp: "off",
  ssl_ocsp_cache: "off",
  ssl_stapling_verify: "off",
  ssl_early_data: "off",
  ssl_reject_handshake: "off",
  proxy_cookie_domain: "off",
  proxy_cookie_path: "off",
  proxy_cookie_flags: "off",
  proxy_store: "off",
  proxy_store_access: "user:rw",
  proxy_request_buffering: "on",
  proxy_socket_keepalive: "off",
  proxy_send_lowat: "0",
  proxy_headers_hash_max_size: "512",
  proxy_headers_hash_bucket_size: "64",
  proxy_pass_request_body: "on",
  proxy_force_ranges: "off",
  proxy_limit_rate: "0",
  proxy_cache: "off",
  proxy_cache_key: "$scheme$proxy_host$request_uri",
  proxy_cache_min_uses: "1",
  proxy_cache_use_stale: "off",
  proxy_cache_methods: "GET HEAD",
  proxy_cache_lock: "off",
  proxy_cache_lock_timeout: "5s",
  proxy_cache_lock_age: "5s",
  proxy_cache_revalidate: "off",
  proxy_cache_convert_head: "on",
  proxy_cache_background_update: "off",
  proxy_temp_path: "/var/lib/nginx/proxy 1 2",
  proxy_next_upstream_tries: "0",
  proxy_next_upstream_timeout: "0",
  proxy_ssl_session_reuse: "on",
  proxy_ssl_protocols: { '1.22': "TLSv1 TLSv1.1 TLSv1.2", '1.30': "TLSv1.2 TLSv1.3" },
  proxy_ssl_ciphers: "DEFAULT",
  proxy_ssl_name: "$proxy_host",
  proxy_ssl_server_name: "off",
  proxy_ssl_verify: "off",
  proxy_ssl_verify_depth: "1",
  fastcgi_store: "off",
  fastcgi_store_access: "user:rw",
  fastcgi_buffering: "on",
  fastcgi_request_buffering: "on",
  fastcgi_ignore_client_abort: "off",
  fastcgi_socket_keepalive: "off",
  fastcgi_connect_timeout: "60s",
  fastcgi_send_timeout: "60s",
  fastcgi_send_lowat: "0",
  fastcgi_buffer_size: "4k|8k",
  fastcgi_pass_request_headers: "on",
  fastcgi_pass_request_body: "on",
  fastcgi_intercept_errors: "off",
  fastcgi_read_timeout: "60s",
  fastcgi_buffers: "8 4k|8k",
  fastcgi_busy_buffers_size: "8k|16k",
  fastcgi_force_ranges: "off",
  fastcgi_limit_rate: "0",
  fastcgi_cache: "off",
  fastcgi_cache_min_uses: "1",
  fastcgi_cache_use_stale: "off",
  fastcgi_cache_methods: "GET HEAD",
  fastcgi_cache_lock: "off",
  fastcgi_cache_lock_timeout: "5s",
  fastcgi_cache_lock_age: "5s",
  fastcgi_cache_revalidate: "off",
  fastcgi_cache_background_update: "off",
  fastcgi_temp_path: "/var/lib/nginx/fastcgi 1 2",
  fastcgi_max_temp_file_size: "1024m",
  fastcgi_temp_file_write_size: "8k|16k",
  fastcgi_next_upstream: "error timeout",
  fastcgi_next_upstream_tries: "0",
  fastcgi_next_upstream_timeout: "0",
  fastcgi_keep_conn: "off",
  uwsgi_modifier1: "0",
  uwsgi_modifier2: "0",
  uwsgi_store: "off",
  uwsgi_store_access: "user:rw",
  uwsgi_buffering: "on",
  uwsgi_request_buffering: "on",
  uwsgi_ignore_client_abort: "off",
  uwsgi_socket_keepalive: "off",
  uwsgi_connect_timeout: "60s",
  uwsgi_send_timeout: "60s",
  uwsgi_buffer_size: "4k|8k",
  uwsgi_pass_request_headers: "on",
  uwsgi_pass_request_body: "on",
  uwsgi_intercept_errors: "off",
  uwsgi_read_timeout: "60s",
  uwsgi_buffers: "8 4k|8k",
  uwsgi_busy_buffers_size: "8k|16k",
  uwsgi_force_ranges: "off",
  uwsgi_limit_rate: "0",
  uwsgi_cache: "off",
  uwsgi_cache_min_uses: "1",
  uwsgi_cache_use_stale: "off",
  uwsgi_cache_methods: "GET HEAD",
  uwsgi_cache_lock: "off",
  uwsgi_cache_lock_timeout: "5s",
  uwsgi_cache_lock_age: "5s",
  uwsgi_cache_revalidate: "off",
  uwsgi_cache_background_update: "off",
  uwsgi_temp_path: "/var/lib/nginx/uwsgi 1 2",
  uwsgi_max_temp_file_size: "1024m",
  uwsgi_temp_file_write_size: "8k|16k",
  uwsgi_next_upstream: "error timeout",
  uwsgi_next_upstream_tries: "0",
  uwsgi_next_upstream_timeout: "0",
  uwsgi_ssl_session_reuse: "on",
  uwsgi_ssl_protocols: { '1.22': "TLSv1 TLSv1.1 TLSv1.2", '1.30': "TLSv1.2 TLSv1.3" },
  uwsgi_ssl_ciphers: "DEFAULT",
  uwsgi_ssl_name: "host from uwsgi_pass",
  uwsgi_ssl_server_name: "off",
  uwsgi_ssl_verify: "off",
  uwsgi_ssl_verify_depth: "1",
  scgi_store: "off",
  scgi_store_access: "user:rw",
  scgi_buffering: "on",
  scgi_request_buffering: "on",
  scgi_ignore_client_abort: "off",
  scgi_socket_keepalive: "off",
  scgi_connect_timeout: "60s",
  scgi_send_timeout: "60s",
  scgi_buffer_size: "4k|8k",
  scgi_pass_request_headers: "on",
  scgi_pass_request_body: "on",
  scgi_intercept_errors: "off",
  scgi_read_timeout: "60s",
  scgi_buffers: "8 4k|8k",
  scgi_busy_buffers_size: "8k|16k",
  scgi_force_ranges: "off",
  scgi_limit_rate: "0",
  scgi_cache: "off",
  scgi_cache_min_uses: "1",
  scgi_cache_use_stale: "off",
  scgi_cache_methods: "GET HEAD",
  scgi_cache_lock: "off",
  scgi_cache_lock_timeout: "5s",
  scgi_cache_lock_age: "5s",
  scgi_cache_revalidate: "off",
  scgi_cache_background_update: "off",
  scgi_temp_path: "/var/lib/nginx/scgi 1 2",
  scgi_max_temp_file_size: "1024m",
  scgi_temp_file_write_size: "8k|16k",
  scgi_next_upstream: "error timeout",
  scgi_next_upstream_tries: "0",
  scgi_next_upstream_timeout: "0",
  grpc_socket_keepalive: "off",
  grpc_connect_timeout: "60s",
  grpc_send_timeout: "60s",
  grpc_intercept_errors: "off",
  grpc_buffer_size: "4k|8k",
  grpc_read_timeout: "60s",
  grpc_next_upstream: "error timeout",
  grpc_next_upstream_tries: "0",
  grpc_next_upstream_timeout: "0",
  grpc_ssl_session_reuse: "on",
  grpc_ssl_protocols: { '1.22': "TLSv1 TLSv1.1 TLSv1.2", '1.30': "TLSv1.2 TLSv1.3" },
  grpc_ssl_ciphers: "DEFAULT",
  grpc_ssl_name: "host from grpc_pass",
  grpc_ssl_server_name: "off",
  grpc_ssl_verify: "off",
  grpc_ssl_verify_depth: "1",
  memcached_socket_keepalive: "off",
  memcached_connect_timeout: "60s",
  memcached_send_timeout: "60s",
  memcached_buffer_size: "4k|8k",
  memcached_read_timeout: "60s",
  memcached_next_upstream: "error timeout",
  memcached_next_upstream_tries: "0",
  memcached_next_upstream_timeout: "0",
  memcached_gzip_flag: "0",
  mp4_buffer_size: "512K",
  mp4_max_buffer_size: "10M",
  mp4_start_key_frame: "off",
  gzip: "off",
  gzip_buffers: "32 4k|16 8k",
  gzip_types: "text/html",
  gzip_comp_level: "1",
  gzip_window: "32k",
  gzip_hash: "64k",
  postpone_gzipping: "0",
  gzip_no_buffer: "off",
  gzip_min_length: "20",
  ssi: "off",
  ssi_silent_errors: "off",
  ssi_ignore_recycled_buffers: "off",
  ssi_min_file_chunk: "1k",
  ssi_value_length: "255",
  ssi_types: "text/html",
  ssi_last_modified: "off",
  charset: "off",
  override_charset: "off",
  charset_types: "text/html text/xml text/plain text/vnd.wap.wml application/javascript application/rss+xml",
  sub_filter_types: "text/html",
  sub_filter_once: "on",
  sub_filter_last_modified: "off",
  addition_types: "text/html",
  gunzip: "off",
  gunzip_buffers: "32 4k|16 8k",
  userid: "off",
  userid_name: "uid",
  userid_path: "/",
  userid_expires: "off",
  userid_flags: "off",
  userid_mark: "off",
  expires: "off",
  output_buffers: "2 32k",
  slice: "0",
  ssl_object_cache_inheritable: { '1.22': null, '1.30': "on" },
  keepalive_min_timeout: { '1.22': null, '1.30': "0" },
  http2: { '1.22': null, '1.30': "off" },
  ssl_certificate_cache: { '1.22': null, '1.30': "off" },
  ssl_certificate_compression: { '1.22': null, '1.30': "off" },
  proxy_pass_trailers: { '1.22': null, '1.30': "off" },
  proxy_ssl_certificate_cache: { '1.22': null, '1.30': "off" },
  uwsgi_ssl_certificate_cache: { '1.22': null, '1.30': "off" },
  grpc_ssl_certificate_cache: { '1.22': null, '1.30': "off" },
  add_header_inherit: { '1.22': null, '1.30': "on" },
  add_trailer_inherit: { '1.22': null, '1.30': "on" },
  ancient_browser_value: "1",
  modern_browser_value: "1",
  userid_domain: "none",
  userid_p3p: "none",
  fastcgi_param: { '1.22': null, '1.30': "HTTP_HOST $host$is_request_port$request_port" },
  scgi_param: { '1.22': null, '1.30': "HTTP_HOST $host$is_request_port$request_port" },
  uwsgi_param: { '1.22': null, '1.30': "HTTP_HOST $host$is_request_port$request_port" },
  grpc_set_header: "Content-Length $content_length",
  log_format: "combined \"...\"",
  http2_idle_timeout: "3m",
  http2_max_concurrent_pushes: "10",
  http2_max_field_size: "4k",
  http2_max_header_size: "16k",
  http2_max_requests: "1000",
  http2_push: "off",
  http2_push_preload: "off",
  http2_recv_timeout: "30s",
}
