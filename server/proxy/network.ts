/**
 * How the runtime listens and connects. `upgrade-lab serve` gives it the real network; the
 * lab gives it a virtual one where no socket the config names is ever opened (docs/architecture.md "The virtual network").
 */
import { createServer as createNetServer, connect as netConnect, type Socket } from 'node:net'
import { createSecureContext, TLSSocket } from 'node:tls'
import { Duplex } from 'node:stream'
import type { ServerFacts } from './request-state.ts'

export interface ConnectionInfo {
  remoteAddress: string
  remotePort: number
  localAddress: string
  localPort: number
  /** Whether the connection speaks TLS. */
  tls: boolean
  /** Whether it arrived on a `listen … ssl` port (a plain one there gets nginx's 497). */
  sslPort: boolean
  /** When the runtime accepted it (its clock), for $connection_time. */
  acceptedMs?: number
  /** The TLS socket, for $ssl_* (set by the runtime). */
  secure?: TLSSocket
  /** The runtime's facts for variables (set by the runtime). */
  server?: ServerFacts
}

export interface ListenSpec {
  host: string
  port: number
  ipv6: boolean
  /** `listen 8020` / `listen [::]:80`: every address of the machine. */
  wildcard: boolean
  /** `listen … ssl`. */
  ssl: boolean
  /** Certificate and key (PEM) for `listen … ssl`, on the real network. */
  tls: { cert: Buffer; key: Buffer } | null
}

export interface Listener {
  close(): Promise<void>
}

/** A stream to a client or an upstream, with the few socket operations the runtime uses. */
export type Stream = Duplex & { setNoDelay?: (noDelay?: boolean) => unknown }

export interface ProxyNetwork {
  listen(spec: ListenSpec, onConnection: (stream: Stream, info: ConnectionInfo) => void): Promise<Listener>
  /**
   * Opens a connection; the stream emits `connect` once established, or `error` with a code
   * (ECONNREFUSED, EHOSTUNREACH…) as a socket does.
   */
  connect(host: string, port: number): Stream
}

const stripV4Mapped = (address: string | undefined): string => (address ?? '').replace(/^::ffff:/, '')

/** The socket as a stream that first gives back the bytes already read from it. */
function replayed(socket: Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read: () => void socket.resume(),
    write: (chunk: Buffer, _encoding, done) => void socket.write(chunk, done),
    final: (done) => {
      socket.end()
      done()
    },
    destroy: (error, done) => {
      socket.destroy()
      done(error)
    },
  })
  duplex.push(first)
  socket.on('data', (chunk: Buffer) => {
    if (!duplex.push(chunk)) socket.pause()
  })
  socket.on('end', () => duplex.push(null))
  socket.on('close', () => duplex.destroy())
  socket.on('error', (error) => duplex.destroy(error))
  return duplex
}

/** The machine's own network. */
export function realNetwork(): ProxyNetwork {
  return {
    listen(spec, onConnection) {
      return new Promise((resolve, reject) => {
        const context = spec.tls ? createSecureContext({ cert: spec.tls.cert, key: spec.tls.key }) : null
        const info = (socket: Socket, tls: boolean): ConnectionInfo => ({
          remoteAddress: stripV4Mapped(socket.remoteAddress),
          remotePort: socket.remotePort ?? 0,
          localAddress: stripV4Mapped(socket.localAddress),
          localPort: socket.localPort ?? spec.port,
          tls,
          sslPort: context !== null,
        })
        const server = createNetServer({ allowHalfOpen: true, pauseOnConnect: context !== null }, (socket) => {
          socket.setNoDelay(true)
          if (!context) return onConnection(socket, info(socket, false))
          // nginx looks at the first byte: a TLS handshake starts with 0x16, anything else is
          // plain HTTP sent to an HTTPS port.
          socket.once('data', (first: Buffer) => {
            socket.pause()
            if (first[0] === 0x16) {
              const tls = new TLSSocket(replayed(socket, first), { isServer: true, secureContext: context, ALPNProtocols: ['http/1.1', 'http/1.0', 'http/0.9'] })
              tls.on('error', () => socket.destroy())
              onConnection(tls, info(socket, true))
            } else {
              socket.unshift(first)
              onConnection(socket, info(socket, false))
              socket.resume()
            }
          })
          socket.resume()
        })
        server.once('error', reject)
        server.listen({ host: spec.host, port: spec.port, ipv6Only: spec.ipv6 }, () => {
          server.off('error', reject)
          resolve({
            close: () =>
              new Promise<void>((done) => {
                server.close(() => done())
              }),
          })
        })
      })
    },
    connect(host, port) {
      const socket = netConnect({ host, port, allowHalfOpen: true })
      socket.setNoDelay(true)
      return socket
    },
  }
}
