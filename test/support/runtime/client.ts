/**
 * A raw TCP client for the scenarios: it writes exact bytes (request line and headers as given,
 * HTTP/1.0 or 1.1), reads response heads raw (status line and header lines in order), bodies by
 * their framing, then WebSocket frames, and notices when and how the proxy closes the connection.
 * Everything it sends and receives is recorded as ClientEvents; every wait is bounded.
 */
import { connect, type Socket } from 'node:net'
import { EventEmitter } from 'node:events'
import { closePayload, describeFrame, describePayload, encodeFrame, FIXED_WS_KEY, OPCODES, parseFrame, type FrameSpec, type ParsedFrame } from './frames.ts'
import { roundHalf, type ClientEvent, type ClientRecord } from './observation.ts'

export const DEFAULT_WAIT_MS = 3_000
const CONNECT_TIMEOUT_MS = 3_000
const FINISH_TIMEOUT_MS = 3_000

export type HeaderList = ReadonlyArray<readonly [string, string]>

export interface ResponseMessage {
  statusLine: string
  status: number
  headers: [string, string][]
  body: Buffer
  framing: string
}

export interface RequestOptions {
  /** `HTTP/1.1` unless told (`HTTP/1.0`, `HTTP/2.0`, or anything raw). */
  version?: string
  headers?: HeaderList
  body?: string | Buffer
}

export interface HandshakeOptions {
  version?: string
  /** Replaces the default Host (`127.0.0.1:PORT`); null sends none. */
  host?: string | null
  /** Replaces `Upgrade: websocket`; null sends none. */
  upgrade?: string | null
  /** Replaces `Connection: Upgrade`; null sends none. */
  connection?: string | null
  /** Extra headers after Sec-WebSocket-Key and Sec-WebSocket-Version. */
  headers?: HeaderList
  wsVersion?: string
  /** Waits this long for the answer (default 3 s). */
  timeoutMs?: number
}

export function describeBody(body: Buffer): string {
  if (body.length === 0) return '""'
  const text = body.toString('latin1')
  if (body.length <= 2000 && /^[\x09\x0a\x0d\x20-\x7e]*$/.test(text)) return JSON.stringify(text)
  return describePayload(body, false)
}

function firstLine(data: Buffer): string {
  const text = data.toString('latin1')
  const end = text.indexOf('\r\n')
  const line = end >= 0 ? text.slice(0, end) : text
  const shown = line.length > 160 ? `${line.slice(0, 160)}… (${line.length} chars)` : line
  return /^[\x20-\x7e]*$/.test(shown) ? shown : JSON.stringify(shown)
}

/** Parses a chunked body starting at `start`; undefined until the last chunk and trailers are in. */
export function parseChunked(buf: Buffer, start: number): { body: Buffer; end: number; chunks: number } | undefined {
  const parts: Buffer[] = []
  let pos = start
  let chunks = 0
  for (let guard = 0; guard < 100_000; guard++) {
    const lineEnd = buf.indexOf('\r\n', pos)
    if (lineEnd < 0) return undefined
    const size = parseInt(buf.subarray(pos, lineEnd).toString('latin1').split(';')[0] ?? '', 16)
    if (Number.isNaN(size)) return { body: Buffer.concat(parts), end: buf.length, chunks: -1 }
    pos = lineEnd + 2
    if (size === 0) {
      const trailersEnd = buf.indexOf('\r\n', pos)
      if (trailersEnd < 0) return undefined
      if (trailersEnd === pos) return { body: Buffer.concat(parts), end: pos + 2, chunks }
      const end = buf.indexOf('\r\n\r\n', pos)
      if (end < 0) return undefined
      return { body: Buffer.concat(parts), end: end + 4, chunks }
    }
    if (buf.length < pos + size + 2) return undefined
    parts.push(buf.subarray(pos, pos + size))
    chunks++
    pos += size + 2
  }
  return undefined
}

export class RawClient {
  readonly record: ClientRecord
  readonly port: number
  private readonly socket: Socket
  /** Unconsumed bytes, kept as chunks and joined only when read (large floods stay linear). */
  private chunks: Buffer[] = []
  private origin = performance.now()
  private endedAt: number | undefined
  private endedHow = ''
  private readonly changes = new EventEmitter()
  private lastMethod = 'GET'
  private selfClosed = false
  /** Bytes received in all, bytes consumed from the front of `buf`, and when each chunk arrived. */
  private received = 0
  private consumed = 0
  private arrivals: { upTo: number; at: number }[] = []

  private constructor(name: string, port: number, socket: Socket) {
    this.record = { name, events: [] }
    this.port = port
    this.socket = socket
    this.changes.setMaxListeners(0)
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.length
      this.arrivals.push({ upTo: this.received, at: performance.now() })
      this.chunks.push(chunk)
      this.changes.emit('change')
    })
    socket.on('end', () => this.markEnded('fin'))
    socket.on('error', (error: NodeJS.ErrnoException) => this.markEnded(error.code === 'ECONNRESET' ? 'reset' : (error.code ?? 'error')))
    socket.on('close', () => this.markEnded('fin'))
  }

  /** Connects to 127.0.0.1:port (bounded); the connect time is the first mark. */
  static connect(name: string, port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port })
      const timer = setTimeout(() => {
        socket.destroy()
        reject(new Error(`client ${name}: connect to ${port} timed out`))
      }, CONNECT_TIMEOUT_MS)
      socket.once('connect', () => {
        clearTimeout(timer)
        socket.setNoDelay(true)
        resolve(new RawClient(name, port, socket))
      })
      socket.once('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
    })
  }

  get events(): ClientEvent[] {
    return this.record.events
  }

  get closed(): boolean {
    return this.endedAt !== undefined
  }

  private markEnded(how: string): void {
    if (this.endedAt !== undefined || this.selfClosed) return
    this.endedAt = performance.now()
    this.endedHow = how
    this.changes.emit('change')
  }

  /** When the byte at `offset` in `buf` arrived. */
  private arrivalOf(offset: number): number {
    const abs = this.consumed + offset
    return this.arrivals.find((a) => a.upTo > abs)?.at ?? performance.now()
  }

  /** The unconsumed bytes as one buffer. */
  private get buf(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks)]
    return this.chunks[0] as Buffer
  }

  /** Drops `n` bytes from the front of `buf`. */
  private consume(n: number): void {
    if (n > 0) this.chunks = [this.buf.subarray(n)]
    this.consumed += n
    this.arrivals = this.arrivals.filter((a) => a.upTo > this.consumed)
  }

  /** Seconds since the last mark, rounded to 0.5 s. */
  private since(t = performance.now()): number {
    return roundHalf((t - this.origin) / 1000)
  }

  /** Restarts the clock that `at` times are measured from. */
  mark(): void {
    this.origin = performance.now()
  }

  /** Resolves true once `ready()` holds, false after `timeoutMs` (or at once if the socket ended and it does not hold). */
  private waitUntil(ready: () => boolean, timeoutMs: number): Promise<boolean> {
    if (ready()) return Promise.resolve(true)
    return new Promise((resolve) => {
      const finish = (value: boolean): void => {
        clearTimeout(timer)
        this.changes.off('change', onChange)
        resolve(value)
      }
      const onChange = (): void => {
        if (ready()) finish(true)
        else if (this.endedAt !== undefined) finish(ready())
      }
      const timer = setTimeout(() => finish(ready()), timeoutMs)
      this.changes.on('change', onChange)
      if (this.endedAt !== undefined) onChange()
    })
  }

  /** Writes bytes as they are; records their first line. */
  write(data: string | Buffer, label?: string): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data
    const line = label ?? firstLine(bytes)
    const method = /^([A-Z]+) /.exec(line)
    if (method?.[1]) this.lastMethod = method[1]
    this.events.push({ kind: 'sent', what: line })
    if (!this.socket.destroyed) this.socket.write(bytes)
  }

  /** Writes `METHOD PATH VERSION`, the headers in the given order, a blank line and the body. */
  request(method: string, path: string, options: RequestOptions = {}): void {
    const head = [`${method} ${path} ${options.version ?? 'HTTP/1.1'}`, ...(options.headers ?? []).map(([k, v]) => `${k}: ${v}`)]
    const body = typeof options.body === 'string' ? Buffer.from(options.body, 'latin1') : (options.body ?? Buffer.alloc(0))
    this.write(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]))
  }

  /** A GET with `Host: 127.0.0.1:PORT` and the given headers, then its response. */
  async get(path: string, headers: HeaderList = [], version = 'HTTP/1.1'): Promise<ResponseMessage | undefined> {
    this.request('GET', path, { version, headers: [['Host', `127.0.0.1:${this.port}`], ...headers] })
    return this.response()
  }

  /** Writes a WebSocket handshake (fixed Sec-WebSocket-Key) and reads the answer. */
  async handshake(path = '/ws', options: HandshakeOptions = {}): Promise<ResponseMessage | undefined> {
    const headers: [string, string][] = []
    const host = options.host === undefined ? `127.0.0.1:${this.port}` : options.host
    if (host !== null) headers.push(['Host', host])
    if (options.upgrade !== null) headers.push(['Upgrade', options.upgrade ?? 'websocket'])
    if (options.connection !== null) headers.push(['Connection', options.connection ?? 'Upgrade'])
    headers.push(['Sec-WebSocket-Key', FIXED_WS_KEY], ['Sec-WebSocket-Version', options.wsVersion ?? '13'])
    headers.push(...(options.headers ?? []).map(([k, v]) => [k, v] as [string, string]))
    this.request('GET', path, { version: options.version, headers })
    return this.response(options.timeoutMs)
  }

  /** Reads one response (1xx included) and records it; undefined (recorded) when none came. */
  async response(timeoutMs = DEFAULT_WAIT_MS): Promise<ResponseMessage | undefined> {
    const start = performance.now()
    const gotHead = await this.waitUntil(() => this.buf.indexOf('\r\n\r\n') >= 0, timeoutMs)
    if (!gotHead) {
      this.noteMissing('a response', timeoutMs)
      return undefined
    }
    const headEnd = this.buf.indexOf('\r\n\r\n')
    const lines = this.buf.subarray(0, headEnd).toString('latin1').split('\r\n')
    const statusLine = lines[0] ?? ''
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1] ?? 0)
    const headers = lines.slice(1).map((l): [string, string] => {
      const colon = l.indexOf(':')
      return colon < 0 ? [l, ''] : [l.slice(0, colon), l.slice(colon + 1).trim()]
    })
    const rawHeaders = lines.slice(1)
    const get = (name: string): string | undefined => headers.find(([k]) => k.toLowerCase() === name)?.[1]
    const bodyStart = headEnd + 4
    let framing: string
    let body: Buffer = Buffer.alloc(0)
    let end = bodyStart
    const remaining = Math.max(1, timeoutMs - (performance.now() - start))
    if ((status >= 100 && status < 200) || status === 204 || status === 304 || this.lastMethod === 'HEAD') {
      framing = 'none'
    } else if (/chunked/i.test(get('transfer-encoding') ?? '')) {
      await this.waitUntil(() => parseChunked(this.buf, bodyStart) !== undefined, remaining)
      const result = parseChunked(this.buf, bodyStart)
      if (result) {
        body = result.body
        end = result.end
        framing = 'chunked'
      } else {
        body = this.buf.subarray(bodyStart)
        end = this.buf.length
        framing = 'chunked, incomplete'
      }
    } else if (get('content-length') !== undefined) {
      const length = Number(get('content-length'))
      await this.waitUntil(() => this.pending() >= bodyStart + length, remaining)
      end = Math.min(this.buf.length, bodyStart + length)
      body = this.buf.subarray(bodyStart, end)
      framing = body.length === length ? `length ${length}` : `length ${length}, got ${body.length}`
    } else {
      const closed = await this.waitUntil(() => this.endedAt !== undefined, remaining)
      end = this.buf.length
      body = this.buf.subarray(bodyStart)
      framing = closed ? 'until close' : 'until close, still open'
    }
    const message: ResponseMessage = { statusLine, status, headers, body: Buffer.from(body), framing }
    this.events.push({ kind: 'response', at: this.since(this.arrivalOf(Math.max(0, end - 1))), statusLine, headers: rawHeaders, body: describeBody(message.body), framing })
    this.consume(end)
    return message
  }

  /** Reads responses until a final (non-1xx) one. */
  async finalResponse(timeoutMs = DEFAULT_WAIT_MS): Promise<ResponseMessage | undefined> {
    for (let i = 0; i < 5; i++) {
      const r = await this.response(timeoutMs)
      if (!r || r.status >= 200 || r.status === 101) return r
    }
    return undefined
  }

  private noteMissing(what: string, timeoutMs: number): void {
    if (this.endedAt !== undefined) this.noteClosed()
    else this.events.push({ kind: 'timeout', waitingFor: what, after: roundHalf(timeoutMs / 1000) })
  }

  private noteClosed(): void {
    const already = this.events.some((e) => e.kind === 'closed')
    if (!already && this.endedAt !== undefined) {
      if (this.buf.length > 0) {
        this.events.push({ kind: 'raw', at: this.since(this.arrivalOf(this.buf.length - 1)), data: describeBody(this.buf) })
        this.consume(this.buf.length)
      }
      this.events.push({ kind: 'closed', at: this.since(this.endedAt), how: this.endedHow })
    }
  }

  /** Sends one frame (masked with the fixed key unless told). */
  sendFrame(spec: FrameSpec): void {
    const payload = typeof spec.payload === 'string' ? Buffer.from(spec.payload, 'utf8') : (spec.payload ?? Buffer.alloc(0))
    const opcode = typeof spec.opcode === 'number' ? spec.opcode : OPCODES[spec.opcode]
    const mask = spec.mask ?? true
    const line = describeFrame({ fin: spec.fin ?? true, rsv: spec.rsv ?? 0, opcode, masked: mask, payload, wireLength: 0 })
    this.write(encodeFrame({ ...spec, payload }), line)
  }

  sendText(text: string): void {
    this.sendFrame({ opcode: 'text', payload: text })
  }

  sendBinary(data: Buffer): void {
    this.sendFrame({ opcode: 'binary', payload: data })
  }

  ping(data = ''): void {
    this.sendFrame({ opcode: 'ping', payload: data })
  }

  pong(data = ''): void {
    this.sendFrame({ opcode: 'pong', payload: data })
  }

  sendClose(code?: number, reason = ''): void {
    this.sendFrame({ opcode: 'close', payload: closePayload(code, reason) })
  }

  /** Reads one frame and records it; undefined (recorded) when none came. */
  async frame(timeoutMs = DEFAULT_WAIT_MS): Promise<ParsedFrame | undefined> {
    const got = await this.waitUntil(() => parseFrame(this.buf) !== undefined, timeoutMs)
    const frame = got ? parseFrame(this.buf) : undefined
    if (!frame) {
      this.noteMissing('a frame', timeoutMs)
      return undefined
    }
    this.consume(frame.wireLength)
    this.events.push({ kind: 'frame', line: describeFrame(frame) })
    return frame
  }

  /** Reads frames until one with FIN of a data opcode or a control frame; returns the data message. */
  async frames(count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<ParsedFrame[]> {
    const out: ParsedFrame[] = []
    for (let i = 0; i < count; i++) {
      const f = await this.frame(timeoutMs)
      if (!f) break
      out.push(f)
    }
    return out
  }

  /**
   * Waits for the proxy to close the connection; records when (or that it stayed open). With
   * `discardData`, bytes received meanwhile are dropped unrecorded (their amount may depend on
   * socket buffer sizes).
   */
  async closedWithin(timeoutMs: number, options: { discardData?: boolean } = {}): Promise<boolean> {
    const closed = await this.waitUntil(() => this.endedAt !== undefined, timeoutMs)
    if (options.discardData) this.consume(this.pending())
    if (closed) this.noteClosed()
    else this.events.push({ kind: 'open', after: roundHalf(timeoutMs / 1000) })
    return closed
  }

  /** Reads whatever bytes arrive until the proxy closes or `timeoutMs` passes; records them raw. */
  async raw(timeoutMs: number, options: { untilBytes?: number } = {}): Promise<Buffer> {
    await this.waitUntil(() => this.endedAt !== undefined || (options.untilBytes !== undefined && this.pending() >= options.untilBytes), timeoutMs)
    const data = this.buf
    if (data.length > 0) this.events.push({ kind: 'raw', at: this.since(this.arrivalOf(data.length - 1)), data: describeBody(data) })
    this.consume(data.length)
    if (this.endedAt !== undefined) this.noteClosed()
    return data
  }

  /** Bytes received and not consumed yet. */
  pending(): number {
    return this.received - this.consumed
  }

  /** Drops everything received so far without recording it (counted). */
  discard(): number {
    const n = this.pending()
    this.consume(n)
    return n
  }

  pauseReading(): void {
    this.socket.pause()
  }

  resumeReading(): void {
    this.socket.resume()
  }

  /** Half-closes (FIN) without waiting. */
  end(): void {
    this.events.push({ kind: 'sent', what: '(FIN)' })
    this.socket.end()
  }

  /** Closes the socket at once (FIN, or RST if unread data is pending in the kernel). */
  drop(): void {
    this.events.push({ kind: 'sent', what: '(close)' })
    this.selfClosed = true
    this.socket.destroy()
  }

  /** Closes with RST. */
  reset(): void {
    this.events.push({ kind: 'sent', what: '(RST)' })
    this.selfClosed = true
    this.socket.resetAndDestroy()
  }

  /**
   * End of scenario (not recorded): half-close, wait for the proxy to close its side (bounded),
   * then destroy. A proxy that has written its logs before closing has them on disk then.
   */
  async finish(): Promise<void> {
    if (!this.socket.destroyed && this.endedAt === undefined) {
      this.socket.resume()
      this.socket.end()
      await this.waitUntil(() => this.endedAt !== undefined, FINISH_TIMEOUT_MS)
    }
    this.socket.destroy()
  }
}

export { OPCODES }
