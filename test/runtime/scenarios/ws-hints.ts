/**
 * What the WebSocket hints (server/nginx/hints/, docs/diagnostics.md) say, shown on the wire:
 * each scenario is the evidence a hint definition names. The hints whose situation another
 * file already shows name that scenario instead (ws-http10-upgrade-headers-strict,
 * hdr-connection-upgrade-hardcoded, hdr-inherit-location-replaces-server-set, timeout-read-idle).
 */
import { canonicalConf, conf, echo, oneLocation, UPGRADE_MAP, wsClient, type Scenario } from './common.ts'

export const wsHintScenarios: Scenario[] = [
  {
    name: 'hdr-connection-upgrade-hardcoded-keepalive',
    about: 'Connection "upgrade" hard-coded with upstream keepalive: three plain GETs from three clients, each sent with Connection: upgrade, all on one kept upstream connection',
    config: conf(`upstream backend {
    server 127.0.0.1:{{UP1}};
    keepalive 4;
}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location / {
        proxy_pass http://backend;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection "upgrade";
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      for (const path of ['/1', '/2', '/3']) {
        const c = await ctx.connect()
        await c.get(path)
      }
    },
  },
  {
    name: 'ws-headers-swapped',
    about: 'Upgrade $connection_upgrade and Connection $http_upgrade: the handshake goes upstream as "Upgrade: upgrade", "Connection: websocket" and is refused; a plain GET carries "Upgrade: close"',
    config: oneLocation(
      `proxy_pass http://127.0.0.1:{{UP1}};
        proxy_http_version 1.1;
        proxy_set_header Upgrade $connection_upgrade;
        proxy_set_header Connection $http_upgrade;`,
      { before: UPGRADE_MAP, path: '/ws' },
    ),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const c = await wsClient(ctx)
      await c.closedWithin(500)
      const plain = await ctx.connect()
      await plain.get('/ws/plain')
    },
  },
  {
    name: 'hdr-connection-passed-through',
    about: "Connection $http_connection with upstream keepalive: the client's own Connection header reaches the upstream as it came (keep-alive; close, which ends the kept connection; keep-alive, Upgrade)",
    config: conf(`upstream backend {
    server 127.0.0.1:{{UP1}};
    keepalive 4;
}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /ws {
        proxy_pass http://backend;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $http_connection;
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      const first = await ctx.connect()
      await first.get('/ws/keep', [['Connection', 'keep-alive']])
      const second = await ctx.connect()
      await second.get('/ws/close', [['Connection', 'close']])
      const c = await ctx.connect()
      await c.handshake('/ws', { connection: 'keep-alive, Upgrade' })
      await echo(c, 'firefox says keep-alive, Upgrade')
    },
  },
  {
    name: 'timeout-read-idle-default',
    about: 'no proxy_read_timeout: an idle tunnel is closed at 60.0 s (the default), without a close frame',
    config: canonicalConf(),
    upstreams: [{ name: 'UP1' }],
    timeoutMs: 75_000,
    async steps(ctx) {
      const c = await wsClient(ctx)
      await echo(c, 'then idle')
      c.mark()
      await c.closedWithin(65_000)
    },
  },
]
