/**
 * How the runtime listens and connects. `upgrade-lab serve` gives it the real network; the
 * lab gives it a virtual one where no socket the config names is ever opened (DESIGN.md).
 */
import { createServer as createNetServer, connect as netConnect, type Socket } from 'node:net'
import { createServer as createTlsServer, type TLSSocket } from 'node:tls'
import type { Duplex } from 'node:stream'

export interface ConnectionInfo {
  remoteAddress: string
  remotePort: number
  localAddress: string
  localPort: number
  tls: boolean
}

export interface ListenSpec {
  host: string
  port: number
  ipv6: boolean
  /** Certificate and key (PEM) for `listen … ssl`. */
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

/** The machine's own network. */
export function realNetwork(): ProxyNetwork {
  return {
    listen(spec, onConnection) {
      return new Promise((resolve, reject) => {
        const handle = (socket: Socket | TLSSocket, tls: boolean): void => {
          socket.setNoDelay(true)
          onConnection(socket, {
            remoteAddress: stripV4Mapped(socket.remoteAddress),
            remotePort: socket.remotePort ?? 0,
            localAddress: stripV4Mapped(socket.localAddress),
            localPort: socket.localPort ?? spec.port,
            tls,
          })
        }
        const server = spec.tls
          ? createTlsServer({ cert: spec.tls.cert, key: spec.tls.key, allowHalfOpen: true }, (s) => handle(s, true))
          : createNetServer({ allowHalfOpen: true }, (s) => handle(s, false))
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
