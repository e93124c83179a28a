/**
 * Documentation of directives for the editor's hovers and the docs' reference: a one-line
 * summary in English and in Simplified Chinese, the syntax as nginx.org writes it (one line per
 * form), the nginx.org reference URL, and the Upgrade Lab lesson that explains the directive.
 * Summaries are in Upgrade Lab's own words. Defaults are not here: they live in the directive
 * table. What the lab does with each directive is in lab-states.ts.
 * A name shared by two modules (`server` in http and in upstream, `keepalive_timeout`…) has
 * one entry, linking to the http core page and mentioning the other use where it matters.
 */

/** The lessons of Upgrade Lab a directive can point to. */
export type LessonSlug =
  | 'upgrade-handshake'
  | 'hop-by-hop-headers'
  | 'connection-upgrade-map'
  | 'proxy-http-version'
  | 'timeouts-and-pings'
  | 'forwarded-headers'
  | 'tls-termination'
  | 'load-balancing'
  | 'common-errors'

export interface DirectiveDoc {
  /** As nginx.org writes it, e.g. `proxy_read_timeout time;`; several forms on separate lines. */
  syntax: string
  summary: { en: string; zh: string }
  /** nginx.org reference: https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_read_timeout */
  url: string
  lesson?: LessonSlug
}

export const DIRECTIVE_DOCS: Readonly<Record<string, DirectiveDoc>> = Object.freeze({
  // ngx_core_module
  daemon: {
    syntax: 'daemon on | off;',
    summary: {
      en: 'Whether nginx runs in the background. Turned off mostly in containers and while developing.',
      zh: '是否让 nginx 在后台运行。通常只在容器里或开发时关闭。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#daemon',
  },
  master_process: {
    syntax: 'master_process on | off;',
    summary: {
      en: 'Whether nginx starts a master process with workers under it. `off` is for developing nginx itself.',
      zh: '是否启动主进程并由它管理 worker 进程。off 仅用于开发 nginx 本身。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#master_process',
  },
  timer_resolution: {
    syntax: 'timer_resolution interval;',
    summary: {
      en: 'Makes workers read the clock less often, at the cost of less precise times.',
      zh: '降低 worker 读取系统时钟的频率，代价是时间精度变低。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#timer_resolution',
  },
  pid: {
    syntax: 'pid file;',
    summary: {
      en: 'The file that holds the master process id; `nginx -s reload` reads it to find nginx.',
      zh: '保存主进程 ID 的文件；nginx -s reload 靠它找到 nginx。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#pid',
  },
  lock_file: {
    syntax: 'lock_file file;',
    summary: {
      en: 'The base name of the lock file nginx uses for accept_mutex on systems that need one.',
      zh: '在需要锁文件的系统上，nginx 为 accept_mutex 使用的锁文件名前缀。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#lock_file',
  },
  worker_processes: {
    syntax: 'worker_processes number | auto;',
    summary: {
      en: 'How many worker processes serve connections; `auto` means one per CPU core. Each holds its own WebSockets.',
      zh: '处理连接的 worker 进程数；auto 表示每个 CPU 核心一个。每个 worker 各自持有自己的 WebSocket 连接。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#worker_processes',
  },
  debug_points: {
    syntax: 'debug_points abort | stop;',
    summary: {
      en: 'For debugging nginx: on an internal error, stop the process or abort it with a core file.',
      zh: '用于调试 nginx：出现内部错误时暂停进程，或中止并生成 core 文件。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#debug_points',
  },
  user: {
    syntax: 'user user [group];',
    summary: {
      en: 'The user and group the worker processes run as (when nginx is started as root).',
      zh: 'worker 进程以哪个用户和组运行（nginx 以 root 启动时有效）。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#user',
  },
  worker_priority: {
    syntax: 'worker_priority number;',
    summary: {
      en: 'The scheduling priority (nice value) of worker processes.',
      zh: 'worker 进程的调度优先级（nice 值）。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#worker_priority',
  },
  worker_cpu_affinity: {
    syntax: 'worker_cpu_affinity cpumask ...;\nworker_cpu_affinity auto [cpumask];',
    summary: {
      en: 'Binds worker processes to CPUs; `auto` binds them one per CPU.',
      zh: '把 worker 进程绑定到指定 CPU；auto 表示每个 CPU 绑定一个。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#worker_cpu_affinity',
  },
  worker_rlimit_nofile: {
    syntax: 'worker_rlimit_nofile number;',
    summary: {
      en: 'Raises the open-file limit of workers: every connection is a file descriptor, and each proxied WebSocket uses two.',
      zh: '提高 worker 可打开文件数的上限：每个连接都占一个文件描述符，每条被代理的 WebSocket 占两个。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#worker_rlimit_nofile',
  },
  worker_rlimit_core: {
    syntax: 'worker_rlimit_core size;',
    summary: {
      en: 'The largest core file a worker may write when it crashes.',
      zh: 'worker 崩溃时可写出的 core 文件的最大大小。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#worker_rlimit_core',
  },
  worker_shutdown_timeout: {
    syntax: 'worker_shutdown_timeout time;',
    summary: {
      en: 'How long old workers may keep open connections after a reload before nginx closes them. Without it, a WebSocket can keep an old worker alive for as long as it stays open.',
      zh: '重新加载配置后，旧 worker 最多还能保留已打开的连接多久，到时 nginx 会关闭它们。不设置的话，一条 WebSocket 只要不断开，就会让旧 worker 一直存活。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#worker_shutdown_timeout',
    lesson: 'timeouts-and-pings',
  },
  working_directory: {
    syntax: 'working_directory directory;',
    summary: {
      en: 'The current directory of workers, where core files are written.',
      zh: 'worker 的工作目录，core 文件写在这里。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#working_directory',
  },
  env: {
    syntax: 'env variable[=value];',
    summary: {
      en: 'Keeps or sets environment variables for workers; nginx removes all others except TZ.',
      zh: '为 worker 保留或设置环境变量；除 TZ 外，nginx 会清除其余继承来的变量。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#env',
  },
  load_module: {
    syntax: 'load_module file;',
    summary: {
      en: 'Loads a dynamic module from a shared object file.',
      zh: '从共享库文件加载一个动态模块。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#load_module',
  },
  error_log: {
    syntax: 'error_log file [level] [json];',
    summary: {
      en: 'Where nginx writes its error log and from which level on (debug, info, notice, warn, error, crit, alert, emerg). A closed WebSocket or a timed-out backend is logged here.',
      zh: 'nginx 把错误日志写到哪里，以及从哪个级别开始记录（debug、info、notice、warn、error、crit、alert、emerg）。WebSocket 被关闭、后端超时等情况都记在这里。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#error_log',
    lesson: 'common-errors',
  },
  include: {
    syntax: 'include file | mask;',
    summary: {
      en: 'Reads another file, or every file matching a mask, in place of the directive.',
      zh: '在指令所在位置读入另一个文件，或所有匹配通配符的文件。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#include',
  },
  ssl_engine: {
    syntax: 'ssl_engine device;',
    summary: {
      en: 'The hardware SSL accelerator (OpenSSL engine) to use.',
      zh: '要使用的硬件 SSL 加速器（OpenSSL engine）。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#ssl_engine',
  },
  pcre_jit: {
    syntax: 'pcre_jit on | off;',
    summary: {
      en: 'Compiles the regexes of the configuration with PCRE\'s just-in-time compiler, for faster matching.',
      zh: '用 PCRE 的即时编译（JIT）编译配置中的正则表达式，加快匹配。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#pcre_jit',
  },
  events: {
    syntax: 'events { ... }',
    summary: {
      en: 'The block of connection-processing settings. nginx refuses a configuration without one, even if empty.',
      zh: '连接处理相关设置所在的块。即使为空，配置里也必须有它，否则 nginx 拒绝启动。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#events',
  },
  worker_connections: {
    syntax: 'worker_connections number;',
    summary: {
      en: 'How many connections each worker may hold at once: clients and backends together, so each proxied WebSocket counts twice.',
      zh: '每个 worker 同时能持有的连接数：客户端和后端连接合计，所以每条被代理的 WebSocket 算两个。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#worker_connections',
    lesson: 'common-errors',
  },
  use: {
    syntax: 'use method;',
    summary: {
      en: 'The connection-processing method (epoll, kqueue…); nginx picks the best one by itself.',
      zh: '连接处理方法（epoll、kqueue 等）；nginx 默认会自己选最合适的。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#use',
  },
  multi_accept: {
    syntax: 'multi_accept on | off;',
    summary: {
      en: 'Whether a worker accepts all new connections at once or one at a time.',
      zh: 'worker 是一次接受所有新连接，还是一次只接受一个。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#multi_accept',
  },
  accept_mutex: {
    syntax: 'accept_mutex on | off;',
    summary: {
      en: 'Makes workers take turns accepting new connections instead of all waking up.',
      zh: '让 worker 轮流接受新连接，而不是同时被唤醒。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#accept_mutex',
  },
  accept_mutex_delay: {
    syntax: 'accept_mutex_delay time;',
    summary: {
      en: 'How long a worker waits before trying again to accept when another holds accept_mutex.',
      zh: '当其他 worker 持有 accept_mutex 时，本 worker 等多久再尝试接受连接。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#accept_mutex_delay',
  },
  debug_connection: {
    syntax: 'debug_connection address | CIDR | unix:;',
    summary: {
      en: 'Turns on debug logging for connections from the given addresses (nginx built with --with-debug).',
      zh: '为来自指定地址的连接开启 debug 日志（需要 nginx 以 --with-debug 编译）。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#debug_connection',
  },
  worker_aio_requests: {
    syntax: 'worker_aio_requests number;',
    summary: {
      en: 'How many asynchronous file operations a worker may have outstanding with epoll.',
      zh: '使用 epoll 时，一个 worker 同时可进行的异步文件操作数。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#worker_aio_requests',
  },
  thread_pool: {
    syntax: 'thread_pool name threads=number [max_queue=number];',
    summary: {
      en: 'Defines a pool of threads that read and send files without blocking the worker.',
      zh: '定义线程池，用来读取和发送文件而不阻塞 worker。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#thread_pool',
  },
  ssl_object_cache_inheritable: {
    syntax: 'ssl_object_cache_inheritable on | off;',
    summary: {
      en: 'Whether loaded certificates and keys are kept across configuration reloads.',
      zh: '重新加载配置时，是否保留已加载的证书和私钥。',
    },
    url: 'https://nginx.org/en/docs/ngx_core_module.html#ssl_object_cache_inheritable',
  },
  // ngx_http_core_module
  http: {
    syntax: 'http { ... }',
    summary: {
      en: 'The HTTP server: every map, upstream and server lives inside.',
      zh: 'HTTP 服务器的配置块：所有 map、upstream 和 server 都写在里面。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#http',
  },
  variables_hash_max_size: {
    syntax: 'variables_hash_max_size size;',
    summary: {
      en: 'The largest size of nginx\'s table of variables.',
      zh: 'nginx 变量哈希表的最大大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#variables_hash_max_size',
  },
  variables_hash_bucket_size: {
    syntax: 'variables_hash_bucket_size size;',
    summary: {
      en: 'The bucket size of nginx\'s table of variables.',
      zh: 'nginx 变量哈希表的桶大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#variables_hash_bucket_size',
  },
  server_names_hash_max_size: {
    syntax: 'server_names_hash_max_size size;',
    summary: {
      en: 'The largest size of the table of server names; nginx asks to raise it when it has many names.',
      zh: '服务器名哈希表的最大大小；名字很多时 nginx 会提示调大它。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#server_names_hash_max_size',
  },
  server_names_hash_bucket_size: {
    syntax: 'server_names_hash_bucket_size size;',
    summary: {
      en: 'The bucket size of the table of server names; long names make nginx refuse to start until it is raised.',
      zh: '服务器名哈希表的桶大小；名字很长时，不调大它 nginx 就无法启动。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#server_names_hash_bucket_size',
    lesson: 'common-errors',
  },
  server: {
    syntax: 'server { ... }\nserver address [parameters];',
    summary: {
      en: 'In `http`: one virtual server, with the addresses it listens on, its names and its locations. In `upstream`: one backend of the group, with its weight, max_fails, fail_timeout, backup or down.',
      zh: '在 http 中：一个虚拟服务器，包含它监听的地址、名字和各个 location。在 upstream 中：组里的一台后端，可带 weight、max_fails、fail_timeout、backup 或 down 参数。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#server',
    lesson: 'load-balancing',
  },
  connection_pool_size: {
    syntax: 'connection_pool_size size;',
    summary: {
      en: 'The memory nginx allocates per connection at first; rarely worth changing.',
      zh: 'nginx 为每个连接预先分配的内存；很少需要修改。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#connection_pool_size',
  },
  request_pool_size: {
    syntax: 'request_pool_size size;',
    summary: {
      en: 'The memory nginx allocates per request at first; rarely worth changing.',
      zh: 'nginx 为每个请求预先分配的内存；很少需要修改。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#request_pool_size',
  },
  client_header_timeout: {
    syntax: 'client_header_timeout time;',
    summary: {
      en: 'How long nginx waits for the whole request head (request line and headers); then it answers 408.',
      zh: 'nginx 等待完整请求头（请求行和各个头部）的时间；超时返回 408。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#client_header_timeout',
    lesson: 'timeouts-and-pings',
  },
  client_header_buffer_size: {
    syntax: 'client_header_buffer_size size;',
    summary: {
      en: 'The buffer for the request head. Longer request lines or headers move to large_client_header_buffers.',
      zh: '读取请求头的缓冲区。更长的请求行或头部会转入 large_client_header_buffers。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#client_header_buffer_size',
    lesson: 'common-errors',
  },
  large_client_header_buffers: {
    syntax: 'large_client_header_buffers number size;',
    summary: {
      en: 'Buffers for long request lines and headers: a request line longer than one buffer gets 414, a header line 400 (Request Header Or Cookie Too Large).',
      zh: '为较长的请求行和头部准备的缓冲区：请求行超过一个缓冲区返回 414，某个头部超过则返回 400（Request Header Or Cookie Too Large）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#large_client_header_buffers',
    lesson: 'common-errors',
  },
  ignore_invalid_headers: {
    syntax: 'ignore_invalid_headers on | off;',
    summary: {
      en: 'Whether nginx drops request headers with invalid names instead of passing them on.',
      zh: 'nginx 是否丢弃名字不合法的请求头，而不是转发它们。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#ignore_invalid_headers',
  },
  merge_slashes: {
    syntax: 'merge_slashes on | off;',
    summary: {
      en: 'Whether `//` in the URI is merged into one `/` before locations are matched.',
      zh: '匹配 location 之前，是否把 URI 中的 `//` 合并成一个 `/`。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#merge_slashes',
  },
  underscores_in_headers: {
    syntax: 'underscores_in_headers on | off;',
    summary: {
      en: 'Whether request headers with underscores in their names are accepted, or ignored.',
      zh: '是否接受名字中带下划线的请求头，还是忽略它们。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#underscores_in_headers',
  },
  location: {
    syntax: 'location [ = | ~ | ~* | ^~ ] uri { ... }\nlocation @name { ... }',
    summary: {
      en: 'Settings for requests whose URI matches: exact `=`, prefix, `^~` prefix that skips regexes, or regex `~` / `~*`. The WebSocket endpoint usually gets a location of its own.',
      zh: '为 URI 匹配的请求设置配置：精确匹配 `=`、前缀匹配、跳过正则的 `^~` 前缀匹配，或正则 `~` / `~*`。WebSocket 端点通常有自己单独的 location。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#location',
    lesson: 'upgrade-handshake',
  },
  listen: {
    syntax: 'listen address[:port] [default_server] [ssl] [http2 | quic] [proxy_protocol] [setfib=number] [fastopen=number] [backlog=number] [rcvbuf=size] [sndbuf=size] [accept_filter=filter] [deferred] [bind] [ipv6only=on|off] [reuseport] [multipath] [so_keepalive=on|off|[keepidle]:[keepintvl]:[keepcnt]];\nlisten port [default_server] [ssl] [http2 | quic] [proxy_protocol] [setfib=number] [fastopen=number] [backlog=number] [rcvbuf=size] [sndbuf=size] [accept_filter=filter] [deferred] [bind] [ipv6only=on|off] [reuseport] [multipath] [so_keepalive=on|off|[keepidle]:[keepintvl]:[keepcnt]];\nlisten unix:path [default_server] [ssl] [http2 | quic] [proxy_protocol] [backlog=number] [rcvbuf=size] [sndbuf=size] [accept_filter=filter] [deferred] [bind] [so_keepalive=on|off|[keepidle]:[keepintvl]:[keepcnt]];',
    summary: {
      en: 'The address and port a server accepts connections on; `ssl` makes it TLS (wss://), `default_server` makes it the server for unknown names.',
      zh: 'server 接受连接的地址和端口；加 ssl 表示使用 TLS（wss://），default_server 表示它负责未知的主机名。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#listen',
    lesson: 'tls-termination',
  },
  server_name: {
    syntax: 'server_name name ...;',
    summary: {
      en: 'The Host names a server answers: exact, `*.wildcard`, or `~regex`. When no name matches, the address\'s default server answers (the first one, unless another has default_server).',
      zh: 'server 响应的主机名（Host）：精确名、`*.通配符` 或 `~正则`。没有名字匹配时，由该地址的默认 server 应答（即第一个 server，除非另一个标了 default_server）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#server_name',
  },
  types_hash_max_size: {
    syntax: 'types_hash_max_size size;',
    summary: {
      en: 'The largest size of the table of MIME types.',
      zh: 'MIME 类型哈希表的最大大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#types_hash_max_size',
  },
  types_hash_bucket_size: {
    syntax: 'types_hash_bucket_size size;',
    summary: {
      en: 'The bucket size of the table of MIME types.',
      zh: 'MIME 类型哈希表的桶大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#types_hash_bucket_size',
  },
  types: {
    syntax: 'types { ... }',
    summary: {
      en: 'Maps file extensions to the Content-Type of files nginx serves; usually included from mime.types.',
      zh: '把文件扩展名映射为 nginx 所发文件的 Content-Type；通常从 mime.types 引入。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#types',
  },
  default_type: {
    syntax: 'default_type mime-type;',
    summary: {
      en: 'The Content-Type of files whose extension no `types` entry names.',
      zh: '扩展名不在 types 中的文件使用的 Content-Type。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#default_type',
  },
  root: {
    syntax: 'root path;',
    summary: {
      en: 'The folder files are served from: the request\'s URI is appended to it.',
      zh: '提供文件的目录：请求的 URI 会拼接在它后面。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#root',
  },
  alias: {
    syntax: 'alias path;',
    summary: {
      en: 'The folder that replaces the location\'s prefix when serving files (root appends the whole URI instead).',
      zh: '提供文件时替换 location 前缀的目录（root 则是拼接完整 URI）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#alias',
  },
  limit_except: {
    syntax: 'limit_except method ... { ... }',
    summary: {
      en: 'Access rules (allow, deny, auth_basic) for every method except the ones listed.',
      zh: '对未列出的 HTTP 方法执行的访问规则（allow、deny、auth_basic）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#limit_except',
  },
  client_max_body_size: {
    syntax: 'client_max_body_size size;',
    summary: {
      en: 'The largest request body nginx accepts; a bigger Content-Length gets 413. `0` turns the check off.',
      zh: 'nginx 接受的最大请求体；Content-Length 超出时返回 413。设为 0 表示不检查。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#client_max_body_size',
    lesson: 'common-errors',
  },
  client_body_buffer_size: {
    syntax: 'client_body_buffer_size size;',
    summary: {
      en: 'The memory buffer for a request body; larger bodies are written to a temporary file.',
      zh: '请求体的内存缓冲区；更大的请求体会写入临时文件。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#client_body_buffer_size',
  },
  client_body_timeout: {
    syntax: 'client_body_timeout time;',
    summary: {
      en: 'How long nginx waits between two reads of the request body; then it answers 408.',
      zh: 'nginx 两次读取请求体之间的最长等待时间；超时返回 408。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#client_body_timeout',
    lesson: 'timeouts-and-pings',
  },
  client_body_temp_path: {
    syntax: 'client_body_temp_path path [level1 [level2 [level3]]];',
    summary: {
      en: 'The folder for temporary files holding request bodies.',
      zh: '存放请求体临时文件的目录。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#client_body_temp_path',
  },
  client_body_in_file_only: {
    syntax: 'client_body_in_file_only on | clean | off;',
    summary: {
      en: 'Whether nginx saves every request body to a file (for debugging, or for $request_body_file).',
      zh: 'nginx 是否把每个请求体都存到文件里（用于调试或 $request_body_file）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#client_body_in_file_only',
  },
  client_body_in_single_buffer: {
    syntax: 'client_body_in_single_buffer on | off;',
    summary: {
      en: 'Whether nginx keeps the whole request body in one buffer (useful with $request_body).',
      zh: 'nginx 是否把整个请求体放在一个缓冲区里（配合 $request_body 使用）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#client_body_in_single_buffer',
  },
  sendfile: {
    syntax: 'sendfile on | off;',
    summary: {
      en: 'Lets the kernel copy files straight to the socket (sendfile()).',
      zh: '让内核直接把文件复制到套接字（sendfile()）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#sendfile',
  },
  sendfile_max_chunk: {
    syntax: 'sendfile_max_chunk size;',
    summary: {
      en: 'The most one sendfile() call may send, so one fast client does not hold a worker.',
      zh: '单次 sendfile() 最多发送的数据量，避免一个快速客户端占住 worker。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#sendfile_max_chunk',
  },
  subrequest_output_buffer_size: {
    syntax: 'subrequest_output_buffer_size size;',
    summary: {
      en: 'The buffer that holds the body of a subrequest\'s answer.',
      zh: '保存子请求响应正文的缓冲区。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#subrequest_output_buffer_size',
  },
  aio: {
    syntax: 'aio on | off | threads[=pool];',
    summary: {
      en: 'Reads files asynchronously (on Linux with threads or O_DIRECT), so workers do not block on disk.',
      zh: '异步读取文件（Linux 上使用线程或 O_DIRECT），避免 worker 因磁盘阻塞。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#aio',
  },
  aio_write: {
    syntax: 'aio_write on | off;',
    summary: {
      en: 'With aio threads, also writes temporary files asynchronously.',
      zh: '在使用 aio threads 时，也异步写入临时文件。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#aio_write',
  },
  read_ahead: {
    syntax: 'read_ahead size;',
    summary: {
      en: 'How much the kernel reads ahead when nginx reads files.',
      zh: 'nginx 读取文件时内核预读的数据量。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#read_ahead',
  },
  directio: {
    syntax: 'directio size | off;',
    summary: {
      en: 'Reads files of at least this size with O_DIRECT, bypassing the page cache.',
      zh: '对不小于该大小的文件使用 O_DIRECT 读取，绕过页缓存。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#directio',
  },
  directio_alignment: {
    syntax: 'directio_alignment size;',
    summary: {
      en: 'The alignment O_DIRECT reads need (usually 512 bytes, 4k on XFS).',
      zh: 'O_DIRECT 读取所需的对齐大小（通常 512 字节，XFS 上为 4k）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#directio_alignment',
  },
  tcp_nopush: {
    syntax: 'tcp_nopush on | off;',
    summary: {
      en: 'With sendfile, sends the response head and the start of a file in one packet (TCP_CORK).',
      zh: '配合 sendfile，把响应头和文件开头放在同一个包里发送（TCP_CORK）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#tcp_nopush',
  },
  tcp_nodelay: {
    syntax: 'tcp_nodelay on | off;',
    summary: {
      en: 'Sends small packets at once (TCP_NODELAY); nginx turns it on for keep-alive connections and WebSocket tunnels, so small frames are not delayed.',
      zh: '立即发送小包（TCP_NODELAY）；nginx 在长连接和 WebSocket 隧道上启用它，这样小帧不会被延迟。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#tcp_nodelay',
  },
  send_timeout: {
    syntax: 'send_timeout time;',
    summary: {
      en: 'How long nginx waits between two writes to a client that does not read; then it closes the connection.',
      zh: '客户端不读取数据时，nginx 两次写入之间的最长等待时间；超时就关闭连接。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#send_timeout',
    lesson: 'timeouts-and-pings',
  },
  send_lowat: {
    syntax: 'send_lowat size;',
    summary: {
      en: 'The SO_SNDLOWAT socket option: how much free send buffer counts as writable.',
      zh: '套接字的 SO_SNDLOWAT 选项：发送缓冲区空出多少才算可写。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#send_lowat',
  },
  postpone_output: {
    syntax: 'postpone_output size;',
    summary: {
      en: 'nginx holds output until it has at least this many bytes to send.',
      zh: 'nginx 攒够这么多字节后才发送输出。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#postpone_output',
  },
  limit_rate: {
    syntax: 'limit_rate rate;',
    summary: {
      en: 'Limits how fast an answer is sent to a client, in bytes per second.',
      zh: '限制向客户端发送响应的速度，单位为字节每秒。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#limit_rate',
  },
  limit_rate_after: {
    syntax: 'limit_rate_after size;',
    summary: {
      en: 'Sends this much of an answer at full speed before limit_rate applies.',
      zh: '在 limit_rate 生效之前，先全速发送这么多数据。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#limit_rate_after',
  },
  keepalive_time: {
    syntax: 'keepalive_time time;',
    summary: {
      en: 'How long one keep-alive client connection may serve requests in total; then it is closed after the current request.',
      zh: '一条客户端长连接处理请求的总时长上限；到时会在当前请求结束后关闭。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#keepalive_time',
  },
  keepalive_timeout: {
    syntax: 'keepalive_timeout timeout [header_timeout];',
    summary: {
      en: 'How long an idle keep-alive client connection stays open; `0` turns keep-alive off. Not a WebSocket timeout: an upgraded connection follows proxy_read_timeout. (In `upstream`: how long idle backend connections stay cached.)',
      zh: '空闲的客户端长连接保持多久；设为 0 表示关闭长连接。它不是 WebSocket 的超时：升级后的连接受 proxy_read_timeout 控制。（在 upstream 中：空闲的后端连接在缓存中保留多久。）',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#keepalive_timeout',
    lesson: 'timeouts-and-pings',
  },
  keepalive_requests: {
    syntax: 'keepalive_requests number;',
    summary: {
      en: 'How many requests one keep-alive client connection may serve; then nginx closes it. (In `upstream`: the same for backend connections.)',
      zh: '一条客户端长连接最多处理多少个请求，之后 nginx 会关闭它。（在 upstream 中：对后端连接的同样限制。）',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#keepalive_requests',
  },
  keepalive_disable: {
    syntax: 'keepalive_disable none | browser ...;',
    summary: {
      en: 'Turns keep-alive off for misbehaving browsers (msie6, safari).',
      zh: '对行为异常的浏览器（msie6、safari）关闭长连接。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#keepalive_disable',
  },
  satisfy: {
    syntax: 'satisfy all | any;',
    summary: {
      en: 'Whether a request must pass all access checks (allow/deny, auth_basic, auth_request) or any one of them.',
      zh: '请求必须通过全部访问检查（allow/deny、auth_basic、auth_request），还是通过其中之一即可。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#satisfy',
  },
  auth_delay: {
    syntax: 'auth_delay time;',
    summary: {
      en: 'Delays 401 answers to failed authentication, against timing attacks.',
      zh: '认证失败时延迟返回 401，防御计时攻击。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#auth_delay',
  },
  internal: {
    syntax: 'internal;',
    summary: {
      en: 'Makes a location reachable only by internal redirects (error_page, rewrite, try_files…); a client asking for it directly gets 404.',
      zh: '让 location 只能通过内部跳转（error_page、rewrite、try_files 等）访问；客户端直接请求会得到 404。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#internal',
  },
  lingering_close: {
    syntax: 'lingering_close off | on | always;',
    summary: {
      en: 'Whether nginx keeps reading (and dropping) what a client still sends before it closes, so the client gets the answer.',
      zh: '关闭连接前，nginx 是否继续读取并丢弃客户端仍在发送的数据，以确保客户端能收到响应。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#lingering_close',
  },
  lingering_time: {
    syntax: 'lingering_time time;',
    summary: {
      en: 'The longest nginx spends draining a client\'s data under lingering_close.',
      zh: 'lingering_close 时，nginx 读取并丢弃客户端数据的最长总时间。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#lingering_time',
  },
  lingering_timeout: {
    syntax: 'lingering_timeout time;',
    summary: {
      en: 'How long nginx waits for more client data under lingering_close before closing.',
      zh: 'lingering_close 时，nginx 等待更多客户端数据的时间，超时即关闭。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#lingering_timeout',
  },
  reset_timedout_connection: {
    syntax: 'reset_timedout_connection on | off;',
    summary: {
      en: 'Resets timed-out connections (TCP RST) instead of closing them normally, freeing memory at once.',
      zh: '对超时的连接发送 TCP RST 而不是正常关闭，立即释放内存。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#reset_timedout_connection',
  },
  absolute_redirect: {
    syntax: 'absolute_redirect on | off;',
    summary: {
      en: 'Whether nginx\'s own redirects carry an absolute URL in Location, or a relative one.',
      zh: 'nginx 自身发出的重定向中，Location 用绝对地址还是相对地址。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#absolute_redirect',
  },
  server_name_in_redirect: {
    syntax: 'server_name_in_redirect on | off;',
    summary: {
      en: 'Whether nginx\'s own absolute redirects use the first server_name instead of the Host header.',
      zh: 'nginx 自身的绝对重定向是否使用第一个 server_name，而不是请求的 Host 头。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#server_name_in_redirect',
  },
  port_in_redirect: {
    syntax: 'port_in_redirect on | off;',
    summary: {
      en: 'Whether nginx\'s own absolute redirects include the port.',
      zh: 'nginx 自身的绝对重定向是否带上端口号。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#port_in_redirect',
  },
  msie_padding: {
    syntax: 'msie_padding on | off;',
    summary: {
      en: 'Pads error pages for Internet Explorer so it shows them instead of its own.',
      zh: '为 Internet Explorer 填充错误页，让它显示 nginx 的页面而不是自己的。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#msie_padding',
  },
  msie_refresh: {
    syntax: 'msie_refresh on | off;',
    summary: {
      en: 'Answers Internet Explorer with a page that refreshes instead of a redirect.',
      zh: '对 Internet Explorer 用自动刷新的页面代替重定向。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#msie_refresh',
  },
  log_not_found: {
    syntax: 'log_not_found on | off;',
    summary: {
      en: 'Whether missing files are logged in the error log.',
      zh: '是否在错误日志中记录找不到的文件。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#log_not_found',
  },
  log_subrequest: {
    syntax: 'log_subrequest on | off;',
    summary: {
      en: 'Whether subrequests are written to the access log.',
      zh: '是否把子请求写入访问日志。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#log_subrequest',
  },
  recursive_error_pages: {
    syntax: 'recursive_error_pages on | off;',
    summary: {
      en: 'Lets an error_page target have error_page handling of its own.',
      zh: '允许 error_page 的目标再次触发 error_page 处理。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#recursive_error_pages',
    lesson: 'common-errors',
  },
  server_tokens: {
    syntax: 'server_tokens on | off | build | string;',
    summary: {
      en: 'Whether nginx shows its version in the Server header and on error pages.',
      zh: 'nginx 是否在 Server 头和错误页中显示版本号。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#server_tokens',
  },
  if_modified_since: {
    syntax: 'if_modified_since off | exact | before;',
    summary: {
      en: 'How a file\'s time is compared with If-Modified-Since to answer 304 (off, exact, before).',
      zh: '如何把文件时间与 If-Modified-Since 比较以返回 304（off、exact、before）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#if_modified_since',
  },
  max_ranges: {
    syntax: 'max_ranges number;',
    summary: {
      en: 'The most byte ranges a Range request may ask for; `0` turns ranges off.',
      zh: '一个 Range 请求最多可要求的字节范围数；设为 0 表示禁用范围请求。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#max_ranges',
  },
  chunked_transfer_encoding: {
    syntax: 'chunked_transfer_encoding on | off;',
    summary: {
      en: 'Whether nginx may send chunked answers to HTTP/1.1 clients.',
      zh: 'nginx 是否可以向 HTTP/1.1 客户端发送分块（chunked）响应。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#chunked_transfer_encoding',
  },
  etag: {
    syntax: 'etag on | off;',
    summary: {
      en: 'Whether files are sent with an ETag header.',
      zh: '发送文件时是否带 ETag 头。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#etag',
  },
  error_page: {
    syntax: 'error_page code ... [=[response]] uri;',
    summary: {
      en: 'The URI (or named location) shown for the listed status codes, optionally with another status (`=200`). A failed handshake can get a friendly page this way.',
      zh: '为列出的状态码显示的 URI（或命名 location），还可以改成别的状态码（如 =200）。握手失败时可以借此返回友好的页面。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#error_page',
    lesson: 'common-errors',
  },
  open_file_cache: {
    syntax: 'open_file_cache off;\nopen_file_cache max=N [inactive=time];',
    summary: {
      en: 'Caches open file descriptors and file information (sizes, times, existence).',
      zh: '缓存已打开的文件描述符和文件信息（大小、时间、是否存在）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#open_file_cache',
  },
  open_file_cache_valid: {
    syntax: 'open_file_cache_valid time;',
    summary: {
      en: 'How often open_file_cache entries are checked again.',
      zh: '多久重新校验一次 open_file_cache 中的条目。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#open_file_cache_valid',
  },
  open_file_cache_min_uses: {
    syntax: 'open_file_cache_min_uses number;',
    summary: {
      en: 'How many uses keep a descriptor in open_file_cache.',
      zh: '文件描述符至少被使用多少次才保留在 open_file_cache 中。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#open_file_cache_min_uses',
  },
  open_file_cache_errors: {
    syntax: 'open_file_cache_errors on | off;',
    summary: {
      en: 'Whether open_file_cache also remembers file errors (not found, no permission).',
      zh: 'open_file_cache 是否也缓存文件错误（不存在、无权限）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#open_file_cache_errors',
  },
  open_file_cache_events: {
    syntax: 'open_file_cache_events on | off;',
    summary: {
      en: 'Whether open_file_cache uses kernel events to notice file changes.',
      zh: 'open_file_cache 是否使用内核事件来感知文件变化。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#open_file_cache_events',
  },
  resolver: {
    syntax: 'resolver address ... [valid=time] [ipv4=on|off] [ipv6=on|off] [status_zone=zone];',
    summary: {
      en: 'The DNS servers nginx asks at request time, e.g. for a proxy_pass whose host comes from a variable. Without one, such a request fails with 502.',
      zh: 'nginx 在处理请求时使用的 DNS 服务器，例如主机名来自变量的 proxy_pass。没有配置时，这类请求会以 502 失败。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#resolver',
  },
  resolver_timeout: {
    syntax: 'resolver_timeout time;',
    summary: {
      en: 'How long nginx waits for the resolver to answer.',
      zh: 'nginx 等待 resolver 应答的时间。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#resolver_timeout',
  },
  disable_symlinks: {
    syntax: 'disable_symlinks off;\ndisable_symlinks on | if_not_owner [from=part];',
    summary: {
      en: 'How nginx treats symbolic links when it opens files.',
      zh: 'nginx 打开文件时如何对待符号链接。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#disable_symlinks',
  },
  max_headers: {
    syntax: 'max_headers number;',
    summary: {
      en: 'The most header lines a request may have; past it nginx answers 400.',
      zh: '一个请求最多可带的头部行数；超出时 nginx 返回 400。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#max_headers',
  },
  keepalive_min_timeout: {
    syntax: 'keepalive_min_timeout timeout;',
    summary: {
      en: 'How long an idle keep-alive client connection is kept even when nginx would close it to reuse connections or to shut a worker down.',
      zh: '即使 nginx 为复用连接或关闭 worker 而想关闭空闲长连接，也至少保留这么久。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#keepalive_min_timeout',
  },
  early_hints: {
    syntax: 'early_hints string ...;',
    summary: {
      en: 'When nginx passes a backend\'s 103 Early Hints answer on to the client.',
      zh: '在什么条件下 nginx 把后端的 103 Early Hints 响应转发给客户端。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#early_hints',
  },
  output_buffers: {
    syntax: 'output_buffers number size;',
    summary: {
      en: 'The buffers used for reading files from disk when sending them.',
      zh: '发送文件时从磁盘读取数据所用的缓冲区。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#output_buffers',
  },
  try_files: {
    syntax: 'try_files file ... uri;\ntry_files file ... =code;',
    summary: {
      en: 'Checks files in order and serves the first that exists; otherwise redirects internally to the last argument (or answers its `=code`).',
      zh: '依次检查文件并返回第一个存在的；都不存在时内部跳转到最后一个参数（或返回其 =状态码）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#try_files',
  },
  // ngx_http_gzip_module
  gzip_vary: {
    syntax: 'gzip_vary on | off;',
    summary: {
      en: 'Adds Vary: Accept-Encoding to answers gzip may compress.',
      zh: '给可能被 gzip 压缩的响应加上 Vary: Accept-Encoding。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_gzip_module.html#gzip_vary',
  },
  gzip_http_version: {
    syntax: 'gzip_http_version 1.0 | 1.1;',
    summary: {
      en: 'The lowest HTTP version of a request whose answer gzip compresses.',
      zh: '响应会被 gzip 压缩的请求的最低 HTTP 版本。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_gzip_module.html#gzip_http_version',
  },
  gzip_proxied: {
    syntax: 'gzip_proxied off | expired | no-cache | no-store | private | no_last_modified | no_etag | auth | any ...;',
    summary: {
      en: 'Whether answers to requests that came through a proxy (with a Via header) are compressed, and on which conditions.',
      zh: '对经过代理（带 Via 头）的请求，其响应是否压缩，以及在哪些条件下压缩。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_gzip_module.html#gzip_proxied',
  },
  gzip_disable: {
    syntax: 'gzip_disable regex ...;',
    summary: {
      en: 'Turns gzip off for clients whose User-Agent matches these regexes.',
      zh: '对 User-Agent 匹配这些正则的客户端关闭 gzip。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_gzip_module.html#gzip_disable',
  },
  gzip: {
    syntax: 'gzip on | off;',
    summary: {
      en: 'Compresses answers with gzip for clients that accept it. Upgraded WebSocket traffic is never compressed by it.',
      zh: '对支持 gzip 的客户端压缩响应。升级后的 WebSocket 流量不会被它压缩。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_gzip_module.html#gzip',
  },
  gzip_buffers: {
    syntax: 'gzip_buffers number size;',
    summary: {
      en: 'The number and size of buffers for compressing an answer.',
      zh: '压缩一个响应所用的缓冲区数量和大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_gzip_module.html#gzip_buffers',
  },
  gzip_types: {
    syntax: 'gzip_types mime-type ...;',
    summary: {
      en: 'The Content-Types compressed besides text/html (`*` for all).',
      zh: '除 text/html 外还要压缩的 Content-Type（* 表示全部）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_gzip_module.html#gzip_types',
  },
  gzip_comp_level: {
    syntax: 'gzip_comp_level level;',
    summary: {
      en: 'The compression level, from 1 (fast) to 9 (small).',
      zh: '压缩级别，从 1（最快）到 9（最小）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_gzip_module.html#gzip_comp_level',
  },
  gzip_min_length: {
    syntax: 'gzip_min_length length;',
    summary: {
      en: 'The smallest answer (by Content-Length) that is compressed.',
      zh: '会被压缩的最小响应（按 Content-Length 判断）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_gzip_module.html#gzip_min_length',
  },
  // ngx_http_upstream_module
  upstream: {
    syntax: 'upstream name { ... }',
    summary: {
      en: 'A named group of backend servers that proxy_pass can send to, balanced round-robin unless ip_hash, hash, least_conn or random says otherwise.',
      zh: '一组有名字的后端服务器，proxy_pass 可以把请求发给它；默认轮询分配，除非用 ip_hash、hash、least_conn 或 random 另行指定。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#upstream',
    lesson: 'load-balancing',
  },
  keepalive: {
    syntax: 'keepalive connections [local];',
    summary: {
      en: 'How many idle connections to the backends each worker keeps for reuse. For HTTP they need proxy_http_version 1.1 and an empty Connection header; an upgraded WebSocket connection is never put back.',
      zh: '每个 worker 为复用而保留的空闲后端连接数。对 HTTP 来说，需要 proxy_http_version 1.1 并清空 Connection 头；升级后的 WebSocket 连接永远不会放回缓存。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#keepalive',
    lesson: 'proxy-http-version',
  },
  ip_hash: {
    syntax: 'ip_hash;',
    summary: {
      en: 'Sends each client to the same backend, chosen from its IPv4 address\'s first three bytes (or its whole IPv6 address): sticky sessions without cookies.',
      zh: '按客户端 IPv4 地址的前三个字节（或完整的 IPv6 地址）选择后端，让同一客户端总是去同一台后端：不用 cookie 的会话保持。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#ip_hash',
    lesson: 'load-balancing',
  },
  least_conn: {
    syntax: 'least_conn;',
    summary: {
      en: 'Sends each request to the backend with the fewest active connections, by weight. Suits WebSockets, whose connections last long and vary in number per backend.',
      zh: '把请求发给活动连接最少的后端（考虑权重）。适合 WebSocket：它们的连接持续时间长，各后端上的连接数差别大。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#least_conn',
    lesson: 'load-balancing',
  },
  hash: {
    syntax: 'hash key [consistent];',
    summary: {
      en: 'Chooses the backend from a hash of a key (text and variables, e.g. `$request_uri`); `consistent` uses ketama hashing so few keys move when servers change.',
      zh: '根据一个键（文本和变量，如 `$request_uri`）的哈希选择后端；加 consistent 使用 ketama 一致性哈希，服务器增减时只有少量键被重新分配。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#hash',
    lesson: 'load-balancing',
  },
  random: {
    syntax: 'random [two [method]];',
    summary: {
      en: 'Sends each request to a random backend, by weight; `two` picks two at random and takes the better by `least_conn`.',
      zh: '按权重把请求发给随机的后端；加 two 时随机选两台，再按 least_conn 取较优者。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#random',
    lesson: 'load-balancing',
  },
  zone: {
    syntax: 'zone name [size];',
    summary: {
      en: 'A shared memory zone that keeps the group\'s configuration and state (failures, connection counts) common to all workers.',
      zh: '一块共享内存区，让所有 worker 共用上游组的配置和运行状态（失败次数、连接数）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#zone',
    lesson: 'load-balancing',
  },
  sticky: {
    syntax: 'sticky cookie name [expires=time] [domain=domain] [httponly] [samesite=strict|lax|none|$variable] [secure] [path=path];\nsticky route $variable ...;\nsticky learn create=$variable lookup=$variable zone=name:size [timeout=time] [header] [sync];',
    summary: {
      en: 'Keeps a client on the same backend by a cookie nginx sets, by a route taken from variables, or by learning the backend\'s own session id.',
      zh: '通过 nginx 设置的 cookie、由变量得到的路由，或学习后端自己的会话 ID，让客户端一直落在同一台后端。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#sticky',
    lesson: 'load-balancing',
  },
  // ngx_http_log_module
  log_format: {
    syntax: 'log_format name [escape=default|json|none] string ...;',
    summary: {
      en: 'Defines a named format for access_log lines, from text and variables; `combined` is predefined. Adding $upstream_addr, $upstream_status and $request_time helps debug proxying.',
      zh: '用文本和变量定义有名字的 access_log 行格式；combined 是预定义的。加上 $upstream_addr、$upstream_status 和 $request_time 有助于排查代理问题。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_log_module.html#log_format',
    lesson: 'common-errors',
  },
  access_log: {
    syntax: 'access_log path [format [buffer=size] [gzip[=level]] [flush=time] [if=condition]];\naccess_log off;',
    summary: {
      en: 'Where requests are logged and in which log_format; `off` turns it off. A WebSocket is logged once, when it closes, with status 101 and the bytes sent to the client over the whole session.',
      zh: '请求记录到哪里、用哪个 log_format；off 表示关闭。一条 WebSocket 只在关闭时记录一次，状态为 101，字节数是整个会话中发给客户端的总量。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_log_module.html#access_log',
    lesson: 'common-errors',
  },
  open_log_file_cache: {
    syntax: 'open_log_file_cache max=N [inactive=time] [min_uses=N] [valid=time];\nopen_log_file_cache off;',
    summary: {
      en: 'Caches the descriptors of log files whose names contain variables.',
      zh: '缓存文件名中含变量的日志文件的描述符。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_log_module.html#open_log_file_cache',
  },
  // ngx_http_proxy_module
  proxy_pass: {
    syntax: 'proxy_pass URL;',
    summary: {
      en: 'Sends the request to a backend: an address, an upstream group, or a URL with variables. With a URI part, the matched location prefix is replaced by it. For WebSockets it also needs the Upgrade and Connection headers set.',
      zh: '把请求发给后端：一个地址、一个上游组，或带变量的 URL。URL 带 URI 部分时，匹配到的 location 前缀会被它替换。用于 WebSocket 时还需要设置 Upgrade 和 Connection 头。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass',
    lesson: 'upgrade-handshake',
  },
  proxy_redirect: {
    syntax: 'proxy_redirect default;\nproxy_redirect off;\nproxy_redirect redirect replacement;',
    summary: {
      en: 'Rewrites the Location and Refresh headers of the backend\'s redirects, so they point at nginx rather than the backend.',
      zh: '改写后端重定向中的 Location 和 Refresh 头，让它们指向 nginx 而不是后端。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_redirect',
  },
  proxy_cookie_domain: {
    syntax: 'proxy_cookie_domain off;\nproxy_cookie_domain domain replacement;',
    summary: {
      en: 'Rewrites the domain attribute of the backend\'s Set-Cookie headers.',
      zh: '改写后端 Set-Cookie 头中的 domain 属性。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cookie_domain',
  },
  proxy_cookie_path: {
    syntax: 'proxy_cookie_path off;\nproxy_cookie_path path replacement;',
    summary: {
      en: 'Rewrites the path attribute of the backend\'s Set-Cookie headers.',
      zh: '改写后端 Set-Cookie 头中的 path 属性。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cookie_path',
  },
  proxy_cookie_flags: {
    syntax: 'proxy_cookie_flags off | cookie [flag ...];',
    summary: {
      en: 'Adds or removes flags (secure, httponly, samesite) on the backend\'s cookies.',
      zh: '给后端的 cookie 添加或移除标志（secure、httponly、samesite）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cookie_flags',
  },
  proxy_store: {
    syntax: 'proxy_store on | off | string;',
    summary: {
      en: 'Saves the backend\'s answers as files on disk (a simple mirror).',
      zh: '把后端的响应存成磁盘上的文件（简单镜像）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_store',
  },
  proxy_store_access: {
    syntax: 'proxy_store_access users:permissions ...;',
    summary: {
      en: 'The permissions of files saved by proxy_store.',
      zh: 'proxy_store 所存文件的权限。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_store_access',
  },
  proxy_buffering: {
    syntax: 'proxy_buffering on | off;',
    summary: {
      en: 'Whether nginx reads the backend\'s answer into buffers before sending it, or passes it on at once. Turn it off for streamed answers such as Server-Sent Events; an upgraded WebSocket is never buffered.',
      zh: 'nginx 是先把后端响应读进缓冲区再发送，还是立即转发。对 Server-Sent Events 这类流式响应应关闭它；升级后的 WebSocket 从不缓冲。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_buffering',
  },
  proxy_request_buffering: {
    syntax: 'proxy_request_buffering on | off;',
    summary: {
      en: 'Whether nginx reads the whole request body before sending it to the backend.',
      zh: 'nginx 是否在把请求体发给后端之前先完整读入。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_request_buffering',
  },
  proxy_ignore_client_abort: {
    syntax: 'proxy_ignore_client_abort on | off;',
    summary: {
      en: 'Whether nginx keeps the backend request going when the client closes its connection first.',
      zh: '客户端先关闭连接时，nginx 是否继续完成对后端的请求。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ignore_client_abort',
  },
  proxy_bind: {
    syntax: 'proxy_bind address [transparent] | off;',
    summary: {
      en: 'The local address nginx connects to backends from (`transparent` uses the client\'s).',
      zh: 'nginx 连接后端时使用的本地地址（transparent 表示使用客户端的地址）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_bind',
  },
  proxy_socket_keepalive: {
    syntax: 'proxy_socket_keepalive on | off;',
    summary: {
      en: 'Turns on TCP keepalive probes on backend connections; they keep idle connections known to the kernel but are no substitute for WebSocket pings.',
      zh: '在后端连接上启用 TCP keepalive 探测；它们只让内核知道空闲连接还活着，不能代替 WebSocket 的 ping。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_socket_keepalive',
    lesson: 'timeouts-and-pings',
  },
  proxy_connect_timeout: {
    syntax: 'proxy_connect_timeout time;',
    summary: {
      en: 'How long nginx waits to open the TCP connection to a backend (usually 75 seconds at most); then it tries the next one or answers 504.',
      zh: 'nginx 与后端建立 TCP 连接的等待时间（通常不能超过 75 秒）；超时后尝试下一台后端或返回 504。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_connect_timeout',
    lesson: 'timeouts-and-pings',
  },
  proxy_send_timeout: {
    syntax: 'proxy_send_timeout time;',
    summary: {
      en: 'How long nginx waits between two writes to a backend that does not read. On a WebSocket it only fires when the backend stops reading.',
      zh: '后端不读取数据时，nginx 两次写入之间的最长等待时间。在 WebSocket 上，只有后端停止读取时才会触发。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_send_timeout',
    lesson: 'timeouts-and-pings',
  },
  proxy_send_lowat: {
    syntax: 'proxy_send_lowat size;',
    summary: {
      en: 'The SO_SNDLOWAT option of backend connections.',
      zh: '后端连接的 SO_SNDLOWAT 选项。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_send_lowat',
  },
  proxy_intercept_errors: {
    syntax: 'proxy_intercept_errors on | off;',
    summary: {
      en: 'Whether backend answers with status 300 or more go to error_page instead of to the client.',
      zh: '状态码为 300 及以上的后端响应是交给 error_page 处理，还是直接发给客户端。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_intercept_errors',
    lesson: 'common-errors',
  },
  proxy_set_header: {
    syntax: 'proxy_set_header field value;',
    summary: {
      en: 'Sets a header of the request sent to the backend; an empty value removes it. A block with any proxy_set_header drops all inherited ones. Upgrade and Connection are hop-by-hop, so a WebSocket needs them set here.',
      zh: '设置发给后端的请求头；值为空表示去掉该头。一个块里只要有 proxy_set_header，就不再继承外层的任何一条。Upgrade 和 Connection 是逐跳头，WebSocket 必须在这里设置它们。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_set_header',
    lesson: 'hop-by-hop-headers',
  },
  proxy_headers_hash_max_size: {
    syntax: 'proxy_headers_hash_max_size size;',
    summary: {
      en: 'The largest size of the tables of proxy_set_header and proxy_hide_header names.',
      zh: 'proxy_set_header 和 proxy_hide_header 名字哈希表的最大大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_headers_hash_max_size',
  },
  proxy_headers_hash_bucket_size: {
    syntax: 'proxy_headers_hash_bucket_size size;',
    summary: {
      en: 'The bucket size of the tables of proxy_set_header and proxy_hide_header names.',
      zh: 'proxy_set_header 和 proxy_hide_header 名字哈希表的桶大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_headers_hash_bucket_size',
  },
  proxy_set_body: {
    syntax: 'proxy_set_body value;',
    summary: {
      en: 'Replaces the body of the request sent to the backend.',
      zh: '替换发给后端的请求体。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_set_body',
  },
  proxy_method: {
    syntax: 'proxy_method method;',
    summary: {
      en: 'The method of the request sent to the backend, in place of the client\'s.',
      zh: '发给后端的请求方法，替代客户端的方法。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_method',
  },
  proxy_pass_request_headers: {
    syntax: 'proxy_pass_request_headers on | off;',
    summary: {
      en: 'Whether the client\'s request headers are sent to the backend.',
      zh: '是否把客户端的请求头发给后端。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass_request_headers',
    lesson: 'hop-by-hop-headers',
  },
  proxy_pass_request_body: {
    syntax: 'proxy_pass_request_body on | off;',
    summary: {
      en: 'Whether the client\'s request body is sent to the backend.',
      zh: '是否把客户端的请求体发给后端。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass_request_body',
  },
  proxy_buffer_size: {
    syntax: 'proxy_buffer_size size;',
    summary: {
      en: 'The buffer for the first part of the backend\'s answer, its head: a bigger head gets 502 ("upstream sent too big header").',
      zh: '读取后端响应第一部分（响应头）的缓冲区：响应头更大时返回 502（"upstream sent too big header"）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_buffer_size',
    lesson: 'common-errors',
  },
  proxy_read_timeout: {
    syntax: 'proxy_read_timeout time;',
    summary: {
      en: 'How long nginx waits between two reads from the backend. Once a WebSocket is upgraded, it is how long the tunnel may stay silent in both directions before nginx closes it: send pings more often than this.',
      zh: 'nginx 两次从后端读取之间的最长等待时间。WebSocket 升级后，它就是隧道双向都没有数据时允许保持的时长，超过后 nginx 关闭连接：ping 的间隔要比它短。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_read_timeout',
    lesson: 'timeouts-and-pings',
  },
  proxy_buffers: {
    syntax: 'proxy_buffers number size;',
    summary: {
      en: 'The number and size of the buffers for the backend\'s answer, per connection.',
      zh: '每个连接用于读取后端响应的缓冲区数量和大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_buffers',
  },
  proxy_busy_buffers_size: {
    syntax: 'proxy_busy_buffers_size size;',
    summary: {
      en: 'How much of the buffers may be busy sending to the client while the answer is still being read.',
      zh: '响应尚未读完时，最多有多少缓冲区可以处于向客户端发送的忙碌状态。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_busy_buffers_size',
  },
  proxy_force_ranges: {
    syntax: 'proxy_force_ranges on | off;',
    summary: {
      en: 'Answers Range requests from the backend\'s answer even when the backend does not support ranges.',
      zh: '即使后端不支持范围请求，也根据后端的响应回答 Range 请求。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_force_ranges',
  },
  proxy_limit_rate: {
    syntax: 'proxy_limit_rate rate;',
    summary: {
      en: 'Limits how fast nginx reads the backend\'s answer, in bytes per second.',
      zh: '限制 nginx 读取后端响应的速度，单位为字节每秒。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_limit_rate',
  },
  proxy_cache: {
    syntax: 'proxy_cache zone | off;',
    summary: {
      en: 'The cache zone to store and serve backend answers from; `off` turns caching off.',
      zh: '用于存储并提供后端响应的缓存区；off 表示不缓存。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache',
  },
  proxy_cache_key: {
    syntax: 'proxy_cache_key string;',
    summary: {
      en: 'The key that identifies a cached answer.',
      zh: '用于标识缓存响应的键。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_key',
  },
  proxy_cache_path: {
    syntax: 'proxy_cache_path path [levels=levels] [use_temp_path=on|off] keys_zone=name:size [inactive=time] [max_size=size] [min_free=size] [manager_files=number] [manager_sleep=time] [manager_threshold=time] [loader_files=number] [loader_sleep=time] [loader_threshold=time] [purger=on|off] [purger_files=number] [purger_sleep=time] [purger_threshold=time];',
    summary: {
      en: 'The folder and shared memory zone of a cache, with its size and expiry.',
      zh: '缓存的目录和共享内存区，以及它的大小和过期设置。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_path',
  },
  proxy_cache_bypass: {
    syntax: 'proxy_cache_bypass string ...;',
    summary: {
      en: 'Conditions under which an answer is taken from the backend, not the cache.',
      zh: '在哪些条件下从后端而不是缓存获取响应。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_bypass',
  },
  proxy_no_cache: {
    syntax: 'proxy_no_cache string ...;',
    summary: {
      en: 'Conditions under which an answer is not saved to the cache.',
      zh: '在哪些条件下不把响应存入缓存。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_no_cache',
  },
  proxy_cache_valid: {
    syntax: 'proxy_cache_valid [code ...] time;',
    summary: {
      en: 'How long answers with given status codes stay cached.',
      zh: '各状态码的响应在缓存中保留多久。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_valid',
  },
  proxy_cache_min_uses: {
    syntax: 'proxy_cache_min_uses number;',
    summary: {
      en: 'How many requests an answer needs before it is cached.',
      zh: '一个响应被请求多少次之后才缓存。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_min_uses',
  },
  proxy_cache_max_range_offset: {
    syntax: 'proxy_cache_max_range_offset number;',
    summary: {
      en: 'Range requests starting beyond this offset go to the backend and are not cached.',
      zh: '起点超过该偏移量的范围请求直接发给后端，且不缓存。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_max_range_offset',
  },
  proxy_cache_use_stale: {
    syntax: 'proxy_cache_use_stale error | timeout | invalid_header | updating | http_500 | http_502 | http_503 | http_504 | http_403 | http_404 | http_429 | off ...;',
    summary: {
      en: 'When nginx may serve a stale cached answer (backend error, timeout, updating…).',
      zh: '在什么情况下（后端出错、超时、正在更新等）nginx 可以返回过期的缓存响应。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_use_stale',
  },
  proxy_cache_methods: {
    syntax: 'proxy_cache_methods GET | HEAD | POST ...;',
    summary: {
      en: 'Which request methods are cached (GET and HEAD always are).',
      zh: '哪些请求方法会被缓存（GET 和 HEAD 总是会）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_methods',
  },
  proxy_cache_lock: {
    syntax: 'proxy_cache_lock on | off;',
    summary: {
      en: 'Lets only one request at a time fill a missing cache entry; the others wait.',
      zh: '同一时间只让一个请求去填充缺失的缓存条目，其他请求等待。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_lock',
  },
  proxy_cache_lock_timeout: {
    syntax: 'proxy_cache_lock_timeout time;',
    summary: {
      en: 'How long requests wait under proxy_cache_lock before going to the backend themselves.',
      zh: '在 proxy_cache_lock 下等待多久后，请求自己去访问后端。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_lock_timeout',
  },
  proxy_cache_lock_age: {
    syntax: 'proxy_cache_lock_age time;',
    summary: {
      en: 'After this long without the filling request completing, one more request may go to the backend.',
      zh: '填充缓存的请求超过这个时间仍未完成时，允许再放一个请求去后端。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_lock_age',
  },
  proxy_cache_revalidate: {
    syntax: 'proxy_cache_revalidate on | off;',
    summary: {
      en: 'Revalidates expired cache entries with If-Modified-Since and If-None-Match.',
      zh: '用 If-Modified-Since 和 If-None-Match 重新验证过期的缓存条目。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_revalidate',
  },
  proxy_cache_convert_head: {
    syntax: 'proxy_cache_convert_head on | off;',
    summary: {
      en: 'Whether HEAD requests are turned into GET for caching.',
      zh: '缓存时是否把 HEAD 请求转换为 GET。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_convert_head',
  },
  proxy_cache_background_update: {
    syntax: 'proxy_cache_background_update on | off;',
    summary: {
      en: 'Updates an expired cache entry in the background while the stale one is served.',
      zh: '返回过期缓存的同时在后台更新该条目。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cache_background_update',
  },
  proxy_temp_path: {
    syntax: 'proxy_temp_path path [level1 [level2 [level3]]];',
    summary: {
      en: 'The folder for temporary files holding backend answers.',
      zh: '存放后端响应临时文件的目录。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_temp_path',
  },
  proxy_max_temp_file_size: {
    syntax: 'proxy_max_temp_file_size size;',
    summary: {
      en: 'The largest temporary file for one answer; `0` turns temporary files off.',
      zh: '单个响应临时文件的最大大小；设为 0 表示不使用临时文件。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_max_temp_file_size',
  },
  proxy_temp_file_write_size: {
    syntax: 'proxy_temp_file_write_size size;',
    summary: {
      en: 'How much is written to a temporary file at a time.',
      zh: '每次写入临时文件的数据量。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_temp_file_write_size',
  },
  proxy_next_upstream: {
    syntax: 'proxy_next_upstream error | timeout | denied | invalid_header | http_500 | http_502 | http_503 | http_504 | http_403 | http_404 | http_429 | non_idempotent | off ...;',
    summary: {
      en: 'In which failures nginx tries the next backend of the group (error, timeout, invalid_header, http_502…). It only applies before anything was sent to the client.',
      zh: '在哪些失败情况下 nginx 尝试组里的下一台后端（error、timeout、invalid_header、http_502 等）。只在还没有向客户端发送任何数据之前有效。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_next_upstream',
    lesson: 'load-balancing',
  },
  proxy_next_upstream_tries: {
    syntax: 'proxy_next_upstream_tries number;',
    summary: {
      en: 'The most backends tried for one request; `0` means no limit.',
      zh: '一个请求最多尝试几台后端；0 表示不限。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_next_upstream_tries',
    lesson: 'load-balancing',
  },
  proxy_next_upstream_timeout: {
    syntax: 'proxy_next_upstream_timeout time;',
    summary: {
      en: 'The longest time spent trying backends for one request; `0` means no limit.',
      zh: '一个请求尝试各台后端所花的最长时间；0 表示不限。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_next_upstream_timeout',
    lesson: 'load-balancing',
  },
  proxy_pass_header: {
    syntax: 'proxy_pass_header field;',
    summary: {
      en: 'Lets a header nginx otherwise hides (Server, Date, X-Accel-…) through to the client.',
      zh: '让原本会被 nginx 隐藏的头（Server、Date、X-Accel-… 等）传给客户端。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass_header',
    lesson: 'hop-by-hop-headers',
  },
  proxy_hide_header: {
    syntax: 'proxy_hide_header field;',
    summary: {
      en: 'Removes a header of the backend\'s answer before it reaches the client.',
      zh: '在后端响应到达客户端之前去掉其中的某个头。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_hide_header',
    lesson: 'hop-by-hop-headers',
  },
  proxy_ignore_headers: {
    syntax: 'proxy_ignore_headers field ...;',
    summary: {
      en: 'Backend headers nginx should not act on (X-Accel-Redirect, Expires, Cache-Control, Set-Cookie…).',
      zh: 'nginx 不应据以行事的后端响应头（X-Accel-Redirect、Expires、Cache-Control、Set-Cookie 等）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ignore_headers',
  },
  proxy_http_version: {
    syntax: 'proxy_http_version 1.0 | 1.1 | 2;',
    summary: {
      en: 'The HTTP version of the request sent to the backend. A WebSocket handshake needs 1.1, as does upstream keepalive: set it explicitly on nginx before 1.29.7.',
      zh: '发给后端的请求使用的 HTTP 版本。WebSocket 握手需要 1.1，上游长连接也需要：在 nginx 1.29.7 之前必须显式设置。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_http_version',
    lesson: 'proxy-http-version',
  },
  proxy_ssl_session_reuse: {
    syntax: 'proxy_ssl_session_reuse on | off;',
    summary: {
      en: 'Whether TLS sessions to an https:// backend are reused.',
      zh: '与 https:// 后端的 TLS 会话是否复用。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_session_reuse',
  },
  proxy_ssl_protocols: {
    syntax: 'proxy_ssl_protocols [SSLv2] [SSLv3] [TLSv1] [TLSv1.1] [TLSv1.2] [TLSv1.3];',
    summary: {
      en: 'The TLS versions allowed for connections to an https:// backend.',
      zh: '连接 https:// 后端时允许的 TLS 版本。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_protocols',
  },
  proxy_ssl_ciphers: {
    syntax: 'proxy_ssl_ciphers ciphers;',
    summary: {
      en: 'The ciphers allowed for connections to an https:// backend.',
      zh: '连接 https:// 后端时允许的加密套件。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_ciphers',
  },
  proxy_ssl_name: {
    syntax: 'proxy_ssl_name name;',
    summary: {
      en: 'The name used to check the backend\'s certificate and sent in SNI.',
      zh: '用于校验后端证书、并通过 SNI 发送的名字。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_name',
  },
  proxy_ssl_server_name: {
    syntax: 'proxy_ssl_server_name on | off;',
    summary: {
      en: 'Whether nginx sends the server name (SNI) to an https:// backend; many backends need it.',
      zh: 'nginx 是否向 https:// 后端发送服务器名（SNI）；很多后端需要它。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_server_name',
  },
  proxy_ssl_verify: {
    syntax: 'proxy_ssl_verify on | off;',
    summary: {
      en: 'Whether nginx checks the certificate of an https:// backend against proxy_ssl_trusted_certificate.',
      zh: 'nginx 是否用 proxy_ssl_trusted_certificate 校验 https:// 后端的证书。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_verify',
  },
  proxy_ssl_verify_depth: {
    syntax: 'proxy_ssl_verify_depth number;',
    summary: {
      en: 'How deep the backend\'s certificate chain is checked.',
      zh: '后端证书链的校验深度。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_verify_depth',
  },
  proxy_ssl_trusted_certificate: {
    syntax: 'proxy_ssl_trusted_certificate file;',
    summary: {
      en: 'The CA certificates used to check the backend\'s certificate.',
      zh: '用于校验后端证书的 CA 证书。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_trusted_certificate',
  },
  proxy_ssl_crl: {
    syntax: 'proxy_ssl_crl file;',
    summary: {
      en: 'Revoked certificates to refuse from backends.',
      zh: '要拒绝的后端证书吊销列表。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_crl',
  },
  proxy_ssl_certificate: {
    syntax: 'proxy_ssl_certificate file;',
    summary: {
      en: 'The client certificate nginx shows to an https:// backend.',
      zh: 'nginx 向 https:// 后端出示的客户端证书。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_certificate',
  },
  proxy_ssl_certificate_key: {
    syntax: 'proxy_ssl_certificate_key file;',
    summary: {
      en: 'The key of the client certificate nginx shows to backends.',
      zh: 'nginx 向后端出示的客户端证书的私钥。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_certificate_key',
  },
  proxy_ssl_password_file: {
    syntax: 'proxy_ssl_password_file file;',
    summary: {
      en: 'Passphrases for the key of proxy_ssl_certificate.',
      zh: 'proxy_ssl_certificate 私钥的口令。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_password_file',
  },
  proxy_ssl_conf_command: {
    syntax: 'proxy_ssl_conf_command name value;',
    summary: {
      en: 'OpenSSL configuration commands for connections to backends.',
      zh: '用于后端连接的 OpenSSL 配置命令。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_conf_command',
  },
  proxy_pass_trailers: {
    syntax: 'proxy_pass_trailers on | off;',
    summary: {
      en: 'Whether trailer fields from the backend are passed on to the client.',
      zh: '是否把后端的 trailer 字段转发给客户端。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass_trailers',
  },
  proxy_ssl_certificate_cache: {
    syntax: 'proxy_ssl_certificate_cache off;\nproxy_ssl_certificate_cache max=N [inactive=time] [valid=time];',
    summary: {
      en: 'A cache of backend client certificates and keys named with variables.',
      zh: '缓存以变量指定的后端客户端证书和私钥。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_certificate_cache',
  },
  // ngx_http_rewrite_module
  rewrite: {
    syntax: 'rewrite regex replacement [flag];',
    summary: {
      en: 'Changes the URI when it matches a regex; `last` looks for a new location, `break` stays here, `redirect` and `permanent` send 302 or 301.',
      zh: 'URI 匹配正则时改写它；last 重新查找 location，break 留在当前位置，redirect 和 permanent 分别返回 302 或 301。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#rewrite',
  },
  return: {
    syntax: 'return code [text];\nreturn code URL;\nreturn URL;',
    summary: {
      en: 'Stops processing and answers with a status code, a text body, or a redirect URL.',
      zh: '停止处理，直接返回状态码、文本正文或重定向 URL。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#return',
  },
  break: {
    syntax: 'break;',
    summary: {
      en: 'Stops running the rewrite directives (rewrite, return, set, if) of the current block.',
      zh: '停止执行当前块中的 rewrite 模块指令（rewrite、return、set、if）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#break',
  },
  if: {
    syntax: 'if (condition) { ... }',
    summary: {
      en: 'Runs the block\'s directives when a condition holds (a variable, a comparison, a regex, a file test). Inside a location, only `return` and `rewrite … last` are fully safe in it.',
      zh: '条件成立时执行块内指令（变量、比较、正则、文件检查）。在 location 里，只有 return 和 rewrite … last 是完全安全的。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#if',
  },
  set: {
    syntax: 'set $variable value;',
    summary: {
      en: 'Sets a variable to a value made of text and variables.',
      zh: '把变量设为由文本和变量组成的值。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#set',
  },
  rewrite_log: {
    syntax: 'rewrite_log on | off;',
    summary: {
      en: 'Logs the results of rewrite at notice level in the error log.',
      zh: '在错误日志中以 notice 级别记录 rewrite 的处理结果。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#rewrite_log',
  },
  uninitialized_variable_warn: {
    syntax: 'uninitialized_variable_warn on | off;',
    summary: {
      en: 'Whether using a variable that was never set is logged as a warning.',
      zh: '使用从未赋值的变量时，是否记录警告。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#uninitialized_variable_warn',
  },
  // ngx_http_map_module
  map: {
    syntax: 'map string $variable { ... }',
    summary: {
      en: 'Makes a variable whose value depends on another\'s. The WebSocket recipe maps $http_upgrade to $connection_upgrade: `upgrade` when the client asked for one, `close` otherwise.',
      zh: '创建一个变量，它的值取决于另一个变量。WebSocket 的标准配置把 $http_upgrade 映射为 $connection_upgrade：客户端请求升级时为 upgrade，否则为 close。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_map_module.html#map',
    lesson: 'connection-upgrade-map',
  },
  map_hash_max_size: {
    syntax: 'map_hash_max_size size;',
    summary: {
      en: 'The largest size of the tables of map values.',
      zh: 'map 哈希表的最大大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_map_module.html#map_hash_max_size',
  },
  map_hash_bucket_size: {
    syntax: 'map_hash_bucket_size size;',
    summary: {
      en: 'The bucket size of the tables of map values.',
      zh: 'map 哈希表的桶大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_map_module.html#map_hash_bucket_size',
  },
  // ngx_http_headers_module
  add_header: {
    syntax: 'add_header name value [always];',
    summary: {
      en: 'Adds a header to answers with a success or redirect status (any status with `always`). A block with any add_header drops all inherited ones.',
      zh: '给状态为成功或重定向的响应添加头（加 always 则对任何状态都添加）。一个块里只要有 add_header，就不再继承外层的任何一条。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header',
  },
  expires: {
    syntax: 'expires [modified] time;\nexpires epoch | max | off;',
    summary: {
      en: 'Adds Expires and Cache-Control: max-age headers to answers.',
      zh: '给响应加上 Expires 和 Cache-Control: max-age 头。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_headers_module.html#expires',
  },
  add_trailer: {
    syntax: 'add_trailer name value [always];',
    summary: {
      en: 'Adds a trailer field at the end of an answer.',
      zh: '在响应末尾添加一个 trailer 字段。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_trailer',
  },
  add_header_inherit: {
    syntax: 'add_header_inherit on | off | merge;',
    summary: {
      en: 'How add_header lists are inherited: the usual way (a block\'s own list replaces the outer ones), not at all, or merged with the outer blocks\' lists.',
      zh: 'add_header 列表的继承方式：通常方式（块内自己的列表替换外层的）、完全不继承，或与外层块的列表合并。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header_inherit',
  },
  add_trailer_inherit: {
    syntax: 'add_trailer_inherit on | off | merge;',
    summary: {
      en: 'How add_trailer lists are inherited: the usual way (a block\'s own list replaces the outer ones), not at all, or merged with the outer blocks\' lists.',
      zh: 'add_trailer 列表的继承方式：通常方式（块内自己的列表替换外层的）、完全不继承，或与外层块的列表合并。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_trailer_inherit',
  },
  // ngx_http_ssl_module
  ssl: {
    syntax: 'ssl on | off;',
    summary: {
      en: 'Turns TLS on for every address of the server. Deprecated since 1.15.0 and removed in 1.25.1: use `listen … ssl`.',
      zh: '为该 server 的所有监听地址启用 TLS。自 1.15.0 起已弃用，1.25.1 中删除：请改用 `listen … ssl`。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl',
    lesson: 'tls-termination',
  },
  ssl_certificate: {
    syntax: 'ssl_certificate file;',
    summary: {
      en: 'The certificate (PEM, with its chain after it) a TLS server presents to clients; wss:// clients check it.',
      zh: 'TLS 服务器向客户端出示的证书（PEM 格式，后面接证书链）；wss:// 客户端会校验它。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_certificate',
    lesson: 'tls-termination',
  },
  ssl_certificate_key: {
    syntax: 'ssl_certificate_key file;',
    summary: {
      en: 'The private key of ssl_certificate, in PEM.',
      zh: 'ssl_certificate 对应的私钥，PEM 格式。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_certificate_key',
    lesson: 'tls-termination',
  },
  ssl_password_file: {
    syntax: 'ssl_password_file file;',
    summary: {
      en: 'Passphrases for encrypted private keys, tried in turn.',
      zh: '加密私钥的口令，逐个尝试。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_password_file',
  },
  ssl_dhparam: {
    syntax: 'ssl_dhparam file;',
    summary: {
      en: 'The DH parameters for DHE ciphers.',
      zh: 'DHE 加密套件使用的 DH 参数。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_dhparam',
  },
  ssl_ecdh_curve: {
    syntax: 'ssl_ecdh_curve curve;',
    summary: {
      en: 'The curves used for ECDHE key exchange.',
      zh: 'ECDHE 密钥交换使用的曲线。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_ecdh_curve',
  },
  ssl_protocols: {
    syntax: 'ssl_protocols [SSLv2] [SSLv3] [TLSv1] [TLSv1.1] [TLSv1.2] [TLSv1.3];',
    summary: {
      en: 'The TLS versions the server accepts; clients that only speak older ones fail the handshake.',
      zh: '服务器接受的 TLS 版本；只支持更旧版本的客户端会握手失败。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_protocols',
    lesson: 'tls-termination',
  },
  ssl_ciphers: {
    syntax: 'ssl_ciphers ciphers;',
    summary: {
      en: 'The ciphers the server accepts, in OpenSSL\'s syntax (TLS 1.2 and older).',
      zh: '服务器接受的加密套件，使用 OpenSSL 的语法（适用于 TLS 1.2 及更早版本）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_ciphers',
    lesson: 'tls-termination',
  },
  ssl_buffer_size: {
    syntax: 'ssl_buffer_size size;',
    summary: {
      en: 'The size of TLS records nginx sends; smaller records reach the client sooner.',
      zh: 'nginx 发送的 TLS 记录大小；记录越小，客户端越早收到数据。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_buffer_size',
  },
  ssl_verify_client: {
    syntax: 'ssl_verify_client on | off | optional | optional_no_ca;',
    summary: {
      en: 'Whether clients must present a certificate (`on`), may (`optional`), or are not asked (`off`).',
      zh: '客户端是必须出示证书（on）、可以出示（optional），还是不要求（off）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_verify_client',
  },
  ssl_verify_depth: {
    syntax: 'ssl_verify_depth number;',
    summary: {
      en: 'How deep client certificate chains are checked.',
      zh: '客户端证书链的校验深度。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_verify_depth',
  },
  ssl_client_certificate: {
    syntax: 'ssl_client_certificate file;',
    summary: {
      en: 'The CA certificates used to check client certificates, also named to clients in the handshake.',
      zh: '用于校验客户端证书的 CA 证书，握手时也会告诉客户端。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_client_certificate',
  },
  ssl_trusted_certificate: {
    syntax: 'ssl_trusted_certificate file;',
    summary: {
      en: 'CA certificates used to check client certificates and OCSP answers, not named to clients.',
      zh: '用于校验客户端证书和 OCSP 响应的 CA 证书，不会告诉客户端。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_trusted_certificate',
  },
  ssl_prefer_server_ciphers: {
    syntax: 'ssl_prefer_server_ciphers on | off;',
    summary: {
      en: 'Whether the server\'s cipher order wins over the client\'s (TLS 1.2 and older).',
      zh: '是否优先采用服务器的加密套件顺序，而不是客户端的（适用于 TLS 1.2 及更早版本）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_prefer_server_ciphers',
    lesson: 'tls-termination',
  },
  ssl_session_cache: {
    syntax: 'ssl_session_cache off | none | [builtin[:size]] [shared:name:size];',
    summary: {
      en: 'Keeps TLS sessions so returning clients skip the full handshake; `shared:name:size` shares them among workers.',
      zh: '保存 TLS 会话，回头的客户端可以跳过完整握手；shared:name:size 让所有 worker 共享会话。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_session_cache',
    lesson: 'tls-termination',
  },
  ssl_session_tickets: {
    syntax: 'ssl_session_tickets on | off;',
    summary: {
      en: 'Whether sessions may resume with TLS session tickets.',
      zh: '是否允许通过 TLS 会话票据恢复会话。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_session_tickets',
  },
  ssl_session_ticket_key: {
    syntax: 'ssl_session_ticket_key file;',
    summary: {
      en: 'The key files that encrypt and decrypt TLS session tickets.',
      zh: '用于加密和解密 TLS 会话票据的密钥文件。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_session_ticket_key',
  },
  ssl_session_timeout: {
    syntax: 'ssl_session_timeout time;',
    summary: {
      en: 'How long a client may reuse a TLS session.',
      zh: '客户端可以复用 TLS 会话的时长。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_session_timeout',
    lesson: 'tls-termination',
  },
  ssl_crl: {
    syntax: 'ssl_crl file;',
    summary: {
      en: 'Revoked certificates to refuse from clients.',
      zh: '要拒绝的客户端证书吊销列表。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_crl',
  },
  ssl_ocsp: {
    syntax: 'ssl_ocsp on | off | leaf;',
    summary: {
      en: 'Checks client certificates with OCSP.',
      zh: '通过 OCSP 校验客户端证书。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_ocsp',
  },
  ssl_ocsp_responder: {
    syntax: 'ssl_ocsp_responder url;',
    summary: {
      en: 'The OCSP responder used to check client certificates.',
      zh: '用于校验客户端证书的 OCSP 响应服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_ocsp_responder',
  },
  ssl_ocsp_cache: {
    syntax: 'ssl_ocsp_cache off | [shared:name:size];',
    summary: {
      en: 'A cache of OCSP answers about client certificates.',
      zh: '缓存有关客户端证书的 OCSP 响应。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_ocsp_cache',
  },
  ssl_stapling: {
    syntax: 'ssl_stapling on | off;',
    summary: {
      en: 'Staples the OCSP answer for the server\'s certificate to the handshake, sparing clients a lookup.',
      zh: '在握手中附带服务器证书的 OCSP 响应，省得客户端自己去查。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_stapling',
  },
  ssl_stapling_file: {
    syntax: 'ssl_stapling_file file;',
    summary: {
      en: 'A file holding the OCSP answer to staple, in place of asking the responder.',
      zh: '保存要附带的 OCSP 响应的文件，取代向响应服务器查询。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_stapling_file',
  },
  ssl_stapling_responder: {
    syntax: 'ssl_stapling_responder url;',
    summary: {
      en: 'The OCSP responder asked for stapling, in place of the one named in the certificate.',
      zh: '用于 stapling 的 OCSP 响应服务器，取代证书中指定的那个。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_stapling_responder',
  },
  ssl_stapling_verify: {
    syntax: 'ssl_stapling_verify on | off;',
    summary: {
      en: 'Whether nginx checks OCSP answers before stapling them.',
      zh: 'nginx 在附带 OCSP 响应之前是否先校验它们。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_stapling_verify',
  },
  ssl_early_data: {
    syntax: 'ssl_early_data on | off;',
    summary: {
      en: 'Accepts TLS 1.3 early data (0-RTT), which an attacker can replay.',
      zh: '接受 TLS 1.3 早期数据（0-RTT），这些数据可能被攻击者重放。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_early_data',
  },
  ssl_conf_command: {
    syntax: 'ssl_conf_command name value;',
    summary: {
      en: 'OpenSSL configuration commands for the server\'s TLS.',
      zh: '用于服务器 TLS 的 OpenSSL 配置命令。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_conf_command',
  },
  ssl_reject_handshake: {
    syntax: 'ssl_reject_handshake on | off;',
    summary: {
      en: 'Refuses TLS handshakes to this server, e.g. for a default server that should not show a certificate.',
      zh: '拒绝与此 server 的 TLS 握手，例如不应出示证书的默认 server。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_reject_handshake',
  },
  ssl_certificate_cache: {
    syntax: 'ssl_certificate_cache off;\nssl_certificate_cache max=N [inactive=time] [valid=time];',
    summary: {
      en: 'A cache of certificates and keys named with variables.',
      zh: '缓存以变量指定的证书和私钥。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_certificate_cache',
  },
  ssl_ech_file: {
    syntax: 'ssl_ech_file file;',
    summary: {
      en: 'The configuration for Encrypted Client Hello (TLS 1.3 ECH), which hides the server name.',
      zh: '加密 Client Hello（TLS 1.3 ECH）的配置文件，用于隐藏服务器名。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_ech_file',
  },
  ssl_certificate_compression: {
    syntax: 'ssl_certificate_compression on | off;',
    summary: {
      en: 'Compresses the server\'s certificate in TLS 1.3 handshakes.',
      zh: '在 TLS 1.3 握手中压缩服务器证书。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_certificate_compression',
  },
  // ngx_http_index_module
  index: {
    syntax: 'index file ...;',
    summary: {
      en: 'The files tried, in order, for a URI ending in `/`.',
      zh: '对以 `/` 结尾的 URI 依次尝试的文件。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_index_module.html#index',
  },
  // ngx_http_random_index_module
  random_index: {
    syntax: 'random_index on | off;',
    summary: {
      en: 'Answers a URI ending in `/` with a random file of the folder.',
      zh: '用目录中随机的一个文件回答以 `/` 结尾的 URI。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_random_index_module.html#random_index',
  },
  // ngx_http_autoindex_module
  autoindex: {
    syntax: 'autoindex on | off;',
    summary: {
      en: 'Lists a folder\'s files for a URI ending in `/` that has no index file.',
      zh: '当以 `/` 结尾的 URI 没有索引文件时，列出目录中的文件。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_autoindex_module.html#autoindex',
  },
  autoindex_format: {
    syntax: 'autoindex_format html | xml | json | jsonp;',
    summary: {
      en: 'The format of autoindex listings: html, xml, json or jsonp.',
      zh: 'autoindex 列表的格式：html、xml、json 或 jsonp。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_autoindex_module.html#autoindex_format',
  },
  autoindex_localtime: {
    syntax: 'autoindex_localtime on | off;',
    summary: {
      en: 'Whether autoindex shows times in local time or UTC.',
      zh: 'autoindex 显示本地时间还是 UTC 时间。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_autoindex_module.html#autoindex_localtime',
  },
  autoindex_exact_size: {
    syntax: 'autoindex_exact_size on | off;',
    summary: {
      en: 'Whether autoindex shows exact sizes or rounded ones (KB, MB).',
      zh: 'autoindex 显示精确大小还是约数（KB、MB）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_autoindex_module.html#autoindex_exact_size',
  },
  // ngx_http_access_module
  allow: {
    syntax: 'allow address | CIDR | unix: | all;',
    summary: {
      en: 'Lets clients from this address or network in; rules are checked in order, the first match wins.',
      zh: '允许来自该地址或网段的客户端访问；规则按顺序检查，第一条匹配的生效。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_access_module.html#allow',
  },
  deny: {
    syntax: 'deny address | CIDR | unix: | all;',
    summary: {
      en: 'Refuses clients from this address or network with 403; rules are checked in order, the first match wins.',
      zh: '以 403 拒绝来自该地址或网段的客户端；规则按顺序检查，第一条匹配的生效。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_access_module.html#deny',
  },
  // ngx_http_auth_basic_module
  auth_basic: {
    syntax: 'auth_basic string | off;',
    summary: {
      en: 'Asks for a user name and password (HTTP Basic), with this realm; `off` turns it off.',
      zh: '使用此 realm 要求输入用户名和密码（HTTP Basic 认证）；off 表示关闭。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_auth_basic_module.html#auth_basic',
  },
  auth_basic_user_file: {
    syntax: 'auth_basic_user_file file;',
    summary: {
      en: 'The file of user names and password hashes auth_basic checks.',
      zh: 'auth_basic 用来核对的用户名和密码哈希文件。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_auth_basic_module.html#auth_basic_user_file',
  },
  // ngx_http_auth_request_module
  auth_request: {
    syntax: 'auth_request uri | off;',
    summary: {
      en: 'Asks another URI whether to let each request through: 2xx allows, 401 or 403 refuses.',
      zh: '向另一个 URI 询问是否放行每个请求：2xx 放行，401 或 403 拒绝。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_auth_request_module.html#auth_request',
  },
  auth_request_set: {
    syntax: 'auth_request_set $variable value;',
    summary: {
      en: 'Sets a variable from the answer of the auth_request subrequest.',
      zh: '根据 auth_request 子请求的响应给变量赋值。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_auth_request_module.html#auth_request_set',
  },
  // ngx_http_limit_conn_module
  limit_conn_zone: {
    syntax: 'limit_conn_zone key zone=name:size;',
    summary: {
      en: 'The shared zone that counts connections per key (often $binary_remote_addr).',
      zh: '按键（常用 $binary_remote_addr）统计连接数的共享内存区。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_limit_conn_module.html#limit_conn_zone',
  },
  limit_conn: {
    syntax: 'limit_conn zone number;',
    summary: {
      en: 'The most connections at once per key; past it nginx refuses them with limit_conn_status. Long-lived WebSockets count for as long as they are open.',
      zh: '每个键同时允许的最大连接数；超出时 nginx 以 limit_conn_status 拒绝。长期保持的 WebSocket 在打开期间一直计数。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_limit_conn_module.html#limit_conn',
  },
  limit_conn_log_level: {
    syntax: 'limit_conn_log_level info | notice | warn | error;',
    summary: {
      en: 'The error log level of refused connections.',
      zh: '被拒绝连接在错误日志中的级别。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_limit_conn_module.html#limit_conn_log_level',
  },
  limit_conn_status: {
    syntax: 'limit_conn_status code;',
    summary: {
      en: 'The status code of connections limit_conn refuses.',
      zh: 'limit_conn 拒绝连接时返回的状态码。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_limit_conn_module.html#limit_conn_status',
  },
  limit_conn_dry_run: {
    syntax: 'limit_conn_dry_run on | off;',
    summary: {
      en: 'Counts connections without refusing any.',
      zh: '只统计连接数，不拒绝任何连接。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_limit_conn_module.html#limit_conn_dry_run',
  },
  // ngx_http_limit_req_module
  limit_req_zone: {
    syntax: 'limit_req_zone key zone=name:size rate=rate [sync];',
    summary: {
      en: 'The shared zone that tracks request rates per key, with its rate (e.g. 10r/s).',
      zh: '按键记录请求速率的共享内存区，并指定速率（如 10r/s）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_limit_req_module.html#limit_req_zone',
  },
  limit_req: {
    syntax: 'limit_req zone=name [burst=number] [nodelay | delay=number];',
    summary: {
      en: 'Limits the request rate per key; requests past the rate (and the burst) are delayed or refused with limit_req_status. A WebSocket is one request, however many messages it carries.',
      zh: '限制每个键的请求速率；超出速率（和突发量）的请求会被延迟，或以 limit_req_status 拒绝。一条 WebSocket 只算一个请求，不管传了多少条消息。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_limit_req_module.html#limit_req',
  },
  limit_req_log_level: {
    syntax: 'limit_req_log_level info | notice | warn | error;',
    summary: {
      en: 'The error log level of refused or delayed requests.',
      zh: '被拒绝或延迟的请求在错误日志中的级别。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_limit_req_module.html#limit_req_log_level',
  },
  limit_req_status: {
    syntax: 'limit_req_status code;',
    summary: {
      en: 'The status code of requests limit_req refuses.',
      zh: 'limit_req 拒绝请求时返回的状态码。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_limit_req_module.html#limit_req_status',
  },
  limit_req_dry_run: {
    syntax: 'limit_req_dry_run on | off;',
    summary: {
      en: 'Tracks request rates without delaying or refusing any.',
      zh: '只记录请求速率，不延迟也不拒绝任何请求。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_limit_req_module.html#limit_req_dry_run',
  },
  // ngx_http_realip_module
  set_real_ip_from: {
    syntax: 'set_real_ip_from address | CIDR | unix:;',
    summary: {
      en: 'The addresses of trusted proxies whose real_ip_header nginx believes.',
      zh: '受信任代理的地址，nginx 会相信它们发来的 real_ip_header。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_realip_module.html#set_real_ip_from',
    lesson: 'forwarded-headers',
  },
  real_ip_header: {
    syntax: 'real_ip_header field | X-Real-IP | X-Forwarded-For | proxy_protocol;',
    summary: {
      en: 'The header (X-Real-IP, X-Forwarded-For, or proxy_protocol) whose address replaces $remote_addr for requests from trusted proxies.',
      zh: '对来自受信任代理的请求，用哪个头（X-Real-IP、X-Forwarded-For 或 proxy_protocol）中的地址替换 $remote_addr。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_realip_module.html#real_ip_header',
    lesson: 'forwarded-headers',
  },
  real_ip_recursive: {
    syntax: 'real_ip_recursive on | off;',
    summary: {
      en: 'Whether nginx skips trusted addresses from the end of X-Forwarded-For and takes the last untrusted one.',
      zh: 'nginx 是否从 X-Forwarded-For 末尾跳过受信任的地址，取最后一个不受信任的地址。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_realip_module.html#real_ip_recursive',
    lesson: 'forwarded-headers',
  },
  // ngx_http_geo_module
  geo: {
    syntax: 'geo [$address] $variable { ... }',
    summary: {
      en: 'Sets a variable from the client address, by network ranges.',
      zh: '按网段根据客户端地址给变量赋值。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_geo_module.html#geo',
  },
  // ngx_http_split_clients_module
  split_clients: {
    syntax: 'split_clients string $variable { ... }',
    summary: {
      en: 'Sets a variable by hashing a key into percentage buckets, e.g. for A/B testing.',
      zh: '把一个键哈希到按百分比划分的分组中来给变量赋值，例如用于 A/B 测试。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_split_clients_module.html#split_clients',
  },
  // ngx_http_referer_module
  valid_referers: {
    syntax: 'valid_referers none | blocked | server_names | string ...;',
    summary: {
      en: 'Sets $invalid_referer from the Referer header, to refuse hotlinking with `if`.',
      zh: '根据 Referer 头设置 $invalid_referer，配合 if 拒绝盗链。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_referer_module.html#valid_referers',
  },
  referer_hash_max_size: {
    syntax: 'referer_hash_max_size size;',
    summary: {
      en: 'The largest size of the tables of valid_referers names.',
      zh: 'valid_referers 名字哈希表的最大大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_referer_module.html#referer_hash_max_size',
  },
  referer_hash_bucket_size: {
    syntax: 'referer_hash_bucket_size size;',
    summary: {
      en: 'The bucket size of the tables of valid_referers names.',
      zh: 'valid_referers 名字哈希表的桶大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_referer_module.html#referer_hash_bucket_size',
  },
  // ngx_http_gzip_static_module
  gzip_static: {
    syntax: 'gzip_static on | off | always;',
    summary: {
      en: 'Sends a precompressed file.gz in place of the file to clients that accept gzip.',
      zh: '对支持 gzip 的客户端发送预先压缩好的 file.gz 代替原文件。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_gzip_static_module.html#gzip_static',
  },
  // ngx_http_gunzip_module
  gunzip: {
    syntax: 'gunzip on | off;',
    summary: {
      en: 'Decompresses gzip answers for clients that do not accept gzip.',
      zh: '为不支持 gzip 的客户端解压 gzip 响应。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_gunzip_module.html#gunzip',
  },
  gunzip_buffers: {
    syntax: 'gunzip_buffers number size;',
    summary: {
      en: 'The number and size of buffers for decompressing an answer.',
      zh: '解压一个响应所用的缓冲区数量和大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_gunzip_module.html#gunzip_buffers',
  },
  // ngx_http_stub_status_module
  stub_status: {
    syntax: 'stub_status;',
    summary: {
      en: 'Answers with basic status: active connections, accepted and handled connections, requests, and reading/writing/waiting counts.',
      zh: '返回基本状态信息：活动连接数、已接受和已处理的连接数、请求数，以及正在读、写和等待的连接数。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_stub_status_module.html#stub_status',
  },
  // ngx_http_mirror_module
  mirror: {
    syntax: 'mirror uri | off;',
    summary: {
      en: 'Sends a copy of each request to another URI (a subrequest whose answer is ignored).',
      zh: '把每个请求复制一份发到另一个 URI（一个响应被忽略的子请求）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_mirror_module.html#mirror',
  },
  mirror_request_body: {
    syntax: 'mirror_request_body on | off;',
    summary: {
      en: 'Whether the request body is mirrored too.',
      zh: '是否也复制请求体。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_mirror_module.html#mirror_request_body',
  },
  // ngx_http_empty_gif_module
  empty_gif: {
    syntax: 'empty_gif;',
    summary: {
      en: 'Answers with a 1×1 transparent GIF.',
      zh: '返回一个 1×1 的透明 GIF。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_empty_gif_module.html#empty_gif',
  },
  // ngx_http_sub_module
  sub_filter: {
    syntax: 'sub_filter string replacement;',
    summary: {
      en: 'Replaces one string with another in the body of answers.',
      zh: '把响应正文中的一个字符串替换为另一个。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_sub_module.html#sub_filter',
  },
  sub_filter_types: {
    syntax: 'sub_filter_types mime-type ...;',
    summary: {
      en: 'The Content-Types sub_filter works on besides text/html.',
      zh: '除 text/html 外 sub_filter 还处理的 Content-Type。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_sub_module.html#sub_filter_types',
  },
  sub_filter_once: {
    syntax: 'sub_filter_once on | off;',
    summary: {
      en: 'Whether sub_filter replaces only the first match or every one.',
      zh: 'sub_filter 只替换第一处匹配还是全部。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_sub_module.html#sub_filter_once',
  },
  sub_filter_last_modified: {
    syntax: 'sub_filter_last_modified on | off;',
    summary: {
      en: 'Whether Last-Modified is kept on answers sub_filter changes.',
      zh: 'sub_filter 修改过的响应是否保留 Last-Modified。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_sub_module.html#sub_filter_last_modified',
  },
  // ngx_http_addition_module
  add_before_body: {
    syntax: 'add_before_body uri;',
    summary: {
      en: 'Adds the answer of another URI before the body.',
      zh: '在正文前加上另一个 URI 的响应。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_addition_module.html#add_before_body',
  },
  add_after_body: {
    syntax: 'add_after_body uri;',
    summary: {
      en: 'Adds the answer of another URI after the body.',
      zh: '在正文后加上另一个 URI 的响应。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_addition_module.html#add_after_body',
  },
  addition_types: {
    syntax: 'addition_types mime-type ...;',
    summary: {
      en: 'The Content-Types the addition filter works on besides text/html.',
      zh: '除 text/html 外 addition 过滤器还处理的 Content-Type。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_addition_module.html#addition_types',
  },
  // ngx_http_v2_module
  http2: {
    syntax: 'http2 on | off;',
    summary: {
      en: 'Turns HTTP/2 on for the server (nginx 1.25.1 and later; before, `listen … http2`). nginx proxies WebSockets with HTTP/1.1\'s Upgrade only.',
      zh: '为该 server 启用 HTTP/2（nginx 1.25.1 及以后；之前用 `listen … http2`）。nginx 只通过 HTTP/1.1 的 Upgrade 机制代理 WebSocket。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2',
  },
  http2_max_concurrent_streams: {
    syntax: 'http2_max_concurrent_streams number;',
    summary: {
      en: 'The most HTTP/2 streams open at once in one connection.',
      zh: '一个连接中同时打开的 HTTP/2 流的最大数量。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2_max_concurrent_streams',
  },
  http2_max_requests: {
    syntax: 'http2_max_requests number;',
    summary: {
      en: 'The most requests on one HTTP/2 connection before nginx closes it (obsolete; keepalive_requests since 1.19.7).',
      zh: 'nginx 关闭一个 HTTP/2 连接之前最多处理的请求数（已过时，1.19.7 起用 keepalive_requests）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2_max_requests',
  },
  http2_idle_timeout: {
    syntax: 'http2_idle_timeout time;',
    summary: {
      en: 'How long an idle HTTP/2 connection stays open (obsolete; keepalive_timeout since 1.19.7).',
      zh: '空闲 HTTP/2 连接保持多久（已过时，1.19.7 起用 keepalive_timeout）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2_idle_timeout',
  },
  http2_recv_timeout: {
    syntax: 'http2_recv_timeout time;',
    summary: {
      en: 'How long nginx waits for more data on an HTTP/2 connection (obsolete; client_header_timeout since 1.19.7).',
      zh: 'nginx 在 HTTP/2 连接上等待更多数据的时间（已过时，1.19.7 起用 client_header_timeout）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2_recv_timeout',
  },
  http2_chunk_size: {
    syntax: 'http2_chunk_size size;',
    summary: {
      en: 'The size of the chunks an HTTP/2 answer body is cut into.',
      zh: 'HTTP/2 响应正文被切分的块大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2_chunk_size',
  },
  http2_body_preread_size: {
    syntax: 'http2_body_preread_size size;',
    summary: {
      en: 'How much of a request body nginx reads per HTTP/2 stream before it starts processing.',
      zh: '开始处理之前，nginx 在每个 HTTP/2 流中预读的请求体大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2_body_preread_size',
  },
  http2_recv_buffer_size: {
    syntax: 'http2_recv_buffer_size size;',
    summary: {
      en: 'The per-worker input buffer of HTTP/2 connections.',
      zh: '每个 worker 用于 HTTP/2 连接的输入缓冲区。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2_recv_buffer_size',
  },
  http2_max_field_size: {
    syntax: 'http2_max_field_size size;',
    summary: {
      en: 'The largest HPACK-compressed request header field (obsolete; large_client_header_buffers since 1.19.7).',
      zh: '经 HPACK 压缩后单个请求头字段的最大大小（已过时，1.19.7 起用 large_client_header_buffers）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2_max_field_size',
  },
  http2_max_header_size: {
    syntax: 'http2_max_header_size size;',
    summary: {
      en: 'The largest request head after HPACK decompression (obsolete; large_client_header_buffers since 1.19.7).',
      zh: 'HPACK 解压后整个请求头的最大大小（已过时，1.19.7 起用 large_client_header_buffers）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2_max_header_size',
  },
  http2_push: {
    syntax: 'http2_push uri | off;',
    summary: {
      en: 'Pushes a resource to the client ahead of its request (obsolete; ignored since 1.25.1).',
      zh: '在客户端请求之前主动推送资源（已过时，1.25.1 起被忽略）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2_push',
  },
  http2_push_preload: {
    syntax: 'http2_push_preload on | off;',
    summary: {
      en: 'Turns Link: preload headers into HTTP/2 pushes (obsolete; ignored since 1.25.1).',
      zh: '把 Link: preload 响应头转换为 HTTP/2 推送（已过时，1.25.1 起被忽略）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2_push_preload',
  },
  http2_max_concurrent_pushes: {
    syntax: 'http2_max_concurrent_pushes number;',
    summary: {
      en: 'The most HTTP/2 pushes at once in one connection (obsolete; ignored since 1.25.1).',
      zh: '一个连接中同时进行的 HTTP/2 推送的最大数量（已过时，1.25.1 起被忽略）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_v2_module.html#http2_max_concurrent_pushes',
  },
  // ngx_http_flv_module
  flv: {
    syntax: 'flv;',
    summary: {
      en: 'Serves .flv files with seeking: a `start` argument in the query string picks the byte offset to start from.',
      zh: '提供可拖动播放的 .flv 文件：查询串中的 start 参数指定从哪个字节偏移开始。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_flv_module.html#flv',
  },
  // ngx_http_mp4_module
  mp4: {
    syntax: 'mp4;',
    summary: {
      en: 'Serves .mp4 files with seeking: `start` and `end` arguments in the query string pick a time range.',
      zh: '提供可拖动播放的 .mp4 文件：查询串中的 start 和 end 参数指定时间范围。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_mp4_module.html#mp4',
  },
  mp4_buffer_size: {
    syntax: 'mp4_buffer_size size;',
    summary: {
      en: 'The initial buffer for processing MP4 files.',
      zh: '处理 MP4 文件的初始缓冲区大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_mp4_module.html#mp4_buffer_size',
  },
  mp4_max_buffer_size: {
    syntax: 'mp4_max_buffer_size size;',
    summary: {
      en: 'The largest buffer for an MP4 file\'s metadata; past it nginx answers 500.',
      zh: 'MP4 文件元数据可用的最大缓冲区；超出时 nginx 返回 500。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_mp4_module.html#mp4_max_buffer_size',
  },
  mp4_start_key_frame: {
    syntax: 'mp4_start_key_frame on | off;',
    summary: {
      en: 'Makes an MP4 answer start with a key frame, hiding the frames before the requested time with an edit list.',
      zh: '让 MP4 响应从关键帧开始，并用 edit list 隐藏所请求时间之前的帧。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_mp4_module.html#mp4_start_key_frame',
  },
  // ngx_http_secure_link_module
  secure_link: {
    syntax: 'secure_link expression;',
    summary: {
      en: 'The checksum and expiry of a signed link, from which $secure_link is set.',
      zh: '签名链接的校验值和过期时间，据此设置 $secure_link。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_secure_link_module.html#secure_link',
  },
  secure_link_md5: {
    syntax: 'secure_link_md5 expression;',
    summary: {
      en: 'The string whose MD5 the signed link must carry.',
      zh: '签名链接所带 MD5 对应的字符串。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_secure_link_module.html#secure_link_md5',
  },
  secure_link_secret: {
    syntax: 'secure_link_secret word;',
    summary: {
      en: 'The secret word used to check signed links of the older form.',
      zh: '用于校验旧式签名链接的密钥词。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_secure_link_module.html#secure_link_secret',
  },
  // ngx_http_userid_module
  userid: {
    syntax: 'userid on | v1 | log | off;',
    summary: {
      en: 'Sets a cookie that identifies each client ($uid_got, $uid_set).',
      zh: '设置一个标识每个客户端的 cookie（$uid_got、$uid_set）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_userid_module.html#userid',
  },
  userid_service: {
    syntax: 'userid_service number;',
    summary: {
      en: 'The service number in identifiers when several servers issue them.',
      zh: '多台服务器签发标识时，标识中的服务编号。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_userid_module.html#userid_service',
  },
  userid_name: {
    syntax: 'userid_name name;',
    summary: {
      en: 'The name of the userid cookie.',
      zh: 'userid cookie 的名字。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_userid_module.html#userid_name',
  },
  userid_domain: {
    syntax: 'userid_domain name | none;',
    summary: {
      en: 'The domain of the userid cookie.',
      zh: 'userid cookie 的 domain。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_userid_module.html#userid_domain',
  },
  userid_path: {
    syntax: 'userid_path path;',
    summary: {
      en: 'The path of the userid cookie.',
      zh: 'userid cookie 的 path。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_userid_module.html#userid_path',
  },
  userid_expires: {
    syntax: 'userid_expires time | max | off;',
    summary: {
      en: 'How long browsers keep the userid cookie.',
      zh: '浏览器保留 userid cookie 的时长。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_userid_module.html#userid_expires',
  },
  userid_flags: {
    syntax: 'userid_flags off | flag ...;',
    summary: {
      en: 'Extra flags of the userid cookie (secure, httponly, samesite).',
      zh: 'userid cookie 的附加标志（secure、httponly、samesite）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_userid_module.html#userid_flags',
  },
  userid_p3p: {
    syntax: 'userid_p3p string | none;',
    summary: {
      en: 'The P3P header sent with the userid cookie.',
      zh: '随 userid cookie 发送的 P3P 头。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_userid_module.html#userid_p3p',
  },
  userid_mark: {
    syntax: 'userid_mark letter | digit | = | off;',
    summary: {
      en: 'A mark in the userid cookie that lets nginx renew it while keeping the identifier.',
      zh: 'userid cookie 中的标记，让 nginx 可以在保留标识的同时更新 cookie。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_userid_module.html#userid_mark',
  },
  // ngx_http_charset_module
  charset: {
    syntax: 'charset charset | off;',
    summary: {
      en: 'Adds this charset to the Content-Type of answers, converting the body when source_charset differs.',
      zh: '在响应的 Content-Type 中加上该字符集，source_charset 不同时会转换正文。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_charset_module.html#charset',
  },
  source_charset: {
    syntax: 'source_charset charset;',
    summary: {
      en: 'The charset answers are in, converted to `charset` when they differ.',
      zh: '响应原本使用的字符集，与 charset 不同时会转换。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_charset_module.html#source_charset',
  },
  override_charset: {
    syntax: 'override_charset on | off;',
    summary: {
      en: 'Whether proxied answers that already name a charset are converted too.',
      zh: '已声明字符集的代理响应是否也要转换。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_charset_module.html#override_charset',
  },
  charset_types: {
    syntax: 'charset_types mime-type ...;',
    summary: {
      en: 'The Content-Types the charset module works on besides text/html.',
      zh: '除 text/html 外字符集模块还处理的 Content-Type。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_charset_module.html#charset_types',
  },
  charset_map: {
    syntax: 'charset_map charset1 charset2 { ... }',
    summary: {
      en: 'A conversion table from one charset to another.',
      zh: '从一种字符集到另一种字符集的转换表。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_charset_module.html#charset_map',
  },
  // ngx_http_dav_module
  dav_methods: {
    syntax: 'dav_methods off | method ...;',
    summary: {
      en: 'The WebDAV methods nginx carries out on files (PUT, DELETE, MKCOL, COPY, MOVE).',
      zh: 'nginx 对文件执行的 WebDAV 方法（PUT、DELETE、MKCOL、COPY、MOVE）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_dav_module.html#dav_methods',
  },
  create_full_put_path: {
    syntax: 'create_full_put_path on | off;',
    summary: {
      en: 'Lets WebDAV PUT create the missing folders of the path.',
      zh: '允许 WebDAV 的 PUT 创建路径中缺失的目录。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_dav_module.html#create_full_put_path',
  },
  min_delete_depth: {
    syntax: 'min_delete_depth number;',
    summary: {
      en: 'The fewest path elements a WebDAV DELETE needs before it may remove anything.',
      zh: 'WebDAV 的 DELETE 要删除内容时，路径至少要有多少层。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_dav_module.html#min_delete_depth',
  },
  dav_access: {
    syntax: 'dav_access users:permissions ...;',
    summary: {
      en: 'The permissions of files and folders WebDAV creates.',
      zh: 'WebDAV 新建的文件和目录的权限。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_dav_module.html#dav_access',
  },
  // ngx_http_ssi_module
  ssi: {
    syntax: 'ssi on | off;',
    summary: {
      en: 'Runs Server Side Includes commands found in answers.',
      zh: '执行响应中的 SSI（服务器端包含）命令。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssi_module.html#ssi',
  },
  ssi_silent_errors: {
    syntax: 'ssi_silent_errors on | off;',
    summary: {
      en: 'Hides the "[an error occurred while processing the directive]" text when an SSI command fails.',
      zh: 'SSI 命令出错时，不输出 "[an error occurred while processing the directive]" 字样。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssi_module.html#ssi_silent_errors',
  },
  ssi_min_file_chunk: {
    syntax: 'ssi_min_file_chunk size;',
    summary: {
      en: 'The smallest part of an answer stored on disk that SSI sends with sendfile.',
      zh: 'SSI 用 sendfile 发送的、存于磁盘的响应片段的最小大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssi_module.html#ssi_min_file_chunk',
  },
  ssi_value_length: {
    syntax: 'ssi_value_length length;',
    summary: {
      en: 'The longest parameter value in SSI commands.',
      zh: 'SSI 命令中参数值的最大长度。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssi_module.html#ssi_value_length',
  },
  ssi_types: {
    syntax: 'ssi_types mime-type ...;',
    summary: {
      en: 'The Content-Types SSI works on besides text/html.',
      zh: '除 text/html 外 SSI 还处理的 Content-Type。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssi_module.html#ssi_types',
  },
  ssi_last_modified: {
    syntax: 'ssi_last_modified on | off;',
    summary: {
      en: 'Whether Last-Modified is kept on answers SSI changes.',
      zh: 'SSI 修改过的响应是否保留 Last-Modified。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_ssi_module.html#ssi_last_modified',
  },
  // ngx_http_browser_module
  modern_browser: {
    syntax: 'modern_browser browser version;\nmodern_browser unlisted;',
    summary: {
      en: 'The browser versions from which $modern_browser is set.',
      zh: '从哪个浏览器版本起设置 $modern_browser。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_browser_module.html#modern_browser',
  },
  ancient_browser: {
    syntax: 'ancient_browser string ...;',
    summary: {
      en: 'User-Agent substrings that make $ancient_browser set.',
      zh: '使 $ancient_browser 被设置的 User-Agent 子串。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_browser_module.html#ancient_browser',
  },
  modern_browser_value: {
    syntax: 'modern_browser_value string;',
    summary: {
      en: 'The value of $modern_browser.',
      zh: '$modern_browser 的值。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_browser_module.html#modern_browser_value',
  },
  ancient_browser_value: {
    syntax: 'ancient_browser_value string;',
    summary: {
      en: 'The value of $ancient_browser.',
      zh: '$ancient_browser 的值。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_browser_module.html#ancient_browser_value',
  },
  // ngx_http_slice_module
  slice: {
    syntax: 'slice size;',
    summary: {
      en: 'The size of the slices in which big answers are fetched from the backend with Range requests.',
      zh: '用 Range 请求从后端分片获取大响应时的分片大小。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_slice_module.html#slice',
  },
  // ngx_http_fastcgi_module
  fastcgi_index: {
    syntax: 'fastcgi_index name;',
    summary: {
      en: 'The file name appended to a URI ending in `/` in $fastcgi_script_name.',
      zh: '在 $fastcgi_script_name 中，追加到以 `/` 结尾的 URI 后面的文件名。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_index',
  },
  fastcgi_split_path_info: {
    syntax: 'fastcgi_split_path_info regex;',
    summary: {
      en: 'A regex that splits the URI into $fastcgi_script_name and $fastcgi_path_info.',
      zh: '把 URI 拆分为 $fastcgi_script_name 和 $fastcgi_path_info 的正则表达式。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_split_path_info',
  },
  fastcgi_catch_stderr: {
    syntax: 'fastcgi_catch_stderr string;',
    summary: {
      en: 'A string that, found in the FastCGI server\'s error stream, makes the answer count as invalid.',
      zh: '在 FastCGI 服务器的错误流中出现该字符串时，响应被视为无效。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_catch_stderr',
  },
  fastcgi_keep_conn: {
    syntax: 'fastcgi_keep_conn on | off;',
    summary: {
      en: 'Asks the FastCGI server to keep connections open, for upstream keepalive.',
      zh: '要求 FastCGI 服务器保持连接不关闭，用于上游长连接。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_keep_conn',
  },
  fastcgi_param: {
    syntax: 'fastcgi_param parameter value [if_not_empty];',
    summary: {
      en: 'A parameter sent to the FastCGI server (SCRIPT_FILENAME, QUERY_STRING…), from text and variables.',
      zh: '发给 FastCGI 服务器的参数（SCRIPT_FILENAME、QUERY_STRING 等），由文本和变量组成。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_param',
  },
  fastcgi_pass: {
    syntax: 'fastcgi_pass address;',
    summary: {
      en: 'Sends the request to a FastCGI server (PHP-FPM, say): an address, a unix socket or an upstream group.',
      zh: '把请求发给 FastCGI 服务器（例如 PHP-FPM）：一个地址、unix 套接字或上游组。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_pass',
  },
  fastcgi_store: {
    syntax: 'fastcgi_store on | off | string;',
    summary: {
      en: 'Like proxy_store, for FastCGI servers.',
      zh: '与 proxy_store 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_store',
  },
  fastcgi_store_access: {
    syntax: 'fastcgi_store_access users:permissions ...;',
    summary: {
      en: 'Like proxy_store_access, for FastCGI servers.',
      zh: '与 proxy_store_access 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_store_access',
  },
  fastcgi_buffering: {
    syntax: 'fastcgi_buffering on | off;',
    summary: {
      en: 'Like proxy_buffering, for FastCGI servers.',
      zh: '与 proxy_buffering 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_buffering',
  },
  fastcgi_request_buffering: {
    syntax: 'fastcgi_request_buffering on | off;',
    summary: {
      en: 'Like proxy_request_buffering, for FastCGI servers.',
      zh: '与 proxy_request_buffering 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_request_buffering',
  },
  fastcgi_ignore_client_abort: {
    syntax: 'fastcgi_ignore_client_abort on | off;',
    summary: {
      en: 'Like proxy_ignore_client_abort, for FastCGI servers.',
      zh: '与 proxy_ignore_client_abort 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_ignore_client_abort',
  },
  fastcgi_bind: {
    syntax: 'fastcgi_bind address [transparent] | off;',
    summary: {
      en: 'Like proxy_bind, for FastCGI servers.',
      zh: '与 proxy_bind 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_bind',
  },
  fastcgi_socket_keepalive: {
    syntax: 'fastcgi_socket_keepalive on | off;',
    summary: {
      en: 'Like proxy_socket_keepalive, for FastCGI servers.',
      zh: '与 proxy_socket_keepalive 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_socket_keepalive',
  },
  fastcgi_connect_timeout: {
    syntax: 'fastcgi_connect_timeout time;',
    summary: {
      en: 'Like proxy_connect_timeout, for FastCGI servers.',
      zh: '与 proxy_connect_timeout 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_connect_timeout',
  },
  fastcgi_send_timeout: {
    syntax: 'fastcgi_send_timeout time;',
    summary: {
      en: 'Like proxy_send_timeout, for FastCGI servers.',
      zh: '与 proxy_send_timeout 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_send_timeout',
  },
  fastcgi_send_lowat: {
    syntax: 'fastcgi_send_lowat size;',
    summary: {
      en: 'Like proxy_send_lowat, for FastCGI servers.',
      zh: '与 proxy_send_lowat 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_send_lowat',
  },
  fastcgi_buffer_size: {
    syntax: 'fastcgi_buffer_size size;',
    summary: {
      en: 'Like proxy_buffer_size, for FastCGI servers.',
      zh: '与 proxy_buffer_size 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_buffer_size',
  },
  fastcgi_pass_request_headers: {
    syntax: 'fastcgi_pass_request_headers on | off;',
    summary: {
      en: 'Like proxy_pass_request_headers, for FastCGI servers.',
      zh: '与 proxy_pass_request_headers 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_pass_request_headers',
  },
  fastcgi_pass_request_body: {
    syntax: 'fastcgi_pass_request_body on | off;',
    summary: {
      en: 'Like proxy_pass_request_body, for FastCGI servers.',
      zh: '与 proxy_pass_request_body 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_pass_request_body',
  },
  fastcgi_intercept_errors: {
    syntax: 'fastcgi_intercept_errors on | off;',
    summary: {
      en: 'Like proxy_intercept_errors, for FastCGI servers.',
      zh: '与 proxy_intercept_errors 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_intercept_errors',
  },
  fastcgi_read_timeout: {
    syntax: 'fastcgi_read_timeout time;',
    summary: {
      en: 'Like proxy_read_timeout, for FastCGI servers.',
      zh: '与 proxy_read_timeout 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_read_timeout',
  },
  fastcgi_buffers: {
    syntax: 'fastcgi_buffers number size;',
    summary: {
      en: 'Like proxy_buffers, for FastCGI servers.',
      zh: '与 proxy_buffers 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_buffers',
  },
  fastcgi_busy_buffers_size: {
    syntax: 'fastcgi_busy_buffers_size size;',
    summary: {
      en: 'Like proxy_busy_buffers_size, for FastCGI servers.',
      zh: '与 proxy_busy_buffers_size 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_busy_buffers_size',
  },
  fastcgi_force_ranges: {
    syntax: 'fastcgi_force_ranges on | off;',
    summary: {
      en: 'Like proxy_force_ranges, for FastCGI servers.',
      zh: '与 proxy_force_ranges 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_force_ranges',
  },
  fastcgi_limit_rate: {
    syntax: 'fastcgi_limit_rate rate;',
    summary: {
      en: 'Like proxy_limit_rate, for FastCGI servers.',
      zh: '与 proxy_limit_rate 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_limit_rate',
  },
  fastcgi_cache: {
    syntax: 'fastcgi_cache zone | off;',
    summary: {
      en: 'Like proxy_cache, for FastCGI servers.',
      zh: '与 proxy_cache 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache',
  },
  fastcgi_cache_key: {
    syntax: 'fastcgi_cache_key string;',
    summary: {
      en: 'Like proxy_cache_key, for FastCGI servers.',
      zh: '与 proxy_cache_key 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_key',
  },
  fastcgi_cache_path: {
    syntax: 'fastcgi_cache_path path [levels=levels] [use_temp_path=on|off] keys_zone=name:size [inactive=time] [max_size=size] [min_free=size] [manager_files=number] [manager_sleep=time] [manager_threshold=time] [loader_files=number] [loader_sleep=time] [loader_threshold=time] [purger=on|off] [purger_files=number] [purger_sleep=time] [purger_threshold=time];',
    summary: {
      en: 'Like proxy_cache_path, for FastCGI servers.',
      zh: '与 proxy_cache_path 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_path',
  },
  fastcgi_cache_bypass: {
    syntax: 'fastcgi_cache_bypass string ...;',
    summary: {
      en: 'Like proxy_cache_bypass, for FastCGI servers.',
      zh: '与 proxy_cache_bypass 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_bypass',
  },
  fastcgi_no_cache: {
    syntax: 'fastcgi_no_cache string ...;',
    summary: {
      en: 'Like proxy_no_cache, for FastCGI servers.',
      zh: '与 proxy_no_cache 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_no_cache',
  },
  fastcgi_cache_valid: {
    syntax: 'fastcgi_cache_valid [code ...] time;',
    summary: {
      en: 'Like proxy_cache_valid, for FastCGI servers.',
      zh: '与 proxy_cache_valid 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_valid',
  },
  fastcgi_cache_min_uses: {
    syntax: 'fastcgi_cache_min_uses number;',
    summary: {
      en: 'Like proxy_cache_min_uses, for FastCGI servers.',
      zh: '与 proxy_cache_min_uses 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_min_uses',
  },
  fastcgi_cache_max_range_offset: {
    syntax: 'fastcgi_cache_max_range_offset number;',
    summary: {
      en: 'Like proxy_cache_max_range_offset, for FastCGI servers.',
      zh: '与 proxy_cache_max_range_offset 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_max_range_offset',
  },
  fastcgi_cache_use_stale: {
    syntax: 'fastcgi_cache_use_stale error | timeout | invalid_header | updating | http_500 | http_503 | http_403 | http_404 | http_429 | off ...;',
    summary: {
      en: 'Like proxy_cache_use_stale, for FastCGI servers.',
      zh: '与 proxy_cache_use_stale 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_use_stale',
  },
  fastcgi_cache_methods: {
    syntax: 'fastcgi_cache_methods GET | HEAD | POST ...;',
    summary: {
      en: 'Like proxy_cache_methods, for FastCGI servers.',
      zh: '与 proxy_cache_methods 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_methods',
  },
  fastcgi_cache_lock: {
    syntax: 'fastcgi_cache_lock on | off;',
    summary: {
      en: 'Like proxy_cache_lock, for FastCGI servers.',
      zh: '与 proxy_cache_lock 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_lock',
  },
  fastcgi_cache_lock_timeout: {
    syntax: 'fastcgi_cache_lock_timeout time;',
    summary: {
      en: 'Like proxy_cache_lock_timeout, for FastCGI servers.',
      zh: '与 proxy_cache_lock_timeout 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_lock_timeout',
  },
  fastcgi_cache_lock_age: {
    syntax: 'fastcgi_cache_lock_age time;',
    summary: {
      en: 'Like proxy_cache_lock_age, for FastCGI servers.',
      zh: '与 proxy_cache_lock_age 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_lock_age',
  },
  fastcgi_cache_revalidate: {
    syntax: 'fastcgi_cache_revalidate on | off;',
    summary: {
      en: 'Like proxy_cache_revalidate, for FastCGI servers.',
      zh: '与 proxy_cache_revalidate 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_revalidate',
  },
  fastcgi_cache_background_update: {
    syntax: 'fastcgi_cache_background_update on | off;',
    summary: {
      en: 'Like proxy_cache_background_update, for FastCGI servers.',
      zh: '与 proxy_cache_background_update 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_cache_background_update',
  },
  fastcgi_temp_path: {
    syntax: 'fastcgi_temp_path path [level1 [level2 [level3]]];',
    summary: {
      en: 'Like proxy_temp_path, for FastCGI servers.',
      zh: '与 proxy_temp_path 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_temp_path',
  },
  fastcgi_max_temp_file_size: {
    syntax: 'fastcgi_max_temp_file_size size;',
    summary: {
      en: 'Like proxy_max_temp_file_size, for FastCGI servers.',
      zh: '与 proxy_max_temp_file_size 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_max_temp_file_size',
  },
  fastcgi_temp_file_write_size: {
    syntax: 'fastcgi_temp_file_write_size size;',
    summary: {
      en: 'Like proxy_temp_file_write_size, for FastCGI servers.',
      zh: '与 proxy_temp_file_write_size 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_temp_file_write_size',
  },
  fastcgi_next_upstream: {
    syntax: 'fastcgi_next_upstream error | timeout | denied | invalid_header | http_500 | http_503 | http_403 | http_404 | http_429 | non_idempotent | off ...;',
    summary: {
      en: 'Like proxy_next_upstream, for FastCGI servers.',
      zh: '与 proxy_next_upstream 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_next_upstream',
  },
  fastcgi_next_upstream_tries: {
    syntax: 'fastcgi_next_upstream_tries number;',
    summary: {
      en: 'Like proxy_next_upstream_tries, for FastCGI servers.',
      zh: '与 proxy_next_upstream_tries 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_next_upstream_tries',
  },
  fastcgi_next_upstream_timeout: {
    syntax: 'fastcgi_next_upstream_timeout time;',
    summary: {
      en: 'Like proxy_next_upstream_timeout, for FastCGI servers.',
      zh: '与 proxy_next_upstream_timeout 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_next_upstream_timeout',
  },
  fastcgi_pass_header: {
    syntax: 'fastcgi_pass_header field;',
    summary: {
      en: 'Like proxy_pass_header, for FastCGI servers.',
      zh: '与 proxy_pass_header 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_pass_header',
  },
  fastcgi_hide_header: {
    syntax: 'fastcgi_hide_header field;',
    summary: {
      en: 'Like proxy_hide_header, for FastCGI servers.',
      zh: '与 proxy_hide_header 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_hide_header',
  },
  fastcgi_ignore_headers: {
    syntax: 'fastcgi_ignore_headers field ...;',
    summary: {
      en: 'Like proxy_ignore_headers, for FastCGI servers.',
      zh: '与 proxy_ignore_headers 相同，用于 FastCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_fastcgi_module.html#fastcgi_ignore_headers',
  },
  // ngx_http_uwsgi_module
  uwsgi_param: {
    syntax: 'uwsgi_param parameter value [if_not_empty];',
    summary: {
      en: 'A parameter sent to the uwsgi server, from text and variables.',
      zh: '发给 uwsgi 服务器的参数，由文本和变量组成。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_param',
  },
  uwsgi_modifier1: {
    syntax: 'uwsgi_modifier1 number;',
    summary: {
      en: 'The modifier1 field of the uwsgi packet header.',
      zh: 'uwsgi 包头中的 modifier1 字段。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_modifier1',
  },
  uwsgi_modifier2: {
    syntax: 'uwsgi_modifier2 number;',
    summary: {
      en: 'The modifier2 field of the uwsgi packet header.',
      zh: 'uwsgi 包头中的 modifier2 字段。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_modifier2',
  },
  uwsgi_pass: {
    syntax: 'uwsgi_pass [protocol://]address;',
    summary: {
      en: 'Sends the request to a uwsgi server (a Python app under uWSGI, say): an address or an upstream group.',
      zh: '把请求发给 uwsgi 服务器（例如运行在 uWSGI 下的 Python 应用）：一个地址或上游组。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_pass',
  },
  uwsgi_store: {
    syntax: 'uwsgi_store on | off | string;',
    summary: {
      en: 'Like proxy_store, for uwsgi servers.',
      zh: '与 proxy_store 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_store',
  },
  uwsgi_store_access: {
    syntax: 'uwsgi_store_access users:permissions ...;',
    summary: {
      en: 'Like proxy_store_access, for uwsgi servers.',
      zh: '与 proxy_store_access 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_store_access',
  },
  uwsgi_buffering: {
    syntax: 'uwsgi_buffering on | off;',
    summary: {
      en: 'Like proxy_buffering, for uwsgi servers.',
      zh: '与 proxy_buffering 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_buffering',
  },
  uwsgi_request_buffering: {
    syntax: 'uwsgi_request_buffering on | off;',
    summary: {
      en: 'Like proxy_request_buffering, for uwsgi servers.',
      zh: '与 proxy_request_buffering 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_request_buffering',
  },
  uwsgi_ignore_client_abort: {
    syntax: 'uwsgi_ignore_client_abort on | off;',
    summary: {
      en: 'Like proxy_ignore_client_abort, for uwsgi servers.',
      zh: '与 proxy_ignore_client_abort 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ignore_client_abort',
  },
  uwsgi_bind: {
    syntax: 'uwsgi_bind address [transparent] | off;',
    summary: {
      en: 'Like proxy_bind, for uwsgi servers.',
      zh: '与 proxy_bind 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_bind',
  },
  uwsgi_socket_keepalive: {
    syntax: 'uwsgi_socket_keepalive on | off;',
    summary: {
      en: 'Like proxy_socket_keepalive, for uwsgi servers.',
      zh: '与 proxy_socket_keepalive 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_socket_keepalive',
  },
  uwsgi_connect_timeout: {
    syntax: 'uwsgi_connect_timeout time;',
    summary: {
      en: 'Like proxy_connect_timeout, for uwsgi servers.',
      zh: '与 proxy_connect_timeout 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_connect_timeout',
  },
  uwsgi_send_timeout: {
    syntax: 'uwsgi_send_timeout time;',
    summary: {
      en: 'Like proxy_send_timeout, for uwsgi servers.',
      zh: '与 proxy_send_timeout 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_send_timeout',
  },
  uwsgi_buffer_size: {
    syntax: 'uwsgi_buffer_size size;',
    summary: {
      en: 'Like proxy_buffer_size, for uwsgi servers.',
      zh: '与 proxy_buffer_size 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_buffer_size',
  },
  uwsgi_pass_request_headers: {
    syntax: 'uwsgi_pass_request_headers on | off;',
    summary: {
      en: 'Like proxy_pass_request_headers, for uwsgi servers.',
      zh: '与 proxy_pass_request_headers 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_pass_request_headers',
  },
  uwsgi_pass_request_body: {
    syntax: 'uwsgi_pass_request_body on | off;',
    summary: {
      en: 'Like proxy_pass_request_body, for uwsgi servers.',
      zh: '与 proxy_pass_request_body 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_pass_request_body',
  },
  uwsgi_intercept_errors: {
    syntax: 'uwsgi_intercept_errors on | off;',
    summary: {
      en: 'Like proxy_intercept_errors, for uwsgi servers.',
      zh: '与 proxy_intercept_errors 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_intercept_errors',
  },
  uwsgi_read_timeout: {
    syntax: 'uwsgi_read_timeout time;',
    summary: {
      en: 'Like proxy_read_timeout, for uwsgi servers.',
      zh: '与 proxy_read_timeout 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_read_timeout',
  },
  uwsgi_buffers: {
    syntax: 'uwsgi_buffers number size;',
    summary: {
      en: 'Like proxy_buffers, for uwsgi servers.',
      zh: '与 proxy_buffers 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_buffers',
  },
  uwsgi_busy_buffers_size: {
    syntax: 'uwsgi_busy_buffers_size size;',
    summary: {
      en: 'Like proxy_busy_buffers_size, for uwsgi servers.',
      zh: '与 proxy_busy_buffers_size 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_busy_buffers_size',
  },
  uwsgi_force_ranges: {
    syntax: 'uwsgi_force_ranges on | off;',
    summary: {
      en: 'Like proxy_force_ranges, for uwsgi servers.',
      zh: '与 proxy_force_ranges 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_force_ranges',
  },
  uwsgi_limit_rate: {
    syntax: 'uwsgi_limit_rate rate;',
    summary: {
      en: 'Like proxy_limit_rate, for uwsgi servers.',
      zh: '与 proxy_limit_rate 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_limit_rate',
  },
  uwsgi_cache: {
    syntax: 'uwsgi_cache zone | off;',
    summary: {
      en: 'Like proxy_cache, for uwsgi servers.',
      zh: '与 proxy_cache 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache',
  },
  uwsgi_cache_key: {
    syntax: 'uwsgi_cache_key string;',
    summary: {
      en: 'Like proxy_cache_key, for uwsgi servers.',
      zh: '与 proxy_cache_key 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_key',
  },
  uwsgi_cache_path: {
    syntax: 'uwsgi_cache_path path [levels=levels] [use_temp_path=on|off] keys_zone=name:size [inactive=time] [max_size=size] [min_free=size] [manager_files=number] [manager_sleep=time] [manager_threshold=time] [loader_files=number] [loader_sleep=time] [loader_threshold=time] [purger=on|off] [purger_files=number] [purger_sleep=time] [purger_threshold=time];',
    summary: {
      en: 'Like proxy_cache_path, for uwsgi servers.',
      zh: '与 proxy_cache_path 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_path',
  },
  uwsgi_cache_bypass: {
    syntax: 'uwsgi_cache_bypass string ...;',
    summary: {
      en: 'Like proxy_cache_bypass, for uwsgi servers.',
      zh: '与 proxy_cache_bypass 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_bypass',
  },
  uwsgi_no_cache: {
    syntax: 'uwsgi_no_cache string ...;',
    summary: {
      en: 'Like proxy_no_cache, for uwsgi servers.',
      zh: '与 proxy_no_cache 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_no_cache',
  },
  uwsgi_cache_valid: {
    syntax: 'uwsgi_cache_valid [code ...] time;',
    summary: {
      en: 'Like proxy_cache_valid, for uwsgi servers.',
      zh: '与 proxy_cache_valid 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_valid',
  },
  uwsgi_cache_min_uses: {
    syntax: 'uwsgi_cache_min_uses number;',
    summary: {
      en: 'Like proxy_cache_min_uses, for uwsgi servers.',
      zh: '与 proxy_cache_min_uses 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_min_uses',
  },
  uwsgi_cache_max_range_offset: {
    syntax: 'uwsgi_cache_max_range_offset number;',
    summary: {
      en: 'Like proxy_cache_max_range_offset, for uwsgi servers.',
      zh: '与 proxy_cache_max_range_offset 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_max_range_offset',
  },
  uwsgi_cache_use_stale: {
    syntax: 'uwsgi_cache_use_stale error | timeout | invalid_header | updating | http_500 | http_503 | http_403 | http_404 | http_429 | off ...;',
    summary: {
      en: 'Like proxy_cache_use_stale, for uwsgi servers.',
      zh: '与 proxy_cache_use_stale 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_use_stale',
  },
  uwsgi_cache_methods: {
    syntax: 'uwsgi_cache_methods GET | HEAD | POST ...;',
    summary: {
      en: 'Like proxy_cache_methods, for uwsgi servers.',
      zh: '与 proxy_cache_methods 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_methods',
  },
  uwsgi_cache_lock: {
    syntax: 'uwsgi_cache_lock on | off;',
    summary: {
      en: 'Like proxy_cache_lock, for uwsgi servers.',
      zh: '与 proxy_cache_lock 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_lock',
  },
  uwsgi_cache_lock_timeout: {
    syntax: 'uwsgi_cache_lock_timeout time;',
    summary: {
      en: 'Like proxy_cache_lock_timeout, for uwsgi servers.',
      zh: '与 proxy_cache_lock_timeout 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_lock_timeout',
  },
  uwsgi_cache_lock_age: {
    syntax: 'uwsgi_cache_lock_age time;',
    summary: {
      en: 'Like proxy_cache_lock_age, for uwsgi servers.',
      zh: '与 proxy_cache_lock_age 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_lock_age',
  },
  uwsgi_cache_revalidate: {
    syntax: 'uwsgi_cache_revalidate on | off;',
    summary: {
      en: 'Like proxy_cache_revalidate, for uwsgi servers.',
      zh: '与 proxy_cache_revalidate 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_revalidate',
  },
  uwsgi_cache_background_update: {
    syntax: 'uwsgi_cache_background_update on | off;',
    summary: {
      en: 'Like proxy_cache_background_update, for uwsgi servers.',
      zh: '与 proxy_cache_background_update 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_cache_background_update',
  },
  uwsgi_temp_path: {
    syntax: 'uwsgi_temp_path path [level1 [level2 [level3]]];',
    summary: {
      en: 'Like proxy_temp_path, for uwsgi servers.',
      zh: '与 proxy_temp_path 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_temp_path',
  },
  uwsgi_max_temp_file_size: {
    syntax: 'uwsgi_max_temp_file_size size;',
    summary: {
      en: 'Like proxy_max_temp_file_size, for uwsgi servers.',
      zh: '与 proxy_max_temp_file_size 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_max_temp_file_size',
  },
  uwsgi_temp_file_write_size: {
    syntax: 'uwsgi_temp_file_write_size size;',
    summary: {
      en: 'Like proxy_temp_file_write_size, for uwsgi servers.',
      zh: '与 proxy_temp_file_write_size 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_temp_file_write_size',
  },
  uwsgi_next_upstream: {
    syntax: 'uwsgi_next_upstream error | timeout | denied | invalid_header | http_500 | http_503 | http_403 | http_404 | http_429 | non_idempotent | off ...;',
    summary: {
      en: 'Like proxy_next_upstream, for uwsgi servers.',
      zh: '与 proxy_next_upstream 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_next_upstream',
  },
  uwsgi_next_upstream_tries: {
    syntax: 'uwsgi_next_upstream_tries number;',
    summary: {
      en: 'Like proxy_next_upstream_tries, for uwsgi servers.',
      zh: '与 proxy_next_upstream_tries 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_next_upstream_tries',
  },
  uwsgi_next_upstream_timeout: {
    syntax: 'uwsgi_next_upstream_timeout time;',
    summary: {
      en: 'Like proxy_next_upstream_timeout, for uwsgi servers.',
      zh: '与 proxy_next_upstream_timeout 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_next_upstream_timeout',
  },
  uwsgi_pass_header: {
    syntax: 'uwsgi_pass_header field;',
    summary: {
      en: 'Like proxy_pass_header, for uwsgi servers.',
      zh: '与 proxy_pass_header 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_pass_header',
  },
  uwsgi_hide_header: {
    syntax: 'uwsgi_hide_header field;',
    summary: {
      en: 'Like proxy_hide_header, for uwsgi servers.',
      zh: '与 proxy_hide_header 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_hide_header',
  },
  uwsgi_ignore_headers: {
    syntax: 'uwsgi_ignore_headers field ...;',
    summary: {
      en: 'Like proxy_ignore_headers, for uwsgi servers.',
      zh: '与 proxy_ignore_headers 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ignore_headers',
  },
  uwsgi_ssl_session_reuse: {
    syntax: 'uwsgi_ssl_session_reuse on | off;',
    summary: {
      en: 'Like proxy_ssl_session_reuse, for uwsgi servers.',
      zh: '与 proxy_ssl_session_reuse 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_session_reuse',
  },
  uwsgi_ssl_protocols: {
    syntax: 'uwsgi_ssl_protocols [SSLv2] [SSLv3] [TLSv1] [TLSv1.1] [TLSv1.2] [TLSv1.3];',
    summary: {
      en: 'Like proxy_ssl_protocols, for uwsgi servers.',
      zh: '与 proxy_ssl_protocols 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_protocols',
  },
  uwsgi_ssl_ciphers: {
    syntax: 'uwsgi_ssl_ciphers ciphers;',
    summary: {
      en: 'Like proxy_ssl_ciphers, for uwsgi servers.',
      zh: '与 proxy_ssl_ciphers 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_ciphers',
  },
  uwsgi_ssl_name: {
    syntax: 'uwsgi_ssl_name name;',
    summary: {
      en: 'Like proxy_ssl_name, for uwsgi servers.',
      zh: '与 proxy_ssl_name 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_name',
  },
  uwsgi_ssl_server_name: {
    syntax: 'uwsgi_ssl_server_name on | off;',
    summary: {
      en: 'Like proxy_ssl_server_name, for uwsgi servers.',
      zh: '与 proxy_ssl_server_name 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_server_name',
  },
  uwsgi_ssl_verify: {
    syntax: 'uwsgi_ssl_verify on | off;',
    summary: {
      en: 'Like proxy_ssl_verify, for uwsgi servers.',
      zh: '与 proxy_ssl_verify 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_verify',
  },
  uwsgi_ssl_verify_depth: {
    syntax: 'uwsgi_ssl_verify_depth number;',
    summary: {
      en: 'Like proxy_ssl_verify_depth, for uwsgi servers.',
      zh: '与 proxy_ssl_verify_depth 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_verify_depth',
  },
  uwsgi_ssl_trusted_certificate: {
    syntax: 'uwsgi_ssl_trusted_certificate file;',
    summary: {
      en: 'Like proxy_ssl_trusted_certificate, for uwsgi servers.',
      zh: '与 proxy_ssl_trusted_certificate 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_trusted_certificate',
  },
  uwsgi_ssl_crl: {
    syntax: 'uwsgi_ssl_crl file;',
    summary: {
      en: 'Like proxy_ssl_crl, for uwsgi servers.',
      zh: '与 proxy_ssl_crl 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_crl',
  },
  uwsgi_ssl_certificate: {
    syntax: 'uwsgi_ssl_certificate file;',
    summary: {
      en: 'Like proxy_ssl_certificate, for uwsgi servers.',
      zh: '与 proxy_ssl_certificate 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_certificate',
  },
  uwsgi_ssl_certificate_key: {
    syntax: 'uwsgi_ssl_certificate_key file;',
    summary: {
      en: 'Like proxy_ssl_certificate_key, for uwsgi servers.',
      zh: '与 proxy_ssl_certificate_key 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_certificate_key',
  },
  uwsgi_ssl_password_file: {
    syntax: 'uwsgi_ssl_password_file file;',
    summary: {
      en: 'Like proxy_ssl_password_file, for uwsgi servers.',
      zh: '与 proxy_ssl_password_file 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_password_file',
  },
  uwsgi_ssl_conf_command: {
    syntax: 'uwsgi_ssl_conf_command name value;',
    summary: {
      en: 'Like proxy_ssl_conf_command, for uwsgi servers.',
      zh: '与 proxy_ssl_conf_command 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_conf_command',
  },
  uwsgi_ssl_certificate_cache: {
    syntax: 'uwsgi_ssl_certificate_cache off;\nuwsgi_ssl_certificate_cache max=N [inactive=time] [valid=time];',
    summary: {
      en: 'Like proxy_ssl_certificate_cache, for uwsgi servers.',
      zh: '与 proxy_ssl_certificate_cache 相同，用于 uwsgi 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_ssl_certificate_cache',
  },
  // ngx_http_scgi_module
  scgi_param: {
    syntax: 'scgi_param parameter value [if_not_empty];',
    summary: {
      en: 'A parameter sent to the SCGI server, from text and variables.',
      zh: '发给 SCGI 服务器的参数，由文本和变量组成。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_param',
  },
  scgi_pass: {
    syntax: 'scgi_pass address;',
    summary: {
      en: 'Sends the request to an SCGI server: an address or an upstream group.',
      zh: '把请求发给 SCGI 服务器：一个地址或上游组。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_pass',
  },
  scgi_store: {
    syntax: 'scgi_store on | off | string;',
    summary: {
      en: 'Like proxy_store, for SCGI servers.',
      zh: '与 proxy_store 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_store',
  },
  scgi_store_access: {
    syntax: 'scgi_store_access users:permissions ...;',
    summary: {
      en: 'Like proxy_store_access, for SCGI servers.',
      zh: '与 proxy_store_access 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_store_access',
  },
  scgi_buffering: {
    syntax: 'scgi_buffering on | off;',
    summary: {
      en: 'Like proxy_buffering, for SCGI servers.',
      zh: '与 proxy_buffering 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_buffering',
  },
  scgi_request_buffering: {
    syntax: 'scgi_request_buffering on | off;',
    summary: {
      en: 'Like proxy_request_buffering, for SCGI servers.',
      zh: '与 proxy_request_buffering 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_request_buffering',
  },
  scgi_ignore_client_abort: {
    syntax: 'scgi_ignore_client_abort on | off;',
    summary: {
      en: 'Like proxy_ignore_client_abort, for SCGI servers.',
      zh: '与 proxy_ignore_client_abort 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_ignore_client_abort',
  },
  scgi_bind: {
    syntax: 'scgi_bind address [transparent] | off;',
    summary: {
      en: 'Like proxy_bind, for SCGI servers.',
      zh: '与 proxy_bind 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_bind',
  },
  scgi_socket_keepalive: {
    syntax: 'scgi_socket_keepalive on | off;',
    summary: {
      en: 'Like proxy_socket_keepalive, for SCGI servers.',
      zh: '与 proxy_socket_keepalive 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_socket_keepalive',
  },
  scgi_connect_timeout: {
    syntax: 'scgi_connect_timeout time;',
    summary: {
      en: 'Like proxy_connect_timeout, for SCGI servers.',
      zh: '与 proxy_connect_timeout 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_connect_timeout',
  },
  scgi_send_timeout: {
    syntax: 'scgi_send_timeout time;',
    summary: {
      en: 'Like proxy_send_timeout, for SCGI servers.',
      zh: '与 proxy_send_timeout 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_send_timeout',
  },
  scgi_buffer_size: {
    syntax: 'scgi_buffer_size size;',
    summary: {
      en: 'Like proxy_buffer_size, for SCGI servers.',
      zh: '与 proxy_buffer_size 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_buffer_size',
  },
  scgi_pass_request_headers: {
    syntax: 'scgi_pass_request_headers on | off;',
    summary: {
      en: 'Like proxy_pass_request_headers, for SCGI servers.',
      zh: '与 proxy_pass_request_headers 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_pass_request_headers',
  },
  scgi_pass_request_body: {
    syntax: 'scgi_pass_request_body on | off;',
    summary: {
      en: 'Like proxy_pass_request_body, for SCGI servers.',
      zh: '与 proxy_pass_request_body 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_pass_request_body',
  },
  scgi_intercept_errors: {
    syntax: 'scgi_intercept_errors on | off;',
    summary: {
      en: 'Like proxy_intercept_errors, for SCGI servers.',
      zh: '与 proxy_intercept_errors 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_intercept_errors',
  },
  scgi_read_timeout: {
    syntax: 'scgi_read_timeout time;',
    summary: {
      en: 'Like proxy_read_timeout, for SCGI servers.',
      zh: '与 proxy_read_timeout 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_read_timeout',
  },
  scgi_buffers: {
    syntax: 'scgi_buffers number size;',
    summary: {
      en: 'Like proxy_buffers, for SCGI servers.',
      zh: '与 proxy_buffers 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_buffers',
  },
  scgi_busy_buffers_size: {
    syntax: 'scgi_busy_buffers_size size;',
    summary: {
      en: 'Like proxy_busy_buffers_size, for SCGI servers.',
      zh: '与 proxy_busy_buffers_size 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_busy_buffers_size',
  },
  scgi_force_ranges: {
    syntax: 'scgi_force_ranges on | off;',
    summary: {
      en: 'Like proxy_force_ranges, for SCGI servers.',
      zh: '与 proxy_force_ranges 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_force_ranges',
  },
  scgi_limit_rate: {
    syntax: 'scgi_limit_rate rate;',
    summary: {
      en: 'Like proxy_limit_rate, for SCGI servers.',
      zh: '与 proxy_limit_rate 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_limit_rate',
  },
  scgi_cache: {
    syntax: 'scgi_cache zone | off;',
    summary: {
      en: 'Like proxy_cache, for SCGI servers.',
      zh: '与 proxy_cache 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache',
  },
  scgi_cache_key: {
    syntax: 'scgi_cache_key string;',
    summary: {
      en: 'Like proxy_cache_key, for SCGI servers.',
      zh: '与 proxy_cache_key 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_key',
  },
  scgi_cache_path: {
    syntax: 'scgi_cache_path path [levels=levels] [use_temp_path=on|off] keys_zone=name:size [inactive=time] [max_size=size] [min_free=size] [manager_files=number] [manager_sleep=time] [manager_threshold=time] [loader_files=number] [loader_sleep=time] [loader_threshold=time] [purger=on|off] [purger_files=number] [purger_sleep=time] [purger_threshold=time];',
    summary: {
      en: 'Like proxy_cache_path, for SCGI servers.',
      zh: '与 proxy_cache_path 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_path',
  },
  scgi_cache_bypass: {
    syntax: 'scgi_cache_bypass string ...;',
    summary: {
      en: 'Like proxy_cache_bypass, for SCGI servers.',
      zh: '与 proxy_cache_bypass 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_bypass',
  },
  scgi_no_cache: {
    syntax: 'scgi_no_cache string ...;',
    summary: {
      en: 'Like proxy_no_cache, for SCGI servers.',
      zh: '与 proxy_no_cache 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_no_cache',
  },
  scgi_cache_valid: {
    syntax: 'scgi_cache_valid [code ...] time;',
    summary: {
      en: 'Like proxy_cache_valid, for SCGI servers.',
      zh: '与 proxy_cache_valid 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_valid',
  },
  scgi_cache_min_uses: {
    syntax: 'scgi_cache_min_uses number;',
    summary: {
      en: 'Like proxy_cache_min_uses, for SCGI servers.',
      zh: '与 proxy_cache_min_uses 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_min_uses',
  },
  scgi_cache_max_range_offset: {
    syntax: 'scgi_cache_max_range_offset number;',
    summary: {
      en: 'Like proxy_cache_max_range_offset, for SCGI servers.',
      zh: '与 proxy_cache_max_range_offset 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_max_range_offset',
  },
  scgi_cache_use_stale: {
    syntax: 'scgi_cache_use_stale error | timeout | invalid_header | updating | http_500 | http_503 | http_403 | http_404 | http_429 | off ...;',
    summary: {
      en: 'Like proxy_cache_use_stale, for SCGI servers.',
      zh: '与 proxy_cache_use_stale 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_use_stale',
  },
  scgi_cache_methods: {
    syntax: 'scgi_cache_methods GET | HEAD | POST ...;',
    summary: {
      en: 'Like proxy_cache_methods, for SCGI servers.',
      zh: '与 proxy_cache_methods 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_methods',
  },
  scgi_cache_lock: {
    syntax: 'scgi_cache_lock on | off;',
    summary: {
      en: 'Like proxy_cache_lock, for SCGI servers.',
      zh: '与 proxy_cache_lock 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_lock',
  },
  scgi_cache_lock_timeout: {
    syntax: 'scgi_cache_lock_timeout time;',
    summary: {
      en: 'Like proxy_cache_lock_timeout, for SCGI servers.',
      zh: '与 proxy_cache_lock_timeout 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_lock_timeout',
  },
  scgi_cache_lock_age: {
    syntax: 'scgi_cache_lock_age time;',
    summary: {
      en: 'Like proxy_cache_lock_age, for SCGI servers.',
      zh: '与 proxy_cache_lock_age 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_lock_age',
  },
  scgi_cache_revalidate: {
    syntax: 'scgi_cache_revalidate on | off;',
    summary: {
      en: 'Like proxy_cache_revalidate, for SCGI servers.',
      zh: '与 proxy_cache_revalidate 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_revalidate',
  },
  scgi_cache_background_update: {
    syntax: 'scgi_cache_background_update on | off;',
    summary: {
      en: 'Like proxy_cache_background_update, for SCGI servers.',
      zh: '与 proxy_cache_background_update 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_cache_background_update',
  },
  scgi_temp_path: {
    syntax: 'scgi_temp_path path [level1 [level2 [level3]]];',
    summary: {
      en: 'Like proxy_temp_path, for SCGI servers.',
      zh: '与 proxy_temp_path 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_temp_path',
  },
  scgi_max_temp_file_size: {
    syntax: 'scgi_max_temp_file_size size;',
    summary: {
      en: 'Like proxy_max_temp_file_size, for SCGI servers.',
      zh: '与 proxy_max_temp_file_size 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_max_temp_file_size',
  },
  scgi_temp_file_write_size: {
    syntax: 'scgi_temp_file_write_size size;',
    summary: {
      en: 'Like proxy_temp_file_write_size, for SCGI servers.',
      zh: '与 proxy_temp_file_write_size 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_temp_file_write_size',
  },
  scgi_next_upstream: {
    syntax: 'scgi_next_upstream error | timeout | denied | invalid_header | http_500 | http_503 | http_403 | http_404 | http_429 | non_idempotent | off ...;',
    summary: {
      en: 'Like proxy_next_upstream, for SCGI servers.',
      zh: '与 proxy_next_upstream 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_next_upstream',
  },
  scgi_next_upstream_tries: {
    syntax: 'scgi_next_upstream_tries number;',
    summary: {
      en: 'Like proxy_next_upstream_tries, for SCGI servers.',
      zh: '与 proxy_next_upstream_tries 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_next_upstream_tries',
  },
  scgi_next_upstream_timeout: {
    syntax: 'scgi_next_upstream_timeout time;',
    summary: {
      en: 'Like proxy_next_upstream_timeout, for SCGI servers.',
      zh: '与 proxy_next_upstream_timeout 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_next_upstream_timeout',
  },
  scgi_pass_header: {
    syntax: 'scgi_pass_header field;',
    summary: {
      en: 'Like proxy_pass_header, for SCGI servers.',
      zh: '与 proxy_pass_header 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_pass_header',
  },
  scgi_hide_header: {
    syntax: 'scgi_hide_header field;',
    summary: {
      en: 'Like proxy_hide_header, for SCGI servers.',
      zh: '与 proxy_hide_header 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_hide_header',
  },
  scgi_ignore_headers: {
    syntax: 'scgi_ignore_headers field ...;',
    summary: {
      en: 'Like proxy_ignore_headers, for SCGI servers.',
      zh: '与 proxy_ignore_headers 相同，用于 SCGI 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_scgi_module.html#scgi_ignore_headers',
  },
  // ngx_http_memcached_module
  memcached_gzip_flag: {
    syntax: 'memcached_gzip_flag flag;',
    summary: {
      en: 'A memcached flag that, when set on a value, makes nginx send it with Content-Encoding: gzip.',
      zh: '一个 memcached 标志：值带有该标志时，nginx 发送时加上 Content-Encoding: gzip。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_memcached_module.html#memcached_gzip_flag',
  },
  memcached_pass: {
    syntax: 'memcached_pass address;',
    summary: {
      en: 'Answers with the value memcached holds for $memcached_key; 404 when there is none.',
      zh: '用 memcached 中 $memcached_key 对应的值作为响应；没有该值时返回 404。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_memcached_module.html#memcached_pass',
  },
  memcached_bind: {
    syntax: 'memcached_bind address [transparent ] | off;',
    summary: {
      en: 'Like proxy_bind, for memcached servers.',
      zh: '与 proxy_bind 相同，用于 memcached 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_memcached_module.html#memcached_bind',
  },
  memcached_socket_keepalive: {
    syntax: 'memcached_socket_keepalive on | off;',
    summary: {
      en: 'Like proxy_socket_keepalive, for memcached servers.',
      zh: '与 proxy_socket_keepalive 相同，用于 memcached 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_memcached_module.html#memcached_socket_keepalive',
  },
  memcached_connect_timeout: {
    syntax: 'memcached_connect_timeout time;',
    summary: {
      en: 'Like proxy_connect_timeout, for memcached servers.',
      zh: '与 proxy_connect_timeout 相同，用于 memcached 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_memcached_module.html#memcached_connect_timeout',
  },
  memcached_send_timeout: {
    syntax: 'memcached_send_timeout time;',
    summary: {
      en: 'Like proxy_send_timeout, for memcached servers.',
      zh: '与 proxy_send_timeout 相同，用于 memcached 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_memcached_module.html#memcached_send_timeout',
  },
  memcached_buffer_size: {
    syntax: 'memcached_buffer_size size;',
    summary: {
      en: 'Like proxy_buffer_size, for memcached servers.',
      zh: '与 proxy_buffer_size 相同，用于 memcached 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_memcached_module.html#memcached_buffer_size',
  },
  memcached_read_timeout: {
    syntax: 'memcached_read_timeout time;',
    summary: {
      en: 'Like proxy_read_timeout, for memcached servers.',
      zh: '与 proxy_read_timeout 相同，用于 memcached 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_memcached_module.html#memcached_read_timeout',
  },
  memcached_next_upstream: {
    syntax: 'memcached_next_upstream error | timeout | denied | invalid_response | not_found | off ...;',
    summary: {
      en: 'Like proxy_next_upstream, for memcached servers.',
      zh: '与 proxy_next_upstream 相同，用于 memcached 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_memcached_module.html#memcached_next_upstream',
  },
  memcached_next_upstream_tries: {
    syntax: 'memcached_next_upstream_tries number;',
    summary: {
      en: 'Like proxy_next_upstream_tries, for memcached servers.',
      zh: '与 proxy_next_upstream_tries 相同，用于 memcached 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_memcached_module.html#memcached_next_upstream_tries',
  },
  memcached_next_upstream_timeout: {
    syntax: 'memcached_next_upstream_timeout time;',
    summary: {
      en: 'Like proxy_next_upstream_timeout, for memcached servers.',
      zh: '与 proxy_next_upstream_timeout 相同，用于 memcached 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_memcached_module.html#memcached_next_upstream_timeout',
  },
  // ngx_http_grpc_module
  grpc_set_header: {
    syntax: 'grpc_set_header field value;',
    summary: {
      en: 'Sets a header of the request sent to the gRPC server; an empty value removes it.',
      zh: '设置发给 gRPC 服务器的请求头；值为空表示去掉该头。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_set_header',
  },
  grpc_pass: {
    syntax: 'grpc_pass address;',
    summary: {
      en: 'Sends the request to a gRPC server over HTTP/2 (grpc:// or grpcs://).',
      zh: '通过 HTTP/2 把请求发给 gRPC 服务器（grpc:// 或 grpcs://）。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_pass',
  },
  grpc_bind: {
    syntax: 'grpc_bind address [transparent ] | off;',
    summary: {
      en: 'Like proxy_bind, for gRPC servers.',
      zh: '与 proxy_bind 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_bind',
  },
  grpc_socket_keepalive: {
    syntax: 'grpc_socket_keepalive on | off;',
    summary: {
      en: 'Like proxy_socket_keepalive, for gRPC servers.',
      zh: '与 proxy_socket_keepalive 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_socket_keepalive',
  },
  grpc_connect_timeout: {
    syntax: 'grpc_connect_timeout time;',
    summary: {
      en: 'Like proxy_connect_timeout, for gRPC servers.',
      zh: '与 proxy_connect_timeout 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_connect_timeout',
  },
  grpc_send_timeout: {
    syntax: 'grpc_send_timeout time;',
    summary: {
      en: 'Like proxy_send_timeout, for gRPC servers.',
      zh: '与 proxy_send_timeout 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_send_timeout',
  },
  grpc_intercept_errors: {
    syntax: 'grpc_intercept_errors on | off;',
    summary: {
      en: 'Like proxy_intercept_errors, for gRPC servers.',
      zh: '与 proxy_intercept_errors 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_intercept_errors',
  },
  grpc_buffer_size: {
    syntax: 'grpc_buffer_size size;',
    summary: {
      en: 'Like proxy_buffer_size, for gRPC servers.',
      zh: '与 proxy_buffer_size 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_buffer_size',
  },
  grpc_read_timeout: {
    syntax: 'grpc_read_timeout time;',
    summary: {
      en: 'Like proxy_read_timeout, for gRPC servers.',
      zh: '与 proxy_read_timeout 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_read_timeout',
  },
  grpc_next_upstream: {
    syntax: 'grpc_next_upstream error | timeout | denied | invalid_header | http_500 | http_502 | http_503 | http_504 | http_403 | http_404 | http_429 | non_idempotent | off ...;',
    summary: {
      en: 'Like proxy_next_upstream, for gRPC servers.',
      zh: '与 proxy_next_upstream 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_next_upstream',
  },
  grpc_next_upstream_tries: {
    syntax: 'grpc_next_upstream_tries number;',
    summary: {
      en: 'Like proxy_next_upstream_tries, for gRPC servers.',
      zh: '与 proxy_next_upstream_tries 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_next_upstream_tries',
  },
  grpc_next_upstream_timeout: {
    syntax: 'grpc_next_upstream_timeout time;',
    summary: {
      en: 'Like proxy_next_upstream_timeout, for gRPC servers.',
      zh: '与 proxy_next_upstream_timeout 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_next_upstream_timeout',
  },
  grpc_pass_header: {
    syntax: 'grpc_pass_header field;',
    summary: {
      en: 'Like proxy_pass_header, for gRPC servers.',
      zh: '与 proxy_pass_header 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_pass_header',
  },
  grpc_hide_header: {
    syntax: 'grpc_hide_header field;',
    summary: {
      en: 'Like proxy_hide_header, for gRPC servers.',
      zh: '与 proxy_hide_header 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_hide_header',
  },
  grpc_ignore_headers: {
    syntax: 'grpc_ignore_headers field ...;',
    summary: {
      en: 'Like proxy_ignore_headers, for gRPC servers.',
      zh: '与 proxy_ignore_headers 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ignore_headers',
  },
  grpc_ssl_session_reuse: {
    syntax: 'grpc_ssl_session_reuse on | off;',
    summary: {
      en: 'Like proxy_ssl_session_reuse, for gRPC servers.',
      zh: '与 proxy_ssl_session_reuse 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_session_reuse',
  },
  grpc_ssl_protocols: {
    syntax: 'grpc_ssl_protocols [SSLv2] [SSLv3] [TLSv1] [TLSv1.1] [TLSv1.2] [TLSv1.3];',
    summary: {
      en: 'Like proxy_ssl_protocols, for gRPC servers.',
      zh: '与 proxy_ssl_protocols 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_protocols',
  },
  grpc_ssl_ciphers: {
    syntax: 'grpc_ssl_ciphers ciphers;',
    summary: {
      en: 'Like proxy_ssl_ciphers, for gRPC servers.',
      zh: '与 proxy_ssl_ciphers 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_ciphers',
  },
  grpc_ssl_name: {
    syntax: 'grpc_ssl_name name;',
    summary: {
      en: 'Like proxy_ssl_name, for gRPC servers.',
      zh: '与 proxy_ssl_name 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_name',
  },
  grpc_ssl_server_name: {
    syntax: 'grpc_ssl_server_name on | off;',
    summary: {
      en: 'Like proxy_ssl_server_name, for gRPC servers.',
      zh: '与 proxy_ssl_server_name 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_server_name',
  },
  grpc_ssl_verify: {
    syntax: 'grpc_ssl_verify on | off;',
    summary: {
      en: 'Like proxy_ssl_verify, for gRPC servers.',
      zh: '与 proxy_ssl_verify 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_verify',
  },
  grpc_ssl_verify_depth: {
    syntax: 'grpc_ssl_verify_depth number;',
    summary: {
      en: 'Like proxy_ssl_verify_depth, for gRPC servers.',
      zh: '与 proxy_ssl_verify_depth 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_verify_depth',
  },
  grpc_ssl_trusted_certificate: {
    syntax: 'grpc_ssl_trusted_certificate file;',
    summary: {
      en: 'Like proxy_ssl_trusted_certificate, for gRPC servers.',
      zh: '与 proxy_ssl_trusted_certificate 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_trusted_certificate',
  },
  grpc_ssl_crl: {
    syntax: 'grpc_ssl_crl file;',
    summary: {
      en: 'Like proxy_ssl_crl, for gRPC servers.',
      zh: '与 proxy_ssl_crl 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_crl',
  },
  grpc_ssl_certificate: {
    syntax: 'grpc_ssl_certificate file;',
    summary: {
      en: 'Like proxy_ssl_certificate, for gRPC servers.',
      zh: '与 proxy_ssl_certificate 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_certificate',
  },
  grpc_ssl_certificate_key: {
    syntax: 'grpc_ssl_certificate_key file;',
    summary: {
      en: 'Like proxy_ssl_certificate_key, for gRPC servers.',
      zh: '与 proxy_ssl_certificate_key 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_certificate_key',
  },
  grpc_ssl_password_file: {
    syntax: 'grpc_ssl_password_file file;',
    summary: {
      en: 'Like proxy_ssl_password_file, for gRPC servers.',
      zh: '与 proxy_ssl_password_file 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_password_file',
  },
  grpc_ssl_conf_command: {
    syntax: 'grpc_ssl_conf_command name value;',
    summary: {
      en: 'Like proxy_ssl_conf_command, for gRPC servers.',
      zh: '与 proxy_ssl_conf_command 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_conf_command',
  },
  grpc_ssl_certificate_cache: {
    syntax: 'grpc_ssl_certificate_cache off;\ngrpc_ssl_certificate_cache max=N [inactive=time] [valid=time];',
    summary: {
      en: 'Like proxy_ssl_certificate_cache, for gRPC servers.',
      zh: '与 proxy_ssl_certificate_cache 相同，用于 gRPC 服务器。',
    },
    url: 'https://nginx.org/en/docs/http/ngx_http_grpc_module.html#grpc_ssl_certificate_cache',
  },
})
