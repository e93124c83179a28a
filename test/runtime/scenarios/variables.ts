/**
 * Built-in variables at run time (ngx_http_variables.c, ngx_http_upstream.c and the modules'
 * variables), put into a log_format, add_header values and return bodies. Deterministic values
 * are compared exactly; times, ids and counters that change from run to run are marked for
 * comparison by shape (`<~t:…~>`, `<~id:…~>`, `<~n:…~>`, see normalize.ts).
 */
import { closeHandshake, conf, echo, UPGRADE_MAP, canonicalLocation, wsClient, type Scenario } from './common.ts'

/** One server on PORT (server_name localhost) with the given body. */
function server(body: string): string {
  return `server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    ${body.replace(/^\n+|\s+$/g, '').replace(/\n/g, '\n    ')}
}`
}

/** A log_format `vars` with these fields, written to logs/access.log. */
function logFormat(fields: string): string {
  return `log_format vars '${fields}';\naccess_log logs/access.log vars;`
}

const UPSTREAM_TIMES =
  'a=$upstream_addr s=$upstream_status ct=<~t:$upstream_connect_time~> ht=<~t:$upstream_header_time~> ' +
  'rt=<~t:$upstream_response_time~> len=$upstream_response_length recv=$upstream_bytes_received sent=$upstream_bytes_sent'

export const variableScenarios: Scenario[] = [
  {
    name: 'var-upstream-tries',
    about: 'per-try upstream variables: addresses, statuses, connect/header/response times, lengths and bytes, ", " between tries',
    config: conf(
      `${logFormat(`$request_uri ${UPSTREAM_TIMES}`)}
upstream pair {
    server 127.0.0.1:{{UP1}};
    server 127.0.0.1:{{UP2}};
}
${server(`
location /pair/ {
    proxy_pass http://pair;
}
location /one/ {
    proxy_pass http://127.0.0.1:{{UP2}};
}
location /chunked/ {
    proxy_pass http://127.0.0.1:{{UP3}};
}
location /dead/ {
    proxy_pass http://127.0.0.1:{{DEAD}};
}
location /none/ {
    return 200 "none";
}`)}`,
      { accessLog: false },
    ),
    upstreams: [
      { name: 'UP1', mode: 'closed' },
      { name: 'UP2' },
      { name: 'UP3', answer: () => ({ kind: 'http', status: 200, headers: [['Content-Type', 'text/plain']], body: 'chunked body here', framing: 'chunked' }) },
    ],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/pair/a')
      await c.get('/one/b')
      c.request('POST', '/one/post', { headers: [['Host', `127.0.0.1:${ctx.port('PORT')}`], ['Content-Length', '11']], body: 'hello=world' })
      await c.response()
      await c.get('/chunked/c')
      await c.get('/dead/d')
      const d = await ctx.connect()
      await d.get('/none/e')
    },
  },
  {
    name: 'var-upstream-groups',
    about: 'an error_page that proxies again starts a new upstream group: " : " in $upstream_addr and the per-try variables',
    config: conf(
      `${logFormat(`$request_uri ${UPSTREAM_TIMES}`)}
${server(`
location /first/ {
    proxy_pass http://127.0.0.1:{{DEAD}};
    error_page 502 = @second;
}
location /intercept/ {
    proxy_pass http://127.0.0.1:{{UP2}};
    proxy_intercept_errors on;
    error_page 404 = @second;
}
location @second {
    proxy_pass http://127.0.0.1:{{UP1}};
}`)}`,
      { accessLog: false },
    ),
    upstreams: [{ name: 'UP1' }, { name: 'UP2', answer: () => ({ kind: 'http', status: 404, body: 'not here' }) }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/first/a')
      await c.get('/intercept/b')
    },
  },
  {
    name: 'var-response-headers',
    about: '$upstream_http_*, $upstream_cookie_*, $sent_http_* (the special ones and the listed headers) for proxied, returned and error responses',
    config: conf(
      `${logFormat(
        '$request_uri uh=$upstream_http_x_upstream us=$upstream_http_server uc=$upstream_cookie_sid uc2=$upstream_cookie_theme ' +
          'ct=$sent_http_content_type cl=$sent_http_content_length conn=$sent_http_connection ka=$sent_http_keep_alive ' +
          'te=$sent_http_transfer_encoding cc=$sent_http_cache_control link=$sent_http_link loc=$sent_http_location ' +
          'lm=$sent_http_last_modified srv=$sent_http_server date=$sent_http_date xu=$sent_http_x_upstream xa=$sent_http_x_added',
      )}
${server(`
add_header X-Added "yes";
location /up/ {
    proxy_pass http://127.0.0.1:{{UP1}};
}
location /chunked/ {
    proxy_pass http://127.0.0.1:{{UP2}};
}
location /ret/ {
    return 200 "text";
}
location /redir/ {
    return 302 /elsewhere;
}
location /gone/ {
    return 404;
}`)}`,
      { accessLog: false },
    ),
    upstreams: [
      {
        name: 'UP1',
        answer: () => ({
          kind: 'http',
          status: 200,
          headers: [
            ['Server', 'test-upstream'],
            ['Content-Type', 'text/plain'],
            ['Set-Cookie', 'sid=abc123; Path=/'],
            ['Set-Cookie', 'theme = dark'],
            ['Cache-Control', 'no-cache'],
            ['Cache-Control', 'private'],
            ['Link', '</a.css>; rel=preload'],
            ['Last-Modified', 'Thu, 01 Jan 2026 00:00:00 GMT'],
          ],
          after: [['X-Upstream', 'one']],
          body: 'proxied body',
        }),
      },
      { name: 'UP2', answer: () => ({ kind: 'http', status: 200, headers: [['Content-Type', 'text/plain']], body: 'chunks', framing: 'chunked' }) },
    ],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/up/a')
      await c.get('/chunked/b')
      await c.get('/ret/c')
      await c.get('/redir/d')
      await c.get('/gone/e')
      const old = await ctx.connect()
      await old.get('/ret/f', [['Connection', 'close']], 'HTTP/1.0')
    },
  },
  {
    name: 'var-request-values',
    about: 'request variables: joined Cookie and X-Forwarded-For, $cookie_*, $arg_* (as sent, "=" needed), $remote_user, $binary_remote_addr, $msie, $pipe, $limit_rate…',
    config: conf(
      `${logFormat(
        '$request_uri hc=$http_cookie ca=$cookie_a cb=$cookie_b cx=$cookie_x xff=$http_x_forwarded_for xc=$http_x_custom ' +
          'aa=$arg_a ab=$arg_b ac=$arg_c ad=$arg_d user=$remote_user bin=$binary_remote_addr msie=$msie pipe=$pipe ' +
          'lr=$limit_rate fsn=$fastcgi_script_name https=$https rra=$realip_remote_addr comp=$request_completion',
      )}
${server(`
location / {
    return 200 "hc=$http_cookie|ca=$cookie_a|cb=$cookie_b|xff=$http_x_forwarded_for|xc=$http_x_custom|aa=$arg_a|ab=$arg_b|ac=$arg_c|ad=$arg_d|user=$remote_user|msie=$msie|pipe=$pipe|lr=$limit_rate|https=$https|comp=$request_completion|pi=$fastcgi_path_info\\n";
}
location /bye {
    return 444;
}`)}`,
      { accessLog: false },
    ),
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/q?A=1&b=two%20x&c&d=&xa=9&a=2', [
        ['Cookie', 'a=1; b = 2'],
        ['Cookie', 'x=3, c=4'],
        ['X-Forwarded-For', '203.0.113.7'],
        ['X-Forwarded-For', '10.0.0.1'],
        ['X-Custom', 'first'],
        ['X-Custom', 'second'],
        ['Authorization', 'Basic YWxpY2U6c2VjcmV0'],
        ['User-Agent', 'Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)'],
      ])
      await c.get('/q?a', [['Authorization', 'Basic bm9jb2xvbg==']])
      // Two requests in one write: the second is pipelined ($pipe "p").
      const host = `Host: 127.0.0.1:${ctx.port('PORT')}`
      c.write(`GET /p1 HTTP/1.1\r\n${host}\r\n\r\nGET /p2 HTTP/1.1\r\n${host}\r\n\r\n`)
      await c.response()
      await c.response()
      const d = await ctx.connect()
      await d.get('/bye')
      await d.closedWithin(1_000)
    },
  },
  {
    name: 'var-request-body',
    about: '$request_body, $content_length and $proxy_internal_body_length when proxy_pass reads a body, and without one',
    config: conf(
      `${logFormat('$request_uri body=$request_body cl=$content_length pibl=$proxy_internal_body_length pic=$proxy_internal_chunked len=<~n:$request_length~>')}
${server(`
location /up/ {
    proxy_pass http://127.0.0.1:{{UP1}};
}
location /ret/ {
    return 200 "body=$request_body|cl=$content_length\\n";
}`)}`,
      { accessLog: false },
    ),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      const host: [string, string] = ['Host', `127.0.0.1:${ctx.port('PORT')}`]
      c.request('POST', '/up/a', { headers: [host, ['Content-Length', '9']], body: 'name=lab1' })
      await c.response()
      c.request('POST', '/up/b', { headers: [host, ['Transfer-Encoding', 'chunked']], body: '5\r\nhello\r\n3\r\n ok\r\n0\r\n\r\n' })
      await c.response()
      await c.get('/up/c')
      c.request('POST', '/ret/d', { headers: [host, ['Content-Length', '4']], body: 'abcd' })
      await c.response()
    },
  },
  {
    name: 'var-times-and-ids',
    about: '$request_id (32 hex), $msec, $request_time, $connection_time, $date_gmt/$date_local, $pid by shape; stub_status counts exactly',
    config: conf(
      `${logFormat(
        '$request_uri id=<~id:$request_id~> msec=<~t:$msec~> rt=<~t:$request_time~> ct=<~t:$connection_time~> ' +
          'dg=<~n:$date_gmt~> dl=<~n:$date_local~> pid=<~n:$pid~> host=$hostname conns=$connections_active/$connections_reading/$connections_writing/$connections_waiting ' +
          'c=$connection r=$connection_requests',
      )}
${server(`
location / {
    add_header X-Id <~id:$request_id~>;
    add_header X-Time <~t:$msec~>;
    return 200 "id=<~id:$request_id~> dg=<~n:$date_gmt~> conns=$connections_active/$connections_reading/$connections_writing/$connections_waiting\\n";
}`)}`,
      { accessLog: false },
    ),
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/a')
      const idle = await ctx.connect()
      // Let the proxy take the idle connection in before the next request.
      await new Promise((resolve) => setTimeout(resolve, 200))
      await c.get('/b')
      await idle.get('/c')
    },
  },
  {
    name: 'var-files',
    about: '$document_root, $realpath_root and $request_filename, for the default root and an explicit one, with a file served',
    config: conf(
      `${logFormat('$request_uri dr=$document_root rr=$realpath_root rf=$request_filename s=$status')}
${server(`
location /ret/ {
    add_header X-Root "dr=$document_root|rr=$realpath_root|rf=$request_filename";
    return 200 "paths in X-Root\\n";
}
location /files/ {
    root site;
}`)}`,
      { accessLog: false },
    ),
    files: { 'site/files/a.html': '<p>a</p>\n' },
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/ret/x?y=1')
      await c.get('/files/a.html')
    },
  },
  {
    name: 'var-websocket',
    about: 'a WebSocket logged at close: tunnel bytes in $upstream_bytes_received/_sent, $upstream_response_length, $sent_http_connection, $request_completion',
    config: conf(
      `${UPGRADE_MAP}
${logFormat(`$request_uri $status ${UPSTREAM_TIMES} conn=$sent_http_connection comp=$request_completion bbs=$body_bytes_sent`)}
${server(`
location /ws {
    ${canonicalLocation('http://127.0.0.1:{{UP1}}')}
}`)}`,
      { accessLog: false },
    ),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const ws = await wsClient(ctx, '/ws')
      await echo(ws, 'hello')
      await closeHandshake(ws, 1000, 'bye')
    },
  },
]
