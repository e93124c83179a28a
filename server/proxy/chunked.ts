/**
 * The chunked transfer coding (RFC 9112 §7.1) read as nginx reads it (ngx_http_parse_chunked in
 * ngx_http_parse.c, without keep_trailers): byte by byte, resumable across reads, bare LF
 * accepted where CRLF is due, extensions and trailers skipped, nothing but CR or LF after a
 * chunk's data, sizes past off_t refused. One decoder serves the client's request body
 * (request-body.ts) and the upstream's response (upstream-body.ts).
 */

const CR = 0x0d
const LF = 0x0a

/** ngx_http_parse_chunked's states, in its order. */
const enum State {
  ChunkStart,
  ChunkSize,
  ChunkExtension,
  ChunkExtensionAlmostDone,
  ChunkData,
  AfterData,
  AfterDataAlmostDone,
  LastChunkExtension,
  LastChunkExtensionAlmostDone,
  Trailer,
  TrailerAlmostDone,
  TrailerHeader,
  TrailerHeaderAlmostDone,
}

/** For a state that ends with its line: the state after the LF. */
const AFTER_LINE: State[] = []
AFTER_LINE[State.ChunkExtension] = AFTER_LINE[State.ChunkExtensionAlmostDone] = State.ChunkData
AFTER_LINE[State.AfterDataAlmostDone] = State.ChunkStart
AFTER_LINE[State.LastChunkExtension] = AFTER_LINE[State.LastChunkExtensionAlmostDone] = State.Trailer
AFTER_LINE[State.TrailerHeader] = AFTER_LINE[State.TrailerHeaderAlmostDone] = State.Trailer

/** For a state that reads up to a line's end: the state once its CR came (only LF may follow). */
const ALMOST_DONE: State[] = []
ALMOST_DONE[State.ChunkExtension] = State.ChunkExtensionAlmostDone
ALMOST_DONE[State.LastChunkExtension] = State.LastChunkExtensionAlmostDone
ALMOST_DONE[State.TrailerHeader] = State.TrailerHeaderAlmostDone

/** What one `decode` call found. */
export const enum Chunked {
  /** All bytes used; more are needed. */
  More,
  /** The last chunk and the trailers ended; `end` is where the bytes after them begin. */
  Done,
  /** Not chunked coding: nginx gives up on the body (NGX_ERROR). */
  Invalid,
}

/** A hex digit's value, or -1. */
function hexValue(ch: number): number {
  if (ch >= 0x30 && ch <= 0x39) return ch - 0x30
  const c = ch | 0x20
  return c >= 0x61 && c <= 0x66 ? c - 0x61 + 10 : -1
}

export class ChunkedDecoder {
  private state = State.ChunkStart
  /** Data bytes left in the current chunk (while in ChunkData), or the size being read. */
  private size = 0
  /** The size's hex digits after its leading zeros, and the first of them: off_t's limit. */
  private digits = 0
  private lead = 0
  /** The size's last digit and how many 'f' digits came just before it. */
  private last = 0
  private fRun = 0
  /** After `Done`: the index in the last input where the bytes after the body begin. */
  end = 0

  /**
   * Reads `input` from `from`, pushing the data it holds onto `out` (views of `input`, nothing
   * copied). Stops at the end of the body (Done) or at the first byte nginx refuses (Invalid).
   */
  decode(input: Buffer, out: Buffer[], from = 0): Chunked {
    const last = input.length
    let state = this.state
    for (let pos = from; pos < last; pos++) {
      if (state === State.ChunkData) {
        const take = Math.min(this.size, last - pos)
        out.push(input.subarray(pos, pos + take))
        this.size -= take
        pos += take - 1
        if (this.size === 0) state = State.AfterData
        continue
      }
      const ch = input[pos]
      switch (state) {
        case State.ChunkStart: {
          const v = hexValue(ch)
          if (v < 0) return this.invalid()
          state = State.ChunkSize
          this.startSize(v)
          break
        }
        case State.ChunkSize: {
          // ngx_http_parse_chunked: a size past NGX_MAX_OFF_T_VALUE / 16 takes no more digits.
          if (this.digits > 15 || (this.digits === 15 && this.lead >= 8)) return this.invalid()
          const v = hexValue(ch)
          if (v >= 0) {
            this.addDigit(v)
            break
          }
          // After the size: an extension, then the line's end; a size of 0 is the last chunk.
          const extension = this.size === 0 ? State.LastChunkExtension : State.ChunkExtension
          if (ch === CR) state = ALMOST_DONE[extension]
          else if (ch === LF) state = AFTER_LINE[extension]
          else if (ch === 0x3b || ch === 0x20 || ch === 0x09) state = extension
          else return this.invalid()
          break
        }
        // Anything up to the line's end (nginx does not read extensions and trailers).
        case State.ChunkExtension:
        case State.LastChunkExtension:
        case State.TrailerHeader:
          if (ch === CR) state = ALMOST_DONE[state]
          else if (ch === LF) state = AFTER_LINE[state]
          break
        case State.ChunkExtensionAlmostDone:
        case State.AfterDataAlmostDone:
        case State.LastChunkExtensionAlmostDone:
        case State.TrailerHeaderAlmostDone:
          if (ch !== LF) return this.invalid()
          state = AFTER_LINE[state]
          break
        case State.AfterData:
          if (ch === CR) state = State.AfterDataAlmostDone
          else if (ch === LF) state = State.ChunkStart
          else return this.invalid()
          break
        case State.Trailer:
          if (ch === CR) state = State.TrailerAlmostDone
          else if (ch === LF) return this.done(pos)
          else state = State.TrailerHeader
          break
        case State.TrailerAlmostDone:
          if (ch !== LF) return this.invalid()
          return this.done(pos)
      }
      // A size line just ended: its data follows (nginx's check of the size against off_t).
      if (state === State.ChunkData && this.pastOffT()) return this.invalid()
    }
    // nginx checks the size against off_t whenever it stops, a size line read half included.
    if ((state === State.ChunkSize || state === State.ChunkExtension || state === State.ChunkExtensionAlmostDone) && this.pastOffT()) return this.invalid()
    this.state = state
    return Chunked.More
  }

  private startSize(v: number): void {
    this.size = v
    this.digits = v === 0 ? 0 : 1
    this.lead = v
    this.last = v
    this.fRun = 0
  }

  private addDigit(v: number): void {
    this.size = this.size * 16 + v
    if (this.digits === 0) {
      if (v === 0) return
      this.lead = v
    } else {
      this.fRun = this.last === 0xf ? this.fRun + 1 : 0
    }
    this.last = v
    this.digits++
  }

  /**
   * nginx's last check, size > NGX_MAX_OFF_T_VALUE - 5: only a 16-digit 7fff…fb to 7fff…ff,
   * told from the digits (a double does not hold such a size exactly).
   */
  private pastOffT(): boolean {
    return this.digits === 16 && this.lead === 7 && this.fRun === 14 && this.last >= 0xb
  }

  private done(pos: number): Chunked {
    this.state = State.ChunkStart
    this.end = pos + 1
    return Chunked.Done
  }

  private invalid(): Chunked {
    return Chunked.Invalid
  }
}
