/**
 * Timers (docs/nginx-behaviour.md §3): proxy_read_timeout on a tunnel and its reset by traffic in
 * either direction, proxy_send_timeout and send_timeout when a side stops reading, the 504 before
 * the 101, and proxy_connect_timeout against a connect that never completes.
 * Times are seconds since the client's mark, rounded to 0.5 s; the situations are built so that
 * the expected times fall on whole or half seconds.
 */
import { canonicalConf, conf, echo, oneLocation, wsClient, type Scenario } from './common.ts'

export const timeoutScenarios: Scenario[] = [
  {
    name: 'timeout-read-idle',
    about: 'proxy_read_timeout 1s on an idle tunnel: both sides closed at 1.0 s without a close frame, logged at info, access log 101',
    config: canonicalConf({ locationExtra: 'proxy_read_timeout 1s;' }),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      await echo(c, 'then idle')
      c.mark()
      await c.closedWithin(3_000)
    },
  },
  {
    name: 'timeout-read-idle-error-level',
    about: 'the same idle timeout with error_log at error: nothing logged',
    config: canonicalConf({ locationExtra: 'proxy_read_timeout 1s;', errorLevel: 'error' }),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.mark()
      await c.closedWithin(3_000)
    },
  },
  {
    name: 'timeout-read-reset-by-client',
    about: 'client → upstream messages at 0.5, 1.0, 1.5 s to a silent upstream keep the tunnel open until 2.5 s',
    config: canonicalConf({ locationExtra: 'proxy_read_timeout 1s;' }),
    upstreams: [{ name: 'UP1', ws: 'silent' }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.mark()
      for (let i = 1; i <= 3; i++) {
        await ctx.sleep(500)
        c.sendText(`tick ${i}`)
      }
      await c.closedWithin(3_000)
    },
  },
  {
    name: 'timeout-read-reset-by-upstream',
    about: 'upstream → client messages at 0.5, 1.0, 1.5 s keep the tunnel open until 2.5 s',
    config: canonicalConf({ locationExtra: 'proxy_read_timeout 1s;' }),
    upstreams: [{ name: 'UP1', ws: (ws, ctl) => ctl.every(500, 3, (i) => ws.send(`tock ${i}`)) }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.mark()
      await c.frames(3)
      await c.closedWithin(3_000)
    },
  },
  {
    name: 'timeout-read-reset-by-ping',
    about: 'client pings at 0.5, 1.0, 1.5 s (the upstream pongs) keep the tunnel open until 2.5 s',
    config: canonicalConf({ locationExtra: 'proxy_read_timeout 1s;' }),
    upstreams: [{ name: 'UP1', ws: 'silent' }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.mark()
      for (let i = 1; i <= 3; i++) {
        await ctx.sleep(500)
        c.ping(`p${i}`)
        await c.frame()
      }
      await c.closedWithin(3_000)
    },
  },
  {
    name: 'timeout-send-idle',
    about: 'proxy_send_timeout 1s with proxy_read_timeout 2s: an idle tunnel closes at 2.0 s, the send timeout does not close it',
    config: canonicalConf({ locationExtra: 'proxy_send_timeout 1s;\n        proxy_read_timeout 2s;' }),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      await echo(c, 'once')
      c.mark()
      await c.closedWithin(4_000)
    },
  },
  {
    name: 'timeout-send-upstream-not-reading',
    about: 'the upstream stops reading and the client keeps sending: proxy_send_timeout 1s closes the tunnel about 1 s later',
    config: canonicalConf({ locationExtra: 'proxy_send_timeout 1s;\n        proxy_read_timeout 10s;' }),
    upstreams: [
      {
        name: 'UP1',
        ws: (ws, ctl) => {
          ws.pause()
          ctl.after(2_500, () => ws.resume())
        },
      },
    ],
    timeoutMs: 20_000,
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.sendBinary(Buffer.alloc(16 * 1024 * 1024, 0x61))
      c.mark()
      await c.closedWithin(5_000)
      await ctx.upstream('UP1').settled(5_000)
    },
  },
  {
    name: 'timeout-send-client-not-reading',
    about: 'the client stops reading while the upstream floods it: send_timeout 1s closes the tunnel about 1 s later',
    // How many bytes got through before the timeout depends on socket buffer sizes, so the log
    // format leaves out $body_bytes_sent and the client does not record what it read.
    config: canonicalConf({
      locationExtra: 'send_timeout 1s;\n        proxy_read_timeout 10s;',
      httpBefore: "log_format nobytes '$remote_addr \"$request\" $status';",
      accessLog: 'access_log logs/access.log nobytes;',
    }),
    upstreams: [
      {
        name: 'UP1',
        ws: (ws) => {
          ws.on('message', () => ws.send(Buffer.alloc(16 * 1024 * 1024, 0x62)))
        },
      },
    ],
    timeoutMs: 20_000,
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.pauseReading()
      c.sendText('flood me')
      await ctx.upstream('UP1').settled(5_000)
      c.mark()
      c.resumeReading()
      await c.closedWithin(5_000, { discardData: true })
    },
  },
  {
    name: 'timeout-read-504',
    about: 'proxy_read_timeout 1s before the answer: a plain GET gets 504 at 1.0 s, logged at error, the upstream connection closed',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};\n        proxy_read_timeout 1s;'),
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'http', status: 200, body: 'late\n', delayMs: 2_500 }) }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/slow')
      await ctx.upstream('UP1').settled(3_000)
      c.mark()
      await c.get('/slow-again')
    },
  },
  {
    name: 'timeout-read-504-handshake',
    about: 'a WebSocket handshake to an upstream that answers after 2.5 s: 504 at 1.0 s, no 101',
    config: canonicalConf({ locationExtra: 'proxy_read_timeout 1s;' }),
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'http', status: 200, body: 'late\n', delayMs: 2_500 }) }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.handshake('/ws')
    },
  },
  {
    name: 'timeout-client-keepalive',
    about: 'keepalive_timeout 1s: an idle client connection is closed by the proxy at 1.0 s',
    config: oneLocation('return 200 "ok\\n";\n        keepalive_timeout 1s;'),
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/')
      c.mark()
      await c.closedWithin(3_000)
    },
  },
  {
    name: 'timeout-client-header',
    about: 'client_header_timeout 1s: a request head that stops half-way is dropped at 1.0 s without an answer',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    client_header_timeout 1s;
    location / {
        return 200 "ok\\n";
    }
}`),
    async steps(ctx) {
      const c = await ctx.connect()
      c.write('GET /slow-head HTTP/1.1\r\nHost: localhost\r\n')
      c.mark()
      await c.raw(3_000)
      await c.closedWithin(500)
    },
  },
  {
    name: 'timeout-client-body',
    about: 'client_body_timeout 1s: a body that stops half-way: what the client gets at 1.0 s, and the log',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};\n        client_body_timeout 1s;'),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('POST', '/slow-body', { headers: [['Host', 'localhost'], ['Content-Length', '10']], body: 'abc' })
      c.mark()
      await c.raw(3_000)
      await c.closedWithin(500)
    },
  },
  {
    name: 'timeout-connect-504',
    about: 'proxy_connect_timeout 1s against a connect that never completes: 504 at 1.0 s, "while connecting to upstream"',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};\n        proxy_connect_timeout 1s;'),
    upstreams: [{ name: 'UP1', mode: 'hold' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/held')
    },
  },
]
