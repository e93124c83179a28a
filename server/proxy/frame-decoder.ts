/**
 * Reads WebSocket frames (RFC 6455 §5.2) out of the bytes passing through a tunnel, for the
 * trace only: the bytes themselves are forwarded untouched and undelayed by the tunnel. Keeps
 * at most a short preview of each payload, so a 1 GB message costs no memory.
 *
 * Hand-written because `ws`'s Receiver consumes and validates the stream (it would reject
 * what the tunnel must pass on unchanged); this only observes.
 */

export const OPCODES: Record<number, string> = {
  0x0: 'continuation', 0x1: 'text', 0x2: 'binary', 0x8: 'close', 0x9: 'ping', 0xa: 'pong',
}

export interface DecodedFrame {
  fin: boolean
  opcode: number
  kind: string
  masked: boolean
  /** Payload length as the frame header gives it. */
  length: number
  /** The first bytes of a text, ping or pong payload, as text. */
  preview: string
  truncated: boolean
  closeCode?: number
  closeReason?: string
}

const PREVIEW_BYTES = 125
const HEADER_BYTES = 14
const MASK_AT = HEADER_BYTES
const PREVIEW_AT = MASK_AT + 4

export class FrameDecoder {
  /**
   * One buffer per decoder, reused for every frame (no allocation per frame): the header as it
   * arrives, then the masking key, then the payload's preview.
   */
  // allocUnsafe: a slice of Node's shared pool (every byte is written before it is read).
  private readonly bytes = Buffer.allocUnsafe(PREVIEW_AT + PREVIEW_BYTES)
  private headerHave = 0
  private headerNeed = 2
  private payloadLeft = 0
  private previewHave = 0
  private masked = false
  private maskOffset = 0
  /** Binary payloads have no text preview, so their bytes are only counted. */
  private wantPreview = false
  /** The frame being read (scalars, so a frame costs one object: the one handed out). */
  private inFrame = false
  private fin = false
  private opcode = 0
  private length = 0
  /** Set when the stream stops looking like WebSocket frames; decoding then stops. */
  broken = false

  constructor(private readonly onFrame: (frame: DecodedFrame) => void) {}

  push(chunk: Buffer): void {
    let offset = 0
    while (offset < chunk.length && !this.broken) {
      if (!this.inFrame) {
        const take = Math.min(this.headerNeed - this.headerHave, chunk.length - offset)
        chunk.copy(this.bytes, this.headerHave, offset, offset + take)
        this.headerHave += take
        offset += take
        if (this.headerHave < this.headerNeed) return
        if (!this.readHeader()) continue
      }
      const take = Math.min(this.payloadLeft, chunk.length - offset)
      if (this.wantPreview && this.previewHave < PREVIEW_BYTES && take > 0) {
        const keep = Math.min(take, PREVIEW_BYTES - this.previewHave)
        for (let i = 0; i < keep; i++) {
          const byte = chunk[offset + i]
          this.bytes[PREVIEW_AT + this.previewHave + i] = this.masked ? byte ^ this.bytes[MASK_AT + ((this.maskOffset + i) & 3)] : byte
        }
        this.previewHave += keep
        this.maskOffset += keep
      }
      this.payloadLeft -= take
      offset += take
      if (this.payloadLeft === 0) this.finish()
    }
  }

  /** Parses the header once enough bytes are in; false when more header bytes are needed. */
  private readHeader(): boolean {
    const b0 = this.bytes[0]
    const b1 = this.bytes[1]
    const masked = (b1 & 0x80) !== 0
    const short = b1 & 0x7f
    const extended = short === 126 ? 2 : short === 127 ? 8 : 0
    const need = 2 + extended + (masked ? 4 : 0)
    if (this.headerNeed < need) {
      this.headerNeed = need
      return false
    }
    let length = short
    if (extended === 2) length = this.bytes.readUInt16BE(2)
    else if (extended === 8) {
      const big = this.bytes.readBigUInt64BE(2)
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) {
        this.broken = true
        return false
      }
      length = Number(big)
    }
    const opcode = b0 & 0x0f
    if (!(opcode in OPCODES)) {
      this.broken = true
      return false
    }
    this.masked = masked
    if (masked) this.bytes.copy(this.bytes, MASK_AT, 2 + extended, 6 + extended)
    this.maskOffset = 0
    this.inFrame = true
    this.fin = (b0 & 0x80) !== 0
    this.opcode = opcode
    this.length = length
    this.payloadLeft = length
    this.previewHave = 0
    this.wantPreview = opcode !== 0x2
    if (length === 0) this.finish()
    return this.inFrame || length === 0
  }

  private finish(): void {
    if (!this.inFrame) return
    const close = this.opcode === 0x8 && this.previewHave >= 2
    const text = this.wantPreview && !close
    const frame: DecodedFrame = {
      fin: this.fin,
      opcode: this.opcode,
      kind: OPCODES[this.opcode],
      masked: this.masked,
      length: this.length,
      preview: text ? this.bytes.toString('utf8', PREVIEW_AT, PREVIEW_AT + this.previewHave) : '',
      truncated: this.length > this.previewHave,
    }
    if (close) {
      frame.closeCode = this.bytes.readUInt16BE(PREVIEW_AT)
      frame.closeReason = this.bytes.toString('utf8', PREVIEW_AT + 2, PREVIEW_AT + this.previewHave)
    }
    this.inFrame = false
    this.headerHave = 0
    this.headerNeed = 2
    this.onFrame(frame)
  }
}
