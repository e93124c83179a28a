/**
 * What Upgrade Lab does with each directive nginx knows (every name of the generated catalogs
 * of the modelled release lines, generated/commands-*.ts):
 * - `modelled`: the runtime acts on it (compile.ts settingsOf, the upstream and map tables,
 *   the listeners and server names, the rewrite steps);
 * - `inert`: it changes nothing the lab could show (performance, processes, files the lab
 *   does not have); `why` says so in one sentence;
 * - `not-modelled`: nginx would change what a learner sees and the lab does not; `why`
 *   completes "Upgrade Lab checks this directive as nginx does but does not run it: ".
 * Every directive is checked as nginx checks it, whatever its state here.
 * A name shared by two modules (`server`, `keepalive_timeout`…) has one state: the one of
 * the directive a learner meets first (http core before upstream).
 */

export interface LabWhy {
  en: string
  zh: string
}

export type LabState =
  | { state: 'modelled' }
  | { state: 'inert'; why: LabWhy }
  | { state: 'not-modelled'; why: LabWhy }

const MODELLED: LabState = { state: 'modelled' }

function inert(en: string, zh: string): LabState {
  return { state: 'inert', why: { en, zh } }
}

function notModelled(en: string, zh: string): LabState {
  return { state: 'not-modelled', why: { en, zh } }
}

/** Rows of the table: space-separated names sharing one state. */
type Group = [names: string, state: LabState]

const PERFORMANCE = inert(
  'Performance only: it changes how fast or with how much memory nginx works, not what it sends.',
  '只影响性能：改变的是 nginx 的速度或内存用量，而不是它发送的内容。',
)
const HASH_SIZE = inert(
  'Sizes of an internal lookup table: they only decide whether nginx can start, which the check already does.',
  '内部查找表的大小：只决定 nginx 能否启动，这一点检查时已经做了。',
)
const PROCESSES = inert(
  'About nginx\'s processes and the operating system; the lab runs no worker processes.',
  '关于 nginx 的进程和操作系统；实验室不运行 worker 进程。',
)
const TEMP_FILES = inert(
  'Where and how nginx keeps temporary files; what the client receives is the same.',
  '决定 nginx 把临时文件放在哪里、如何存放；客户端收到的内容不变。',
)
const FILE_CACHE = inert(
  'Caches file descriptors and file information, not responses: what is sent is the same.',
  '缓存的是文件描述符和文件信息，不是响应：发送的内容不变。',
)
const TLS_SPEED = inert(
  'Only makes TLS handshakes cheaper or faster; the same requests succeed with the same answers.',
  '只让 TLS 握手更省资源或更快；同样的请求得到同样的结果。',
)

function family(prefix: string, protocol: string, zhProtocol: string, names: string): Group {
  return [
    names.split(/\s+/).filter(Boolean).map((n) => prefix + n).join(' '),
    notModelled(
      `nginx would pass the request to a ${protocol} server; the lab only proxies HTTP (proxy_pass).`,
      `nginx 会把请求交给 ${zhProtocol} 服务器；实验室只代理 HTTP（proxy_pass）。`,
    ),
  ]
}

/** The parts of a generic upstream module (fastcgi_, uwsgi_, scgi_…) that all share. */
const UPSTREAM_FAMILY = `pass bind socket_keepalive connect_timeout send_timeout buffer_size read_timeout
  next_upstream next_upstream_tries next_upstream_timeout`
const BUFFERED_FAMILY = `${UPSTREAM_FAMILY} store store_access buffering request_buffering ignore_client_abort
  pass_request_headers pass_request_body intercept_errors buffers busy_buffers_size force_ranges limit_rate
  cache cache_key cache_path cache_bypass no_cache cache_valid cache_min_uses cache_max_range_offset
  cache_use_stale cache_methods cache_lock cache_lock_timeout cache_lock_age cache_revalidate
  cache_background_update temp_path max_temp_file_size temp_file_write_size param pass_header hide_header
  ignore_headers`
const UPSTREAM_SSL = `ssl_session_reuse ssl_protocols ssl_ciphers ssl_name ssl_server_name ssl_verify
  ssl_verify_depth ssl_trusted_certificate ssl_crl ssl_certificate ssl_certificate_key ssl_password_file
  ssl_conf_command ssl_certificate_cache`

const GROUPS: Group[] = [
  // The main context: processes, files and the operating system.
  [`daemon master_process timer_resolution pid lock_file worker_processes debug_points user worker_priority
    worker_cpu_affinity worker_rlimit_nofile worker_rlimit_core worker_shutdown_timeout working_directory env
    thread_pool`, PROCESSES],
  ['load_module', inert(
    'Loads a dynamic module; the lab models nginx without any, so the check refuses it as nginx would without the file.',
    '加载动态模块；实验室模拟的是不带任何动态模块的 nginx，所以检查会像 nginx 找不到文件时那样拒绝它。',
  )],
  ['pcre_jit', inert(
    'Compiles regexes to machine code: faster matching, same results (only PCRE\'s limits on pathological patterns differ).',
    '把正则表达式编译成机器码：匹配更快，结果相同（只有病态正则触及 PCRE 限制时的表现不同）。',
  )],
  ['ssl_engine', inert(
    'Names a hardware crypto engine; the bytes on the wire are the same.',
    '指定硬件加密引擎；线路上的字节不变。',
  )],
  ['error_log include http server location listen server_name', MODELLED],

  // events { }
  ['events', inert(
    'A block nginx requires; its settings tune how workers accept connections, which the lab does not need.',
    'nginx 必需的块；里面的设置调整 worker 如何接受连接，实验室用不到。',
  )],
  ['use multi_accept accept_mutex accept_mutex_delay epoll_events worker_aio_requests', PROCESSES],
  ['worker_connections', notModelled(
    'once a worker holds this many connections (a proxied WebSocket counts twice: client and backend), nginx accepts no more and logs "worker_connections are not enough".',
    '当一个 worker 持有的连接达到这个数（每条被代理的 WebSocket 算两条：客户端和后端），nginx 不再接受新连接，并记录 "worker_connections are not enough"。',
  )],
  ['debug_connection', notModelled(
    'nginx would write debug-level error log lines for connections from these addresses.',
    'nginx 会为来自这些地址的连接写 debug 级别的错误日志。',
  )],

  // http core: what the runtime reads.
  [`client_header_timeout client_header_buffer_size large_client_header_buffers client_max_body_size
    client_body_timeout types default_type root send_timeout keepalive_timeout keepalive_requests
    recursive_error_pages error_page index ignore_invalid_headers underscores_in_headers`, MODELLED],
  [`variables_hash_max_size variables_hash_bucket_size server_names_hash_max_size server_names_hash_bucket_size
    types_hash_max_size types_hash_bucket_size map_hash_max_size map_hash_bucket_size referer_hash_max_size
    referer_hash_bucket_size proxy_headers_hash_max_size proxy_headers_hash_bucket_size`, HASH_SIZE],
  [`connection_pool_size request_pool_size client_body_buffer_size client_body_in_single_buffer sendfile
    sendfile_max_chunk subrequest_output_buffer_size aio aio_write read_ahead directio directio_alignment
    tcp_nopush tcp_nodelay send_lowat postpone_output output_buffers`, PERFORMANCE],
  ['client_body_temp_path client_body_in_file_only', TEMP_FILES],
  ['open_file_cache open_file_cache_valid open_file_cache_min_uses open_file_cache_errors open_file_cache_events open_log_file_cache', FILE_CACHE],
  ['disable_symlinks', inert(
    'Refuses files reached through symbolic links; the lab\'s files have none.',
    '拒绝经由符号链接访问的文件；实验室的文件里没有符号链接。',
  )],
  ['lingering_close lingering_time lingering_timeout', inert(
    'Only how nginx drains what a client still sends before closing; the answer the client gets is the same.',
    '只决定 nginx 在关闭前如何读掉客户端仍在发送的数据；客户端得到的回答不变。',
  )],
  ['log_subrequest', inert(
    'Logs subrequests; the lab runs none (they come from modules it does not model).',
    '记录子请求；实验室不产生子请求（它们来自实验室未模拟的模块）。',
  )],
  ['keepalive_min_timeout', inert(
    'Protects idle keep-alive connections when nginx reuses connections under load or shuts workers down, neither of which the lab does.',
    '在 nginx 高负载复用连接或关闭 worker 时保护空闲的长连接，这两种情况实验室都不会发生。',
  )],
  ['merge_slashes', notModelled(
    'with `off`, nginx would keep `//` in the URI when matching locations; the lab always merges them.',
    '设为 off 时，nginx 匹配 location 时会保留 URI 中的 `//`；实验室总是合并它们。',
  )],
  ['alias', notModelled(
    'nginx would serve files from this folder in place of the location prefix; the lab serves static files from `root` only.',
    'nginx 会用这个目录替换 location 前缀来提供文件；实验室只按 root 提供静态文件。',
  )],
  ['try_files', notModelled(
    'nginx would look for each file in turn and serve the first that exists, or redirect to the last argument (a URI, a named location or =code).',
    'nginx 会依次查找各个文件并返回第一个存在的，否则跳转到最后一个参数（URI、命名 location 或 =状态码）。',
  )],
  ['internal', notModelled(
    'nginx would answer 404 to a client asking for this location directly; only internal redirects (error_page, rewrite…) could reach it.',
    '客户端直接请求这个 location 时 nginx 会返回 404；只有内部跳转（error_page、rewrite 等）能到达它。',
  )],
  ['limit_except', notModelled(
    'nginx would apply the block\'s access rules (allow, deny, auth_basic) to every method not listed, usually answering 403.',
    'nginx 会对未列出的请求方法执行块内的访问规则（allow、deny、auth_basic），通常返回 403。',
  )],
  ['limit_rate limit_rate_after', notModelled(
    'nginx would slow the response down to this many bytes per second.',
    'nginx 会把响应的发送速度限制在每秒这么多字节。',
  )],
  ['keepalive_time', notModelled(
    'nginx would close a keep-alive connection once it has lived this long, after the request in progress.',
    '长连接存活超过这个时间后，nginx 会在当前请求结束后关闭它。',
  )],
  ['keepalive_disable', notModelled(
    'nginx would turn keep-alive off for the listed browsers (by User-Agent) and close after each answer.',
    'nginx 会对列出的浏览器（按 User-Agent 判断）关闭长连接，每次响应后断开。',
  )],
  ['satisfy', notModelled(
    'nginx would combine the access checks (allow/deny, auth_basic, auth_request) with `all` or `any`; the lab runs none of them.',
    'nginx 会用 all 或 any 组合各项访问检查（allow/deny、auth_basic、auth_request）；实验室一项都不执行。',
  )],
  ['auth_delay', notModelled(
    'nginx would wait this long before answering 401 to a request that failed authentication.',
    'nginx 在对认证失败的请求返回 401 之前会先等待这么久。',
  )],
  ['reset_timedout_connection', notModelled(
    'nginx would reset (TCP RST) a connection that timed out instead of closing it normally; the client sees a reset.',
    'nginx 会对超时的连接发送 TCP RST 而不是正常关闭；客户端看到的是连接被重置。',
  )],
  ['absolute_redirect server_name_in_redirect port_in_redirect', notModelled(
    'nginx would change how it writes the Location of its own redirects (relative, or with another host name or port); the lab always writes an absolute URL with the request\'s host and the port it arrived on.',
    'nginx 会改变自身重定向中 Location 的写法（相对地址，或换用别的主机名、端口）；实验室总是写成绝对地址，使用请求的主机名和请求到达的端口。',
  )],
  ['msie_padding msie_refresh', notModelled(
    'nginx would change its answers to Internet Explorer clients (padding error pages, Refresh instead of redirects).',
    'nginx 会改变给 Internet Explorer 客户端的回答（填充错误页，用 Refresh 代替重定向）。',
  )],
  ['log_not_found', notModelled(
    'with `off`, nginx would stop logging missing files in the error log; the lab always logs them.',
    '设为 off 时，nginx 不再在错误日志里记录找不到的文件；实验室总是记录。',
  )],
  ['server_tokens', notModelled(
    'nginx would leave its version out of the Server header and error pages (`off`) or set them from a string; the lab always shows the version ("nginx/1.22.1").',
    'nginx 会在 Server 头和错误页中隐藏版本号（off）或使用自定义内容；实验室总是显示版本号（"nginx/1.22.1"）。',
  )],
  ['if_modified_since etag', notModelled(
    'nginx would answer a matching If-Modified-Since or If-None-Match with 304 Not Modified and no body.',
    '请求带有匹配的 If-Modified-Since 或 If-None-Match 时，nginx 会返回不带正文的 304 Not Modified。',
  )],
  ['max_ranges', notModelled(
    'nginx would limit how many byte ranges a Range request may ask for; the lab serves whole files.',
    'nginx 会限制一个 Range 请求能要求的字节范围数量；实验室总是返回整个文件。',
  )],
  ['chunked_transfer_encoding', notModelled(
    'with `off`, nginx would not send chunked answers to HTTP/1.1 clients (it closes the connection to end the body instead).',
    '设为 off 时，nginx 不会向 HTTP/1.1 客户端发送分块响应（改为关闭连接来结束正文）。',
  )],
  ['post_action', notModelled(
    'nginx would send a subrequest to this URI once the answer is complete.',
    '响应完成后，nginx 会向这个 URI 发一个子请求。',
  )],
  ['resolver resolver_timeout', notModelled(
    'nginx would resolve host names at request time (proxy_pass with variables); the lab answers 502 "no resolver defined" as if none were set.',
    'nginx 会在处理请求时解析主机名（带变量的 proxy_pass）；实验室当作没有配置 resolver，返回 502 "no resolver defined"。',
  )],
  ['max_headers', notModelled(
    'nginx would answer 400 to a request with more header lines than this.',
    '请求头行数超过这个值时，nginx 会返回 400。',
  )],
  ['early_hints', notModelled(
    'nginx would pass the backend\'s 103 Early Hints answers on to the client.',
    'nginx 会把后端的 103 Early Hints 响应转发给客户端。',
  )],

  // HTTP/2.
  [`http2 http2_max_concurrent_streams http2_max_concurrent_pushes http2_max_requests http2_max_field_size
    http2_max_header_size http2_recv_timeout http2_idle_timeout http2_push http2_push_preload`, notModelled(
    'nginx would speak HTTP/2 with clients that ask for it (and apply its limits); the lab speaks HTTP/1.x only. nginx proxies WebSockets with HTTP/1.1\'s Upgrade only, in any case.',
    'nginx 会与支持的客户端使用 HTTP/2（并执行相关限制）；实验室只使用 HTTP/1.x。无论如何，nginx 都只通过 HTTP/1.1 的 Upgrade 机制代理 WebSocket。',
  )],
  ['http2_recv_buffer_size http2_pool_size http2_body_preread_size http2_streams_index_size http2_chunk_size', PERFORMANCE],

  // Upstream groups and balancing.
  ['upstream keepalive ip_hash least_conn hash', MODELLED],
  ['random sticky', notModelled(
    'nginx would choose backends another way (at random, or by a session cookie or route); the lab balances round-robin unless ip_hash, hash or least_conn is set.',
    'nginx 会换一种方式选择后端（随机，或按会话 cookie、路由）；实验室除非设置了 ip_hash、hash 或 least_conn，否则都按轮询分配。',
  )],
  ['zone', inert(
    'Shares an upstream group\'s state between worker processes; the lab has a single one, which already shares it.',
    '在多个 worker 进程之间共享上游组的状态；实验室只有一个进程，状态本来就是共享的。',
  )],

  // Logs, maps, rewrite, headers.
  ['log_format access_log map', MODELLED],
  ['rewrite return break if set add_header uninitialized_variable_warn', MODELLED],
  ['rewrite_log', notModelled(
    'nginx would log each rewrite\'s regex match at notice level in the error log.',
    'nginx 会在错误日志中以 notice 级别记录每条 rewrite 的正则匹配结果。',
  )],
  ['expires', notModelled(
    'nginx would add Expires and Cache-Control headers to answers.',
    'nginx 会在响应中加上 Expires 和 Cache-Control 头。',
  )],
  ['add_trailer add_trailer_inherit', notModelled(
    'nginx would add trailer fields at the end of chunked answers.',
    'nginx 会在分块响应的末尾加上 trailer 字段。',
  )],
  ['add_header_inherit', notModelled(
    'nginx would change how add_header lists are inherited: merged with the outer blocks\' lists, or not inherited at all.',
    'nginx 会改变 add_header 列表的继承方式：与外层块的列表合并，或完全不继承。',
  )],

  // TLS.
  ['ssl_certificate ssl_certificate_key', MODELLED],
  ['ssl', notModelled(
    'nginx would make every address of the server TLS; the lab only serves TLS on `listen … ssl`.',
    'nginx 会让该 server 的所有监听地址都使用 TLS；实验室只在 `listen … ssl` 上提供 TLS。',
  )],
  ['ssl_protocols ssl_ciphers ssl_prefer_server_ciphers ssl_dhparam ssl_ecdh_curve ssl_conf_command', notModelled(
    'nginx would limit the TLS versions and ciphers it agrees to, so some clients would fail the handshake; the lab uses Node.js\'s defaults.',
    'nginx 会限制它接受的 TLS 版本和加密套件，一些客户端会因此握手失败；实验室使用 Node.js 的默认设置。',
  )],
  ['ssl_verify_client ssl_verify_depth ssl_client_certificate ssl_trusted_certificate ssl_crl ssl_ocsp ssl_ocsp_responder ssl_ocsp_cache', notModelled(
    'nginx would ask clients for a certificate and check it, answering 400 when one is required and missing or invalid.',
    'nginx 会要求客户端出示证书并验证，要求证书却没有或无效时返回 400。',
  )],
  ['ssl_stapling ssl_stapling_file ssl_stapling_responder ssl_stapling_verify', notModelled(
    'nginx would staple an OCSP response to its certificate in the TLS handshake.',
    'nginx 会在 TLS 握手中附带证书的 OCSP 响应（OCSP stapling）。',
  )],
  ['ssl_early_data', notModelled(
    'nginx would accept TLS 1.3 early data (0-RTT) from clients that resume a session.',
    'nginx 会接受恢复会话的客户端发送的 TLS 1.3 早期数据（0-RTT）。',
  )],
  ['ssl_reject_handshake', notModelled(
    'nginx would refuse TLS handshakes for this server (for unknown names, say) instead of answering.',
    'nginx 会拒绝与这个 server 的 TLS 握手（例如针对未知的主机名），而不是正常应答。',
  )],
  ['ssl_ech_file', notModelled(
    'nginx would accept Encrypted Client Hello, hiding the server name from onlookers.',
    'nginx 会接受加密的 Client Hello（ECH），对旁观者隐藏服务器名。',
  )],
  [`ssl_session_cache ssl_session_tickets ssl_session_ticket_key ssl_session_timeout ssl_buffer_size
    ssl_certificate_cache ssl_certificate_compression ssl_object_cache_inheritable`, TLS_SPEED],
  ['ssl_password_file', inert(
    'Passphrases for encrypted key files; once the key is read, TLS works the same.',
    '加密私钥文件的口令；私钥读取之后，TLS 的行为相同。',
  )],

  // proxy_*: what the runtime reads.
  [`proxy_pass proxy_redirect proxy_ignore_client_abort proxy_connect_timeout proxy_send_timeout
    proxy_intercept_errors proxy_set_header proxy_pass_request_headers proxy_read_timeout proxy_next_upstream
    proxy_pass_header proxy_hide_header proxy_http_version`, MODELLED],
  ['proxy_buffering', notModelled(
    'when on, nginx would read the backend\'s answer into buffers first, so a streamed answer (Server-Sent Events, long polling) can reach the client late and in bursts; the lab passes it on as it arrives. An upgraded WebSocket is never buffered, in nginx or here.',
    '设为 on 时，nginx 会先把后端的响应读进缓冲区，流式响应（Server-Sent Events、长轮询）可能延迟、成批到达客户端；实验室则收到多少就转发多少。升级后的 WebSocket 不论在 nginx 里还是在这里都不会被缓冲。',
  )],
  ['proxy_request_buffering', notModelled(
    'with `off`, nginx would send the request body to the backend as it arrives; the lab always reads it whole first.',
    '设为 off 时，nginx 会边收边把请求体发给后端；实验室总是先读完整个请求体。',
  )],
  ['proxy_buffer_size', notModelled(
    'nginx would answer 502 ("upstream sent too big header") when the backend\'s response head does not fit in this buffer.',
    '后端的响应头放不进这个缓冲区时，nginx 会返回 502（"upstream sent too big header"）。',
  )],
  ['proxy_buffers proxy_busy_buffers_size proxy_send_lowat proxy_socket_keepalive proxy_ssl_session_reuse', PERFORMANCE],
  ['proxy_temp_path proxy_max_temp_file_size proxy_temp_file_write_size', TEMP_FILES],
  ['proxy_store proxy_store_access', inert(
    'Saves copies of backend answers to disk; the answer the client gets is the same.',
    '把后端响应的副本存到磁盘；客户端得到的响应不变。',
  )],
  ['proxy_cookie_domain proxy_cookie_path proxy_cookie_flags', notModelled(
    'nginx would rewrite the domain, path or flags of the backend\'s Set-Cookie headers.',
    'nginx 会改写后端 Set-Cookie 头中的 domain、path 或各个标志。',
  )],
  ['proxy_bind', notModelled(
    'nginx would connect to the backend from this local address (the backend sees it as the client address).',
    'nginx 会从这个本地地址连接后端（后端看到的客户端地址就是它）。',
  )],
  ['proxy_set_body proxy_method proxy_pass_request_body', notModelled(
    'nginx would change the method or the body of the request sent to the backend.',
    'nginx 会改变发给后端的请求方法或请求体。',
  )],
  ['proxy_force_ranges', notModelled(
    'nginx would answer Range requests itself from the backend\'s full answer.',
    'nginx 会根据后端的完整响应自己处理 Range 请求。',
  )],
  ['proxy_limit_rate', notModelled(
    'nginx would read the backend\'s answer no faster than this many bytes per second.',
    'nginx 读取后端响应的速度不超过每秒这么多字节。',
  )],
  [`proxy_cache proxy_cache_key proxy_cache_path proxy_cache_bypass proxy_no_cache proxy_cache_valid
    proxy_cache_min_uses proxy_cache_max_range_offset proxy_cache_use_stale proxy_cache_methods proxy_cache_lock
    proxy_cache_lock_timeout proxy_cache_lock_age proxy_cache_revalidate proxy_cache_convert_head
    proxy_cache_background_update`, notModelled(
    'nginx would cache backend answers and serve later requests from the cache without asking the backend.',
    'nginx 会缓存后端响应，之后的请求直接从缓存返回，不再询问后端。',
  )],
  ['proxy_next_upstream_tries proxy_next_upstream_timeout', notModelled(
    'nginx would stop trying further backends after this many tries or this much time; the lab tries every server of the group.',
    '尝试次数或时间达到上限后，nginx 不再尝试其他后端；实验室会尝试组内的每台服务器。',
  )],
  ['proxy_ignore_headers', notModelled(
    'nginx would ignore the listed backend headers (X-Accel-…, Expires, Cache-Control…) it otherwise acts on.',
    'nginx 会忽略列出的后端响应头（X-Accel-…、Expires、Cache-Control 等），不再据此行事。',
  )],
  [`proxy_ssl_protocols proxy_ssl_ciphers proxy_ssl_name proxy_ssl_server_name proxy_ssl_verify
    proxy_ssl_verify_depth proxy_ssl_trusted_certificate proxy_ssl_crl proxy_ssl_certificate
    proxy_ssl_certificate_key proxy_ssl_password_file proxy_ssl_conf_command proxy_ssl_certificate_cache`, notModelled(
    'nginx would set up TLS to an https:// backend this way (name sent, certificate checks, client certificate), so some connections would fail with 502.',
    'nginx 会按此设置与 https:// 后端的 TLS 连接（发送的名字、证书校验、客户端证书），有些连接会因此失败并返回 502。',
  )],
  ['proxy_pass_trailers', notModelled(
    'nginx would pass the backend\'s trailer fields on to the client.',
    'nginx 会把后端的 trailer 字段转发给客户端。',
  )],

  // Other upstream protocols.
  family('fastcgi_', 'FastCGI', 'FastCGI', `${BUFFERED_FAMILY} index split_path_info catch_stderr keep_conn send_lowat`),
  family('uwsgi_', 'uwsgi', 'uwsgi', `${BUFFERED_FAMILY} modifier1 modifier2 string ${UPSTREAM_SSL}`),
  family('scgi_', 'SCGI', 'SCGI', BUFFERED_FAMILY),
  family('grpc_', 'gRPC', 'gRPC', `${UPSTREAM_FAMILY} intercept_errors set_header pass_header hide_header ignore_headers ${UPSTREAM_SSL}`),
  family('memcached_', 'memcached', 'memcached', `${UPSTREAM_FAMILY} gzip_flag`),

  // Static content modules.
  ['gzip_static', notModelled(
    'nginx would send a precompressed file.gz, with Content-Encoding: gzip, to clients that accept it.',
    'nginx 会向支持压缩的客户端发送预先压缩的 file.gz，并带上 Content-Encoding: gzip。',
  )],
  ['dav_methods create_full_put_path min_delete_depth dav_access', notModelled(
    'nginx would carry out WebDAV methods (PUT, DELETE, MKCOL, COPY, MOVE) on files.',
    'nginx 会对文件执行 WebDAV 方法（PUT、DELETE、MKCOL、COPY、MOVE）。',
  )],
  ['autoindex autoindex_format autoindex_localtime autoindex_exact_size', notModelled(
    'nginx would list a folder\'s files for a URI ending in `/` with no index file; the lab answers 403.',
    '当以 `/` 结尾的 URI 没有索引文件时，nginx 会列出目录中的文件；实验室返回 403。',
  )],
  ['random_index', notModelled(
    'nginx would answer a URI ending in `/` with a random file of the folder.',
    'nginx 会用目录中随机的一个文件回答以 `/` 结尾的 URI。',
  )],
  ['mirror mirror_request_body', notModelled(
    'nginx would send a copy of each request to another location (its answer is ignored): a second backend sees every request.',
    'nginx 会把每个请求复制一份发到另一个 location（忽略其响应）：另一个后端会收到每个请求。',
  )],
  ['empty_gif', notModelled(
    'nginx would answer with a 1×1 transparent GIF.',
    'nginx 会返回一个 1×1 的透明 GIF。',
  )],
  ['flv mp4 mp4_buffer_size mp4_max_buffer_size mp4_start_key_frame', notModelled(
    'nginx would serve video files from a time offset given in the query string (?start=…).',
    'nginx 会按查询串中的时间偏移（?start=…）提供视频文件。',
  )],
  ['stub_status', notModelled(
    'nginx would answer with its connection and request counters.',
    'nginx 会返回它的连接数和请求数统计。',
  )],

  // Access control and limits.
  ['allow deny', notModelled(
    'nginx would answer 403 to clients whose address the rules deny.',
    '对规则拒绝的客户端地址，nginx 会返回 403。',
  )],
  ['auth_basic auth_basic_user_file', notModelled(
    'nginx would ask for a user name and password (401 with WWW-Authenticate) and check them against the file.',
    'nginx 会要求用户名和密码（401 加 WWW-Authenticate），并按文件核对。',
  )],
  ['auth_request auth_request_set', notModelled(
    'nginx would ask another URI whether to let each request through and answer 401 or 403 when it says no.',
    'nginx 会向另一个 URI 询问是否放行每个请求，被拒时返回 401 或 403。',
  )],
  ['limit_conn_zone limit_conn limit_conn_log_level limit_conn_status limit_conn_dry_run', notModelled(
    'nginx would refuse connections past the limit per key (with limit_conn_status): long-lived WebSockets count for as long as they stay open.',
    'nginx 会拒绝超出每个键上限的连接（返回 limit_conn_status）：长期保持的 WebSocket 在打开期间一直计数。',
  )],
  ['limit_req_zone limit_req limit_req_log_level limit_req_status limit_req_dry_run', notModelled(
    'nginx would delay or refuse requests past the rate per key (with limit_req_status).',
    'nginx 会延迟或拒绝超出每个键速率的请求（返回 limit_req_status）。',
  )],
  ['set_real_ip_from real_ip_header real_ip_recursive', notModelled(
    'nginx would take the client address ($remote_addr) from a header such as X-Forwarded-For when the request comes from a trusted proxy.',
    '当请求来自受信任的代理时，nginx 会从 X-Forwarded-For 等请求头中取客户端地址（$remote_addr）。',
  )],
  ['valid_referers', notModelled(
    'nginx would set $invalid_referer from the Referer header, for use in `if` to refuse requests.',
    'nginx 会根据 Referer 头设置 $invalid_referer，供 `if` 拒绝请求时使用。',
  )],
  ['secure_link secure_link_md5 secure_link_secret', notModelled(
    'nginx would check a signed link (hash and expiry in the URL) and set $secure_link from it.',
    'nginx 会校验签名链接（URL 中的哈希和过期时间），并据此设置 $secure_link。',
  )],
  ['modern_browser ancient_browser modern_browser_value ancient_browser_value', notModelled(
    'nginx would set $modern_browser and $ancient_browser from the User-Agent.',
    'nginx 会根据 User-Agent 设置 $modern_browser 和 $ancient_browser。',
  )],

  // Variables of other modules.
  ['geo', notModelled(
    'nginx would set a variable from the client address (by network ranges).',
    'nginx 会根据客户端地址（按网段）给变量赋值。',
  )],
  ['split_clients', notModelled(
    'nginx would set a variable by hashing a key into percentage buckets (A/B testing).',
    'nginx 会把一个键哈希到按百分比划分的分组中来给变量赋值（A/B 测试）。',
  )],
  ['userid userid_service userid_name userid_domain userid_path userid_expires userid_flags userid_p3p userid_mark', notModelled(
    'nginx would set a cookie identifying each client and expose it as $uid_got and $uid_set.',
    'nginx 会设置一个标识客户端的 cookie，并通过 $uid_got 和 $uid_set 提供。',
  )],

  // Filters that change the answer.
  ['gzip gzip_buffers gzip_types gzip_comp_level gzip_window gzip_hash postpone_gzipping gzip_no_buffer gzip_min_length gzip_vary gzip_http_version gzip_proxied gzip_disable', notModelled(
    'nginx would compress answers (Content-Encoding: gzip, no Content-Length) for clients that send Accept-Encoding: gzip; the lab sends them uncompressed. Upgraded WebSocket traffic is never gzipped.',
    '对发送 Accept-Encoding: gzip 的客户端，nginx 会压缩响应（Content-Encoding: gzip，去掉 Content-Length）；实验室发送未压缩的内容。升级后的 WebSocket 流量从不压缩。',
  )],
  ['gunzip gunzip_buffers', notModelled(
    'nginx would decompress gzip answers for clients that do not accept gzip.',
    'nginx 会为不支持 gzip 的客户端解压 gzip 响应。',
  )],
  ['ssi ssi_silent_errors ssi_ignore_recycled_buffers ssi_min_file_chunk ssi_value_length ssi_types ssi_last_modified', notModelled(
    'nginx would run Server Side Includes commands found in answers and replace them with their output.',
    'nginx 会执行响应中的 SSI（服务器端包含）命令，并用其输出替换它们。',
  )],
  ['charset source_charset override_charset charset_types charset_map', notModelled(
    'nginx would add a charset to Content-Type and may convert the body from one charset to another.',
    'nginx 会在 Content-Type 中加上字符集，还可能把正文从一种字符集转换成另一种。',
  )],
  ['sub_filter sub_filter_types sub_filter_once sub_filter_last_modified', notModelled(
    'nginx would replace strings in the body of answers.',
    'nginx 会替换响应正文中的字符串。',
  )],
  ['add_before_body add_after_body addition_types', notModelled(
    'nginx would add the answer of another URI before or after the body.',
    'nginx 会在正文前后加上另一个 URI 的响应。',
  )],
  ['slice', notModelled(
    'nginx would fetch big answers from the backend in slices with Range requests.',
    'nginx 会用 Range 请求分片从后端获取大的响应。',
  )],
]

function build(groups: readonly Group[]): Readonly<Record<string, LabState>> {
  const table: Record<string, LabState> = {}
  for (const [names, state] of groups) {
    for (const name of names.split(/\s+/).filter(Boolean)) {
      if (name in table) throw new Error(`lab-states: "${name}" is listed twice`)
      table[name] = state
    }
  }
  return Object.freeze(table)
}

/** The state of every directive nginx 1.22.1 or 1.30 knows, by name. */
export const LAB_STATES: Readonly<Record<string, LabState>> = build(GROUPS)
