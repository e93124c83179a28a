/**
 * WebSocket frames (RFC 6455 §5.2), built and parsed by hand so the client controls every bit
 * it sends (masked with a fixed key, so the bytes are the same on every run) and sees every bit
 * it receives (FIN, RSV, opcode, mask flag, length).
 */
import { createHash } from 'node:crypto'

export const OPCODES = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const
export type OpcodeName = keyof typeof OPCODES

const NAMES: Record<number, OpcodeName> = { 0: 'continuation', 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' }

/** The masking key of every client frame: fixed, so that runs send identical bytes. */
export const FIXED_MASK = Buffer.from([0x37, 0xfa, 0x21, 0x3d])

/** The key of every WebSocket handshake (RFC 6455's example), so Sec-WebSocket-Accept is fixed too. */
export const FIXED_WS_KEY = 'dGhlIHNhbXBsZSBub25jZQ=='

export interface FrameSpec {
  opcode: OpcodeName | number
  payload?: Buffer | string
  fin?: boolean
  rsv?: number
  mask?: boolean
}

export function encodeFrame(spec: FrameSpec): Buffer {
  const payload = typeof spec.payload === 'string' ? Buffer.from(spec.payload, 'utf8') : (spec.payload ?? Buffer.alloc(0))
  const opcode = typeof spec.opcode === 'number' ? spec.opcode : OPCODES[spec.opcode]
  const fin = spec.fin ?? true
  const mask = spec.mask ?? true
  const len = payload.length
  const lenBytes = len < 126 ? 0 : len < 65536 ? 2 : 8
  const head = Buffer.alloc(2 + lenBytes + (mask ? 4 : 0))
  head[0] = (fin ? 0x80 : 0) | ((spec.rsv ?? 0) << 4) | opcode
  head[1] = (mask ? 0x80 : 0) | (lenBytes === 0 ? len : lenBytes === 2 ? 126 : 127)
  if (lenBytes === 2) head.writeUInt16BE(len, 2)
  if (lenBytes === 8) head.writeBigUInt64BE(BigInt(len), 2)
  if (!mask) return Buffer.concat([head, payload])
  FIXED_MASK.copy(head, 2 + lenBytes)
  return Buffer.concat([head, applyMask(payload, FIXED_MASK)])
}

/** XOR with a 4-byte key (masking and unmasking are the same), 4 bytes at a time. */
export function applyMask(data: Buffer, key: Buffer): Buffer {
  const len = data.length
  const words = len >>> 2
  const out = Buffer.alloc(len)
  if (words > 0) {
    const src = new Uint32Array(words)
    new Uint8Array(src.buffer).set(data.subarray(0, words * 4))
    const k = new Uint32Array(new Uint8Array(key).buffer)[0] ?? 0
    for (let i = 0; i < words; i++) src[i] = (src[i] ?? 0) ^ k
    out.set(new Uint8Array(src.buffer))
  }
  for (let i = words * 4; i < len; i++) out[i] = (data[i] ?? 0) ^ (key[i % 4] ?? 0)
  return out
}

/** The payload of a close frame: 2-byte code then the UTF-8 reason. */
export function closePayload(code?: number, reason = ''): Buffer {
  if (code === undefined) return Buffer.alloc(0)
  const b = Buffer.alloc(2 + Buffer.byteLength(reason))
  b.writeUInt16BE(code, 0)
  b.write(reason, 2, 'utf8')
  return b
}

export interface ParsedFrame {
  fin: boolean
  rsv: number
  opcode: number
  masked: boolean
  payload: Buffer
  /** Bytes of the whole frame on the wire. */
  wireLength: number
}

/** One frame from the front of `buf`, or undefined when `buf` does not hold a whole frame yet. */
export function parseFrame(buf: Buffer): ParsedFrame | undefined {
  if (buf.length < 2) return undefined
  const b0 = buf[0] ?? 0
  const b1 = buf[1] ?? 0
  let len = b1 & 0x7f
  let offset = 2
  if (len === 126) {
    if (buf.length < 4) return undefined
    len = buf.readUInt16BE(2)
    offset = 4
  } else if (len === 127) {
    if (buf.length < 10) return undefined
    len = Number(buf.readBigUInt64BE(2))
    offset = 10
  }
  const masked = (b1 & 0x80) !== 0
  const maskKey = masked ? buf.subarray(offset, offset + 4) : undefined
  if (masked) offset += 4
  if (buf.length < offset + len) return undefined
  let payload: Buffer = Buffer.from(buf.subarray(offset, offset + len))
  if (maskKey) payload = applyMask(payload, Buffer.from(maskKey))
  return { fin: (b0 & 0x80) !== 0, rsv: (b0 >> 4) & 7, opcode: b0 & 0x0f, masked, payload, wireLength: offset + len }
}

export function opcodeName(opcode: number): string {
  return NAMES[opcode] ?? `opcode-${opcode}`
}

/** A short, stable description of a payload: the text when short and printable, else length + sha1. */
export function describePayload(payload: Buffer, asText: boolean): string {
  if (asText && payload.length <= 200) {
    const text = payload.toString('utf8')
    if (/^[\x20-\x7e]*$/.test(text)) return JSON.stringify(text)
  }
  if (payload.length > 1024 * 1024) return `${payload.length} bytes`
  return `${payload.length} bytes sha1:${createHash('sha1').update(payload).digest('hex').slice(0, 12)}`
}

/** One line for a frame as the client saw it (FIN, RSV, opcode, mask, length, payload). */
export function describeFrame(frame: ParsedFrame): string {
  const flags = `${frame.fin ? 'fin' : 'nofin'}${frame.rsv ? ` rsv=${frame.rsv}` : ''}${frame.masked ? ' masked' : ''}`
  const name = opcodeName(frame.opcode)
  if (frame.opcode === OPCODES.close) {
    const code = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : undefined
    const reason = frame.payload.length > 2 ? frame.payload.subarray(2).toString('utf8') : ''
    return `frame ${name} ${flags} len=${frame.payload.length} code=${code ?? 'none'} reason=${JSON.stringify(reason)}`
  }
  const asText = frame.opcode !== OPCODES.binary
  return `frame ${name} ${flags} len=${frame.payload.length} ${describePayload(frame.payload, asText)}`
}
