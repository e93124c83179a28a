/** frame-decoder.ts: frames seen in a byte stream, however it is split. */
import { describe, expect, it } from 'vitest'
import { FrameDecoder, type DecodedFrame } from '../../../server/proxy/frame-decoder.ts'

/** Builds frames by RFC 6455 §5.2 (small enough to write here, and independent of the decoder). */
function frames(parts: Array<{ data: Buffer | string; opcode: 1 | 2 | 8 | 9; mask: boolean }>): Buffer {
  return Buffer.concat(
    parts.map((p) => {
      const data = typeof p.data === 'string' ? Buffer.from(p.data) : p.data
      const len = data.length
      const head = len < 126 ? Buffer.from([0x80 | p.opcode, len]) : len < 65536 ? Buffer.from([0x80 | p.opcode, 126, len >> 8, len & 255]) : Buffer.concat([Buffer.from([0x80 | p.opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(len)); return b })()])
      if (!p.mask) return Buffer.concat([head, data])
      head[1] |= 0x80
      const key = Buffer.from([1, 2, 3, 4])
      const masked = Buffer.from(data.map((b, i) => b ^ key[i & 3]))
      return Buffer.concat([head, key, masked])
    }),
  )
}

describe('FrameDecoder', () => {
  it('decodes masked and unmasked frames byte by byte, and close codes', () => {
    const close = Buffer.concat([Buffer.from([0x03, 0xe8]), Buffer.from('bye')])
    const bytes = frames([
      { data: 'hello', opcode: 1, mask: true },
      { data: Buffer.alloc(70_000, 7), opcode: 2, mask: false },
      { data: 'p', opcode: 9, mask: true },
      { data: close, opcode: 8, mask: true },
    ])
    const seen: DecodedFrame[] = []
    const decoder = new FrameDecoder((f) => seen.push(f))
    for (let i = 0; i < bytes.length; i += 7) decoder.push(bytes.subarray(i, i + 7))
    expect(seen.map((f) => [f.kind, f.length, f.masked, f.preview])).toEqual([
      ['text', 5, true, 'hello'],
      ['binary', 70_000, false, ''],
      ['ping', 1, true, 'p'],
      ['close', 5, true, ''],
    ])
    expect(seen[1].truncated).toBe(true)
    expect([seen[3].closeCode, seen[3].closeReason]).toEqual([1000, 'bye'])
  })

  it('stops decoding what is not WebSocket, without throwing', () => {
    const decoder = new FrameDecoder(() => {})
    decoder.push(Buffer.from([0x8f, 0x05, 0x67, 0x61, 0x72]))
    expect(decoder.broken).toBe(true)
  })
})
