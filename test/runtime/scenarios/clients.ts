/**
 * Client request variants (docs/nginx-behaviour.md §7) and the requests nginx refuses itself: its
 * status, its page, whether it closes, and its error_log line.
 */
import { FIXED_WS_KEY, type HeaderList, type StepContext } from '../../support/runtime-harness.ts'
import { canonicalConf, echo, oneLocation, type Scenario } from './common.ts'

const PROXY_ALL = oneLocation('proxy_pass http://127.0.0.1:{{UP1}};')

/** Sends a request, then at 0.5 s half-closes (`end`) or closes (`drop`) before any answer, and waits `afterMs`. */
async function requestThenLeave(ctx: StepContext, path: string, leave: 'end' | 'drop', afterMs: number, headers: HeaderList = []): Promise<void> {
  const c = await ctx.connect()
  c.request('GET', path, { headers: [['Host', 'localhost'], ...headers] })
  await ctx.sleep(500)
  if (leave === 'end') {
    c.end()
    await c.closedWithin(afterMs)
  } else {
    c.drop()
    await ctx.sleep(afterMs)
  }
}

export const clientScenarios: Scenario[] = [
  {
    name: 'client-http10-upgrade',
    about: 'an HTTP/1.0 client with Upgrade through the canonical config: HTTP/1.1 upstream, 101, the tunnel works; logged "HTTP/1.0" 101',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1', strict: true }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.handshake('/ws', { version: 'HTTP/1.0' })
      await echo(c, 'old client')
      c.sendClose(1000, '')
      await c.frame()
      await c.closedWithin(2_000)
    },
  },
  {
    name: 'client-connection-keepalive-upgrade',
    about: 'Connection: keep-alive, Upgrade with Upgrade: WebSocket: the value passes unchanged and the upgrade works',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.handshake('/ws', { connection: 'keep-alive, Upgrade', upgrade: 'WebSocket' })
      await echo(c, 'mixed case')
    },
  },
  {
    name: 'client-upgrade-h2c',
    about: "Upgrade: h2c goes upstream as an upgrade (HTTP2-Settings forwarded); ws's 400 Invalid Upgrade header reaches the client",
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/ws', {
        headers: [
          ['Host', `127.0.0.1:${ctx.port()}`],
          ['Connection', 'Upgrade, HTTP2-Settings'],
          ['Upgrade', 'h2c'],
          ['HTTP2-Settings', 'AAMAAABkAAQAoAAAAAIAAAAA'],
        ],
      })
      await c.response()
      await c.get('/ws?after')
    },
  },
  {
    name: 'client-pipelined-requests',
    about: 'two requests in one write are answered in order on the same connection',
    config: PROXY_ALL,
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.write(`GET /first HTTP/1.1\r\nHost: localhost\r\n\r\nGET /second HTTP/1.1\r\nHost: localhost\r\n\r\n`)
      await c.response()
      await c.response()
    },
  },
  {
    name: 'client-keepalive-requests',
    about: 'keepalive_requests 2: the second answer on a connection says Connection: close and the connection closes',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};\n        keepalive_requests 2;'),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/1')
      await c.get('/2')
      await c.closedWithin(1_000)
    },
  },
  {
    name: 'client-custom-method',
    about: 'an unknown upper-case method is proxied as it is',
    config: PROXY_ALL,
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('PURGE', '/cache/key', { headers: [['Host', 'localhost']] })
      await c.response()
    },
  },
  {
    name: 'client-http11-no-host',
    about: 'HTTP/1.1 without Host: 400 from nginx itself, Connection: close, logged at info; the upstream sees nothing',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.handshake('/ws', { host: null })
      await c.closedWithin(1_000)
    },
  },
  {
    name: 'client-bad-host',
    about: 'an invalid Host and a duplicate Host: 400 each, logged at info',
    config: PROXY_ALL,
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const a = await ctx.connect()
      a.request('GET', '/a', { headers: [['Host', 'bad/host']] })
      await a.response()
      await a.closedWithin(1_000)
      const b = await ctx.connect()
      b.request('GET', '/b', { headers: [['Host', 'one.test'], ['Host', 'two.test']] })
      await b.response()
      await b.closedWithin(1_000)
    },
  },
  {
    name: 'client-malformed-request-line',
    about: 'malformed request lines (lower-case method, no version, junk): 400 and the close',
    config: PROXY_ALL,
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      for (const line of ['get / HTTP/1.1', 'GET / HTTP/1.1 extra', 'GET  HTTP/1.1', '\x16\x03\x01 tls hello']) {
        const c = await ctx.connect()
        c.write(`${line}\r\nHost: localhost\r\n\r\n`)
        await c.response()
        await c.closedWithin(1_000)
      }
    },
  },
  {
    name: 'client-http09-request',
    about: 'an HTTP/0.9 request line (GET /path, no version): what nginx answers',
    config: PROXY_ALL,
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.write('GET /nine\r\n')
      await c.raw(2_000)
    },
  },
  {
    name: 'client-uri-too-long',
    about: 'a request line longer than large_client_header_buffers: 414 Request-URI Too Large',
    config: PROXY_ALL,
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', `/${'a'.repeat(9000)}`, { headers: [['Host', 'localhost']] })
      await c.response()
      await c.closedWithin(1_000)
    },
  },
  {
    name: 'client-header-too-large',
    about: 'a header line longer than a large buffer: 400 Request Header Or Cookie Too Large',
    config: PROXY_ALL,
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/big-cookie', { headers: [['Host', 'localhost'], ['Cookie', `c=${'x'.repeat(9000)}`]] })
      await c.response()
      await c.closedWithin(1_000)
    },
  },
  {
    name: 'client-http2-request-line',
    about: 'an HTTP/2.0 request line on an HTTP/1 port: 505 HTTP Version Not Supported',
    config: PROXY_ALL,
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/two', { version: 'HTTP/2.0', headers: [['Host', 'localhost']] })
      await c.response()
      await c.closedWithin(1_000)
    },
  },
  {
    name: 'client-body-too-large',
    about: 'client_max_body_size 10: a 20-byte body gets 413 and is never proxied',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};\n        client_max_body_size 10;'),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('POST', '/upload', { headers: [['Host', 'localhost'], ['Content-Length', '20']], body: '01234567890123456789' })
      await c.response()
      await c.closedWithin(1_000)
    },
  },
  {
    name: 'client-abort-waiting-fin',
    about: 'the client half-closes (FIN) while the upstream has not answered: nginx closes the upstream connection, logs 499 and the [info] "client prematurely closed connection" line',
    config: PROXY_ALL,
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'http', status: 200, body: 'late\n', delayMs: 1_500 }) }],
    steps: (ctx) => requestThenLeave(ctx, '/slow', 'end', 3_000),
  },
  {
    name: 'client-abort-waiting-close',
    about: 'the client closes its socket while the upstream has not answered: 499, the upstream connection closed',
    config: PROXY_ALL,
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'http', status: 200, body: 'late\n', delayMs: 1_500 }) }],
    steps: (ctx) => requestThenLeave(ctx, '/slow', 'drop', 1_500),
  },
  {
    name: 'client-abort-handshake-waiting',
    about: 'a WebSocket handshake whose client goes away before the upstream answers: 499 and the upstream connection closed',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'http', status: 200, body: 'late\n', delayMs: 1_500 }) }],
    steps: (ctx) =>
      requestThenLeave(ctx, '/ws', 'drop', 1_500, [['Upgrade', 'websocket'], ['Connection', 'Upgrade'], ['Sec-WebSocket-Key', FIXED_WS_KEY], ['Sec-WebSocket-Version', '13']]),
  },
  {
    name: 'client-abort-ignored',
    about: 'proxy_ignore_client_abort on: the request to the upstream completes after the client left, and the access log has its 200',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};\n        proxy_ignore_client_abort on;'),
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'http', status: 200, body: 'late\n', delayMs: 1_000 }) }],
    steps: (ctx) => requestThenLeave(ctx, '/slow', 'drop', 1_500),
  },
  {
    name: 'client-abort-connecting',
    about: 'the client closes while the connect to the upstream is still pending: 499, "while connecting to upstream"',
    config: PROXY_ALL,
    upstreams: [{ name: 'UP1', mode: 'hold' }],
    steps: (ctx) => requestThenLeave(ctx, '/held', 'drop', 1_000),
  },
]
