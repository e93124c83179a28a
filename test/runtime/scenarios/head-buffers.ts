/**
 * How nginx reads a request head (ngx_http_alloc_large_header_buffer): into one
 * client_header_buffer_size buffer, then, each time a buffer is full before the head ends,
 * the line in progress moves to a new large_client_header_buffers buffer. A request line or a
 * header line as long as a large buffer, or a head that needs one buffer more than there are,
 * is refused (414, or 494 sent as 400). And which header names nginx takes
 * (underscores_in_headers, ignore_invalid_headers).
 */
import { conf, oneLocation, type Scenario, type StepContext } from './common.ts'

/**
 * client_header_buffer_size 128, large_client_header_buffers 2 512: small enough to count bytes
 * (a large buffer may not be smaller than connection_pool_size, 512 on 64-bit).
 */
const SMALL = conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    client_header_buffer_size 128;
    large_client_header_buffers 2 512;
    location / {
        return 200 "ok $uri\\n";
    }
}`)

/** A request line of exactly `length` bytes with its CRLF. */
function requestLine(length: number): string {
  const fixed = 'GET / HTTP/1.1\r\n'.length
  return `GET /${'u'.repeat(length - fixed)} HTTP/1.1\r\n`
}

/** A header line of exactly `length` bytes with its CRLF. */
function header(name: string, length: number): string {
  return `${name}: ${'v'.repeat(length - name.length - 4)}\r\n`
}

/** Sends one head on its own connection and reads the answer; a refused head also closes the connection. */
async function send(ctx: StepContext, head: string, refused = false): Promise<void> {
  const c = await ctx.connect()
  c.write(head)
  await c.response()
  if (refused) await c.closedWithin(1_000)
}

export const headBufferScenarios: Scenario[] = [
  {
    name: 'head-request-line-limit',
    about:
      'large_client_header_buffers 2 512: a request line of 512 bytes with its CRLF is read, one of 513 gets 414 and "client sent too long URI" with the 512 bytes nginx held',
    config: SMALL,
    async steps(ctx) {
      await send(ctx, `${requestLine(512)}Host: localhost\r\n\r\n`)
      await send(ctx, `${requestLine(513)}Host: localhost\r\n\r\n`, true)
    },
  },
  {
    name: 'head-header-line-limit',
    about: 'a header line of 512 bytes with its CRLF fits a large buffer; one of 513 gets 494 (sent as 400) and the line quoted as far as it was read',
    config: SMALL,
    async steps(ctx) {
      await send(ctx, `GET /a HTTP/1.1\r\nHost: localhost\r\n${header('X-Long', 512)}\r\n`)
      await send(ctx, `GET /b HTTP/1.1\r\nHost: localhost\r\n${header('X-Long', 513)}\r\n`, true)
    },
  },
  {
    name: 'head-buffers-run-out',
    about:
      'lines that each fit a large buffer but move to a new one each time the one before is full: two large buffers hold two such headers, a third needs a third buffer and gets 494, quoting the header in progress up to the end of the full buffer',
    config: SMALL,
    async steps(ctx) {
      const line = 'GET /c HTTP/1.1\r\nHost: localhost\r\n'
      await send(ctx, `${line}${header('X-A', 400)}${header('X-B', 400)}\r\n`)
      await send(ctx, `${line}${header('X-A', 400)}${header('X-B', 400)}${header('X-C', 400)}\r\n`, true)
    },
  },
  {
    name: 'head-buffers-defaults',
    about: 'the defaults (1k, then 4 × 8k): a head of five 7 KiB headers is refused, four are read',
    config: oneLocation('return 200 "ok\\n";'),
    async steps(ctx) {
      const line = 'GET /d HTTP/1.1\r\nHost: localhost\r\n'
      const headers = (n: number) => Array.from({ length: n }, (_, i) => header(`X-${i}`, 7 * 1024)).join('')
      await send(ctx, `${line}${headers(4)}\r\n`)
      await send(ctx, `${line}${headers(5)}\r\n`, true)
    },
  },
  {
    name: 'head-header-names',
    about:
      'underscores_in_headers on passes X_Under upstream; ignore_invalid_headers off passes a name nginx calls invalid; with the defaults both are dropped (logged at info)',
    config: conf(`server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location / {
        proxy_pass http://127.0.0.1:{{UP1}};
    }
}
server {
    listen 127.0.0.1:{{PORT2}};
    server_name localhost;
    underscores_in_headers on;
    ignore_invalid_headers off;
    location / {
        proxy_pass http://127.0.0.1:{{UP1}};
    }
}`),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      for (const token of ['PORT', 'PORT2']) {
        const c = await ctx.connect(token)
        c.write('GET /names HTTP/1.1\r\nHost: localhost\r\nX_Under: u\r\nX.Dot: d\r\nX-Fine: f\r\n\r\n')
        await c.response()
      }
    },
  },
]

/** nginx's own check of the two sizes (ngx_http_core_merge_srv_conf), for the checker's tests. */
export const TOO_SMALL_LARGE_BUFFERS = SMALL.replace('large_client_header_buffers 2 512;', 'large_client_header_buffers 2 256;')
