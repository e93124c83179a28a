/**
 * A recording upstream: a raw TCP server on 127.0.0.1 that records the exact request heads it
 * receives (request line and header lines in order, as bytes on the wire), one record per TCP
 * connection, and answers each request by script:
 *
 * - `auto` (the default): a request with an Upgrade header goes to a real `ws` WebSocketServer
 *   (noServer + handleUpgrade); any other request gets a plain 200 naming the upstream;
 * - `ws`: always hand over to `ws` (which answers 400/405/426-style errors itself);
 * - `http`: a scripted answer (status, headers, body framing, delay, connection handling);
 * - `raw`: exact bytes (garbage, an unsolicited 101 …), optionally then close;
 * - `close`: close without answering; `silent`: never answer.
 *
 * In strict mode (RFC 6455, the lab's default backends) an upgrade request below HTTP/1.1 gets a
 * 400 before `ws` sees it; lenient mode is a bare `ws` server, which does not check the version.
 * Once upgraded, the `ws` side echoes by default, or follows a behaviour (silent, timed sends,
 * closes with a code, dropping TCP, not reading).
 */
import { createServer, type Server, type Socket } from 'node:net'
import type { IncomingMessage } from 'node:http'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { describeBody, parseChunked, type HeaderList } from './client.ts'
import { describePayload } from './frames.ts'
import { roundHalf, type UpstreamConnectionRecord, type UpstreamEvent, type UpstreamRecord } from './observation.ts'

export interface UpstreamRequest {
  line: string
  method: string
  target: string
  version: string
  headers: [string, string][]
  body: Buffer
  header(name: string): string | undefined
}

export interface AnswerInfo {
  /** The upstream's token (UP1 …). */
  upstream: string
  /** 1-based count of requests this upstream received. */
  seq: number
  /** 1-based index of the TCP connection on this upstream. */
  connection: number
  /** 1-based index of the request on its connection. */
  onConnection: number
}

export interface HttpAnswer {
  kind: 'http'
  status?: number
  reason?: string
  /** Headers before the framing and connection headers. */
  headers?: HeaderList
  /** Headers after them. */
  after?: HeaderList
  body?: string | Buffer
  /** `length` (Content-Length, the default), `chunked`, or `none` (close-delimited). */
  framing?: 'length' | 'chunked' | 'none'
  /** `auto` (keep-alive for HTTP/1.1 unless the request said close), `close`, `keep-alive`, `omit`. */
  connection?: 'auto' | 'close' | 'keep-alive' | 'omit'
  delayMs?: number
}

export type UpstreamAnswer =
  | { kind: 'auto' }
  | { kind: 'ws'; behaviour?: WsBehaviour }
  | HttpAnswer
  | { kind: 'raw'; data: string | Buffer; delayMs?: number; close?: boolean; closeAfterMs?: number; then?: { afterMs: number; data: string | Buffer } }
  | { kind: 'close'; delayMs?: number }
  | { kind: 'silent' }

export interface WsControl {
  /** Runs `fn` after `ms` unless the connection closed. */
  after(ms: number, fn: () => void): void
  /** Runs `fn(i)` every `ms`, `count` times, while open. */
  every(ms: number, count: number, fn: (i: number) => void): void
  /** The TCP socket under the WebSocket. */
  socket: Socket
}

export type WsBehaviour = 'echo' | 'silent' | ((ws: WebSocket, ctl: WsControl) => void)

export interface UpstreamSpec {
  /** Token used in the config template: UP1, UP2 … */
  name: string
  /** `listen` (default), `closed` (nothing listens: connect refused), `hold` (connect never completes). */
  mode?: 'listen' | 'closed' | 'hold'
  /** 400 for an upgrade request below HTTP/1.1 (RFC 6455), before `ws` sees it. */
  strict?: boolean
  answer?: (req: UpstreamRequest, info: AnswerInfo) => UpstreamAnswer
  /** What the `ws` side does once upgraded (default: echo). */
  ws?: WsBehaviour
}

const MAX_HEAD = 64 * 1024

/** The plain 200 every upstream gives by default (24-byte body naming the upstream). */
export function plain200(upstream: string, extra: Partial<HttpAnswer> = {}): HttpAnswer {
  return {
    kind: 'http',
    status: 200,
    headers: [
      ['Server', 'test-upstream'],
      ['Date', 'Thu, 01 Jan 2026 00:00:00 GMT'],
      ['Content-Type', 'text/plain'],
    ],
    after: [['X-Upstream', upstream]],
    body: `hello from upstream ${upstream}\n`,
    ...extra,
  }
}

const STATUS_TEXT: Record<number, string> = {
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  426: 'Upgrade Required',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

function parseHead(buf: Buffer): { req: UpstreamRequest; rawHeaders: string[]; consumed: number } | 'incomplete' | 'garbage' {
  const headEnd = buf.indexOf('\r\n\r\n')
  if (headEnd < 0) return buf.length > MAX_HEAD ? 'garbage' : 'incomplete'
  const lines = buf.subarray(0, headEnd).toString('latin1').split('\r\n')
  const line = lines[0] ?? ''
  const m = /^(\S+) (\S+) (HTTP\/\d\.\d)$/.exec(line)
  const rawHeaders = lines.slice(1)
  const headers = rawHeaders.map((l): [string, string] => {
    const colon = l.indexOf(':')
    return colon < 0 ? [l, ''] : [l.slice(0, colon), l.slice(colon + 1).trim()]
  })
  const header = (name: string): string | undefined => headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]
  const start = headEnd + 4
  let body = Buffer.alloc(0)
  let consumed = start
  if (/chunked/i.test(header('transfer-encoding') ?? '')) {
    const parsed = parseChunked(buf, start)
    if (!parsed) return 'incomplete'
    body = Buffer.from(parsed.body)
    consumed = parsed.end
  } else if (header('content-length') !== undefined) {
    const length = Number(header('content-length'))
    if (buf.length < start + length) return 'incomplete'
    body = Buffer.from(buf.subarray(start, start + length))
    consumed = start + length
  }
  const req: UpstreamRequest = {
    line,
    method: m?.[1] ?? '',
    target: m?.[2] ?? '',
    version: m?.[3] ?? '',
    headers,
    body,
    header,
  }
  return { req, rawHeaders, consumed }
}

/** The `IncomingMessage` fields `ws`'s handleUpgrade reads, from a raw request. */
function fakeIncoming(req: UpstreamRequest, socket: Socket): IncomingMessage {
  const headers: Record<string, string> = {}
  for (const [k, v] of req.headers) {
    const key = k.toLowerCase()
    headers[key] = headers[key] === undefined ? v : `${headers[key]}, ${v}`
  }
  return { method: req.method, url: req.target, httpVersion: req.version.slice(5), headers, socket } as unknown as IncomingMessage
}

function describeMessage(data: RawData, isBinary: boolean): string {
  const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
  return `${isBinary ? 'binary' : 'text'} len=${buf.length} ${describePayload(buf, !isBinary)}`
}

export class RecordingUpstream {
  readonly spec: UpstreamSpec
  readonly port: number
  private readonly server: Server | undefined
  private readonly wss: WebSocketServer
  private readonly sockets = new Set<Socket>()
  private readonly connections: UpstreamConnectionRecord[] = []
  private frozen = false
  private seq = 0
  /** Connections with a request not answered yet, or an open WebSocket. */
  private busy = 0
  private readonly changeListeners = new Set<() => void>()

  private constructor(spec: UpstreamSpec, port: number, server: Server | undefined) {
    this.spec = spec
    this.port = port
    this.server = server
    this.wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: false, maxPayload: 256 * 1024 * 1024 })
    server?.on('connection', (socket) => this.onConnection(socket))
  }

  /** Starts listening on 127.0.0.1:port (unless the spec's mode says otherwise). */
  static async start(spec: UpstreamSpec, port: number): Promise<RecordingUpstream> {
    if (spec.mode === 'closed' || spec.mode === 'hold') return new RecordingUpstream(spec, port, undefined)
    const server = createServer({ allowHalfOpen: false })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
        server.off('error', reject)
        resolve()
      })
    })
    return new RecordingUpstream(spec, port, server)
  }

  private push(conn: UpstreamConnectionRecord, event: UpstreamEvent): void {
    if (!this.frozen) conn.events.push(event)
  }

  private changed(): void {
    for (const l of this.changeListeners) l()
  }

  private setBusy(delta: number): void {
    this.busy += delta
    this.changed()
  }

  private onConnection(socket: Socket): void {
    this.sockets.add(socket)
    socket.setNoDelay(true)
    const conn: UpstreamConnectionRecord = { events: [] }
    if (!this.frozen) this.connections.push(conn)
    const connIndex = this.connections.length
    let buf = Buffer.alloc(0)
    let onConnection = 0
    let pendingSince: number | undefined
    let answering = false
    let handedOver = false
    const timers = new Set<NodeJS.Timeout>()

    const setPending = (since: number | undefined): void => {
      if (pendingSince === undefined && since !== undefined) this.setBusy(1)
      if (pendingSince !== undefined && since === undefined) this.setBusy(-1)
      pendingSince = since
    }

    const later = (ms: number, fn: () => void): void => {
      const t = setTimeout(() => {
        timers.delete(t)
        if (!socket.destroyed) fn()
      }, ms)
      timers.add(t)
    }

    const onData = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk])
      pump()
    }

    const pump = (): void => {
      while (!answering && !handedOver && !socket.destroyed) {
        if (buf.length > 0 && pendingSince === undefined) setPending(performance.now())
        const parsed = parseHead(buf)
        if (parsed === 'incomplete') return
        if (parsed === 'garbage') {
          this.push(conn, { kind: 'request', line: `(no request head in ${buf.length} bytes)`, headers: [], body: '' })
          buf = Buffer.alloc(0)
          return
        }
        buf = buf.subarray(parsed.consumed)
        onConnection++
        this.seq++
        this.push(conn, { kind: 'request', line: parsed.req.line, headers: parsed.rawHeaders, body: parsed.req.body.length ? describeBody(parsed.req.body) : '' })
        const info: AnswerInfo = { upstream: this.spec.name, seq: this.seq, connection: connIndex, onConnection }
        const answer = this.spec.answer?.(parsed.req, info) ?? { kind: 'auto' }
        handle(parsed.req, answer)
      }
    }

    const handle = (req: UpstreamRequest, answer: UpstreamAnswer): void => {
      const hasUpgrade = req.header('upgrade') !== undefined
      if (answer.kind === 'auto') {
        if (hasUpgrade) return handle(req, { kind: 'ws' })
        return handle(req, plain200(this.spec.name))
      }
      if (answer.kind === 'ws') {
        if (this.spec.strict && req.version !== 'HTTP/1.1') {
          const body = 'upgrade requires HTTP/1.1\n'
          return handle(req, {
            kind: 'http',
            status: 400,
            headers: [['Content-Type', 'text/plain']],
            body,
            connection: 'close',
          })
        }
        this.push(conn, { kind: 'answer', what: 'handed to ws' })
        setPending(undefined)
        handedOver = true
        socket.off('data', onData)
        const head = buf
        buf = Buffer.alloc(0)
        this.wss.handleUpgrade(fakeIncoming(req, socket), socket, head, (ws) => {
          this.onWebSocket(ws, socket, conn, answer.behaviour ?? this.spec.ws ?? 'echo')
        })
        return
      }
      if (answer.kind === 'silent') {
        this.push(conn, { kind: 'answer', what: 'silent' })
        answering = true
        return
      }
      if (answer.kind === 'close') {
        this.push(conn, { kind: 'answer', what: `close without answering${answer.delayMs ? ` after ${answer.delayMs} ms` : ''}` })
        answering = true
        const close = (): void => {
          setPending(undefined)
          socket.end()
        }
        if (answer.delayMs) later(answer.delayMs, close)
        else close()
        return
      }
      if (answer.kind === 'raw') {
        const data = typeof answer.data === 'string' ? Buffer.from(answer.data, 'latin1') : answer.data
        const then = answer.then
        const more = then ? (typeof then.data === 'string' ? Buffer.from(then.data, 'latin1') : then.data) : null
        this.push(conn, { kind: 'answer', what: `raw ${describeBody(data)}${answer.delayMs ? ` after ${answer.delayMs} ms` : ''}${then && more ? `, then ${describeBody(more)} after ${then.afterMs} ms` : ''}${answer.close ? ', then close' : ''}${answer.closeAfterMs !== undefined ? `, close after ${answer.closeAfterMs} ms` : ''}` })
        answering = true
        const send = (): void => {
          setPending(undefined)
          socket.write(data)
          if (then && more) later(then.afterMs, () => socket.write(more))
          if (answer.close) socket.end()
          else if (answer.closeAfterMs !== undefined) later(answer.closeAfterMs, () => socket.end())
        }
        if (answer.delayMs) later(answer.delayMs, send)
        else send()
        return
      }
      // http
      const status = answer.status ?? 200
      const keepAlive =
        answer.connection === 'keep-alive' ||
        (answer.connection !== 'close' && req.version === 'HTTP/1.1' && !/close/i.test(req.header('connection') ?? ''))
      const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'latin1') : (answer.body ?? Buffer.alloc(0))
      const lines = [`HTTP/1.1 ${status} ${answer.reason ?? STATUS_TEXT[status] ?? 'Status'}`, ...(answer.headers ?? []).map(([k, v]) => `${k}: ${v}`)]
      const framing = answer.framing ?? 'length'
      if (framing === 'length') lines.push(`Content-Length: ${body.length}`)
      if (framing === 'chunked') lines.push('Transfer-Encoding: chunked')
      if (answer.connection !== 'omit') {
        lines.push(`Connection: ${keepAlive ? 'keep-alive' : 'close'}`)
        if (keepAlive) lines.push('Keep-Alive: timeout=5')
      }
      lines.push(...(answer.after ?? []).map(([k, v]) => `${k}: ${v}`))
      let payload = body
      if (framing === 'chunked') {
        const half = Math.ceil(body.length / 2)
        const chunks = [body.subarray(0, half), body.subarray(half)].filter((c) => c.length > 0)
        payload = Buffer.concat([...chunks.flatMap((c) => [Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n')]), Buffer.from('0\r\n\r\n')])
      }
      const closeAfter = !keepAlive || framing === 'none'
      this.push(conn, { kind: 'answer', what: `${status} ${framing}${body.length ? ` (${body.length} bytes)` : ''}${answer.delayMs ? ` after ${answer.delayMs} ms` : ''}${closeAfter ? ', then close' : ''}` })
      answering = true
      const send = (): void => {
        setPending(undefined)
        socket.write(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]))
        if (closeAfter) {
          socket.end()
          return
        }
        answering = false
        pump()
      }
      if (answer.delayMs) later(answer.delayMs, send)
      else send()
    }

    socket.on('data', onData)
    socket.on('error', () => undefined)
    socket.on('close', () => {
      for (const t of timers) clearTimeout(t)
      if (pendingSince !== undefined) {
        this.push(conn, { kind: 'abandoned', at: roundHalf((performance.now() - pendingSince) / 1000) })
        setPending(undefined)
      }
      this.sockets.delete(socket)
      this.changed()
    })
  }

  private onWebSocket(ws: WebSocket, socket: Socket, conn: UpstreamConnectionRecord, behaviour: WsBehaviour): void {
    const opened = performance.now()
    const timers = new Set<NodeJS.Timeout>()
    this.setBusy(1)
    this.push(conn, { kind: 'ws-open', protocol: ws.protocol })
    ws.on('message', (data, isBinary) => this.push(conn, { kind: 'ws-message', line: describeMessage(data, isBinary) }))
    ws.on('ping', (data) => this.push(conn, { kind: 'ws-ping', line: describePayload(data, true) }))
    ws.on('pong', (data) => this.push(conn, { kind: 'ws-pong', line: describePayload(data, true) }))
    ws.on('error', () => undefined)
    ws.on('close', (code, reason) => {
      for (const t of timers) clearTimeout(t)
      this.push(conn, { kind: 'ws-close', code, reason: reason.toString('utf8'), at: roundHalf((performance.now() - opened) / 1000) })
      this.setBusy(-1)
    })
    const ctl: WsControl = {
      socket,
      after: (ms, fn) => {
        const t = setTimeout(() => {
          timers.delete(t)
          if (ws.readyState === ws.OPEN) fn()
        }, ms)
        timers.add(t)
      },
      every: (ms, count, fn) => {
        for (let i = 1; i <= count; i++) ctl.after(ms * i, () => fn(i))
      },
    }
    if (behaviour === 'echo') {
      ws.on('message', (data, isBinary) => {
        if (ws.readyState === ws.OPEN) ws.send(data, { binary: isBinary })
      })
    } else if (typeof behaviour === 'function') {
      behaviour(ws, ctl)
    }
  }

  /**
   * Resolves when no connection has an unanswered request or an open WebSocket (idle kept-alive
   * connections may stay open), or after `timeoutMs`.
   */
  settled(timeoutMs: number): Promise<boolean> {
    if (this.busy <= 0) return Promise.resolve(true)
    return new Promise((resolve) => {
      const done = (value: boolean): void => {
        clearTimeout(timer)
        this.changeListeners.delete(check)
        resolve(value)
      }
      const check = (): void => {
        if (this.busy <= 0) done(true)
      }
      const timer = setTimeout(() => done(false), timeoutMs)
      this.changeListeners.add(check)
    })
  }

  /** Stops recording and returns what was recorded. */
  freeze(): UpstreamRecord {
    this.frozen = true
    return { name: this.spec.name, connections: this.connections.map((c) => ({ events: [...c.events] })) }
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    if (this.server) await new Promise<void>((resolve) => this.server?.close(() => resolve()))
    this.wss.close()
  }
}
