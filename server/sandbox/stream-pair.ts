/**
 * Two connected in-memory streams that behave like the two ends of a TCP connection, for the
 * lab's virtual network: bytes written on one end are read on the other, in order, on a later
 * tick (never inside the writer's call); a reader that stops reading holds the writer's write
 * callback (backpressure, no unbounded buffering); end() is a FIN, destroy() is a close that
 * the other end sees as an end of stream. Each end has the few socket methods that Node's
 * http.Server and `ws` call (setTimeout, setNoDelay, setKeepAlive, addresses).
 *
 * Hand-written: Node 20 has no public duplex pair (stream.duplexPair arrived in Node 22), and
 * the small npm ones have neither backpressure nor these socket methods.
 */
import { Duplex } from 'node:stream'

export interface EndAddresses {
  remoteAddress: string
  remotePort: number
  localAddress: string
  localPort: number
}

/**
 * Runs the work a delivery causes (the reader's whole reaction to new bytes). The lab passes its
 * session's guard, so whatever a visitor's bytes set off is contained to that session.
 */
export type Guard = (work: () => void) => void

const unguarded: Guard = (work) => work()

export class PairEnd extends Duplex {
  peer!: PairEnd
  remoteAddress: string
  remotePort: number
  localAddress: string
  localPort: number
  /** The writer's callback, held while this end's reader is full. */
  private held: (() => void) | null = null
  private idleMs = 0
  private idleTimer: NodeJS.Timeout | null = null
  /** Bytes on their way to this end's reader (null: the end of the stream). */
  private inbox: Array<Buffer | null> = []
  private inboxBytes = 0
  private eofDelivered = false

  constructor(
    addresses: EndAddresses,
    private readonly guard: Guard = unguarded,
  ) {
    super({ allowHalfOpen: true })
    this.remoteAddress = addresses.remoteAddress
    this.remotePort = addresses.remotePort
    this.localAddress = addresses.localAddress
    this.localPort = addresses.localPort
  }

  /**
   * Like write(2) on a socket: the bytes are handed over at once (a destroy() right after a
   * write() does not lose them) and read by the peer on a later tick; the write completes
   * while the peer's backlog is small, else when its reader asks for more.
   */
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const peer = this.peer
    this.touch()
    peer.deliver(chunk)
    if (peer.readableLength + peer.inboxBytes < peer.readableHighWaterMark) done()
    else peer.held = () => done()
  }

  override _read(): void {
    const held = this.held
    this.held = null
    held?.()
  }

  override _final(done: (error?: Error | null) => void): void {
    this.peer.deliver(null)
    done()
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.clearIdle()
    const held = this.held
    this.held = null
    held?.()
    // The other end reads what was written, then an end of stream, as after close(2).
    this.peer.deliver(null)
    done(error)
  }

  private deliver(chunk: Buffer | null): void {
    if (this.destroyed || this.eofDelivered) return
    if (chunk === null) this.eofDelivered = true
    if (this.inbox.length === 0) process.nextTick(() => this.guard(() => this.flushInbox()))
    this.inbox.push(chunk)
    if (chunk) this.inboxBytes += chunk.length
  }

  private flushInbox(): void {
    const chunks = this.inbox
    this.inbox = []
    this.inboxBytes = 0
    for (const chunk of chunks) {
      if (this.destroyed) return
      if (chunk) this.touch()
      this.push(chunk)
    }
  }

  /** net.Socket#setTimeout: 'timeout' after `ms` without traffic (0 turns it off). */
  setTimeout(ms: number, onTimeout?: () => void): this {
    this.idleMs = ms
    if (onTimeout) this.once('timeout', onTimeout)
    this.touch()
    return this
  }

  setNoDelay(): this {
    return this
  }

  setKeepAlive(): this {
    return this
  }

  address(): { address: string; port: number; family: string } {
    return { address: this.localAddress, port: this.localPort, family: this.localAddress.includes(':') ? 'IPv6' : 'IPv4' }
  }

  private touch(): void {
    if (this.idleMs <= 0 || this.destroyed) return this.clearIdle()
    if (this.idleTimer) this.idleTimer.refresh()
    else {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null
        this.emit('timeout')
      }, this.idleMs)
      this.idleTimer.unref()
    }
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
  }
}

export interface Endpoint {
  address: string
  port: number
}

/** A connection from `from` to `to`: `client` is the connecting end, `server` the accepting one. */
export function streamPair(from: Endpoint, to: Endpoint, guard?: Guard): { client: PairEnd; server: PairEnd } {
  const client = new PairEnd({ localAddress: from.address, localPort: from.port, remoteAddress: to.address, remotePort: to.port }, guard)
  const server = new PairEnd({ localAddress: to.address, localPort: to.port, remoteAddress: from.address, remotePort: from.port }, guard)
  client.peer = server
  server.peer = client
  return { client, server }
}
