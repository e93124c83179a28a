/**
 * Upstream groups and failures (docs/nginx-behaviour.md §1 keep-alive, §4): keepalive connection
 * reuse, refused connects and the next upstream, max_fails/fail_timeout, backup and down,
 * round robin with weights, ip_hash, hash, least_conn; $upstream_addr/$upstream_status.
 */
import { canonicalLocation, conf, echo, UPGRADE_MAP, wsClient, type Scenario, type StepContext } from './common.ts'

/** The access log format that shows each upstream attempt. */
const UPSTREAM_LOG = `log_format up '$request $status up=$upstream_addr st=$upstream_status';
access_log logs/access.log up;`

/** A config with `upstream backend { … }` and the canonical recipe on `location /`. */
function groupConf(servers: string, options: { balance?: string; locationExtra?: string } = {}): string {
  return conf(
    `${UPSTREAM_LOG}
${UPGRADE_MAP}
upstream backend {
${options.balance ? `    ${options.balance}\n` : ''}${servers
      .trim()
      .split('\n')
      .map((l) => `    ${l.trim()}`)
      .join('\n')}
}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location / {
        ${canonicalLocation('http://backend', options.locationExtra)}
    }
}`,
    { accessLog: false },
  )
}

/** `count` plain GETs, each on its own connection. */
async function gets(ctx: StepContext, paths: string[]): Promise<void> {
  for (const path of paths) {
    const c = await ctx.connect()
    await c.get(path)
  }
}

export const upstreamScenarios: Scenario[] = [
  {
    name: 'up-keepalive-reuse',
    about: 'keepalive + HTTP/1.1 + Connection "": three client connections use one upstream connection, no Connection header upstream',
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
        proxy_set_header Connection "";
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2', '/3'])
    },
  },
  {
    name: 'up-keepalive-default-headers',
    about: 'keepalive with the default HTTP/1.0 and Connection: close: a new upstream connection per request, Host is the block name',
    config: conf(`upstream backend {
    server 127.0.0.1:{{UP1}};
    keepalive 4;
}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location / {
        proxy_pass http://backend;
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2', '/3'])
    },
  },
  {
    name: 'map-keepalive-empty-connection',
    about: "map '' to '' with keepalive: plain requests reuse the connection, the handshake upgrades the idle one, the next request opens a new one",
    config: conf(`map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      '';
}
upstream backend {
    server 127.0.0.1:{{UP1}};
    keepalive 4;
}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location / {
        ${canonicalLocation('http://backend')}
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      await gets(ctx, ['/a', '/b'])
      const ws = await wsClient(ctx, '/ws')
      await echo(ws, 'on the reused connection')
      ws.sendClose(1000, 'done')
      await ws.frame()
      await ws.closedWithin(2_000)
      await gets(ctx, ['/c'])
    },
  },
  {
    name: 'up-down-502',
    about: 'nothing listens upstream: 502 page, connect() failed logged at error, the client connection kept alive',
    config: conf(`${UPGRADE_MAP}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location /ws {
        ${canonicalLocation('http://127.0.0.1:{{DEAD}}')}
    }
}`),
    async steps(ctx) {
      const c = await ctx.connect()
      await c.handshake('/ws')
      await c.get('/ws?again')
    },
  },
  {
    name: 'up-next-upstream-refused',
    about: 'first server refused: error + "temporarily disabled" warn, retried on the second (200); later requests and a WebSocket go straight to it',
    config: groupConf(`server 127.0.0.1:{{UP1}};
server 127.0.0.1:{{UP2}};`),
    upstreams: [{ name: 'UP1', mode: 'closed' }, { name: 'UP2' }],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2', '/3'])
      const ws = await wsClient(ctx, '/ws')
      await echo(ws, 'live one')
    },
  },
  {
    name: 'up-all-down',
    about: 'both servers refused: both tried (502, "502, 502"), then "no live upstreams" with $upstream_addr = backend',
    config: groupConf(`server 127.0.0.1:{{UP1}};
server 127.0.0.1:{{UP2}};`),
    upstreams: [
      { name: 'UP1', mode: 'closed' },
      { name: 'UP2', mode: 'closed' },
    ],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2'])
      const ws = await ctx.connect()
      await ws.handshake('/ws')
    },
  },
  {
    name: 'up-next-upstream-off',
    about: 'proxy_next_upstream off: a refused first server gives 502 at once, no retry on the second',
    config: groupConf(
      `server 127.0.0.1:{{UP1}};
server 127.0.0.1:{{UP2}};`,
      { locationExtra: 'proxy_next_upstream off;' },
    ),
    upstreams: [{ name: 'UP1', mode: 'closed' }, { name: 'UP2' }],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2', '/3'])
    },
  },
  {
    name: 'up-max-fails-2',
    about: 'max_fails=2: the dead server is tried again until it failed twice, then skipped',
    config: groupConf(`server 127.0.0.1:{{UP1}} max_fails=2;
server 127.0.0.1:{{UP2}};`),
    upstreams: [{ name: 'UP1', mode: 'closed' }, { name: 'UP2' }],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2', '/3', '/4', '/5'])
    },
  },
  {
    name: 'up-fail-timeout',
    about: 'fail_timeout=1s: the disabled server is skipped, then tried again (and disabled again) once the timeout has passed',
    config: groupConf(`server 127.0.0.1:{{UP1}} fail_timeout=1s;
server 127.0.0.1:{{UP2}};`),
    upstreams: [{ name: 'UP1', mode: 'closed' }, { name: 'UP2' }],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2', '/3'])
      // nginx compares fail_timeout with its clock in whole seconds (now - checked > 1), so 1s
      // means "after the second whole second": 2.5 s is past it wherever the boundaries fall.
      await ctx.sleep(2_500)
      await gets(ctx, ['/4', '/5', '/6', '/7', '/8'])
    },
  },
  {
    name: 'up-next-upstream-timeout',
    about: 'the first server never answers: after proxy_read_timeout 1s the request is retried on the second (504, 200)',
    config: groupConf(
      `server 127.0.0.1:{{UP1}};
server 127.0.0.1:{{UP2}};`,
      { locationExtra: 'proxy_read_timeout 1s;' },
    ),
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'silent' }) }, { name: 'UP2' }],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2', '/3'])
    },
  },
  {
    name: 'up-backup',
    about: 'the primary refused: the request goes to the backup server, and so do the next ones',
    config: groupConf(`server 127.0.0.1:{{UP1}};
server 127.0.0.1:{{UP2}} backup;`),
    upstreams: [{ name: 'UP1', mode: 'closed' }, { name: 'UP2' }],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2'])
    },
  },
  {
    name: 'up-backup-unused',
    about: 'a live primary: the backup server never gets a connection',
    config: groupConf(`server 127.0.0.1:{{UP1}};
server 127.0.0.1:{{UP2}} backup;`),
    upstreams: [{ name: 'UP1' }, { name: 'UP2' }],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2', '/3'])
    },
  },
  {
    name: 'up-down-flag',
    about: 'a server marked down never gets a connection',
    config: groupConf(`server 127.0.0.1:{{UP1}} down;
server 127.0.0.1:{{UP2}};`),
    upstreams: [{ name: 'UP1' }, { name: 'UP2' }],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2', '/3'])
    },
  },
  {
    name: 'up-round-robin',
    about: 'round robin: four consecutive WebSockets go UP1, UP2, UP1, UP2',
    config: groupConf(`server 127.0.0.1:{{UP1}};
server 127.0.0.1:{{UP2}};`),
    upstreams: [{ name: 'UP1' }, { name: 'UP2' }],
    async steps(ctx) {
      for (let i = 1; i <= 4; i++) {
        const ws = await wsClient(ctx, `/ws?n=${i}`)
        await echo(ws, `socket ${i}`)
        ws.sendClose(1000, '')
        await ws.frame()
        await ws.closedWithin(2_000)
      }
    },
  },
  {
    name: 'up-round-robin-weights',
    about: 'weight=3 against weight=1: the smooth weighted round robin order over eight requests',
    config: groupConf(`server 127.0.0.1:{{UP1}} weight=3;
server 127.0.0.1:{{UP2}};`),
    upstreams: [{ name: 'UP1' }, { name: 'UP2' }],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2', '/3', '/4', '/5', '/6', '/7', '/8'])
    },
  },
  {
    name: 'up-ip-hash',
    about: 'ip_hash: every request from 127.0.0.1 goes to the same server',
    config: groupConf(
      `server 127.0.0.1:{{UP1}};
server 127.0.0.1:{{UP2}};
server 127.0.0.1:{{UP3}};`,
      { balance: 'ip_hash;' },
    ),
    upstreams: [{ name: 'UP1' }, { name: 'UP2' }, { name: 'UP3' }],
    async steps(ctx) {
      await gets(ctx, ['/1', '/2', '/3'])
      const ws = await wsClient(ctx, '/ws')
      await echo(ws)
    },
  },
  {
    name: 'up-hash',
    about: 'hash $arg_room: the same key always picks the same server, different keys spread',
    config: groupConf(
      `server 127.0.0.1:{{UP1}};
server 127.0.0.1:{{UP2}};
server 127.0.0.1:{{UP3}};`,
      { balance: 'hash $arg_room;' },
    ),
    upstreams: [{ name: 'UP1' }, { name: 'UP2' }, { name: 'UP3' }],
    async steps(ctx) {
      await gets(ctx, ['/?room=a', '/?room=b', '/?room=c', '/?room=d', '/?room=e', '/?room=a', '/?room=lobby', '/?room=b'])
    },
  },
  {
    name: 'up-hash-consistent',
    about: 'hash $arg_room consistent (ketama): a key keeps its server (which one depends on the port numbers, so only that is compared)',
    config: groupConf(
      `server 127.0.0.1:{{UP1}};
server 127.0.0.1:{{UP2}};
server 127.0.0.1:{{UP3}};`,
      { balance: 'hash $arg_room consistent;' },
    ),
    upstreams: [{ name: 'UP1' }, { name: 'UP2' }, { name: 'UP3' }],
    // Ketama points are hashed from the server addresses as written ("127.0.0.1:PORT"), and the
    // ports are fresh on every run: which server a key lands on is not reproducible, so this
    // compares only that each key keeps its server, and the logs.
    compare: ['notes', 'errorLog'],
    async steps(ctx) {
      const seen = new Map<string, string>()
      for (const room of ['a', 'b', 'c', 'a', 'b', 'c', 'a']) {
        const c = await ctx.connect()
        const r = await c.get(`/?room=${room}`)
        const server = r?.headers.find(([k]) => k === 'X-Upstream')?.[1] ?? 'none'
        const first = seen.get(room)
        if (first === undefined) seen.set(room, server)
        else ctx.note(`room ${room} again on the same server`, first === server)
      }
    },
  },
  {
    name: 'up-least-conn',
    about: 'least_conn with long-lived WebSockets: a, b, c spread by open connections; after a and c close, d goes to the least busy',
    config: groupConf(
      `server 127.0.0.1:{{UP1}};
server 127.0.0.1:{{UP2}};`,
      { balance: 'least_conn;' },
    ),
    upstreams: [{ name: 'UP1' }, { name: 'UP2' }],
    async steps(ctx) {
      const a = await wsClient(ctx, '/ws?a')
      const b = await wsClient(ctx, '/ws?b')
      const c = await wsClient(ctx, '/ws?c')
      await echo(a, 'a')
      await echo(b, 'b')
      await echo(c, 'c')
      for (const s of [a, c]) {
        s.sendClose(1000, '')
        await s.frame()
        await s.closedWithin(2_000)
      }
      const d = await wsClient(ctx, '/ws?d')
      await echo(d, 'd')
    },
  },
  {
    name: 'up-premature-close',
    about: 'the upstream accepts and closes without answering: 502, "upstream prematurely closed connection"',
    config: groupConf('server 127.0.0.1:{{UP1}};'),
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'close' }) }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/plain')
      await c.handshake('/ws')
    },
  },
  {
    name: 'up-garbage',
    about: 'the upstream answers bytes that are not HTTP: nginx relays them as an HTTP/0.9 answer (no head; status 009 in the log)',
    config: groupConf('server 127.0.0.1:{{UP1}};'),
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'raw', data: 'SSH-2.0-OpenSSH_9.2\r\nnot http at all\r\n', close: true }) }],
    async steps(ctx) {
      const c = await ctx.connect()
      c.request('GET', '/plain', { headers: [['Host', `127.0.0.1:${ctx.port()}`]] })
      await c.raw(1_500)
      await c.closedWithin(500)
    },
  },
  {
    name: 'up-invalid-header',
    about: 'the upstream sends a status line then a broken header line: 502 "upstream sent invalid header"',
    config: groupConf('server 127.0.0.1:{{UP1}};'),
    upstreams: [{ name: 'UP1', answer: () => ({ kind: 'raw', data: 'HTTP/1.1 200 OK\r\nBad Header Line\r\n\r\n', close: true }) }],
    async steps(ctx) {
      const c = await ctx.connect()
      await c.get('/plain')
    },
  },
]
