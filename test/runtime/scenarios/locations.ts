/**
 * Routing (docs/nginx-behaviour.md §5): server selection by listen, server_name (exact, wildcard,
 * regex) and default_server; location selection (=, ^~, longest prefix, regexes in order,
 * nested); proxy_pass with and without a URI part and with variables; return, error_page,
 * static root/index and the 404 with its open() failed line.
 */
import { canonicalLocation, conf, UPGRADE_MAP, wsClient, type Scenario, type StepContext } from './common.ts'

/** GETs on one keep-alive connection. */
async function getAll(ctx: StepContext, paths: string[], headers: [string, string][] = []): Promise<void> {
  const c = await ctx.connect()
  for (const path of paths) await c.get(path, headers)
}

/** One GET per Host value, each on its own connection (null: HTTP/1.0 without Host). */
async function getHosts(ctx: StepContext, hosts: (string | null)[], token = 'PORT'): Promise<void> {
  for (const host of hosts) {
    const c = await ctx.connect(token)
    if (host === null) c.request('GET', '/', { version: 'HTTP/1.0' })
    else c.request('GET', '/', { headers: [['Host', host]] })
    await c.response()
  }
}

export const locationScenarios: Scenario[] = [
  {
    name: 'loc-matching-order',
    about: '=, ^~, longest prefix, regexes in config order, case-insensitive regex, case-sensitive prefixes',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location = /ws { return 200 "exact =/ws\\n"; }
    location ^~ /ws/static/ { return 200 "prefix ^~/ws/static/\\n"; }
    location /ws/ { return 200 "prefix /ws/\\n"; }
    location ~ ^/ws/(\\d+)$ { return 200 "regex digits $1\\n"; }
    location ~ ^/ws/ { return 200 "regex ^/ws/\\n"; }
    location ~* \\.png$ { return 200 "regex-i png\\n"; }
    location / { return 200 "prefix /\\n"; }
    location /wsx { return 200 "prefix /wsx\\n"; }
}`),
    async steps(ctx) {
      await getAll(ctx, ['/ws', '/ws?x=1', '/ws/', '/ws/abc', '/ws/123', '/ws/static/a.png', '/img/A.PNG', '/wsx/1', '/other', '/WS'])
    },
  },
  {
    name: 'loc-nested',
    about: 'nested locations: the inner prefix and inner regex win inside /api/, the outer regex elsewhere',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /api/ {
        location /api/admin/ { return 200 "nested /api/admin/\\n"; }
        location ~ \\.json$ { return 200 "nested json\\n"; }
        return 200 "outer /api/\\n";
    }
    location ~ \\.json$ { return 200 "top json\\n"; }
    location / { return 200 "root\\n"; }
}`),
    async steps(ctx) {
      await getAll(ctx, ['/api/x', '/api/admin/y', '/api/data.json', '/api/admin/z.json', '/other.json', '/'])
    },
  },
  {
    name: 'loc-proxy-pass-uri-replace',
    about: 'location /chat/ with proxy_pass …/: the matched prefix is replaced by /, the query kept, the URI normalized',
    config: conf(`${UPGRADE_MAP}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /chat/ {
        ${canonicalLocation('http://127.0.0.1:{{UP1}}/')}
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const ws = await wsClient(ctx, '/chat/room1')
      ws.sendText('in room1')
      await ws.frame()
      await getAll(ctx, ['/chat/room1?x=1&y=%20', '/chat/a%20b', '/chat//double', '/chat/./dot/../x'])
    },
  },
  {
    name: 'loc-proxy-pass-uri-partial',
    about: 'location /api with proxy_pass …/v1: the prefix is replaced as a string (/apiary → /v1ary)',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /api {
        proxy_pass http://127.0.0.1:{{UP1}}/v1;
    }
    location /base/ {
        proxy_pass http://127.0.0.1:{{UP1}}/backend/;
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      await getAll(ctx, ['/api/users', '/apiary', '/api', '/base/x?y=1'])
    },
  },
  {
    name: 'loc-proxy-pass-no-uri',
    about: 'proxy_pass without a URI: the request URI goes as the client sent it (escapes and dot segments included)',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /raw/ {
        proxy_pass http://127.0.0.1:{{UP1}};
    }
    location ~ ^/re/ {
        proxy_pass http://127.0.0.1:{{UP1}};
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      await getAll(ctx, ['/raw/room1?x=1', '/raw/a%20b', '/raw/../raw/x', '/chat/../raw/y', '/raw//two', '/re/abc?q'])
    },
  },
  {
    name: 'loc-proxy-pass-variable-upstream',
    about: 'proxy_pass http://$pool with a map to upstream block names: no resolver needed, Host is the block name',
    config: conf(`upstream pool_a { server 127.0.0.1:{{UP1}}; }
upstream pool_b { server 127.0.0.1:{{UP2}}; }
map $arg_pool $pool {
    default pool_a;
    b       pool_b;
}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location / {
        proxy_pass http://$pool;
    }
}`),
    upstreams: [{ name: 'UP1' }, { name: 'UP2' }],
    async steps(ctx) {
      await getAll(ctx, ['/x', '/x?pool=b', '/y?pool=c'])
    },
  },
  {
    name: 'loc-proxy-pass-variable-address',
    about: 'proxy_pass with variables: an address in a variable passes the client URI; a URI part with variables replaces it',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    set $target 127.0.0.1:{{UP1}};
    location /v1/ {
        proxy_pass http://$target;
    }
    location /v2/ {
        proxy_pass http://$target/fixed$is_args$args;
    }
    location /v3/ {
        proxy_pass http://127.0.0.1:{{UP1}}/prefix$request_uri;
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      await getAll(ctx, ['/v1/a%20b?x=1', '/v2/anything?k=v', '/v2/no-args', '/v3/p?q=1'])
    },
  },
  {
    name: 'loc-rewrite-break-proxy-pass',
    about: 'rewrite … break before proxy_pass: the rewritten URI goes upstream, and a proxy_pass URI part is then ignored',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /old/ {
        rewrite ^/old/(.*)$ /new/$1 break;
        proxy_pass http://127.0.0.1:{{UP1}};
    }
    location /r2/ {
        rewrite ^/r2/(.*)$ /changed/$1 break;
        proxy_pass http://127.0.0.1:{{UP1}}/ignored/;
    }
    location /last/ {
        rewrite ^/last/(.*)$ /old/$1 last;
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      await getAll(ctx, ['/old/x?q=1', '/r2/y', '/last/z'])
    },
  },
  {
    name: 'loc-server-name-routing',
    about: 'two servers on one port: exact names case-insensitive with port ignored, wildcard, unknown and missing Host to the first',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name a.test;
    return 200 "server a.test\\n";
}
server {
    listen 127.0.0.1:{{PORT}};
    server_name b.test *.b.test;
    return 200 "server b.test\\n";
}`),
    async steps(ctx) {
      await getHosts(ctx, ['a.test', 'A.TEST:80', 'b.test', 'x.b.test', 'unknown.test', null, 'a.test.'])
    },
  },
  {
    name: 'loc-server-name-regex',
    about: 'server_name precedence: exact, then leading wildcard, trailing wildcard, then regexes in order (captures usable)',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name exact.re.test;
    return 200 "exact\\n";
}
server {
    listen 127.0.0.1:{{PORT}};
    server_name ~^(?<sub>[a-z]+)\\.re\\.test$ ~^(?<sub>[a-z]+)\\.other\\.test$;
    return 200 "regex sub=$sub\\n";
}
server {
    listen 127.0.0.1:{{PORT}};
    server_name *.re.test;
    return 200 "leading wildcard\\n";
}
server {
    listen 127.0.0.1:{{PORT}};
    server_name www.*;
    return 200 "trailing wildcard\\n";
}`),
    async steps(ctx) {
      await getHosts(ctx, ['exact.re.test', 'foo.re.test', 'x.y.re.test', 'bar.other.test', 'www.example.org', 'www.re.test', 'nothing.test'])
    },
  },
  {
    name: 'loc-default-server',
    about: 'listen … default_server on the second server: unknown and missing Host go there',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name first.test;
    return 200 "first\\n";
}
server {
    listen 127.0.0.1:{{PORT}} default_server;
    server_name second.test;
    return 200 "second (default_server)\\n";
}`),
    async steps(ctx) {
      await getHosts(ctx, ['first.test', 'second.test', 'unknown.test', null])
    },
  },
  {
    name: 'loc-listen-two-ports',
    about: 'servers on two ports: the listen port picks the server before server_name does',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name same.test;
    return 200 "port one $server_port\\n";
}
server {
    listen 127.0.0.1:{{PORT2}};
    server_name same.test;
    return 200 "port two $server_port\\n";
}`),
    async steps(ctx) {
      await getHosts(ctx, ['same.test', 'other.test'])
      await getHosts(ctx, ['same.test', 'other.test'], 'PORT2')
    },
  },
  {
    name: 'loc-return-and-404',
    about: 'return 301 (absolute Location), 302 to a URL, 200 with text, 204, bare 404, and 418 with no page',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /r301 { return 301 /ws; }
    location /r302 { return 302 http://example.test/x?y=1; }
    location /ok { return 200 "ok\\n"; }
    location /empty { return 204; }
    location /gone { return 404; }
    location /teapot { return 418; }
    location /text404 { return 404 "custom not found\\n"; }
}`),
    async steps(ctx) {
      await getAll(ctx, ['/r301', '/r302', '/ok', '/empty', '/gone', '/teapot', '/text404'])
    },
  },
  {
    name: 'loc-static-404-open-failed',
    about: 'no location matches: static files from the default root, 404 and "open() … failed (2: No such file or directory)"',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /ws {
        return 200 "ws\\n";
    }
}`),
    async steps(ctx) {
      await getAll(ctx, ['/nothing', '/ws'])
    },
  },
  {
    name: 'loc-static-root-index',
    about: 'root and index: index.html, a text file, the directory redirect, HEAD, a missing file',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    root site;
    index index.html;
}`),
    files: {
      'site/index.html': '<h1>lab</h1>\n',
      'site/notes.txt': 'plain notes\n',
      'site/dir/index.html': '<p>dir</p>\n',
    },
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/')
      await c.get('/notes.txt')
      await c.get('/dir')
      await c.get('/dir/')
      c.request('HEAD', '/notes.txt', { headers: [['Host', 'localhost']] })
      await c.response()
      await c.get('/missing.txt')
    },
  },
  {
    name: 'loc-error-page',
    about: 'error_page: a custom page for an upstream 502, =200 for a missing file, proxy_intercept_errors for an upstream 404',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    root site;
    error_page 502 /err502.html;
    location /dead {
        proxy_pass http://127.0.0.1:{{DEAD}};
    }
    location /files/ {
        error_page 404 =200 /fallback.txt;
    }
    location /up/ {
        proxy_pass http://127.0.0.1:{{UP1}};
        proxy_intercept_errors on;
        error_page 404 /err404.html;
    }
    location /up-pass/ {
        proxy_pass http://127.0.0.1:{{UP1}};
        error_page 404 /err404.html;
    }
}`),
    files: {
      'site/err502.html': 'custom 502 page\n',
      'site/err404.html': 'custom 404 page\n',
      'site/fallback.txt': 'fallback\n',
    },
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'http', status: 404, headers: [['Content-Type', 'text/plain']], body: 'upstream 404\n' }) }],
    async steps(ctx) {
      await getAll(ctx, ['/dead', '/files/missing', '/up/x', '/up-pass/x'])
    },
  },
]
