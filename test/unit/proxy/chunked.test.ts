/** chunked.ts: the chunked coding read as ngx_http_parse_chunked reads it (scenarios chunked-*). */
import { describe, expect, it } from 'vitest'
import { Chunked, ChunkedDecoder } from '../../../server/proxy/chunked.ts'

/** Decodes `text` whole and byte by byte: both ways must agree. */
function decode(text: string): { result: Chunked; data: string; after: string } {
  const input = Buffer.from(text, 'latin1')
  const whole = new ChunkedDecoder()
  const parts: Buffer[] = []
  const result = whole.decode(input, parts)
  const byByte = new ChunkedDecoder()
  const byteParts: Buffer[] = []
  let byteResult: Chunked = Chunked.More
  let i = 0
  for (; i < input.length && byteResult === Chunked.More; i++) byteResult = byByte.decode(input.subarray(i, i + 1), byteParts)
  expect(byteResult).toBe(result)
  expect(Buffer.concat(byteParts).toString('latin1')).toBe(Buffer.concat(parts).toString('latin1'))
  if (result === Chunked.Done) expect(i).toBe(whole.end)
  return { result, data: Buffer.concat(parts).toString('latin1'), after: result === Chunked.Done ? input.subarray(whole.end).toString('latin1') : '' }
}

describe('ChunkedDecoder', () => {
  it('reads chunks, extensions, trailers and bare LFs, and says where the body ends', () => {
    expect(decode('5\r\nhello\r\n3\r\n ok\r\n0\r\n\r\nNEXT')).toEqual({ result: Chunked.Done, data: 'hello ok', after: 'NEXT' })
    expect(decode('5;name=value\r\nhello\r\n0;x\r\nX-Trailer: yes\r\n\r\n')).toEqual({ result: Chunked.Done, data: 'hello', after: '' })
    expect(decode('5\nhello\n0\n\nN')).toEqual({ result: Chunked.Done, data: 'hello', after: 'N' })
    expect(decode('A\r\n0123456789\r\n000\r\n\r\n')).toEqual({ result: Chunked.Done, data: '0123456789', after: '' })
  })

  it('waits for more while the body is not over', () => {
    expect(decode('5\r\nhel')).toEqual({ result: Chunked.More, data: 'hel', after: '' })
    expect(decode('5\r\nhello\r\n0\r\n')).toEqual({ result: Chunked.More, data: 'hello', after: '' })
  })

  it('refuses what nginx refuses', () => {
    for (const bad of ['zz\r\n', 'g\r\n', '5\r\nhelloXX\r\n', '5\r\nhello\r\r', '5\rX', '5 x\r\nhelloZ', '0\r\n\rX']) {
      expect(decode(bad).result, JSON.stringify(bad)).toBe(Chunked.Invalid)
    }
  })

  it('refuses a size past off_t (NGX_MAX_OFF_T_VALUE / 16 before each character)', () => {
    expect(decode('7ffffffffffffff\r\n').result).toBe(Chunked.More)
    expect(decode('800000000000000\r\n').result).toBe(Chunked.Invalid)
    expect(decode('fffffffffffffffffff\r\nhello').result).toBe(Chunked.Invalid)
    expect(decode('0000000000000000000000001\r\nx\r\n0\r\n\r\n')).toEqual({ result: Chunked.Done, data: 'x', after: '' })
  })
})
