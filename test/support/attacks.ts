/**
 * What a hostile visitor does to a shared lab, one attack per kind of harm: configs that loop,
 * double, backtrack or fan out; names that reach for Object.prototype; bytes that never stop;
 * timers past Node's range; floods of control frames. Each attack is a config (or none) and one
 * round of traffic through the attacker's session; the hostile suite repeats rounds back to back
 * beside a victim, and `npm run bench:load` cycles through them beside the chatting sessions.
 */
import { connect } from 'node:net'
import WebSocket from 'ws'

export interface AttackContext {
  /** The lab's port on 127.0.0.1. */
  port: number
  /** The attacker's session. */
  session: string
  api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>
}

/** Calls the lab's JSON API at `base` (an answer that is not JSON comes back as its text). */
export function labApi(base: string): AttackContext['api'] {
  return async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(base + path, { method, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {}
    return { status: res.status, body: parsed as T }
  }
}

export interface Attack {
  name: string
  /** The config the attacker applies first (null: the canonical one is fine). */
  config: string | null
  /** One round of the attack; resolves when that round is over. */
  round(ctx: AttackContext): Promise<void>
}

/** A whole config around one server on port 8020. */
export function wrap(server: string, http = ''): string {
  return `events {}\nhttp {\n${http}\n    server {\n        listen 8020;\n        server_name localhost;\n${server}\n    }\n}\n`
}

/** Sends exact bytes through the raw API and waits for the answer. */
async function raw(ctx: AttackContext, request: string, client = 'alice'): Promise<{ status: number; response: string }> {
  const answer = await ctx.api<{ response?: string }>('POST', `/api/sessions/${ctx.session}/raw`, { request, port: 8020, client })
  return { status: answer.status, response: answer.body.response ?? '' }
}

const get = (path: string, host = 'localhost', extra = ''): string => `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n${extra}\r\n`

/** A WebSocket through the attacker's session; resolves when it is open or has failed. */
function openSocket(ctx: AttackContext, client: string, path = '/'): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${ctx.port}/lab/${ctx.session}/${client}@localhost:8020${path}`, { perMessageDeflate: false })
  return new Promise((resolve) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => {
      res.resume()
      resolve(ws)
    })
  })
}

const bigValidConfig = wrap('        location / { return 200 $m; }', `    map $uri $m { ${Array.from({ length: 7000 }, (_, i) => `k${i} v;`).join(' ')} }`)
const doubling = Array.from({ length: 30 }, () => '        set $a $a$a;').join('\n')
const fanOut = Array.from({ length: 22 }, (_, i) => `    map $uri $v${i + 1} { default $v${i}$v${i}; }`).join('\n')
// 13 parameters of 500 × $request (a parameter may be 4 KB long, as in nginx).
const hugeFormat = `    log_format big ${Array.from({ length: 13 }, () => `'${'$request'.repeat(500)}'`).join(' ')};`

export const ATTACKS: Attack[] = [
  {
    name: 'map cycle between two variables',
    config: wrap('        location / { return 200 "[$b]"; }', '    map $b $c { default $b; }\n    map $c $b { default $c; }'),
    round: async (ctx) => void (await raw(ctx, get('/'))),
  },
  {
    name: 'map of a variable onto itself',
    config: wrap('        location / { return 200 "[$x]"; }', '    map $x $x { default $x; }'),
    round: async (ctx) => void (await raw(ctx, get('/'))),
  },
  {
    name: 'recursive error pages',
    config: wrap('        recursive_error_pages on;\n        error_page 404 /404;\n        location = /404 { return 404; }'),
    round: async (ctx) => void (await raw(ctx, get('/missing'))),
  },
  {
    name: 'a named location that errors into itself',
    config: wrap('        recursive_error_pages on;\n        error_page 404 @again;\n        location @again { return 404; }'),
    round: async (ctx) => void (await raw(ctx, get('/missing'))),
  },
  {
    name: 'rewrite last in a loop',
    config: wrap('        location / { rewrite ^ /again last; }'),
    round: async (ctx) => void (await raw(ctx, get('/'))),
  },
  {
    name: 'a value doubled thirty times',
    config: wrap(`        location / {\n        set $a x;\n${doubling}\n        return 200 $a;\n        }`),
    round: async (ctx) => void (await raw(ctx, get('/'))),
  },
  {
    name: 'a client named constructor',
    config: null,
    round: async (ctx) => {
      await raw(ctx, get('/'), 'constructor')
      ;(await openSocket(ctx, 'constructor')).terminate()
      ;(await openSocket(ctx, '__proto__')).terminate()
    },
  },
  {
    name: 'catastrophic regex in location',
    config: wrap('        location ~ ^/(a+)+$ { return 200 ok; }\n        location / { return 404; }'),
    round: async (ctx) => void (await raw(ctx, get('/' + 'a'.repeat(8000) + '!'))),
  },
  {
    name: 'catastrophic regex in server_name, rewrite and map',
    config: wrap(
      '        server_name ~^(a+)+$;\n        rewrite ^/(b+)+$ /x;\n        location / { return 200 "$m"; }',
      '    map $http_x_probe $m { ~^(c+)+$ yes; default no; }',
    ),
    round: async (ctx) => void (await raw(ctx, get('/' + 'b'.repeat(4000) + '!', 'a'.repeat(200) + '!', `X-Probe: ${'c'.repeat(4000)}!\r\n`))),
  },
  {
    name: 'a catastrophic backreference',
    config: wrap('        location ~ ^/((a+)+)\\1$ { return 200 ok; }\n        location / { return 404; }'),
    round: async (ctx) => void (await raw(ctx, get('/' + 'a'.repeat(60) + '!'))),
  },
  {
    name: 'a huge log format on three access logs',
    config: wrap('        access_log /var/log/nginx/a.log big;\n        access_log /var/log/nginx/b.log big;\n        access_log /var/log/nginx/c.log big;\n        location / { return 200 ok; }', hugeFormat),
    round: async (ctx) => void (await raw(ctx, get('/' + 'r'.repeat(4000)))),
  },
  {
    name: 'a fan-out of maps',
    config: wrap('        location / { return 200 "$v22"; }', `    map $uri $v0 { default x; }\n${fanOut}`),
    round: async (ctx) => void (await raw(ctx, get('/'))),
  },
  {
    name: 'a map onto $constructor',
    config: wrap('        location / { return 200 "[$constructor][$__proto__]"; }', '    map $uri $constructor { default c; }\n    map $uri $__proto__ { default p; }'),
    round: async (ctx) => void (await raw(ctx, get('/'))),
  },
  {
    name: 'a 65 KB config of 32,000 errors, applied again and again',
    config: null,
    round: async (ctx) => void (await ctx.api('POST', `/api/sessions/${ctx.session}/apply`, { config: 'x;'.repeat(32_000) })),
  },
  {
    name: 'a valid 62 KB config (a map of 7,000 keys), applied again and again',
    config: null,
    round: async (ctx) => void (await ctx.api('POST', `/api/sessions/${ctx.session}/apply`, { config: bigValidConfig })),
  },
  {
    name: 'garbage after an upgrade head while the proxy connects',
    config: wrap('        location / { proxy_pass http://192.0.2.1:8010; proxy_connect_timeout 5s; }'),
    round: (ctx) =>
      new Promise((resolve) => {
        const socket = connect(ctx.port, '127.0.0.1')
        const junk = Buffer.alloc(64 * 1024, 0x82)
        socket.on('error', () => {})
        socket.write(`GET /lab/${ctx.session}/alice@localhost:8020/ HTTP/1.1\r\nHost: lab\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`)
        // A frame header declaring 2^52 bytes, then as much as the lab will read in a second.
        socket.write(Buffer.from([0x82, 0xff, 0x00, 0x10, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]))
        const pump = (): void => {
          while (socket.writable && socket.write(junk));
        }
        socket.on('drain', pump)
        pump()
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, 1000)
      }),
  },
  {
    name: 'a read timeout of thirty days',
    config: wrap(
      '        location / { proxy_pass http://127.0.0.1:8010; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection upgrade; proxy_read_timeout 30d; proxy_send_timeout 30d; }',
    ),
    round: async (ctx) => {
      const ws = await openSocket(ctx, 'carol', '/?room=long')
      await new Promise((resolve) => setTimeout(resolve, 200))
      ws.terminate()
    },
  },
  {
    name: 'a flood of pings',
    config: null,
    round: async (ctx) => {
      const ws = await openSocket(ctx, 'dave', '/?room=pings')
      const until = performance.now() + 1000
      while (ws.readyState === WebSocket.OPEN && performance.now() < until) {
        for (let i = 0; i < 200; i++) ws.ping()
        await new Promise((resolve) => setImmediate(resolve))
      }
      ws.terminate()
    },
  },
]
