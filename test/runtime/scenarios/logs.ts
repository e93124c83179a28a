/**
 * Access logs (docs/nginx-behaviour.md §9): the default combined format, a WebSocket logged at close
 * with 101 and the frame bytes, completion order, log_format with upstream and request
 * variables, per-location access_log and access_log off.
 */
import { canonicalLocation, closeHandshake, conf, echo, UPGRADE_MAP, wsClient, type Scenario } from './common.ts'

export const logScenarios: Scenario[] = [
  {
    name: 'log-combined-ws-at-close',
    about: 'combined format: a WebSocket is logged when it closes (101, frame bytes), after a 200 served while it was open',
    config: conf(`${UPGRADE_MAP}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location / {
        ${canonicalLocation('http://127.0.0.1:{{UP1}}')}
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const ws = await wsClient(ctx, '/ws', [['User-Agent', 'lab-ws'], ['Referer', 'http://lab.test/page']])
      await echo(ws, 'hello')
      ws.ping('p')
      await ws.frame()
      const plain = await ctx.connect()
      await plain.get('/plain', [['User-Agent', 'lab-plain']])
      await closeHandshake(ws, 1000, 'bye')
    },
  },
  {
    name: 'log-format-variables',
    about: 'log_format with request, upstream and header variables, for a 200, a 101 and a 404',
    config: conf(
      `${UPGRADE_MAP}
log_format lab '$remote_addr "$request" $status $body_bytes_sent host=$host hh=$http_host '
               'sn=$server_name uri=$uri args=$args ru=$request_uri up=$upstream_addr us=$upstream_status '
               'upg=$http_upgrade cu=$connection_upgrade proto=$server_protocol m=$request_method';
access_log logs/access.log lab;
server {
    listen 127.0.0.1:{{PORT}};
    server_name lab.test;
    location /ws {
        ${canonicalLocation('http://127.0.0.1:{{UP1}}')}
    }
    location /missing {
        return 404;
    }
}`,
      { accessLog: false },
    ),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/ws/plain?a=1&b=2')
      await c.get('/missing?x')
      const ws = await wsClient(ctx, '/ws?room=1')
      await closeHandshake(ws, 1000, '')
    },
  },
  {
    name: 'log-per-location',
    about: 'access_log per location into its own file, and access_log off',
    config: conf(
      `${UPGRADE_MAP}
log_format short '$request $status';
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    access_log logs/access.log short;
    location /ws {
        access_log logs/ws.log;
        ${canonicalLocation('http://127.0.0.1:{{UP1}}')}
    }
    location /quiet {
        access_log off;
        return 200 "not logged\\n";
    }
    location / {
        return 200 "logged\\n";
    }
}`,
      { accessLog: false },
    ),
    logs: ['logs/ws.log'],
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/')
      await c.get('/quiet')
      const ws = await wsClient(ctx, '/ws')
      await closeHandshake(ws, 1000, '')
    },
  },
  {
    name: 'log-closed-keepalive',
    about: 'closing an idle keep-alive connection logs "client … closed keepalive connection" at info; a close after Connection: close or mid-tunnel does not',
    config: conf(`${UPGRADE_MAP}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /ws {
        ${canonicalLocation('http://127.0.0.1:{{UP1}}')}
    }
    location / {
        return 200 "idle next\n";
    }
}`),
    upstreams: [{ name: 'UP1' }],
    keepaliveCloseLines: true,
    async steps(ctx) {
      const idle = await ctx.connect()
      await idle.get('/one')
      await idle.get('/two')
      idle.end()
      await idle.closedWithin(2_000)
      const closing = await ctx.connect()
      await closing.get('/bye', [['Connection', 'close']])
      await closing.closedWithin(2_000)
      const ws = await wsClient(ctx, '/ws')
      await echo(ws, 'x')
      ws.end()
      await ws.closedWithin(2_000)
      const untouched = await ctx.connect()
      untouched.end()
      await untouched.closedWithin(2_000)
    },
  },
  {
    name: 'log-expect-continue-bytes',
    about: '$body_bytes_sent counts the 25 bytes of "100 Continue" sent before the answer',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location / {
        proxy_pass http://127.0.0.1:{{UP1}};
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('POST', '/with-expect', { headers: [['Host', 'localhost'], ['Content-Length', '4'], ['Expect', '100-continue']] })
      await c.response()
      c.write('body', 'body (4 bytes)')
      await c.response()
    },
  },
]
