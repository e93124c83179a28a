/**
 * WebSocket handshakes and tunnels (docs/nginx-behaviour.md §1, §2, §7): the canonical recipe, what
 * happens without it, frames both ways, closes from either side.
 */
import { encodeFrame, FIXED_WS_KEY } from '../../support/runtime-harness.ts'
import { canonicalConf, closeHandshake, echo, oneLocation, wsClient, type Scenario } from './common.ts'

/** Deterministic pseudo-random bytes (same on every run). */
function pattern(length: number, seed: number): Buffer {
  const b = Buffer.alloc(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    b[i] = x >> 16
  }
  return b
}

export const websocketScenarios: Scenario[] = [
  {
    name: 'ws-canonical',
    about: 'the canonical recipe: HTTP/1.1 upgrade upstream, 101 back, echo, close 1000 both ways',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1', strict: true }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      await echo(c, 'hello')
      await closeHandshake(c, 1000, 'bye')
    },
  },
  {
    name: 'ws-default-no-upgrade-headers',
    about: 'only proxy_pass: the handshake goes upstream as HTTP/1.0 without Upgrade, the client gets 200',
    config: oneLocation('proxy_pass http://127.0.0.1:{{UP1}};', { path: '/ws' }),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      await wsClient(ctx)
    },
  },
  {
    name: 'ws-http10-upgrade-headers-lenient',
    about: 'Upgrade/Connection set without proxy_http_version: HTTP/1.0 upgrade; a lenient ws upstream answers 101 and the tunnel works',
    config: oneLocation(
      `proxy_pass http://127.0.0.1:{{UP1}};
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection "upgrade";`,
      { path: '/ws' },
    ),
    upstreams: [{ name: 'UP1', strict: false }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      await echo(c, 'over http/1.0')
      await closeHandshake(c)
    },
  },
  {
    name: 'ws-http10-upgrade-headers-strict',
    about: 'Upgrade/Connection set without proxy_http_version: a strict upstream answers 400 and the client gets that 400',
    config: oneLocation(
      `proxy_pass http://127.0.0.1:{{UP1}};
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection "upgrade";`,
      { path: '/ws' },
    ),
    upstreams: [{ name: 'UP1', strict: true }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      await c.closedWithin(500)
    },
  },
  {
    name: 'ws-subprotocol-extensions',
    about: 'Origin, Sec-WebSocket-Protocol and -Extensions reach the upstream; its Sec-WebSocket-Protocol comes back after Accept',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await wsClient(ctx, '/ws', [
        ['Origin', 'http://example.test'],
        ['Sec-WebSocket-Protocol', 'chat, superchat'],
        ['Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits'],
      ])
      await echo(c, 'with protocol')
    },
  },
  {
    name: 'ws-binary-large',
    about: 'a 70000-byte binary message and a 3000-character text pass unchanged both ways',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.sendBinary(pattern(70_000, 7))
      await c.frame()
      c.sendText('x'.repeat(1500) + 'y'.repeat(1500))
      await c.frame()
      c.sendFrame({ opcode: 'text', payload: 'frag-', fin: false })
      c.sendFrame({ opcode: 'continuation', payload: 'mented', fin: true })
      await c.frame()
    },
  },
  {
    name: 'ws-ping-pong',
    about: 'a client ping reaches the upstream and its pong comes back with the same payload; an upstream ping reaches the client',
    config: canonicalConf(),
    upstreams: [
      {
        name: 'UP1',
        ws: (ws) => {
          ws.on('message', (data) => {
            if (data.toString() === 'ping me') ws.ping('from-upstream')
          })
        },
      },
    ],
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.ping('are-you-there')
      await c.frame()
      c.sendText('ping me')
      await c.frame()
      c.pong('from-upstream')
      c.pong('unsolicited')
      c.sendText('ping me')
      await c.frame()
    },
  },
  {
    name: 'ws-close-codes-client',
    about: 'client close 4001 "going" reaches the upstream unchanged, and its close reply reaches the client',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      await closeHandshake(c, 4001, 'going')
    },
  },
  {
    name: 'ws-upstream-closes',
    about: 'the upstream closes with 4000 "bye": the client gets that close frame, then the TCP close',
    config: canonicalConf(),
    upstreams: [
      {
        name: 'UP1',
        ws: (ws) => {
          ws.on('message', () => ws.close(4000, 'bye'))
        },
      },
    ],
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.sendText('close please')
      await c.frame()
      c.sendClose(4000, 'bye')
      await c.closedWithin(2_000)
    },
  },
  {
    name: 'ws-upstream-drops-tcp',
    about: 'the upstream drops TCP without a close frame: the client connection closes at once, nothing logged',
    config: canonicalConf(),
    upstreams: [
      {
        name: 'UP1',
        ws: (ws, ctl) => {
          ws.on('message', () => ctl.socket.destroy())
        },
      },
    ],
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.mark()
      c.sendText('drop')
      await c.closedWithin(2_000)
    },
  },
  {
    name: 'ws-client-drops-tcp',
    about: 'the client drops TCP: the upstream sees 1006 at once, nothing logged',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      await echo(c, 'before drop')
      c.drop()
      await ctx.upstream('UP1').settled(2_000)
    },
  },
  {
    name: 'client-ws-bad-version',
    about: "ws's 400 for Sec-WebSocket-Version 12 reaches the client with its Sec-WebSocket-Version: 13, 8 and body",
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.handshake('/ws', { wsVersion: '12' })
      await c.closedWithin(500)
    },
  },
  {
    name: 'ws-tunnel-pipelined-data',
    about: 'frames sent right behind the handshake (same write) reach the upstream after the upgrade',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await ctx.connect()
      const head = `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${ctx.port()}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${FIXED_WS_KEY}\r\nSec-WebSocket-Version: 13\r\n\r\n`
      c.write(Buffer.concat([Buffer.from(head, 'latin1'), encodeFrame({ opcode: 'text', payload: 'early bird' })]))
      await c.response()
      await c.frame()
    },
  },
  {
    name: 'ws-frame-split-bytes',
    about: 'a frame written in three pieces (header split mid-length) reaches the upstream whole; the tunnel does not wait for frames',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      const frame = encodeFrame({ opcode: 'text', payload: 'y'.repeat(300) })
      c.write(frame.subarray(0, 3), 'frame text bytes 0-2 (of 308)')
      await ctx.sleep(100)
      c.write(frame.subarray(3, 100), 'frame text bytes 3-99')
      await ctx.sleep(100)
      c.write(frame.subarray(100), 'frame text bytes 100-307')
      await c.frame()
    },
  },
  {
    name: 'ws-tunnel-opaque-bytes',
    about: 'after the 101 the proxy relays bytes, not frames: an unmasked client frame reaches ws, which closes with 1002',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.sendFrame({ opcode: 'text', payload: 'not masked', mask: false })
      await c.frame()
      await c.closedWithin(2_000)
    },
  },
  {
    name: 'ws-upstream-first-message',
    about: 'a message the upstream sends right behind its 101 reaches the client after the 101',
    config: canonicalConf(),
    upstreams: [
      {
        name: 'UP1',
        ws: (ws) => {
          ws.send('welcome')
          ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }))
        },
      },
    ],
    async steps(ctx) {
      const c = await wsClient(ctx)
      await c.frame()
      await echo(c, 'thanks')
    },
  },
  {
    name: 'ws-client-half-close',
    about: 'the client sends a message then half-closes (FIN): the message is delivered, then both connections close (no half-close relayed)',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1', ws: 'silent' }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.sendText('last words')
      c.end()
      await c.closedWithin(2_000)
      await ctx.upstream('UP1').settled(2_000)
    },
  },
  {
    name: 'ws-upstream-half-close',
    about: 'the upstream sends a message then half-closes (FIN): the client gets the message, then the close',
    config: canonicalConf(),
    upstreams: [
      {
        name: 'UP1',
        ws: (ws, ctl) => {
          ws.on('message', () => {
            ws.send('going away', () => ctl.socket.end())
          })
        },
      },
    ],
    async steps(ctx) {
      const c = await wsClient(ctx)
      c.mark()
      c.sendText('bye?')
      await c.frame()
      await c.closedWithin(2_000)
    },
  },
  {
    name: 'ws-two-at-once',
    about: 'two tunnels open at the same time stay separate; the access log has both 101s in close order',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const a = await wsClient(ctx)
      const b = await wsClient(ctx)
      await echo(b, 'from b')
      await echo(a, 'from a')
      await closeHandshake(b, 1000, 'b done')
      await closeHandshake(a, 1000, 'a done')
    },
  },
]
