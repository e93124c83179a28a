/**
 * nginx's own evaluation limits (nginx 1.22.1 source):
 *
 * - variables: a per-worker depth counter (`ngx_http_variable_depth`, static, 100) decremented
 *   around every get_handler call in ngx_http_get_indexed_variable (ngx_http_variables.c); at 0
 *   the lookup logs `[error] cycle while evaluating variable "NAME"` and returns NULL (empty),
 *   without caching — so a cycle, or merely a chain more than 100 handlers deep, answers with an
 *   empty piece and 2 error lines (lengths pass and values pass of ngx_http_complex_value) per
 *   reference to an uncached variable in what the innermost (100th) handler evaluates; the
 *   handlers above cache their results, so nothing else is logged;
 * - variables are cached per request (r->variables[i].valid) unless flagged
 *   NGX_HTTP_VAR_NOCACHEABLE (`map … { volatile; }`, $uri, $args …); the cache survives internal
 *   redirects;
 * - internal redirects: r->uri_changes starts at 11 (NGX_HTTP_MAX_URI_CHANGES + 1) and each
 *   `rewrite … last` (post-rewrite phase), error_page URI (ngx_http_internal_redirect) and
 *   error_page @name (ngx_http_named_location) takes one; the one that reaches 0 logs
 *   `[error] rewrite or internal redirection cycle while …` and answers nginx's own 500 page
 *   (no error_page once the counter is 0);
 * - recursive_error_pages off (default): once an error happened in a location where it is off,
 *   no later error is redirected.
 */
import { conf, getOnce, type Scenario } from './common.ts'

/** `map $SRC $DST { default VALUE; }` */
function map(src: string, dst: string, value: string, volatile = false): string {
  return `map $${src} $${dst} {${volatile ? '\n    volatile;' : ''}\n    default ${value};\n}`
}

/** One server on PORT (server_name localhost) with the given body. */
function server(body: string): string {
  return `server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    ${body.replace(/^\n+|\s+$/g, '').replace(/\n/g, '\n    ')}
}`
}

/** GETs each path on its own connection (an answer of 500 closes the connection anyway). */
async function getEach(ctx: Parameters<Scenario['steps']>[0], paths: string[]): Promise<void> {
  for (const p of paths) await getOnce(ctx, p)
}

/** A chain of maps $v0 ← $uri, $v1 ← $v0 … $vN ← $v(N-1), each passing its source through. */
function mapChain(n: number): string {
  const lines = [map('uri', 'v0', '"[$uri]"')]
  for (let i = 1; i <= n; i++) lines.push(map(`v${i - 1}`, `v${i}`, `$v${i - 1}`))
  return lines.join('\n')
}

/** $v0 = x, $vK = $v(K-1)$v(K-1): 2^K characters, each level referring to the one below 6 times. */
function mapFanOut(n: number): string {
  const lines = [map('uri', 'v0', 'x')]
  for (let i = 1; i <= n; i++) lines.push(map(`v${i - 1}`, `v${i}`, `$v${i - 1}$v${i - 1}`))
  return lines.join('\n')
}

export const limitScenarios: Scenario[] = [
  // 1. Variable cycles.
  {
    name: 'lim-var-cycle-two-maps',
    about:
      'map $b $c / map $c $b, each defaulting to the other: 200 with the variable empty, and 4 [error] "cycle while evaluating variable" lines naming the variable the request asked for (the innermost map refers to it twice in its key and twice in its value)',
    config: conf(
      `${map('b', 'c', '$b')}
${map('c', 'b', '$c')}
${server(`location = /b {
    return 200 "[$b]\\n";
}
location = /c {
    return 200 "[$c]\\n";
}
location = /both {
    return 200 "[$b|$c]\\n";
}`)}`,
    ),
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/b')
      await c.get('/c')
      await c.get('/both')
    },
  },
  {
    name: 'lim-var-cycle-two-maps-text',
    about:
      'the same cycle with text around the references (b$c, c$b): the innermost map gets "", each level above wraps the cached value of the one below, so the answer is 100 letters bcbc…, with 4 [error] lines',
    config: conf(
      `${map('b', 'c', '"c$b"')}
${map('c', 'b', '"b$c"')}
${server(`location / {
    return 200 "[$b]\\n";
}`)}`,
    ),
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/')
    },
  },
  {
    name: 'lim-var-cycle-self-map',
    about: 'map $x $x { default $x; }: 200 "[]" and 4 [error] cycle while evaluating variable "x" lines per request (the cache is per request)',
    config: conf(
      `${map('x', 'x', '$x')}
${server(`location / {
    return 200 "[$x]\\n";
}`)}`,
    ),
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/one')
      await c.get('/two')
    },
  },
  {
    name: 'lim-var-cycle-self-nesting',
    about:
      'a map that refers to itself only for one key (X-Loop: on → "<$y>"): no cycle without the header; with it 100 nested levels "<…<>…>" and 2 [error] lines (the key, $http_x_loop, is already cached)',
    config: conf(
      `map $http_x_loop $y {
    default ok;
    on      "<$y>";
}
${server(`location / {
    return 200 "$y\\n";
}`)}`,
    ),
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/')
      await c.get('/', [['X-Loop', 'on']])
    },
  },
  {
    name: 'lim-var-cycle-proxy-header',
    about:
      'a cycle in proxy_set_header X-B $b: 4 [error] lines while the request to the upstream is built, X-B is not sent (empty), "<$b>" is sent as <>, the answer goes through',
    config: conf(
      `${map('b', 'c', '$b')}
${map('c', 'b', '$c')}
${server(`location / {
    proxy_pass http://127.0.0.1:{{UP1}};
    proxy_set_header X-B $b;
    proxy_set_header X-B2 "<$b>";
}`)}`,
    ),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/proxied')
    },
  },
  {
    name: 'lim-var-cycle-access-log',
    about: 'a cycle only in a log_format: the answer is untouched, the 4 [error] lines are written while logging the request, the field is empty',
    config: conf(
      `${map('b', 'c', '$b')}
${map('c', 'b', '$c')}
log_format cyc '$status "$request" [$b] [$c]';
access_log logs/access.log cyc;
${server(`location / {
    return 200 "ok\\n";
}`)}`,
      { accessLog: false },
    ),
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/logged')
    },
  },
  {
    name: 'lim-var-depth-chain',
    about:
      'no cycle, only depth: $v0 = "[$uri]", $vK = $v(K-1); $v98 needs 100 nested handlers and works, $v99 needs 101: 4 [error] cycle while evaluating variable "uri" lines and "[]"',
    config: conf(
      `${mapChain(99)}
${server(`location = /98 {
    return 200 "$v98\\n";
}
location = /99 {
    return 200 "$v99\\n";
}`)}`,
    ),
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/98')
      await c.get('/99')
    },
  },

  // 2. Internal redirect cycles.
  {
    name: 'lim-redirect-error-page-cycle',
    about:
      'recursive_error_pages on, error_page 404 /404, /404 answers 404: 10 redirects, the 11th logs [error] "rewrite or internal redirection cycle while internally redirecting to "/404"", nginx\'s own 500 (error_page 500 not used)',
    config: conf(
      server(`recursive_error_pages on;
error_page 404 /404;
error_page 500 /500;
location / {
    return 404;
}
location = /404 {
    return 404;
}
location = /500 {
    return 200 "custom 500\\n";
}`),
      { httpBefore: `log_format lim '$status "$request" uri=$uri';`, accessLog: 'access_log logs/access.log lim;' },
    ),
    async steps(ctx) {
      await getEach(ctx, ['/x'])
    },
  },
  {
    name: 'lim-redirect-error-page-growing',
    about:
      'recursive error_page 404 /n$uri: each redirect adds /n, so the [error] line shows the 11th target (11 × /n), which is never entered; nginx\'s own 500',
    config: conf(
      server(`recursive_error_pages on;
error_page 404 /n$uri;
location / {
    return 404;
}`),
      { httpBefore: `log_format lim '$status "$request" uri=$uri';`, accessLog: 'access_log logs/access.log lim;' },
    ),
    async steps(ctx) {
      await getEach(ctx, ['/x'])
    },
  },
  {
    name: 'lim-redirect-named-location-cycle',
    about:
      'recursive_error_pages on, error_page 404 @a, @a answers 404: the 11th redirect logs [error] "rewrite or internal redirection cycle while redirect to named location "@a"", own 500',
    config: conf(
      server(`recursive_error_pages on;
error_page 404 @a;
location / {
    return 404;
}
location @a {
    return 404;
}`),
      { httpBefore: `log_format lim '$status "$request" uri=$uri';`, accessLog: 'access_log logs/access.log lim;' },
    ),
    async steps(ctx) {
      await getEach(ctx, ['/x'])
    },
  },
  {
    name: 'lim-redirect-rewrite-last-cycle',
    about:
      'rewrite ^ /loop last in location / loops: the 11th post-rewrite logs [error] "rewrite or internal redirection cycle while processing "/loop"", own 500 (error_page 500 not used); rewrite ^(.*)$ $1x last shows the count: 11 x',
    config: conf(
      server(`error_page 500 /500;
location / {
    rewrite ^ /loop last;
}
location /grow {
    rewrite ^(.*)$ $1x last;
}
location = /500 {
    return 200 "custom 500\\n";
}`),
      { httpBefore: `log_format lim '$status "$request" uri=$uri';`, accessLog: 'access_log logs/access.log lim;' },
    ),
    async steps(ctx) {
      await getEach(ctx, ['/start', '/grow'])
    },
  },
  {
    name: 'lim-redirect-mixed-counter',
    about:
      'rewrite … last and error_page redirects share one counter of 10: /r/x (4 rewrites + 6 error_page redirects) reaches the end location, /r/ (5 + 6) fails at the 6th error_page redirect with nginx\'s own 500',
    config: conf(
      server(`recursive_error_pages on;
error_page 404 /e$uri;
location ~ "^/r/(x{0,4})$" {
    rewrite ^/r/(.*)$ /r/$1x last;
}
location = /r/xxxxx {
    return 404;
}
location ~ ^/e/e/e/e/e/e/ {
    return 200 "end $uri\\n";
}
location /e {
    return 404;
}`),
      { httpBefore: `log_format lim '$status "$request" uri=$uri';`, accessLog: 'access_log logs/access.log lim;' },
    ),
    async steps(ctx) {
      await getEach(ctx, ['/r/x', '/r/'])
    },
  },
  {
    name: 'lim-redirect-error-page-not-recursive',
    about:
      'recursive_error_pages off (default): an error in the error_page target gets nginx\'s own page, no second redirect; with it on in the first location and off in the second, the second\'s error is still redirected once, the third is not',
    config: conf(
      server(`error_page 404 /404;
error_page 500 /500;
location / {
    return 404;
}
location = /404 {
    return 404;
}
location = /500 {
    return 200 "custom 500\\n";
}
location = /boom {
    return 500;
}
location = /s {
    error_page 404 /srv500;
    return 404;
}
location = /srv500 {
    return 500;
}
location = /mixed/start {
    recursive_error_pages on;
    error_page 404 /mixed/mid;
    return 404;
}
location = /mixed/mid {
    error_page 404 /mixed/last;
    return 404;
}
location = /mixed/last {
    error_page 404 /mixed/never;
    return 404;
}
location = /mixed/never {
    return 200 "never\\n";
}`),
      { httpBefore: `log_format lim '$status "$request" uri=$uri';`, accessLog: 'access_log logs/access.log lim;' },
    ),
    async steps(ctx) {
      await getEach(ctx, ['/x', '/boom', '/s', '/mixed/start'])
    },
  },

  // 3. Map caching.
  {
    name: 'lim-map-cache-vs-volatile',
    about:
      'a map on $uri is evaluated once per request and cached (also across rewrite … last), a volatile one again at each use: in set before and after a rewrite, in proxy_set_header, and in the access log (which re-evaluates volatile variables of its format even when nothing else did after the rewrite)',
    config: conf(
      `${map('uri', 'm', '"m:$uri"')}
${map('uri', 'v', '"v:$uri"', true)}
log_format lim '$status "$request" uri=$uri m=$m v=$v';
access_log logs/access.log lim;
${server(`location /a {
    set $s1 "$m $v";
    rewrite ^ /b;
    set $s2 "$m $v";
    return 200 "s1=$s1 s2=$s2 now=$m $v uri=$uri\\n";
}
location /c {
    set $s "$m $v";
    rewrite ^ /d last;
}
location /d {
    proxy_pass http://127.0.0.1:{{UP1}};
    proxy_set_header X-M $m;
    proxy_set_header X-V $v;
}
location /e {
    set $s "$m $v";
    rewrite ^ /f break;
    proxy_pass http://127.0.0.1:{{UP1}};
    proxy_set_header X-S $s;
}`)}`,
      { accessLog: false },
    ),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/a')
      await c.get('/c')
      await c.get('/d')
      await c.get('/e')
    },
  },
  {
    name: 'lim-map-fanout-cached',
    about:
      '$v0 = x, $vK = $v(K-1)$v(K-1): each map is evaluated once per request, so $v10 (1024 x) and $v20 (2^20 x, checked by a regex map) answer at once',
    config: conf(
      `${mapFanOut(20)}
map $v20 $v20_ok {
    "~^(?:x{1024}){1024}$" "2^20 x";
    default                wrong;
}
${server(`location = /10 {
    return 200 "$v10\\n";
}
location = /20 {
    return 200 "$v20_ok\\n";
}`)}`,
    ),
    timeoutMs: 8_000,
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/10')
      await c.get('/20')
    },
  },

  // 4. set doubling.
  {
    name: 'lim-set-doubling',
    about: 'set $a x then 10 × set $a $a$a: return 200 $a answers 1024 x',
    config: conf(
      server(`location / {
    set $a x;
${Array.from({ length: 10 }, () => '    set $a $a$a;').join('\n')}
    return 200 $a;
}`),
    ),
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/')
    },
  },
]
