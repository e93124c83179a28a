/**
 * Debian's nginx build, as nginx's configure scripts would lay it out: the statically linked
 * modules in the order of the `ngx_modules[]` array configure writes to objs/ngx_modules.c
 * (the order ngx_conf_handler searches a directive in), and the macros that decide which
 * entries of a command table are compiled.
 *
 * Debian bookworm's package (nginx -V) is configured with
 *   --with-compat --with-debug --with-pcre-jit --with-threads --with-http_ssl_module
 *   --with-http_stub_status_module --with-http_realip_module --with-http_auth_request_module
 *   --with-http_v2_module --with-http_dav_module --with-http_slice_module
 *   --with-http_addition_module --with-http_flv_module --with-http_gunzip_module
 *   --with-http_gzip_static_module --with-http_mp4_module --with-http_random_index_module
 *   --with-http_secure_link_module --with-http_sub_module --with-mail_ssl_module
 *   --with-stream_ssl_module --with-stream_ssl_preread_module --with-stream_realip_module
 * and builds geoip, image_filter, perl, xslt, mail and stream as dynamic modules, which are
 * not in the static table.
 *
 * The order follows nginx's auto/sources (CORE_MODULES, EVENT_MODULES), auto/os/linux (epoll)
 * and auto/modules: CORE_MODULES gets ngx_openssl_module (and, from 1.27.2,
 * ngx_openssl_cache_module) and ngx_regex_module appended; then EVENT_MODULES, the thread pool
 * module (USE_THREADS), HTTP_MODULES in the order auto/modules adds them, and
 * HTTP_FILTER_MODULES. auto/module appends each statically linked module to its type's list,
 * so the order is the order of the blocks in auto/modules. A module whose source file or
 * `ngx_module_t` definition is missing from a release is not in that release's build.
 * Checked against the objs/ngx_modules.c and objs/ngx_auto_config.h that auto/configure writes
 * for these options at release-1.22.1 and release-1.30.4 (configured without PCRE for the check,
 * so the places of ngx_regex_module and ngx_http_rewrite_module are auto/modules' alone).
 */

export interface BuildModule {
  name: string
  /** The source file that defines the module (and its command table). */
  file: string
}

export const DEBIAN_MODULES: readonly BuildModule[] = [
  // auto/sources CORE_MODULES, then auto/modules' CORE additions (USE_OPENSSL, USE_PCRE).
  { name: 'ngx_core_module', file: 'src/core/nginx.c' },
  { name: 'ngx_errlog_module', file: 'src/core/ngx_log.c' },
  { name: 'ngx_conf_module', file: 'src/core/ngx_conf_file.c' },
  { name: 'ngx_openssl_module', file: 'src/event/ngx_event_openssl.c' },
  { name: 'ngx_openssl_cache_module', file: 'src/event/ngx_event_openssl_cache.c' },
  { name: 'ngx_regex_module', file: 'src/core/ngx_regex.c' },
  // auto/sources EVENT_MODULES, auto/os/linux EPOLL_MODULE.
  { name: 'ngx_events_module', file: 'src/event/ngx_event.c' },
  { name: 'ngx_event_core_module', file: 'src/event/ngx_event.c' },
  { name: 'ngx_epoll_module', file: 'src/event/modules/ngx_epoll_module.c' },
  // --with-threads: THREAD_POOL_MODULE, after the event modules.
  { name: 'ngx_thread_pool_module', file: 'src/core/ngx_thread_pool.c' },
  // HTTP_MODULES.
  { name: 'ngx_http_module', file: 'src/http/ngx_http.c' },
  { name: 'ngx_http_core_module', file: 'src/http/ngx_http_core_module.c' },
  { name: 'ngx_http_log_module', file: 'src/http/modules/ngx_http_log_module.c' },
  { name: 'ngx_http_upstream_module', file: 'src/http/ngx_http_upstream.c' },
  { name: 'ngx_http_v2_module', file: 'src/http/v2/ngx_http_v2_module.c' },
  { name: 'ngx_http_static_module', file: 'src/http/modules/ngx_http_static_module.c' },
  { name: 'ngx_http_gzip_static_module', file: 'src/http/modules/ngx_http_gzip_static_module.c' },
  { name: 'ngx_http_dav_module', file: 'src/http/modules/ngx_http_dav_module.c' },
  { name: 'ngx_http_autoindex_module', file: 'src/http/modules/ngx_http_autoindex_module.c' },
  { name: 'ngx_http_index_module', file: 'src/http/modules/ngx_http_index_module.c' },
  { name: 'ngx_http_random_index_module', file: 'src/http/modules/ngx_http_random_index_module.c' },
  { name: 'ngx_http_mirror_module', file: 'src/http/modules/ngx_http_mirror_module.c' },
  { name: 'ngx_http_try_files_module', file: 'src/http/modules/ngx_http_try_files_module.c' },
  { name: 'ngx_http_auth_request_module', file: 'src/http/modules/ngx_http_auth_request_module.c' },
  { name: 'ngx_http_auth_basic_module', file: 'src/http/modules/ngx_http_auth_basic_module.c' },
  { name: 'ngx_http_access_module', file: 'src/http/modules/ngx_http_access_module.c' },
  { name: 'ngx_http_limit_conn_module', file: 'src/http/modules/ngx_http_limit_conn_module.c' },
  { name: 'ngx_http_limit_req_module', file: 'src/http/modules/ngx_http_limit_req_module.c' },
  { name: 'ngx_http_realip_module', file: 'src/http/modules/ngx_http_realip_module.c' },
  { name: 'ngx_http_geo_module', file: 'src/http/modules/ngx_http_geo_module.c' },
  { name: 'ngx_http_map_module', file: 'src/http/modules/ngx_http_map_module.c' },
  { name: 'ngx_http_split_clients_module', file: 'src/http/modules/ngx_http_split_clients_module.c' },
  { name: 'ngx_http_referer_module', file: 'src/http/modules/ngx_http_referer_module.c' },
  { name: 'ngx_http_rewrite_module', file: 'src/http/modules/ngx_http_rewrite_module.c' },
  { name: 'ngx_http_ssl_module', file: 'src/http/modules/ngx_http_ssl_module.c' },
  { name: 'ngx_http_proxy_module', file: 'src/http/modules/ngx_http_proxy_module.c' },
  { name: 'ngx_http_fastcgi_module', file: 'src/http/modules/ngx_http_fastcgi_module.c' },
  { name: 'ngx_http_uwsgi_module', file: 'src/http/modules/ngx_http_uwsgi_module.c' },
  { name: 'ngx_http_scgi_module', file: 'src/http/modules/ngx_http_scgi_module.c' },
  { name: 'ngx_http_grpc_module', file: 'src/http/modules/ngx_http_grpc_module.c' },
  { name: 'ngx_http_proxy_v2_module', file: 'src/http/modules/ngx_http_proxy_v2_module.c' },
  { name: 'ngx_http_memcached_module', file: 'src/http/modules/ngx_http_memcached_module.c' },
  { name: 'ngx_http_empty_gif_module', file: 'src/http/modules/ngx_http_empty_gif_module.c' },
  { name: 'ngx_http_browser_module', file: 'src/http/modules/ngx_http_browser_module.c' },
  { name: 'ngx_http_secure_link_module', file: 'src/http/modules/ngx_http_secure_link_module.c' },
  { name: 'ngx_http_flv_module', file: 'src/http/modules/ngx_http_flv_module.c' },
  { name: 'ngx_http_mp4_module', file: 'src/http/modules/ngx_http_mp4_module.c' },
  { name: 'ngx_http_upstream_hash_module', file: 'src/http/modules/ngx_http_upstream_hash_module.c' },
  { name: 'ngx_http_upstream_ip_hash_module', file: 'src/http/modules/ngx_http_upstream_ip_hash_module.c' },
  { name: 'ngx_http_upstream_least_conn_module', file: 'src/http/modules/ngx_http_upstream_least_conn_module.c' },
  { name: 'ngx_http_upstream_random_module', file: 'src/http/modules/ngx_http_upstream_random_module.c' },
  { name: 'ngx_http_upstream_keepalive_module', file: 'src/http/modules/ngx_http_upstream_keepalive_module.c' },
  { name: 'ngx_http_upstream_zone_module', file: 'src/http/modules/ngx_http_upstream_zone_module.c' },
  { name: 'ngx_http_upstream_sticky_module', file: 'src/http/modules/ngx_http_upstream_sticky_module.c' },
  { name: 'ngx_http_stub_status_module', file: 'src/http/modules/ngx_http_stub_status_module.c' },
  // HTTP_FILTER_MODULES.
  { name: 'ngx_http_write_filter_module', file: 'src/http/ngx_http_write_filter_module.c' },
  { name: 'ngx_http_header_filter_module', file: 'src/http/ngx_http_header_filter_module.c' },
  { name: 'ngx_http_chunked_filter_module', file: 'src/http/modules/ngx_http_chunked_filter_module.c' },
  { name: 'ngx_http_v2_filter_module', file: 'src/http/v2/ngx_http_v2_filter_module.c' },
  { name: 'ngx_http_range_header_filter_module', file: 'src/http/modules/ngx_http_range_filter_module.c' },
  { name: 'ngx_http_gzip_filter_module', file: 'src/http/modules/ngx_http_gzip_filter_module.c' },
  { name: 'ngx_http_postpone_filter_module', file: 'src/http/ngx_http_postpone_filter_module.c' },
  { name: 'ngx_http_ssi_filter_module', file: 'src/http/modules/ngx_http_ssi_filter_module.c' },
  { name: 'ngx_http_charset_filter_module', file: 'src/http/modules/ngx_http_charset_filter_module.c' },
  { name: 'ngx_http_sub_filter_module', file: 'src/http/modules/ngx_http_sub_filter_module.c' },
  { name: 'ngx_http_addition_filter_module', file: 'src/http/modules/ngx_http_addition_filter_module.c' },
  { name: 'ngx_http_gunzip_filter_module', file: 'src/http/modules/ngx_http_gunzip_filter_module.c' },
  { name: 'ngx_http_userid_filter_module', file: 'src/http/modules/ngx_http_userid_filter_module.c' },
  { name: 'ngx_http_headers_filter_module', file: 'src/http/modules/ngx_http_headers_filter_module.c' },
  { name: 'ngx_http_copy_filter_module', file: 'src/http/ngx_http_copy_filter_module.c' },
  { name: 'ngx_http_range_body_filter_module', file: 'src/http/modules/ngx_http_range_filter_module.c' },
  { name: 'ngx_http_not_modified_filter_module', file: 'src/http/modules/ngx_http_not_modified_filter_module.c' },
  { name: 'ngx_http_slice_filter_module', file: 'src/http/modules/ngx_http_slice_filter_module.c' },
]

/**
 * Macros that decide command-table entries, as configure sets them for this build on Linux
 * (objs/ngx_auto_config.h); the extractor refuses a macro listed in neither set.
 */
export const DEBIAN_MACROS = {
  defined: {
    NGX_LINUX: 1,
    NGX_COMPAT: 1, // --with-compat
    NGX_DEBUG: 1, // --with-debug
    NGX_PCRE: 1,
    NGX_SSL: 1, // USE_OPENSSL (--with-http_ssl_module)
    NGX_OPENSSL: 1,
    NGX_THREADS: 1, // --with-threads
    NGX_HAVE_OPENAT: 1, // auto/unix: openat(), Linux
    NGX_HAVE_EPOLL: 1,
    NGX_HTTP_CACHE: 1, // HTTP_CACHE=YES by default
    NGX_HTTP_SSL: 1,
    NGX_HTTP_V2: 1, // --with-http_v2_module
    NGX_HTTP_GZIP: 1, // gzip, gzip_static and gunzip modules
    NGX_HTTP_SSI: 1,
    NGX_HTTP_DAV: 1, // --with-http_dav_module
    NGX_HTTP_REALIP: 1, // --with-http_realip_module
    NGX_HTTP_X_FORWARDED_FOR: 1,
    NGX_HTTP_HEADERS: 1,
    NGX_HTTP_UPSTREAM_ZONE: 1, // HTTP_UPSTREAM_ZONE=YES by default
  } as Record<string, number>,
  /** Not defined: no --with-file-aio, no --with-http_v3_module, no degradation module. */
  undefined: [
    'NGX_HAVE_FILE_AIO',
    'NGX_HTTP_V3',
    'NGX_QUIC',
    'NGX_HTTP_DEGRADATION',
    'NGX_WIN32',
    'NGX_HAVE_DEVPOLL',
    'NGX_HAVE_EVENTPORT',
  ] as readonly string[],
}
