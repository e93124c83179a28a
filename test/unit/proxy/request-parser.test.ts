/** request-parser.ts: the client's head as nginx reads it. */
import { describe, expect, it } from 'vitest'
import type { HeadLimits } from '../../../server/proxy/request-head.ts'
import { parseRequestHead } from '../../../server/proxy/request-parser.ts'
import { DEFAULT_HEAD_LIMITS } from './head-limits.ts'

const ok = (text: string) => {
  const r = parseRequestHead(text, DEFAULT_HEAD_LIMITS)
  if (r.kind !== 'ok') throw new Error(`expected a head, got ${JSON.stringify(r)}`)
  return r.head
}
const err = (text: string) => {
  const r = parseRequestHead(text, DEFAULT_HEAD_LIMITS)
  if (r.kind !== 'error') throw new Error(`expected an error, got ${r.kind}`)
  return [r.error.status, r.error.log]
}

describe('parseRequestHead', () => {
  it('keeps the headers in the client order and spelling, and the host lowercased without port', () => {
    const head = ok('GET /ws?room=1 HTTP/1.1\r\nHost: Example.COM:8080\r\nUpgrade: WebSocket\r\nX-Dup: 1\r\nX-Dup: 2\r\n\r\n')
    expect(head.headers).toEqual([['Host', 'Example.COM:8080'], ['Upgrade', 'WebSocket'], ['X-Dup', '1'], ['X-Dup', '2']])
    expect([head.host, head.path, head.args, head.major, head.minor]).toEqual(['example.com', '/ws', 'room=1', 1, 1])
  })

  it('waits for the whole head', () => {
    expect(parseRequestHead('GET / HTTP/1.1\r\nHost: a\r\n', DEFAULT_HEAD_LIMITS).kind).toBe('incomplete')
  })

  it('ignores header names with underscores, as nginx does by default', () => {
    const head = ok('GET / HTTP/1.1\r\nHost: a\r\nX_Under: x\r\n\r\n')
    expect(head.headers).toEqual([['Host', 'a']])
    expect(head.invalidLines).toEqual(['X_Under: x'])
  })

  it('takes the host of an absolute URI over the Host header', () => {
    const head = ok('GET http://Abs.Example/e HTTP/1.1\r\nHost: other.test\r\n\r\n')
    expect([head.host, head.uri]).toEqual(['abs.example', '/e'])
  })

  it('normalizes $uri: decoding, merged slashes, dot segments', () => {
    expect(ok('GET /chat//a%20b/./c/../d HTTP/1.0\r\n\r\n').normalizedPath).toBe('/chat/a b/d')
  })

  it.each([
    ['GET /ws HTTP/1.1\r\n\r\n', 400, 'client sent HTTP/1.1 request without "Host" header'],
    ['get / HTTP/1.1\r\nHost: a\r\n\r\n', 400, 'client sent invalid method'],
    ['GET / HTTP/2.0\r\nHost: a\r\n\r\n', 505, 'client sent invalid version'],
    ['GET /../x HTTP/1.0\r\n\r\n', 400, 'client sent invalid request'],
    ['GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n', 400, 'client sent duplicate host header: "Host: b", previous value: "Host: a"'],
    [`GET /${'a'.repeat(9000)} HTTP/1.1\r\nHost: a\r\n\r\n`, 414, 'client sent too long URI'],
  ])('refuses %j with %d', (text, status, log) => {
    expect(err(text)).toEqual([status, log])
  })

  it('refuses a header line longer than a large buffer with 494', () => {
    expect(err(`GET / HTTP/1.1\r\nHost: a\r\nCookie: ${'c'.repeat(9000)}\r\n\r\n`)[0]).toBe(494)
  })
})

describe('header buffers (ngx_http_alloc_large_header_buffer)', () => {
  // client_header_buffer_size 100, large_client_header_buffers 2 200: small enough to count.
  const small: HeadLimits = { ...DEFAULT_HEAD_LIMITS, clientBufferSize: 100, largeBufferSize: 200, largeBuffers: 2 }
  const parse = (text: string) => parseRequestHead(text, small)
  const line = (length: number) => `GET /${'u'.repeat(length - 'GET / HTTP/1.0\r\n'.length)} HTTP/1.0\r\n`

  it('takes a request line up to a large buffer with its CRLF, and refuses one byte more with 414', () => {
    expect(parse(`${line(200)}\r\n`).kind).toBe('ok')
    const refused = parse(`${line(201)}\r\n`)
    expect(refused.kind === 'error' && [refused.error.status, refused.error.requestLine?.length]).toEqual([414, 200])
  })

  it('moves a line that crosses a full buffer to the next, so lines that each fit may not fit together', () => {
    const header = (n: number) => `X-${n}: ${'v'.repeat(150 - 7)}\r\n`
    // 50 + 150 (moves to large buffer 1) + 150 (large buffer 2) fits; a third header needs a third buffer.
    expect(parse(`${line(50)}${header(1)}${header(2)}\r\n`).kind).toBe('ok')
    const refused = parse(`${line(50)}${header(1)}${header(2)}${header(3)}\r\n`)
    expect(refused.kind === 'error' && refused.error.status).toBe(494)
    // nginx quotes the line in progress up to the end of the full buffer (400 - 350 bytes).
    expect(refused.kind === 'error' && refused.error.log).toBe(`client sent too long header line: "${header(3).slice(0, 50)}..."`)
  })

  it('waits while the buffers are not full', () => {
    expect(parse(line(50) + 'X-Long: ' + 'v'.repeat(100)).kind).toBe('incomplete')
  })
})
