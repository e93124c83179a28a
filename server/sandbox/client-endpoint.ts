/**
 * The client endpoint: a browser WebSocket reaches a session's proxy through the lab server's own
 * port. The browser connects to
 *
 *   /lab/<session>/<client>@<host>[:<port>]/<path>?<query>
 *
 * and the session's proxy receives, on virtual port <port> (default 80) from the client's virtual
 * address, the browser's own request with the lab prefix taken off the path and `Host:
 * <host>[:<port>]`, as if DNS pointed <host> at the proxy. The browser's headers pass in their
 * order, except those that would carry the visitor or the lab's infrastructure into the session
 * (Cookie, Forwarded, X-Forwarded-*, X-Real-IP). From then on bytes are copied both ways
 * unchanged, so the handshake answer (101 or nginx's error) and every frame are the proxy's.
 *
 * The client's frames (messages, pings, every one) are counted on the way (decoded beside the
 * bytes) against the session's limits; one over them ends the connection with a close frame
 * saying which limit.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { FrameDecoder } from '../proxy/frame-decoder.ts'
import { LimitError } from './limits.ts'
import type { SessionRegistry } from './sessions.ts'

const STRIPPED = new Set(['cookie', 'forwarded', 'x-real-ip'])
const isStripped = (name: string): boolean => STRIPPED.has(name) || name.startsWith('x-forwarded-')

export interface ClientTarget {
  session: string
  client: string
  host: string
  port: number
  /** The path and query the proxy sees. */
  uri: string
}

/** Reads `/lab/<session>/<client>@<host>[:<port>]/<rest>`; null when the URL is not one. */
export function parseClientUrl(url: string): ClientTarget | null {
  const m = /^\/lab\/([A-Za-z0-9_-]{10,64})\/([a-z]+)@([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\])(?::(\d{1,5}))?(\/[^#]*)?$/.exec(url)
  if (!m) return null
  const port = m[4] === undefined ? 80 : Number(m[4])
  if (port < 1 || port > 65535) return null
  let uri = m[5] ?? '/'
  if (uri.startsWith('/?')) uri = '/' + uri.slice(1)
  return { session: m[1], client: m[2], host: m[3], port, uri }
}

/** A minimal HTTP answer on the raw socket, for what fails before the proxy is reached. */
function refuse(socket: Duplex, status: number, reason: string, message: string): void {
  const body = message + '\n'
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
}

/** A WebSocket close frame (server to client, unmasked) with a code and a short reason. */
function closeFrame(code: number, reason: string): Buffer {
  const text = Buffer.from(reason.slice(0, 120), 'utf8')
  const frame = Buffer.alloc(4 + text.length)
  frame[0] = 0x88
  frame[1] = 2 + text.length
  frame.writeUInt16BE(code, 2)
  text.copy(frame, 4)
  return frame
}

/** Handles an `upgrade` the lab server received on /lab/…; the socket is the browser's. */
export function bridgeClient(sessions: SessionRegistry, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on('error', () => socket.destroy())
  const target = parseClientUrl(req.url ?? '')
  if (!target) return refuse(socket, 404, 'Not Found', 'expected /lab/<session>/<client>@<host>[:<port>]/<path>')
  const session = sessions.get(target.session)
  const stopReason = session ? undefined : sessions.stopReason(target.session)
  if (stopReason !== undefined) return refuse(socket, 410, 'Gone', `the lab stopped this session: ${stopReason}`)
  if (!session) return refuse(socket, 404, 'Not Found', 'no such session (it may have expired): start a new one')
  let upstream
  try {
    upstream = session.dial(target.port, target.client, session.network.isSslPort(target.port))
  } catch (error) {
    if (error instanceof LimitError) {
      sessions.recordLimitTrip(error.limit)
      return refuse(socket, 429, 'Too Many Requests', error.message)
    }
    if (error instanceof RangeError) return refuse(socket, 400, 'Bad Request', error.message)
    throw error
  }
  // Nothing listens on that virtual port: the browser sees what a refused connection gives it.
  if (!upstream) return void socket.destroy()
  const proxy = upstream

  const hostHeader = target.port === 80 ? target.host : `${target.host}:${target.port}`
  let text = `${req.method} ${target.uri} HTTP/${req.httpVersion}\r\n`
  const raw = req.rawHeaders
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase()
    if (isStripped(name)) continue
    text += `${raw[i]}: ${name === 'host' ? hostHeader : raw[i + 1]}\r\n`
  }
  session.guard(() => proxy.write(Buffer.from(text + '\r\n', 'latin1')))

  let stopped = false
  const stop = (): void => {
    if (stopped) return
    stopped = true
    socket.destroy()
    proxy.destroy()
  }
  const decoder = new FrameDecoder((frame) => {
    // Every frame counts, pings and other control frames too: 200,000 pings are work as well.
    if (stopped) return
    try {
      session.countMessage(frame.length)
    } catch (error) {
      if (!(error instanceof LimitError)) throw error
      sessions.recordLimitTrip(error.limit)
      stopped = true
      proxy.destroy()
      socket.end(closeFrame(error.limit === 'messageBytes' ? 1009 : 1008, error.message))
    }
  })
  const fromBrowser = (chunk: Buffer): void => {
    if (stopped) return
    decoder.push(chunk)
    if (stopped) return
    if (!proxy.write(chunk)) socket.pause()
  }
  proxy.on('drain', () => socket.resume())
  // The browser's bytes set off the session's work (the proxy, its backends): run it as the session.
  if (head.length) session.guard(() => fromBrowser(head))
  socket.on('data', (chunk: Buffer) => session.guard(() => fromBrowser(chunk)))
  proxy.on('data', (chunk: Buffer) => {
    if (!socket.write(chunk)) proxy.pause()
  })
  socket.on('drain', () => proxy.resume())
  proxy.on('end', () => socket.end())
  socket.on('end', () => proxy.end())
  proxy.on('close', stop)
  socket.on('close', stop)
  proxy.on('error', stop)
}
