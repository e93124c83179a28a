/**
 * The request nginx sends upstream (docs/nginx-behaviour.md §1): default headers, hop-by-hop headers
 * dropped, the client's order kept, proxy_set_header order and overrides, empty values dropped,
 * all-or-nothing inheritance, forwarding variables, request bodies.
 */
import { canonicalConf, canonicalLocation, conf, oneLocation, UPGRADE_MAP, wsClient, type Scenario } from './common.ts'

export const headerScenarios: Scenario[] = [
  {
    name: 'hdr-defaults-plain-get',
    about: 'only proxy_pass: HTTP/1.0, Host $proxy_host and Connection: close first, then the client headers in order minus the hop-by-hop ones',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};'),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/path?q=1', {
        headers: [
          ['Host', 'Example.COM:8080'],
          ['User-Agent', 'client-ua'],
          ['Accept', '*/*'],
          ['Connection', 'keep-alive'],
          ['Keep-Alive', '300'],
          ['TE', 'trailers'],
          ['Upgrade', 'websocket'],
          ['Proxy-Connection', 'keep-alive'],
          ['X-Dup', '1'],
          ['Cookie', 'a=1'],
          ['X-Dup', '2'],
          ['Cookie', 'b=2'],
          ['x-lower-case', 'Kept As Sent'],
        ],
      })
      await c.response()
    },
  },
  {
    name: 'hdr-underscore-dropped',
    about: 'a client header with an underscore is dropped (logged at info), the request is still proxied',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};'),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/path?q=1', { headers: [['Host', 'Example.COM:8080'], ['X_Under', 'x'], ['X-Normal', 'y']] })
      await c.response()
    },
  },
  {
    name: 'hdr-set-header-misc',
    about: 'proxy_set_header: config order first, overrides hide the client header, "" and empty variables send nothing, $http_host/$host/$request_uri values',
    config: oneLocation(
      `proxy_pass http://127.0.0.1:{{UP1}};
        proxy_set_header User-Agent overridden;
        proxy_set_header Accept-Encoding "";
        proxy_set_header X-Missing $http_x_missing;
        proxy_set_header X-Quoted "[$http_x_missing]";
        proxy_set_header Host $http_host;
        proxy_set_header X-Uri "$scheme://$host$request_uri";`,
    ),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/p?q=1', {
        headers: [
          ['Host', `127.0.0.1:${ctx.port()}`],
          ['User-Agent', 'client-ua'],
          ['Accept-Encoding', 'gzip'],
          ['X-Other', 'kept'],
        ],
      })
      await c.response()
    },
  },
  {
    name: 'hdr-forwarded-headers',
    about: 'Host $host, X-Real-IP, X-Forwarded-For ($proxy_add_x_forwarded_for) and X-Forwarded-Proto for five kinds of client request',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name proxy.test;
    location / {
        proxy_pass http://127.0.0.1:{{UP1}};
        proxy_set_header Host $host;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const send = async (path: string, headers: [string, string][], version = 'HTTP/1.1'): Promise<void> => {
        const c = await ctx.connect()
        c.request('GET', path, { version, headers })
        await c.response()
      }
      await send('/a', [['Host', 'Example.COM:8080']])
      await send('/b', [['Host', 'proxy.test'], ['X-Forwarded-For', '203.0.113.7']])
      await send('/c', [['Host', 'proxy.test'], ['X-Forwarded-For', '203.0.113.7'], ['X-Forwarded-For', '198.51.100.2']])
      await send('/d', [], 'HTTP/1.0')
      await send('http://Abs.Example/e', [['Host', 'other.test']])
    },
  },
  {
    name: 'hdr-empty-values-dropped',
    about: 'a proxy_set_header value that evaluates to "" is not sent; literal text around an empty variable is',
    config: oneLocation(
      `proxy_pass http://127.0.0.1:{{UP1}};
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header X-Empty "";
        proxy_set_header X-Missing $http_x_missing;
        proxy_set_header X-Brackets "[$http_x_missing]";
        proxy_set_header X-Present $http_x_present;`,
    ),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/e', { headers: [['Host', 'localhost'], ['X-Present', 'here'], ['X-Empty', 'client-value']] })
      await c.response()
    },
  },
  {
    name: 'hdr-connection-upgrade-hardcoded',
    about: 'Connection "upgrade" hard-coded: a plain GET goes upstream with Connection: upgrade and no Upgrade, and gets a normal 200',
    config: oneLocation(
      `proxy_pass http://127.0.0.1:{{UP1}};
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection "upgrade";`,
    ),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/plain')
      await c.get('/again')
    },
  },
  {
    name: 'hdr-inherit-location-replaces-server-set',
    about: "a location's own proxy_set_header list replaces the server's (Upgrade/Connection lost: 200, not 101); proxy_http_version still inherited",
    config: conf(`${UPGRADE_MAP}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    proxy_http_version 1.1;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;
    proxy_set_header X-Server-Level yes;
    location /ws {
        proxy_pass http://127.0.0.1:{{UP1}};
        proxy_set_header X-Loc ws;
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      await wsClient(ctx, '/ws')
    },
  },
  {
    name: 'hdr-inherit-location-without-set-inherits',
    about: 'a location without proxy_set_header inherits the server-level list, and the WebSocket works',
    config: conf(`${UPGRADE_MAP}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    proxy_http_version 1.1;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;
    proxy_set_header X-Server-Level yes;
    location /ws {
        proxy_pass http://127.0.0.1:{{UP1}};
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await wsClient(ctx, '/ws')
      c.sendText('inherited')
      await c.frame()
    },
  },
  {
    name: 'hdr-inherit-from-http-level',
    about: 'proxy_http_version and both headers at http level reach a location with only proxy_pass',
    config: conf(`${UPGRADE_MAP}
proxy_http_version 1.1;
proxy_set_header Upgrade $http_upgrade;
proxy_set_header Connection $connection_upgrade;
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /ws {
        proxy_pass http://127.0.0.1:{{UP1}};
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await wsClient(ctx, '/ws')
      c.sendText('from http level')
      await c.frame()
    },
  },
  {
    name: 'hdr-pass-request-headers-off',
    about: 'proxy_pass_request_headers off: only nginx\'s own and the set headers go upstream',
    config: oneLocation(
      `proxy_pass http://127.0.0.1:{{UP1}};
        proxy_pass_request_headers off;
        proxy_set_header X-Set yes;`,
    ),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/x', { headers: [['Host', 'localhost'], ['User-Agent', 'client-ua'], ['Cookie', 'a=1']] })
      await c.response()
    },
  },
  {
    name: 'map-canonical-plain-get',
    about: 'canonical config, plain GET: HTTP/1.1 upstream with Connection: close and no Upgrade',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/ws?plain=1', [['Accept', 'text/plain']])
    },
  },
  {
    name: 'client-post-chunked-and-expect',
    about: 'a chunked POST with Expect: 100-continue: 100 Continue to the client, de-chunked with Content-Length upstream, Expect not forwarded',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};'),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('POST', '/upload', {
        headers: [
          ['Host', 'localhost'],
          ['Transfer-Encoding', 'chunked'],
          ['Expect', '100-continue'],
          ['Content-Type', 'text/plain'],
        ],
        body: '5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n',
      })
      await c.response()
      await c.response()
    },
  },
  {
    name: 'client-post-content-length',
    about: "a POST with Content-Length: nginx's Content-Length line comes after Connection: close, the body unchanged",
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};'),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('POST', '/form', {
        headers: [
          ['Host', 'localhost'],
          ['Content-Type', 'application/x-www-form-urlencoded'],
          ['Content-Length', '13'],
          ['X-After', 'body-headers'],
        ],
        body: 'name=lab&x=42',
      })
      await c.response()
    },
  },
  {
    name: 'hdr-canonical-location-extra-set',
    about: 'the canonical recipe plus X-Forwarded-For in the location: set headers in config order, then Host, then the client headers',
    config: conf(`${UPGRADE_MAP}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /ws {
        ${canonicalLocation('http://127.0.0.1:{{UP1}}', 'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;')}
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      await wsClient(ctx, '/ws', [['X-Forwarded-For', '192.0.2.1'], ['User-Agent', 'lab-client']])
    },
  },
]
