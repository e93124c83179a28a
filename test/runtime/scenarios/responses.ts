/**
 * What the client receives (docs/nginx-behaviour.md §2, §4): the headers nginx adds, hides and
 * rewrites, body framing, add_header with and without `always`, and when a 101 becomes a tunnel.
 */
import { plain200 } from '../../support/runtime-harness.ts'
import { canonicalConf, conf, echo, oneLocation, wsClient, type Scenario } from './common.ts'

export const responseScenarios: Scenario[] = [
  {
    name: 'resp-proxied-200-headers',
    about: "a proxied 200: nginx's Server, Date and Connection replace the upstream's, Keep-Alive hidden, other headers kept in order",
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};'),
    upstreams: [
      {
        name: 'UP1',
        answer: () =>
          plain200('UP1', {
            headers: [
              ['Server', 'test-upstream'],
              ['Date', 'Thu, 01 Jan 2026 00:00:00 GMT'],
              ['X-First', '1'],
              ['Content-Type', 'text/plain'],
              ['Set-Cookie', 'a=1'],
              ['Set-Cookie', 'b=2'],
              ['X-Pad', 'avoid browser bug'],
              ['X-Accel-Buffering', 'no'],
            ],
          }),
      },
    ],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/one')
      await c.get('/two')
    },
  },
  {
    name: 'resp-http10-client-close',
    about: 'an HTTP/1.0 client without keep-alive gets Connection: close, and the connection is closed',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};'),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/old', { version: 'HTTP/1.0', headers: [['Host', 'localhost']] })
      await c.response()
      await c.closedWithin(1_000)
    },
  },
  {
    name: 'resp-http10-client-keepalive',
    about: 'an HTTP/1.0 client with Connection: keep-alive gets keep-alive and a second answer on the same connection',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};'),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/old', { version: 'HTTP/1.0', headers: [['Host', 'localhost'], ['Connection', 'keep-alive']] })
      await c.response()
      c.request('GET', '/old2', { version: 'HTTP/1.0', headers: [['Host', 'localhost']] })
      await c.response()
      await c.closedWithin(1_000)
    },
  },
  {
    name: 'hdr-add-header-101',
    about: 'add_header appears on the 200 only; add_header … always also on the 101',
    config: canonicalConf({ locationExtra: 'add_header X-Normal yes;\n        add_header X-Always yes always;' }),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/ws')
      const ws = await wsClient(ctx, '/ws')
      await echo(ws)
    },
  },
  {
    name: 'resp-add-header-always-on-error',
    about: 'add_header without always is left off 404/500/502 answers; with always it is on every answer',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    add_header X-Normal yes;
    add_header X-Always yes always;
    location /up/ {
        proxy_pass http://127.0.0.1:{{UP1}};
    }
    location /dead {
        proxy_pass http://127.0.0.1:{{DEAD}};
    }
}`),
    upstreams: [
      {
        name: 'UP1',
        answer: (req) =>
          req.target.endsWith('404')
            ? { kind: 'http', status: 404, headers: [['Content-Type', 'text/plain']], body: 'no such thing\n' }
            : req.target.endsWith('500')
              ? { kind: 'http', status: 500, headers: [['Content-Type', 'text/plain']], body: 'broken\n' }
              : plain200('UP1'),
      },
    ],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/up/ok')
      await c.get('/up/404')
      await c.get('/up/500')
      await c.get('/dead')
      await c.get('/nothing-here')
    },
  },
  {
    name: 'resp-proxy-hide-header',
    about: 'proxy_hide_header removes an upstream header; proxy_pass_header Server lets the upstream Server through',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /hide {
        proxy_pass http://127.0.0.1:{{UP1}};
        proxy_hide_header X-Upstream;
    }
    location /pass {
        proxy_pass http://127.0.0.1:{{UP1}};
        proxy_pass_header Server;
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/hide')
      await c.get('/pass')
    },
  },
  {
    name: 'resp-proxy-redirect-default',
    about: "proxy_redirect default rewrites the upstream's Location and Refresh from the proxy_pass URL to the location",
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}}/;', { path: '/chat/' }),
    upstreams: [
      {
        name: 'UP1',
        answer: (req) => ({
          kind: 'http',
          status: 302,
          headers: [
            ['Location', req.target === '/abs' ? `http://127.0.0.1:${req.header('host')?.split(':')[1] ?? ''}/room/1` : '/relative/path'],
            ['Refresh', `5; url=http://${req.header('host') ?? ''}/later`],
            ['Content-Type', 'text/plain'],
          ],
          body: 'moved\n',
        }),
      },
    ],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/chat/abs')
      await c.get('/chat/rel')
    },
  },
  {
    name: 'resp-upstream-chunked',
    about: "an HTTP/1.1 upstream's chunked body reaches an HTTP/1.1 client chunked",
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};\n        proxy_http_version 1.1;'),
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'http', status: 200, headers: [['Content-Type', 'text/plain']], body: 'chunked body from upstream\n', framing: 'chunked' }) }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/chunks')
    },
  },
  {
    name: 'resp-no-length-to-http11-client',
    about: 'an upstream body without length (ends at close) reaches an HTTP/1.1 client chunked',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};'),
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'http', status: 200, headers: [['Content-Type', 'text/plain']], body: 'until close\n', framing: 'none', connection: 'close' }) }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/stream')
      await c.get('/stream2')
    },
  },
  {
    name: 'resp-no-length-to-http10-client',
    about: 'an upstream body without length reaches an HTTP/1.0 client close-delimited',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};'),
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'http', status: 200, headers: [['Content-Type', 'text/plain']], body: 'until close\n', framing: 'none', connection: 'close' }) }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/stream', { version: 'HTTP/1.0', headers: [['Host', 'localhost'], ['Connection', 'keep-alive']] })
      await c.response()
      await c.closedWithin(1_000)
    },
  },
  {
    name: 'resp-head-request',
    about: 'HEAD through the proxy: the upstream gets HEAD, the client gets the headers (with Content-Length) and no body',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};'),
    upstreams: [
      {
        name: 'UP1',
        answer: (req) =>
          req.method === 'HEAD'
            ? { kind: 'http', status: 200, headers: [['Content-Type', 'text/plain']], after: [['Content-Length', '5']], framing: 'none' }
            : { kind: 'http', status: 200, headers: [['Content-Type', 'text/plain']], body: 'body\n' },
      },
    ],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('HEAD', '/h', { headers: [['Host', 'localhost']] })
      await c.response()
      await c.get('/after-head')
    },
  },
  {
    name: 'resp-upstream-204-304',
    about: 'a 204 and a 304 from the upstream: no body, no Content-Length added',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};'),
    upstreams: [
      {
        name: 'UP1',
        answer: (req) =>
          req.target === '/204'
            ? { kind: 'http', status: 204, headers: [['X-Kind', 'no-content']], framing: 'none', connection: 'keep-alive' }
            : { kind: 'http', status: 304, headers: [['ETag', '"v1"']], framing: 'none', connection: 'keep-alive' },
      },
    ],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/204')
      await c.get('/304', [['If-None-Match', '"v1"']])
    },
  },
  {
    name: 'client-plain-get-ws-only-upstream',
    about: "a WebSocket-only upstream's 426 (with Upgrade: websocket) reaches a plain GET unchanged",
    config: canonicalConf(),
    upstreams: [
      {
        name: 'UP1',
        answer: (req) =>
          req.header('upgrade') ? { kind: 'ws' } : { kind: 'http', status: 426, headers: [['Upgrade', 'websocket'], ['Content-Type', 'text/plain']], body: 'Upgrade Required\n' },
      },
    ],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/ws')
    },
  },
  {
    name: 'up-unsolicited-101',
    about: 'the upstream answers 101 to a plain GET: no tunnel, the answer is relayed as a response without length, only when the upstream closes',
    config: canonicalConf(),
    upstreams: [
      {
        name: 'UP1',
        answer: () => ({
          kind: 'raw',
          data: 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nbytes after the 101',
          closeAfterMs: 1_000,
        }),
      },
    ],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/ws', { headers: [['Host', `127.0.0.1:${ctx.port()}`]] })
      await c.response(3_000)
      await c.raw(3_000, { untilBytes: 'bytes after the 101'.length })
      await c.closedWithin(1_000)
    },
  },
  {
    name: 'ws-upstream-refuses-upgrade-200',
    about: 'the upstream answers a proper upgrade request with 200: no tunnel, the 200 reaches the client and the connection stays usable',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1', answer: () => plain200('UP1') }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.handshake('/ws')
      await c.get('/ws?next')
    },
  },
]
