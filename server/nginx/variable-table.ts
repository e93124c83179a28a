/**
 * Every built-in variable nginx 1.22.1 knows in Debian bookworm's build (the static modules of
 * `nginx -V`, plus the dynamic geoip module's, known only after `load_module`): its module, what
 * it holds in English and 简体中文, an example value, and what the lab does with it at run time.
 *
 * The reference is nginx's source: the ngx_http_variable_t tables of ngx_http_variables.c,
 * ngx_http_upstream.c and the modules (ngx_http_proxy_module.c, ngx_http_ssl_module.c,
 * ngx_http_ssi_filter_module.c, ngx_http_stub_status_module.c…), with their flags
 * (NGX_HTTP_VAR_NOCACHEABLE, NGX_HTTP_VAR_CHANGEABLE, NGX_HTTP_VAR_PREFIX).
 *
 * `lab`:
 * - `evaluated`: the runtime computes it as nginx does;
 * - `empty-as-nginx`: the runtime leaves it empty, and so does nginx in every situation the lab
 *   can make (a module the lab's configs cannot turn on, a file nginx would have written…);
 * - `not-modelled`: nginx can give a value the lab does not (the reason is in `why`).
 *
 * Isomorphic: the checker (browser and Node) and the runtime both read it.
 */

export type LabSupport = 'evaluated' | 'empty-as-nginx' | 'not-modelled'

export interface Text {
  en: string
  zh: string
}

export interface VariableEntry {
  /** The name without `$`; for a family, its prefix (`http_`). */
  name: string
  /** A family named by a prefix (NGX_HTTP_VAR_PREFIX): `$http_user_agent`, `$arg_id`… */
  prefix: boolean
  /** The nginx module that defines it. */
  module: string
  about: Text
  /** What it may look like (empty when nginx gives nothing in the usual case). */
  example: string
  lab: LabSupport
  /** Why the lab leaves it empty or does not model it. */
  why?: Text
  /** NGX_HTTP_VAR_NOCACHEABLE: computed again at every use instead of once per request. */
  nocacheable?: true
  /** NGX_HTTP_VAR_CHANGEABLE: `set` and `map` may take it over. */
  changeable?: true
  /** Defined by a dynamic module (known only after `load_module`). */
  dynamic?: true
  /** For a family: the members a WebSocket proxy config commonly reads (the editor's completion offers them). */
  members?: readonly string[]
}

type Opts = Pick<VariableEntry, 'why' | 'nocacheable' | 'changeable' | 'dynamic' | 'members'>

const NC = { nocacheable: true } as const
const CH = { changeable: true } as const

function v(name: string, module: string, en: string, zh: string, example: string, lab: LabSupport, opts: Opts = {}): VariableEntry {
  return { name, prefix: false, module, about: { en, zh }, example, lab, ...opts }
}

function family(name: string, module: string, en: string, zh: string, example: string, lab: LabSupport, opts: Opts = {}): VariableEntry {
  return { name, prefix: true, module, about: { en, zh }, example, lab, ...opts }
}

const why = (en: string, zh: string): { why: Text } => ({ why: { en, zh } })

const CORE = 'ngx_http_core_module'
const UPSTREAM = 'ngx_http_upstream_module'
const PROXY = 'ngx_http_proxy_module'
const SSL = 'ngx_http_ssl_module'

const NO_PROXY_PROTOCOL = why(
  'The lab does not read the PROXY protocol header (`listen … proxy_protocol`); without it nginx leaves this empty too.',
  '实验环境不解析 PROXY protocol 头（`listen … proxy_protocol`）；不启用它时 nginx 也为空。',
)
const NO_TCP_INFO = why(
  'nginx reads the kernel’s TCP_INFO of the client socket; Node.js cannot, so the lab leaves it empty where nginx shows a number.',
  'nginx 通过 getsockopt(TCP_INFO) 读取客户端套接字的内核数据；Node.js 无法读取，因此实验环境为空，而 nginx 会给出数字。',
)
const NO_CACHE = why(
  'The lab has no proxy_cache; without a cache nginx leaves it empty too.',
  '实验环境不实现 proxy_cache；未配置缓存时 nginx 也为空。',
)
const NO_CLIENT_CERT = why(
  'The lab does not ask clients for certificates (ssl_verify_client); without one nginx leaves it empty too.',
  '实验环境不要求客户端证书（ssl_verify_client）；没有客户端证书时 nginx 也为空。',
)
const TLS_HELLO = why(
  'Node.js does not expose what the client offered in its TLS hello, so the lab cannot list it.',
  'Node.js 不提供客户端在 TLS 握手中提出的内容，实验环境无法列出。',
)
const MODULE_OFF = (module: string, directive: string): { why: Text } =>
  why(
    `The lab does not model ${module} (\`${directive}\`); without it nginx leaves this empty or at its default too.`,
    `实验环境不实现 ${module}（\`${directive}\`）；不配置它时 nginx 也为空或取默认值。`,
  )
const GEOIP = why(
  'ngx_http_geoip_module is a dynamic module in this build: nginx knows the variable only after `load_module`, which the lab does not load, and it needs a GeoIP database.',
  'ngx_http_geoip_module 在此构建中是动态模块：只有 `load_module` 之后 nginx 才认识该变量（实验环境不加载），且需要 GeoIP 数据库。',
)

export const VARIABLE_TABLE: readonly VariableEntry[] = [
  // ngx_http_variables.c (ngx_http_core_variables)
  v('http_host', CORE, 'The Host request header.', '请求头 Host 的值。', 'example.com:8080', 'evaluated'),
  v('http_user_agent', CORE, 'The User-Agent request header.', '请求头 User-Agent 的值。', 'curl/8.5.0', 'evaluated'),
  v('http_referer', CORE, 'The Referer request header.', '请求头 Referer 的值。', 'https://example.com/page', 'evaluated'),
  v('http_via', CORE, 'The Via request header.', '请求头 Via 的值。', '1.1 proxy', 'evaluated'),
  v('http_x_forwarded_for', CORE, 'Every X-Forwarded-For request header, joined with ", ".', '所有 X-Forwarded-For 请求头，以 ", " 连接。', '203.0.113.7, 10.0.0.1', 'evaluated'),
  v('http_cookie', CORE, 'Every Cookie request header, joined with "; ".', '所有 Cookie 请求头，以 "; " 连接。', 'sid=abc; theme=dark', 'evaluated'),
  v('content_length', CORE, 'The Content-Length request header (or the length of a chunked body once read).', '请求头 Content-Length（或已读取的分块请求体长度）。', '42', 'evaluated'),
  v('content_type', CORE, 'The Content-Type request header.', '请求头 Content-Type 的值。', 'application/json', 'evaluated'),
  v('host', CORE, 'The host of the request line, else the Host header (lower case, no port), else the server name.', '请求行中的主机名，否则为 Host 头（小写、无端口），否则为 server_name。', 'example.com', 'evaluated'),
  v('binary_remote_addr', CORE, 'The client address in binary form (4 bytes for IPv4, 16 for IPv6).', '客户端地址的二进制形式（IPv4 为 4 字节，IPv6 为 16 字节）。', '\\x7F\\x00\\x00\\x01', 'evaluated'),
  v('remote_addr', CORE, 'The client address.', '客户端地址。', '127.0.0.1', 'evaluated'),
  v('remote_port', CORE, 'The client port.', '客户端端口。', '51234', 'evaluated'),
  v('proxy_protocol_addr', CORE, 'The client address from the PROXY protocol header.', 'PROXY protocol 头中的客户端地址。', '203.0.113.7', 'not-modelled', NO_PROXY_PROTOCOL),
  v('proxy_protocol_port', CORE, 'The client port from the PROXY protocol header.', 'PROXY protocol 头中的客户端端口。', '51234', 'not-modelled', NO_PROXY_PROTOCOL),
  v('proxy_protocol_server_addr', CORE, 'The server address from the PROXY protocol header.', 'PROXY protocol 头中的服务器地址。', '198.51.100.1', 'not-modelled', NO_PROXY_PROTOCOL),
  v('proxy_protocol_server_port', CORE, 'The server port from the PROXY protocol header.', 'PROXY protocol 头中的服务器端口。', '443', 'not-modelled', NO_PROXY_PROTOCOL),
  v('server_addr', CORE, 'The address of the server that accepted the request.', '接受请求的服务器地址。', '127.0.0.1', 'evaluated'),
  v('server_port', CORE, 'The port of the server that accepted the request.', '接受请求的服务器端口。', '8080', 'evaluated'),
  v('server_protocol', CORE, 'The request protocol.', '请求协议。', 'HTTP/1.1', 'evaluated'),
  v('scheme', CORE, 'The request scheme, http or https.', '请求的协议方案，http 或 https。', 'http', 'evaluated'),
  v('https', CORE, '"on" on a TLS connection, else empty.', 'TLS 连接上为 "on"，否则为空。', 'on', 'evaluated'),
  v('request_uri', CORE, 'The original request URI, with its arguments.', '原始请求 URI（含参数）。', '/search?q=nginx', 'evaluated'),
  v('uri', CORE, 'The current URI, normalized (changed by rewrite and internal redirects).', '当前 URI（已规范化，会被 rewrite 和内部重定向改变）。', '/search', 'evaluated', NC),
  v('document_uri', CORE, 'Same as $uri.', '与 $uri 相同。', '/search', 'evaluated', NC),
  v('request', CORE, 'The full request line.', '完整的请求行。', 'GET /search?q=nginx HTTP/1.1', 'evaluated'),
  v('document_root', CORE, 'The root of the current request (root or alias), as an absolute path.', '当前请求的根目录（root 或 alias），绝对路径。', '/usr/share/nginx/html', 'evaluated', NC),
  v('realpath_root', CORE, 'The root with symbolic links resolved (realpath).', '解析符号链接后的根目录（realpath）。', '/usr/share/nginx/html', 'evaluated', NC),
  v('query_string', CORE, 'Same as $args.', '与 $args 相同。', 'q=nginx', 'evaluated', NC),
  v('args', CORE, 'The arguments of the request line.', '请求行中的参数。', 'q=nginx&page=2', 'evaluated', { ...NC, ...CH }),
  v('is_args', CORE, '"?" when the request has arguments, else empty.', '请求带参数时为 "?"，否则为空。', '?', 'evaluated', NC),
  v('request_filename', CORE, 'The file path of the request: root (or alias) and URI.', '请求对应的文件路径：root（或 alias）加 URI。', '/usr/share/nginx/html/index.html', 'evaluated', NC),
  v('server_name', CORE, 'The name of the server that accepted the request.', '接受请求的 server 的名字。', 'example.com', 'evaluated'),
  v('request_method', CORE, 'The request method.', '请求方法。', 'GET', 'evaluated', NC),
  v('remote_user', CORE, 'The user name given with Basic authentication.', 'Basic 认证中提供的用户名。', 'alice', 'evaluated'),
  v('bytes_sent', CORE, 'The number of bytes sent to the client.', '发送给客户端的字节数。', '615', 'evaluated'),
  v('body_bytes_sent', CORE, 'The number of bytes of the response body sent to the client.', '发送给客户端的响应体字节数。', '612', 'evaluated'),
  v('pipe', CORE, '"p" for a pipelined request, else ".".', '流水线（pipelined）请求为 "p"，否则为 "."。', '.', 'evaluated'),
  v('request_completion', CORE, '"OK" when the request completed, else empty.', '请求完成时为 "OK"，否则为空。', 'OK', 'evaluated'),
  v('request_body', CORE, 'The request body, when it was read into memory (proxy_pass reads it).', '读入内存的请求体（proxy_pass 会读取）。', 'name=alice', 'evaluated'),
  v('request_body_file', CORE, 'The temporary file holding the request body.', '保存请求体的临时文件名。', '/var/lib/nginx/body/0000000001', 'not-modelled', why(
    'nginx writes a body larger than client_body_buffer_size to a temporary file; the lab keeps bodies in memory and writes no file.',
    'nginx 会把超过 client_body_buffer_size 的请求体写入临时文件；实验环境把请求体保存在内存中，不写文件。',
  )),
  v('request_length', CORE, 'The request length: request line, headers and body.', '请求长度：请求行、请求头和请求体。', '78', 'evaluated', NC),
  v('request_time', CORE, 'Seconds since the first bytes of the request were read, with milliseconds.', '自读取请求的第一个字节起经过的秒数（精确到毫秒）。', '0.012', 'evaluated', NC),
  v('request_id', CORE, 'A unique request identifier: 16 random bytes in hex.', '唯一请求标识：16 个随机字节的十六进制。', '9f86d081884c7d659a2feaa0c55ad015', 'evaluated'),
  v('status', CORE, 'The response status.', '响应状态码。', '200', 'evaluated', NC),
  v('sent_http_content_type', CORE, 'The Content-Type response header.', '响应头 Content-Type。', 'text/html', 'evaluated'),
  v('sent_http_content_length', CORE, 'The Content-Length response header.', '响应头 Content-Length。', '612', 'evaluated'),
  v('sent_http_location', CORE, 'The Location response header.', '响应头 Location。', 'http://example.com/new', 'evaluated'),
  v('sent_http_last_modified', CORE, 'The Last-Modified response header.', '响应头 Last-Modified。', 'Tue, 14 Nov 2023 10:00:00 GMT', 'evaluated'),
  v('sent_http_connection', CORE, 'The Connection response header: upgrade, keep-alive or close.', '响应头 Connection：upgrade、keep-alive 或 close。', 'keep-alive', 'evaluated'),
  v('sent_http_keep_alive', CORE, 'The Keep-Alive response header (keepalive_timeout’s second value).', '响应头 Keep-Alive（keepalive_timeout 的第二个参数）。', 'timeout=60', 'evaluated'),
  v('sent_http_transfer_encoding', CORE, '"chunked" when the response is sent chunked.', '响应以分块传输时为 "chunked"。', 'chunked', 'evaluated'),
  v('sent_http_cache_control', CORE, 'Every Cache-Control response header, joined with ", ".', '所有 Cache-Control 响应头，以 ", " 连接。', 'no-cache', 'evaluated'),
  v('sent_http_link', CORE, 'Every Link response header, joined with ", ".', '所有 Link 响应头，以 ", " 连接。', '</style.css>; rel=preload', 'evaluated'),
  v('limit_rate', CORE, 'The response rate limit in bytes per second (0: none).', '响应速率限制（字节/秒，0 表示不限）。', '0', 'evaluated', { ...NC, ...CH }),
  v('connection', CORE, 'The connection serial number.', '连接序号。', '3', 'evaluated'),
  v('connection_requests', CORE, 'How many requests this connection has made so far.', '此连接目前已处理的请求数。', '1', 'evaluated'),
  v('connection_time', CORE, 'Seconds since the connection was accepted, with milliseconds.', '自连接建立起经过的秒数（精确到毫秒）。', '0.034', 'evaluated', NC),
  v('nginx_version', CORE, 'The nginx version.', 'nginx 版本号。', '1.22.1', 'evaluated'),
  v('hostname', CORE, 'The machine’s host name.', '主机名。', 'web-1', 'evaluated'),
  v('pid', CORE, 'The worker process id.', '工作进程的进程号。', '4242', 'evaluated'),
  v('msec', CORE, 'The current time in seconds, with milliseconds.', '当前时间（秒，精确到毫秒）。', '1700000000.123', 'evaluated', NC),
  v('time_iso8601', CORE, 'The local time in ISO 8601.', 'ISO 8601 格式的本地时间。', '2023-11-14T22:13:20+00:00', 'evaluated', NC),
  v('time_local', CORE, 'The local time in the Common Log Format.', '通用日志格式（CLF）的本地时间。', '14/Nov/2023:22:13:20 +0000', 'evaluated', NC),
  v('tcpinfo_rtt', CORE, 'The client connection’s round-trip time in microseconds (TCP_INFO).', '客户端连接的往返时间（微秒，TCP_INFO）。', '52', 'not-modelled', { ...NC, ...NO_TCP_INFO }),
  v('tcpinfo_rttvar', CORE, 'The variance of the round-trip time in microseconds (TCP_INFO).', '往返时间的方差（微秒，TCP_INFO）。', '26', 'not-modelled', { ...NC, ...NO_TCP_INFO }),
  v('tcpinfo_snd_cwnd', CORE, 'The send congestion window (TCP_INFO).', '发送拥塞窗口（TCP_INFO）。', '10', 'not-modelled', { ...NC, ...NO_TCP_INFO }),
  v('tcpinfo_rcv_space', CORE, 'The receive space (TCP_INFO).', '接收空间（TCP_INFO）。', '65483', 'not-modelled', { ...NC, ...NO_TCP_INFO }),
  family('http_', CORE, 'Any request header: $http_x_real_ip is X-Real-IP (lower case, "-" as "_"); the first one when repeated.', '任意请求头：$http_x_real_ip 即 X-Real-IP（小写，"-" 写作 "_"）；重复时取第一个。', 'websocket', 'evaluated', {
    // The handshake's headers and the forwarded ones; Host, X-Forwarded-For… have variables of their own above.
    members: ['upgrade', 'connection', 'origin', 'sec_websocket_key', 'sec_websocket_version', 'sec_websocket_protocol', 'sec_websocket_extensions', 'x_forwarded_proto', 'x_real_ip', 'authorization'],
  }),
  family('sent_http_', CORE, 'Any response header nginx sends: $sent_http_x_frame_options…', 'nginx 发送的任意响应头：$sent_http_x_frame_options 等。', 'SAMEORIGIN', 'evaluated'),
  family('sent_trailer_', CORE, 'Any response trailer nginx sends (add_trailer).', 'nginx 发送的任意响应尾部字段（add_trailer）。', '', 'not-modelled', why(
    'The lab does not send trailers (add_trailer); without them nginx leaves this empty too.',
    '实验环境不发送尾部字段（add_trailer）；不配置时 nginx 也为空。',
  )),
  family('cookie_', CORE, 'A cookie of the request by name: $cookie_sid.', '按名称取请求中的 cookie：$cookie_sid。', 'abc123', 'evaluated'),
  family('arg_', CORE, 'An argument of the request line by name, as sent (not decoded): $arg_page.', '按名称取请求行参数，保持原样（不解码）：$arg_page。', '2', 'evaluated', NC),

  // ngx_http_upstream.c
  v('upstream_addr', UPSTREAM, 'The address of each upstream server tried, ", " between tries, " : " between upstream groups.', '每次尝试的上游地址；各次尝试以 ", " 分隔，不同上游组以 " : " 分隔。', '127.0.0.1:9001, 127.0.0.1:9002', 'evaluated', NC),
  v('upstream_status', UPSTREAM, 'The status of each upstream response, per try.', '每次尝试的上游响应状态码。', '502, 200', 'evaluated', NC),
  v('upstream_connect_time', UPSTREAM, 'Seconds spent connecting to each upstream, per try ("-" when it did not connect).', '每次尝试连接上游所用的秒数（未连接时为 "-"）。', '0.001, 0.000', 'evaluated', NC),
  v('upstream_header_time', UPSTREAM, 'Seconds until each upstream’s response head arrived, per try ("-" when none).', '每次尝试直到收到上游响应头的秒数（没有时为 "-"）。', '0.004', 'evaluated', NC),
  v('upstream_response_time', UPSTREAM, 'Seconds spent with each upstream, per try.', '每次尝试与上游交互所用的秒数。', '0.005', 'evaluated', NC),
  v('upstream_response_length', UPSTREAM, 'The length of each upstream response body, per try.', '每次尝试的上游响应体长度。', '612', 'evaluated', NC),
  v('upstream_bytes_received', UPSTREAM, 'Bytes received from each upstream, per try.', '每次尝试从上游收到的字节数。', '850', 'evaluated', NC),
  v('upstream_bytes_sent', UPSTREAM, 'Bytes sent to each upstream, per try.', '每次尝试发送给上游的字节数。', '120', 'evaluated', NC),
  v('upstream_cache_status', UPSTREAM, 'The cache status: MISS, HIT, EXPIRED…', '缓存状态：MISS、HIT、EXPIRED 等。', 'MISS', 'not-modelled', { ...NC, ...NO_CACHE }),
  v('upstream_cache_last_modified', UPSTREAM, 'The cached response’s Last-Modified, when revalidating.', '重新验证时缓存响应的 Last-Modified。', 'Tue, 14 Nov 2023 10:00:00 GMT', 'not-modelled', { ...NC, ...NO_CACHE }),
  v('upstream_cache_etag', UPSTREAM, 'The cached response’s ETag, when revalidating.', '重新验证时缓存响应的 ETag。', '"6553f100-264"', 'not-modelled', { ...NC, ...NO_CACHE }),
  family('upstream_http_', UPSTREAM, 'A header of the upstream’s response: $upstream_http_server…', '上游响应头：$upstream_http_server 等。', 'gunicorn', 'evaluated', NC),
  family('upstream_trailer_', UPSTREAM, 'A trailer of the upstream’s response.', '上游响应的尾部字段。', '', 'empty-as-nginx', { ...NC, ...why(
    'Only the gRPC proxy stores upstream trailers; proxy_pass skips them, so nginx leaves this empty too.',
    '只有 gRPC 代理会保存上游尾部字段；proxy_pass 会跳过它们，所以 nginx 也为空。',
  ) }),
  family('upstream_cookie_', UPSTREAM, 'A cookie the upstream set (Set-Cookie) by name: $upstream_cookie_sid.', '按名称取上游通过 Set-Cookie 设置的 cookie：$upstream_cookie_sid。', 'abc123', 'evaluated', NC),

  // ngx_http_proxy_module.c
  v('proxy_host', PROXY, 'The host and port of the proxy_pass URL.', 'proxy_pass URL 中的主机和端口。', 'backend', 'evaluated', { ...NC, ...CH }),
  v('proxy_port', PROXY, 'The port of the proxy_pass URL (or the scheme’s default).', 'proxy_pass URL 中的端口（或协议默认端口）。', '80', 'evaluated', { ...NC, ...CH }),
  v('proxy_add_x_forwarded_for', PROXY, 'X-Forwarded-For of the request with the client address appended.', '请求的 X-Forwarded-For 加上客户端地址。', '203.0.113.7, 127.0.0.1', 'evaluated'),
  v('proxy_internal_body_length', PROXY, 'The body length nginx sends upstream (Content-Length of the proxied request).', 'nginx 发给上游的请求体长度（代理请求的 Content-Length）。', '42', 'evaluated', NC),
  v('proxy_internal_chunked', PROXY, '"chunked" when nginx sends the body upstream chunked.', 'nginx 以分块方式向上游发送请求体时为 "chunked"。', '', 'empty-as-nginx', { ...NC, ...why(
    'nginx sets it only with proxy_request_buffering off and a chunked body; the lab, like nginx by default, reads the whole body first.',
    '只有 proxy_request_buffering off 且请求体分块时 nginx 才设置它；实验环境与 nginx 默认一样先读完整个请求体。',
  ) }),

  // ngx_http_fastcgi_module.c
  v('fastcgi_script_name', 'ngx_http_fastcgi_module', 'The script name for FastCGI: the URI, split by fastcgi_split_path_info.', 'FastCGI 的脚本名：URI（由 fastcgi_split_path_info 拆分）。', '/index.php', 'evaluated', NC),
  v('fastcgi_path_info', 'ngx_http_fastcgi_module', 'The path info fastcgi_split_path_info captured.', 'fastcgi_split_path_info 捕获的路径信息。', '/extra', 'empty-as-nginx', { ...NC, ...why(
    'Empty unless fastcgi_split_path_info is set; the lab has no FastCGI.',
    '未配置 fastcgi_split_path_info 时为空；实验环境不实现 FastCGI。',
  ) }),

  // ngx_http_browser_module.c
  v('msie', 'ngx_http_browser_module', '"1" when the User-Agent is Internet Explorer.', 'User-Agent 为 Internet Explorer 时为 "1"。', '1', 'evaluated', CH),
  v('modern_browser', 'ngx_http_browser_module', 'modern_browser_value for a browser modern_browser names.', 'modern_browser 所列现代浏览器的 modern_browser_value 值。', '1', 'not-modelled', { ...CH, ...MODULE_OFF('ngx_http_browser_module', 'modern_browser') }),
  v('ancient_browser', 'ngx_http_browser_module', 'ancient_browser_value for a browser ancient_browser names.', 'ancient_browser 所列旧浏览器的 ancient_browser_value 值。', '1', 'not-modelled', { ...CH, ...MODULE_OFF('ngx_http_browser_module', 'ancient_browser') }),

  // ngx_http_grpc_module.c
  v('grpc_internal_trailers', 'ngx_http_grpc_module', '"trailers" when the client sent "TE: trailers" (for grpc_pass).', '客户端发送 "TE: trailers" 时为 "trailers"（用于 grpc_pass）。', 'trailers', 'not-modelled', { ...NC, ...MODULE_OFF('ngx_http_grpc_module', 'grpc_pass') }),

  // ngx_http_limit_conn_module.c, ngx_http_limit_req_module.c
  v('limit_conn_status', 'ngx_http_limit_conn_module', 'The result of limit_conn: PASSED, REJECTED or REJECTED_DRY_RUN.', 'limit_conn 的结果：PASSED、REJECTED 或 REJECTED_DRY_RUN。', 'PASSED', 'not-modelled', { ...NC, ...MODULE_OFF('ngx_http_limit_conn_module', 'limit_conn') }),
  v('limit_req_status', 'ngx_http_limit_req_module', 'The result of limit_req: PASSED, DELAYED, REJECTED…', 'limit_req 的结果：PASSED、DELAYED、REJECTED 等。', 'PASSED', 'not-modelled', { ...NC, ...MODULE_OFF('ngx_http_limit_req_module', 'limit_req') }),

  // ngx_http_realip_module.c
  v('realip_remote_addr', 'ngx_http_realip_module', 'The client address before real_ip_header replaced it.', '被 real_ip_header 替换之前的客户端地址。', '10.0.0.1', 'evaluated'),
  v('realip_remote_port', 'ngx_http_realip_module', 'The client port before real_ip_header replaced it.', '被 real_ip_header 替换之前的客户端端口。', '51234', 'evaluated'),

  // ngx_http_ssi_filter_module.c
  v('date_local', 'ngx_http_ssi_filter_module', 'The local time in SSI’s format (%A, %d-%b-%Y %H:%M:%S %Z).', 'SSI 格式的本地时间（%A, %d-%b-%Y %H:%M:%S %Z）。', 'Tuesday, 14-Nov-2023 22:13:20 UTC', 'evaluated', NC),
  v('date_gmt', 'ngx_http_ssi_filter_module', 'The time in GMT in SSI’s format.', 'SSI 格式的格林尼治时间。', 'Tuesday, 14-Nov-2023 22:13:20 GMT', 'evaluated', NC),

  // ngx_http_ssl_module.c
  v('ssl_protocol', SSL, 'The TLS protocol of the connection.', '连接使用的 TLS 协议版本。', 'TLSv1.3', 'evaluated', CH),
  v('ssl_cipher', SSL, 'The cipher of the connection (OpenSSL name).', '连接使用的加密套件（OpenSSL 名称）。', 'TLS_AES_256_GCM_SHA384', 'evaluated', CH),
  v('ssl_ciphers', SSL, 'The ciphers the client offered.', '客户端提供的加密套件列表。', 'TLS_AES_256_GCM_SHA384:…', 'not-modelled', { ...CH, ...TLS_HELLO }),
  v('ssl_curve', SSL, 'The key exchange group of the connection.', '连接协商的密钥交换组。', 'X25519', 'not-modelled', { ...CH, ...why(
    'Node.js tells a TLS server nothing about the negotiated group, so the lab cannot show it.',
    'Node.js 不向 TLS 服务端提供协商出的密钥交换组，实验环境无法显示。',
  ) }),
  v('ssl_curves', SSL, 'The groups the client offered.', '客户端提供的密钥交换组列表。', 'X25519:prime256v1', 'not-modelled', { ...CH, ...TLS_HELLO }),
  v('ssl_session_id', SSL, 'The TLS session id, in hex.', 'TLS 会话标识（十六进制）。', '4F1D…', 'evaluated', CH),
  v('ssl_session_reused', SSL, '"r" when the TLS session was reused, else ".".', 'TLS 会话被复用时为 "r"，否则为 "."。', '.', 'evaluated', CH),
  v('ssl_early_data', SSL, '"1" while TLS 1.3 early data is used, else empty.', '使用 TLS 1.3 早期数据时为 "1"，否则为空。', '', 'empty-as-nginx', { ...NC, ...CH, ...why(
    'Early data needs ssl_early_data on; the lab never accepts it, and nginx by default does not either.',
    '早期数据需要 ssl_early_data on；实验环境从不接受，nginx 默认也不接受。',
  ) }),
  v('ssl_server_name', SSL, 'The server name the client asked for with SNI.', '客户端通过 SNI 请求的服务器名。', 'example.com', 'evaluated', CH),
  v('ssl_alpn_protocol', SSL, 'The protocol chosen with ALPN.', '通过 ALPN 协商出的协议。', 'http/1.1', 'evaluated', CH),
  v('ssl_client_cert', SSL, 'The client certificate (PEM), lines after the first prefixed by a tab.', '客户端证书（PEM），除首行外每行前加制表符。', '-----BEGIN CERTIFICATE-----…', 'empty-as-nginx', { ...CH, ...NO_CLIENT_CERT }),
  v('ssl_client_raw_cert', SSL, 'The client certificate (PEM).', '客户端证书（PEM）。', '-----BEGIN CERTIFICATE-----…', 'empty-as-nginx', { ...CH, ...NO_CLIENT_CERT }),
  v('ssl_client_escaped_cert', SSL, 'The client certificate (PEM), URL-escaped.', '客户端证书（PEM，URL 编码）。', '-----BEGIN%20CERTIFICATE-----…', 'empty-as-nginx', { ...CH, ...NO_CLIENT_CERT }),
  v('ssl_client_s_dn', SSL, 'The client certificate’s subject DN (RFC 2253).', '客户端证书的主题 DN（RFC 2253）。', 'CN=alice,O=Example', 'empty-as-nginx', { ...CH, ...NO_CLIENT_CERT }),
  v('ssl_client_i_dn', SSL, 'The client certificate’s issuer DN (RFC 2253).', '客户端证书的颁发者 DN（RFC 2253）。', 'CN=Example CA', 'empty-as-nginx', { ...CH, ...NO_CLIENT_CERT }),
  v('ssl_client_s_dn_legacy', SSL, 'The client certificate’s subject DN, legacy form.', '客户端证书的主题 DN（旧格式）。', '/O=Example/CN=alice', 'empty-as-nginx', { ...CH, ...NO_CLIENT_CERT }),
  v('ssl_client_i_dn_legacy', SSL, 'The client certificate’s issuer DN, legacy form.', '客户端证书的颁发者 DN（旧格式）。', '/CN=Example CA', 'empty-as-nginx', { ...CH, ...NO_CLIENT_CERT }),
  v('ssl_client_serial', SSL, 'The client certificate’s serial number.', '客户端证书的序列号。', '1A2B3C', 'empty-as-nginx', { ...CH, ...NO_CLIENT_CERT }),
  v('ssl_client_fingerprint', SSL, 'The client certificate’s SHA1 fingerprint.', '客户端证书的 SHA1 指纹。', 'c1f0…', 'empty-as-nginx', { ...CH, ...NO_CLIENT_CERT }),
  v('ssl_client_verify', SSL, 'The client certificate check: SUCCESS, FAILED:reason or NONE.', '客户端证书校验结果：SUCCESS、FAILED:原因 或 NONE。', 'NONE', 'evaluated', CH),
  v('ssl_client_v_start', SSL, 'The start date of the client certificate.', '客户端证书的生效日期。', 'Nov 14 10:00:00 2023 GMT', 'empty-as-nginx', { ...CH, ...NO_CLIENT_CERT }),
  v('ssl_client_v_end', SSL, 'The end date of the client certificate.', '客户端证书的到期日期。', 'Nov 14 10:00:00 2024 GMT', 'empty-as-nginx', { ...CH, ...NO_CLIENT_CERT }),
  v('ssl_client_v_remain', SSL, 'Days until the client certificate expires.', '客户端证书距到期的天数。', '365', 'empty-as-nginx', { ...CH, ...NO_CLIENT_CERT }),

  // ngx_http_stub_status_module.c
  v('connections_active', 'ngx_http_stub_status_module', 'Open client connections, waiting ones included.', '当前打开的客户端连接数（含空闲等待的）。', '3', 'evaluated', NC),
  v('connections_reading', 'ngx_http_stub_status_module', 'Connections whose request head is being read.', '正在读取请求头的连接数。', '0', 'evaluated', NC),
  v('connections_writing', 'ngx_http_stub_status_module', 'Connections with a request being processed or answered.', '正在处理请求或写响应的连接数。', '1', 'evaluated', NC),
  v('connections_waiting', 'ngx_http_stub_status_module', 'Idle connections waiting for a request.', '空闲等待请求的连接数。', '2', 'evaluated', NC),

  // other static modules
  v('http2', 'ngx_http_v2_module', '"h2" over TLS, "h2c" over cleartext HTTP/2; empty for HTTP/1.x.', 'TLS 上的 HTTP/2 为 "h2"，明文 HTTP/2 为 "h2c"；HTTP/1.x 为空。', '', 'empty-as-nginx', why(
    'The lab speaks HTTP/1.x only; for HTTP/1.x nginx leaves it empty too.',
    '实验环境只支持 HTTP/1.x；对 HTTP/1.x nginx 也为空。',
  )),
  v('gzip_ratio', 'ngx_http_gzip_filter_module', 'The compression ratio of a gzipped response.', 'gzip 压缩响应的压缩比。', '3.14', 'not-modelled', MODULE_OFF('ngx_http_gzip_filter_module', 'gzip on')),
  v('invalid_referer', 'ngx_http_referer_module', '"1" when the Referer is not one valid_referers accepts.', 'Referer 不在 valid_referers 允许范围内时为 "1"。', '1', 'not-modelled', MODULE_OFF('ngx_http_referer_module', 'valid_referers')),
  v('secure_link', 'ngx_http_secure_link_module', 'The result of the secure_link check.', 'secure_link 校验的结果。', '1', 'not-modelled', MODULE_OFF('ngx_http_secure_link_module', 'secure_link')),
  v('secure_link_expires', 'ngx_http_secure_link_module', 'The expiry time given with the secure link.', '安全链接携带的过期时间。', '2147483647', 'not-modelled', MODULE_OFF('ngx_http_secure_link_module', 'secure_link')),
  v('slice_range', 'ngx_http_slice_filter_module', 'The current slice range, as a Range header value.', '当前分片的范围（Range 头格式）。', 'bytes=0-1048575', 'not-modelled', MODULE_OFF('ngx_http_slice_filter_module', 'slice')),
  v('uid_got', 'ngx_http_userid_filter_module', 'The user id cookie received.', '收到的用户标识 cookie。', 'uid=0A0A0A0A…', 'not-modelled', MODULE_OFF('ngx_http_userid_filter_module', 'userid')),
  v('uid_set', 'ngx_http_userid_filter_module', 'The user id cookie sent.', '发出的用户标识 cookie。', 'uid=0A0A0A0A…', 'not-modelled', MODULE_OFF('ngx_http_userid_filter_module', 'userid')),
  v('uid_reset', 'ngx_http_userid_filter_module', 'Set to non-zero to make nginx send a new user id cookie.', '设为非零时让 nginx 发送新的用户标识 cookie。', '0', 'not-modelled', MODULE_OFF('ngx_http_userid_filter_module', 'userid')),

  // ngx_http_geoip_module.c (dynamic)
  ...(
    [
      ['geoip_country_code', 'The two-letter country code.', '两字母国家代码。', 'DE'],
      ['geoip_country_code3', 'The three-letter country code.', '三字母国家代码。', 'DEU'],
      ['geoip_country_name', 'The country name.', '国家名称。', 'Germany'],
      ['geoip_org', 'The organization name.', '组织名称。', 'Example ISP'],
      ['geoip_city_continent_code', 'The continent code.', '大洲代码。', 'EU'],
      ['geoip_city_country_code', 'The two-letter country code (city database).', '两字母国家代码（城市数据库）。', 'DE'],
      ['geoip_city_country_code3', 'The three-letter country code (city database).', '三字母国家代码（城市数据库）。', 'DEU'],
      ['geoip_city_country_name', 'The country name (city database).', '国家名称（城市数据库）。', 'Germany'],
      ['geoip_region', 'The region code.', '地区代码。', 'BE'],
      ['geoip_region_name', 'The region name.', '地区名称。', 'Berlin'],
      ['geoip_city', 'The city name.', '城市名称。', 'Berlin'],
      ['geoip_postal_code', 'The postal code.', '邮政编码。', '10115'],
      ['geoip_latitude', 'The latitude.', '纬度。', '52.5200'],
      ['geoip_longitude', 'The longitude.', '经度。', '13.4050'],
      ['geoip_dma_code', 'The DMA (metro) code, US only.', 'DMA（都市区）代码，仅限美国。', '807'],
      ['geoip_area_code', 'The telephone area code, US only.', '电话区号，仅限美国。', '650'],
    ] as const
  ).map(([name, en, zh, example]) => v(name, 'ngx_http_geoip_module', en, zh, example, 'not-modelled', { dynamic: true, ...GEOIP })),
]

/** Entries by name (prefix families under their prefix). */
export const VARIABLE_ENTRIES: ReadonlyMap<string, VariableEntry> = new Map(VARIABLE_TABLE.map((e) => [e.name, e]))

/** The entry for a variable name: its own, else its family's (the longest matching prefix). */
export function variableEntry(name: string): VariableEntry | undefined {
  const key = name.toLowerCase()
  const own = VARIABLE_ENTRIES.get(key)
  if (own && !own.prefix) return own
  let best: VariableEntry | undefined
  for (const e of VARIABLE_TABLE) {
    if (e.prefix && key.startsWith(e.name) && (!best || e.name.length > best.name.length)) best = e
  }
  return best
}
