/**
 * The sample chat server every lesson proxies to: a real `http.Server` + `ws`.
 *
 * - WebSocket chat at any path but /echo: rooms (`?room=`, default `lobby`), nicknames
 *   (`?nick=`, default `guest-N`), join/leave notices, broadcast to the room on this instance
 *   only. Every message is JSON and names the instance that served it, so load balancing shows:
 *   clients on instance A never see what is sent on instance B.
 * - WebSocket echo at /echo (every path with `echo: true`), word for word the seed's server.js:
 *   `Server received from client: <message>`.
 * - Plain HTTP: a small page at /, `GET /health` (JSON), 404 elsewhere; a WebSocket handshake
 *   that lost its `Upgrade`/`Connection` headers on the way gets 426, as a bare `ws` server gives.
 * - RFC 6455 strictly by default: an upgrade below HTTP/1.1 gets 400 `upgrade requires
 *   HTTP/1.1` (so nginx 1.22's default `proxy_http_version 1.0` fails here as it does in front of
 *   many real servers); `strict: false` accepts it, like a bare Node `ws` server.
 *
 * The lab hands it in-memory streams (`accept`); `upgrade-lab chat` listens on a real port.
 * Controls for the lab's fault lessons: stop (every connection cut, new ones refused by the
 * network), added latency, and not answering pings. A client more than 1 MiB behind in reading
 * is cut off.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'

export interface ChatServerOptions {
  /** The name each message carries (`A`, `B`… in the lab, the port on its own). */
  instance: string
  /** Refuse upgrades below HTTP/1.1 with 400 (default true). */
  strict?: boolean
  /** Echo on every path, like the seed's server.js. */
  echo?: boolean
  /** Largest message accepted (bytes); larger ones close the WebSocket with 1009. */
  maxMessageBytes?: number
  /** A line per connection, message and close, for `upgrade-lab chat`'s console. */
  log?: (line: string) => void
}

export type ChatMessage =
  | { type: 'welcome'; instance: string; room: string; nick: string; members: string[] }
  | { type: 'join' | 'leave'; instance: string; room: string; nick: string; time: number }
  | { type: 'message'; instance: string; room: string; nick: string; text: string; time: number }

interface Member {
  ws: WebSocket
  room: string
  nick: string
}

const DEFAULT_MAX_MESSAGE = 64 * 1024
/** A client this far behind in reading is cut off, so one slow reader cannot grow the server. */
const SLOW_READER_BYTES = 1024 * 1024
const STRICT_REFUSAL = 'upgrade requires HTTP/1.1\n'

export class ChatServer {
  readonly http: Server
  /** Added before every answer and message this instance sends (ms). */
  latencyMs = 0
  /** Whether pings get their pong (turned off to show proxy_read_timeout with idle clients). */
  answerPings = true
  /** Refuse upgrades below HTTP/1.1 (RFC 6455); false behaves like a bare Node `ws` server. */
  strict: boolean
  private readonly wss: WebSocketServer
  private readonly members = new Set<Member>()
  private readonly streams = new Set<Duplex>()
  private guests = 0
  private running = true

  constructor(readonly options: ChatServerOptions) {
    this.strict = options.strict !== false
    this.http = createServer((req, res) => this.answerHttp(req, res))
    this.wss = new WebSocketServer({
      noServer: true,
      autoPong: false,
      perMessageDeflate: false,
      maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE,
    })
    this.http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head))
    this.http.on('connection', (stream: Duplex) => {
      this.streams.add(stream)
      stream.once('close', () => this.streams.delete(stream))
    })
    // A broken client must not take the server down.
    this.http.on('clientError', (_error, socket: Duplex) => socket.destroy())
  }

  get isRunning(): boolean {
    return this.running
  }

  /** Open WebSockets on this instance. */
  get connectionCount(): number {
    return this.members.size
  }

  /** Serves one connection that arrived some other way (the lab's in-memory streams). */
  accept(stream: Duplex): void {
    this.http.emit('connection', stream)
  }

  /** Listens on a real port (`upgrade-lab chat`). */
  listen(port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject)
      this.http.listen(port, host, () => {
        this.http.off('error', reject)
        resolve()
      })
    })
  }

  /** Cuts every connection at once, as a killed process would (no close frames). */
  stop(): void {
    this.running = false
    for (const stream of this.streams) stream.destroy()
    this.members.clear()
  }

  start(): void {
    this.running = true
  }

  close(): Promise<void> {
    this.stop()
    this.wss.close()
    return new Promise((resolve) => (this.http.listening ? this.http.close(() => resolve()) : resolve()))
  }

  private later(fn: () => void): void {
    if (this.latencyMs > 0) setTimeout(fn, this.latencyMs).unref()
    else fn()
  }

  private answerHttp(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0]
    this.later(() => {
      if (req.headers['sec-websocket-key'] !== undefined) {
        // A handshake without Upgrade/Connection: what a bare ws server answers.
        const body = 'Upgrade Required'
        res.writeHead(426, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) })
        return res.end(body)
      }
      if (path === '/health') {
        const body = JSON.stringify({ status: 'ok', instance: this.options.instance, websockets: this.members.size })
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) })
        return res.end(body)
      }
      if (path === '/') {
        const body = `<!doctype html>\n<title>Upgrade Lab sample chat</title>\n<p>Sample chat server, instance ${escapeHtml(this.options.instance)}. Connect a WebSocket to /?room=lobby&amp;nick=you, or to /echo.</p>\n`
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) })
        return res.end(body)
      }
      const body = 'Not Found\n'
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) })
      res.end(body)
    })
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy())
    if (this.strict && req.httpVersion !== '1.1') {
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: ${STRICT_REFUSAL.length}\r\nConnection: close\r\n\r\n${STRICT_REFUSAL}`,
      )
      return
    }
    this.later(() => {
      if (socket.destroyed) return
      this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, req))
    })
  }

  private open(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://chat')
    const echo = this.options.echo === true || url.pathname === '/echo'
    ws.on('ping', (data) => {
      if (this.answerPings) ws.pong(data)
    })
    ws.on('error', () => ws.terminate())
    if (echo) {
      this.options.log?.(`echo connection from ${req.socket.remoteAddress ?? 'lab'}`)
      ws.on('message', (data: RawData, isBinary: boolean) => {
        const text = rawText(data)
        this.options.log?.(`Received from client: ${text}`)
        this.later(() => this.deliver(ws, isBinary ? data : `Server received from client: ${text}`, 'echo client'))
      })
      return
    }
    const member: Member = {
      ws,
      room: clean(url.searchParams.get('room')) || 'lobby',
      nick: clean(url.searchParams.get('nick')) || `guest-${++this.guests}`,
    }
    this.members.add(member)
    const instance = this.options.instance
    this.send(member, { type: 'welcome', instance, room: member.room, nick: member.nick, members: this.roomOf(member).map((m) => m.nick) })
    this.broadcast(member, { type: 'join', instance, room: member.room, nick: member.nick, time: Date.now() })
    this.options.log?.(`${member.nick} joined ${member.room}`)
    ws.on('message', (data: RawData) => {
      const text = rawText(data)
      this.broadcast(null, { type: 'message', instance, room: member.room, nick: member.nick, text, time: Date.now() }, member.room)
    })
    ws.on('close', () => {
      if (!this.members.delete(member)) return
      this.broadcast(member, { type: 'leave', instance, room: member.room, nick: member.nick, time: Date.now() })
      this.options.log?.(`${member.nick} left ${member.room}`)
    })
  }

  private roomOf(member: Member): Member[] {
    return [...this.members].filter((m) => m.room === member.room)
  }

  /** To everyone in the room on this instance (but `except`). */
  private broadcast(except: Member | null, message: ChatMessage, room = except?.room ?? ''): void {
    for (const m of this.members) if (m !== except && m.room === room) this.send(m, message)
  }

  private send(member: Member, message: ChatMessage): void {
    const text = JSON.stringify(message)
    this.later(() => this.deliver(member.ws, text, member.nick))
  }

  /** Sends unless the client is too far behind in reading, in which case it is cut off. */
  private deliver(ws: WebSocket, data: RawData | string, who: string): void {
    if (ws.readyState !== ws.OPEN) return
    if (ws.bufferedAmount > SLOW_READER_BYTES) {
      this.options.log?.(`${who} does not read: cut off`)
      return ws.terminate()
    }
    ws.send(data)
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data as ArrayBuffer).toString('utf8')
}

/** Room and nick names: short, printable. */
function clean(value: string | null): string {
  return (value ?? '').replace(/[^\p{L}\p{N}_.-]/gu, '').slice(0, 32)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
}
