/**
 * Chunked bodies that break the rules (RFC 9112 §7.1), both ways: a client's request body and an
 * upstream's response, both read by server/proxy/chunked.ts as nginx's ngx_http_parse_chunked
 * reads them.
 */
import type { StepContext } from '../../support/runtime-harness.ts'
import { oneLocation, type Scenario } from './common.ts'

const PROXY_ALL = oneLocation('proxy_pass http://127.0.0.1:{{UP1}};')

/** A chunked POST on a connection of its own, its answer read, then the close awaited. */
async function postChunked(ctx: StepContext, path: string, body: string): Promise<void> {
  const c = await ctx.connect()
  c.request('POST', path, { headers: [['Host', 'localhost'], ['Transfer-Encoding', 'chunked']], body })
  await c.raw(1_000)
  await c.closedWithin(500)
}

/** A GET whose chunked answer is broken: whatever reaches the client, then the close. */
async function getBroken(ctx: StepContext, path: string): Promise<void> {
  const c = await ctx.connect()
  c.request('GET', path, { headers: [['Host', 'localhost']] })
  await c.raw(1_000)
  await c.closedWithin(500)
}

const BROKEN: Record<string, string> = {
  '/bad-size': '5\r\nhello\r\nzz\r\nworld\r\n0\r\n\r\n',
  '/no-crlf': '5\r\nhelloXX3\r\nabc\r\n0\r\n\r\n',
  '/first': 'g\r\nhello\r\n0\r\n\r\n',
  '/huge': 'fffffffffffffffffff\r\nhello\r\n0\r\n\r\n',
  '/ext': '5;name=value\r\nhello\r\n0\r\n\r\n',
  '/trailer': '5\r\nhello\r\n0\r\nX-Trailer: yes\r\n\r\n',
}

const CHUNKED_HEAD = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n'

export const chunkedScenarios: Scenario[] = [
  {
    name: 'chunked-client-invalid',
    about: 'a client sends a broken chunked body: 400, "client sent invalid chunked body" at error, the connection closed; extensions and trailers are accepted',
    config: PROXY_ALL,
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      for (const [path, body] of Object.entries(BROKEN)) await postChunked(ctx, path, body)
    },
  },
  {
    name: 'chunked-upstream-invalid',
    about: 'an upstream sends a broken chunked response: nothing reaches the client when the bad chunk came with the head (the head waits for the body), the head and the data before it otherwise, "upstream sent invalid chunked response" at error, the connection closed',
    config: PROXY_ALL,
    upstreams: [
      {
        name: 'UP1',
        answer: (req) =>
          req.target === '/later'
            ? { kind: 'raw', data: `${CHUNKED_HEAD}5\r\nhello\r\n`, then: { afterMs: 300, data: 'zz\r\nworld\r\n0\r\n\r\n' }, closeAfterMs: 2_000 }
            : { kind: 'raw', data: `${CHUNKED_HEAD}${BROKEN[req.target]}`, closeAfterMs: 2_000 },
      },
    ],
    async steps(ctx) {
      for (const path of [...Object.keys(BROKEN), '/later']) await getBroken(ctx, path)
    },
  },
]
