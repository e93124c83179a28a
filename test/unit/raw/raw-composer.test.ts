/**
 * The raw composer's text, presets and copy-as commands. printf and curl are run for real (sh,
 * /usr/bin/curl) against a socket that records the bytes, so "the same request" is checked, not
 * assumed.
 */
import { execFile } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { copyAsCurl, copyAsPrintf, copyAsWscat, printfFormat, shellQuote } from '../../../components/raw/copy-as.ts'
import { parseRequest } from '../../../components/raw/parse-request.ts'
import { RAW_PRESETS, rawPreset } from '../../../components/raw/presets.ts'
import { fromBytes, toBytes } from '../../../components/raw/raw-text.ts'

const run = promisify(execFile)
const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)) })

/** What sh's printf writes for our format, as bytes (latin1). */
async function printfBytes(bytes: string): Promise<string> {
  const { stdout } = await run('sh', ['-c', `printf ${shellQuote(printfFormat(bytes))}`], { encoding: 'latin1' })
  return stdout
}

/** Runs a shell command against a socket that answers 204 and returns the request head it read. */
async function captured(command: (port: number) => string): Promise<string> {
  let head = ''
  const server = createServer((socket) => {
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      head += chunk
      if (head.includes('\r\n\r\n')) socket.end('HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    await run('sh', ['-c', command((server.address() as AddressInfo).port)])
  } finally {
    server.close()
  }
  return head
}

describe('raw-text', () => {
  it('writes line breaks as CRLF and reads escapes for every other byte', () => {
    expect(toBytes('GET / HTTP/1.1\nHost: a\n\n')).toBe('GET / HTTP/1.1\r\nHost: a\r\n\r\n')
    expect(toBytes('a\\r\\nb\\x00\\xff\\t\\\\')).toBe('a\r\nb\x00\xff\t\\')
    expect(toBytes('a\\q')).toBe('a\\q')
    expect(toBytes('é😀')).toBe('\xc3\xa9\xf0\x9f\x98\x80')
  })

  it('reads back every byte string it writes', () => {
    fc.assert(fc.property(latin1, (bytes) => toBytes(fromBytes(bytes)) === bytes))
  })
})

describe('presets', () => {
  it.each(RAW_PRESETS)('%s: a head ending in CRLF CRLF, for the host given', (name) => {
    const bytes = rawPreset(name, 'chat.example.com:8020')
    expect(bytes.endsWith('\r\n\r\n')).toBe(true)
    expect(bytes).toContain('Host: chat.example.com:8020\r\n')
    expect(toBytes(fromBytes(bytes))).toBe(bytes)
  })

  it('puts one header line over nginx\'s 8k buffers in the oversized preset', () => {
    const longest = Math.max(...rawPreset('oversized-header', 'h').split('\r\n').map((l) => l.length))
    expect(longest).toBeGreaterThan(8192)
  })
})

describe('copy as printf | nc', () => {
  it.each(RAW_PRESETS)('%s: sh\'s printf writes exactly the bytes', async (name) => {
    const bytes = rawPreset(name, 'localhost')
    expect(await printfBytes(bytes)).toBe(bytes)
  })

  it('writes exactly any bytes, NUL and % included', async () => {
    await fc.assert(fc.asyncProperty(latin1, async (bytes) => (await printfBytes(bytes)) === bytes), { numRuns: 40 })
  })

  it('pipes to nc, or to openssl s_client for a TLS port', () => {
    expect(copyAsPrintf('x', { host: 'localhost', port: 80, tls: false })).toBe("printf 'x' | nc localhost 80")
    expect(copyAsPrintf('x', { host: 'chat.example.com', port: 443, tls: true })).toBe("printf 'x' | openssl s_client -quiet -connect chat.example.com:443 -servername chat.example.com")
  })
})

describe('copy as curl', () => {
  it.each(['no-upgrade', 'http10-plain'] as const)('%s: curl sends the same request line and headers', async (name) => {
    const bytes = name === 'http10-plain' ? 'GET /status?x=1 HTTP/1.0\r\nHost: example.com\r\nX-Empty: \r\n\r\n' : rawPreset(name, 'localhost', '/chat')
    const wanted = parseRequest(bytes)!
    const head = await captured((port) => {
      const copy = copyAsCurl(bytes, { host: '127.0.0.1', port, tls: false })
      if (!copy.ok) throw new Error(copy.why)
      return copy.command
    })
    const sent = parseRequest(head)!
    expect([sent.method, sent.target, sent.version]).toEqual([wanted.method, wanted.target, wanted.version])
    const norm = (headers: Array<[string, string]>): string[] => headers.map(([n, v]) => `${n.toLowerCase()}: ${v}`).sort()
    expect(norm(sent.headers)).toEqual(norm(wanted.headers))
  })

  it('says why it cannot send a WebSocket handshake or malformed bytes', () => {
    expect(copyAsCurl(rawPreset('browser', 'h'), { host: 'h', port: 80, tls: false })).toEqual({ ok: false, why: 'websocket' })
    expect(copyAsCurl('GARBAGE\r\n\r\n', { host: 'h', port: 80, tls: false })).toEqual({ ok: false, why: 'malformed' })
  })
})

describe('copy as wscat', () => {
  it('connects to the handshake\'s URL with the headers wscat does not write itself', () => {
    const copy = copyAsWscat(rawPreset('browser', 'chat.example.com', '/ws?room=a'), { host: 'localhost', port: 8020, tls: false })
    expect(copy.ok).toBe(true)
    if (!copy.ok) return
    expect(copy.command).toMatch(/^wscat -c 'ws:\/\/localhost:8020\/ws\?room=a' -H 'Host: chat.example.com' /)
    expect(copy.command).toContain("-H 'Origin: http://chat.example.com'")
    expect(copy.command).not.toContain('Sec-WebSocket-Key')
  })

  it.each([
    ['no-upgrade', 'not-websocket'],
    ['h2c', 'not-websocket'],
    ['bad-version', 'version'],
    ['http10', 'version'],
  ] as const)('%s: cannot (%s)', (name, why) => {
    expect(copyAsWscat(rawPreset(name, 'h'), { host: 'h', port: 80, tls: false })).toEqual({ ok: false, why })
  })
})
