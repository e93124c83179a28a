/**
 * The lab's network (docs/architecture.md "The virtual network"): a ProxyNetwork on which no socket the
 * user's config names is ever opened. `listen` registers a virtual port of the session; `connect`
 * reaches one of the session's sample backends through an in-memory stream pair, or fails as a
 * closed port does (ECONNREFUSED, so nginx's 502 and error_log line follow); the documentation
 * range 192.0.2.0/24 (TEST-NET-1) never answers, so proxy_connect_timeout can be watched.
 * Virtual clients come in through `dial`, with their own (documentation-range) addresses.
 */
import type { Duplex } from 'node:stream'
import type { ConnectionInfo, Listener, ListenSpec, ProxyNetwork, Stream } from '../proxy/network.ts'
import { streamPair, type Guard, type PairEnd } from './stream-pair.ts'

/** Something that accepts connections at a virtual address (a sample chat server). */
export interface VirtualBackend {
  accept(stream: Duplex): void
  readonly isRunning: boolean
}

/** The address the proxy has on the virtual network, and where `listen 8020` is reached. */
export const PROXY_ADDRESS = '127.0.0.1'

/** Connects to these never complete: nothing answers there (RFC 5737 TEST-NET-1). */
export function neverAnswers(host: string): boolean {
  return host.startsWith('192.0.2.')
}

export interface DialOptions {
  port: number
  client: { address: string; port: number }
  /** Whether the client speaks TLS (a wss:// client); plain bytes to an ssl port get nginx's 400. */
  tls?: boolean
}

interface VirtualListener {
  spec: ListenSpec
  onConnection: (stream: Stream, info: ConnectionInfo) => void
}

export class VirtualNetwork implements ProxyNetwork {
  private readonly listeners = new Map<number, VirtualListener[]>()
  private nextEphemeralPort = 40000
  /** Connections made on this network and not yet closed (both ends count once). */
  private readonly open = new Set<PairEnd>()

  constructor(
    private readonly backendAt: (host: string, port: number) => VirtualBackend | undefined,
    /** Runs everything bytes on this network set off (the session's containment). */
    private readonly guard?: Guard,
  ) {}

  listen(spec: ListenSpec, onConnection: (stream: Stream, info: ConnectionInfo) => void): Promise<Listener> {
    const entry: VirtualListener = { spec, onConnection }
    const list = this.listeners.get(spec.port) ?? []
    list.push(entry)
    this.listeners.set(spec.port, list)
    return Promise.resolve({
      close: async () => {
        const now = this.listeners.get(spec.port) ?? []
        const rest = now.filter((l) => l !== entry)
        if (rest.length) this.listeners.set(spec.port, rest)
        else this.listeners.delete(spec.port)
      },
    })
  }

  connect(host: string, port: number): Stream {
    const { client, server } = streamPair({ address: PROXY_ADDRESS, port: this.ephemeralPort() }, { address: host, port }, this.guard)
    this.track(client)
    const backend = this.backendAt(host, port)
    if (neverAnswers(host)) return client
    const guard = this.guard ?? ((work: () => void) => work())
    process.nextTick(() => guard(() => {
      if (client.destroyed) return
      if (!backend || !backend.isRunning) {
        const error = Object.assign(new Error(`connect ECONNREFUSED ${host}:${port}`), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' })
        client.destroy(error)
        return
      }
      backend.accept(server)
      client.emit('connect')
    }))
    return client
  }

  /** The ports something listens on, in order. */
  get ports(): number[] {
    return [...this.listeners.keys()].sort((a, b) => a - b)
  }

  isSslPort(port: number): boolean {
    return this.listeners.get(port)?.some((l) => l.spec.ssl) ?? false
  }

  /**
   * A virtual client's connection to a listening port: returns the client's end, or null when
   * nothing listens there (the caller answers as a refused connection).
   */
  dial(options: DialOptions): PairEnd | null {
    const list = this.listeners.get(options.port)
    if (!list?.length) return null
    // An exact address wins over a wildcard, as the kernel would route it.
    const listener = list.find((l) => !l.spec.wildcard) ?? list[0]
    const local = listener.spec.wildcard ? PROXY_ADDRESS : listener.spec.host
    const { client, server } = streamPair(options.client, { address: local, port: options.port }, this.guard)
    this.track(client)
    const sslPort = listener.spec.ssl
    listener.onConnection(server, {
      remoteAddress: options.client.address,
      remotePort: options.client.port,
      localAddress: local,
      localPort: options.port,
      tls: sslPort && options.tls !== false,
      sslPort,
    })
    return client
  }

  /** Connections still open on this network. */
  get openConnections(): number {
    return this.open.size
  }

  /** Closes every connection (the session is going away). */
  destroyAll(): void {
    for (const end of this.open) {
      end.destroy()
      end.peer.destroy()
    }
    this.open.clear()
  }

  ephemeralPort(): number {
    const port = this.nextEphemeralPort
    this.nextEphemeralPort = port >= 60999 ? 40000 : port + 1
    return port
  }

  private track(end: PairEnd): void {
    this.open.add(end)
    const forget = (): void => {
      if (end.destroyed && end.peer.destroyed) this.open.delete(end)
    }
    end.on('close', forget)
    end.peer.on('close', forget)
  }
}
