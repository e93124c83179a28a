/**
 * A reconnecting reader of a session's event stream (`/api/sessions/<id>/events`,
 * docs/lab-api.md "Events"). It delivers every event once, in seq order: on an unexpected close
 * it reconnects with `?after=<the last seq it delivered>` after a backoff, drops any seq it has
 * already delivered, and reports the seqs the lab no longer kept (`events.lost`).
 *
 * A close that retrying cannot mend is the owner's to act on (state `gone`): the stream of a
 * session the lab stopped (1011), or an `after` the session says it never reached (1008: the
 * reader is reading another session than it thinks). The owner starts a new session.
 */
import type { StreamMessage } from '../../server/sandbox/event-stream.ts'
import type { NumberedEvent } from '../../server/sandbox/session.ts'

/** The part of a WebSocket this reader uses: the browser's, and the `ws` package's, have it. */
export interface EventSocket {
  addEventListener(type: 'open', listener: () => void): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void
  addEventListener(type: 'error', listener: () => void): void
  close(code?: number, reason?: string): void
}

export type EventSocketConstructor = new (url: string) => EventSocket

/** How a stream closed (a WebSocket close event's code and reason). */
export interface StreamClose {
  code: number
  reason: string
}

/** Where the reader is; the UI can say each (describeClose explains `close`). */
export type StreamState =
  | { state: 'connecting'; attempt: number }
  /** The lab said hello: `lastSeq` is its last event's seq when the stream (re)started. */
  | { state: 'open'; lastSeq: number }
  /**
   * The stream closed unexpectedly and is tried again after `delayMs`. `opened: false`: the
   * attempt never got through (the lab unreachable, or no such session: the owner can ask).
   */
  | { state: 'retrying'; attempt: number; delayMs: number; close: StreamClose; opened: boolean }
  /** close() was called, or the stream speaks a schema this reader does not know. */
  | { state: 'closed'; reason?: string }
  /** The session is gone for this reader (stopped by the lab, or not the session it thinks). */
  | { state: 'gone'; close: StreamClose }

/** A range of seqs (inclusive) that will never be delivered. */
export interface LostEvents {
  from: number
  to: number
}

export interface EventStreamOptions {
  /** The stream's URL, resuming after a seq when given (LabApi.eventsUrl bound to a session). */
  url: (after?: number) => string
  /** The WebSocket constructor (default: the browser's). */
  WebSocket?: EventSocketConstructor
  onEvent: (event: NumberedEvent) => void
  onLost?: (lost: LostEvents) => void
  onState?: (state: StreamState) => void
  /** Resume after this seq (an owner that already has events up to it); default: the whole kept history. */
  after?: number
  /** First and largest delay between attempts (ms): 250 doubling to 5000 by default. */
  initialDelayMs?: number
  maxDelayMs?: number
  /** For the jitter; Math.random by default. */
  random?: () => number
}

/** The stream schema this reader understands (event-stream.ts EVENT_STREAM_SCHEMA). */
const SCHEMA = 1

/** Reads one session's events until close(), or until the session is gone. */
export class EventStream {
  private readonly options: EventStreamOptions
  private readonly WebSocket: EventSocketConstructor
  private socket: EventSocket | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  /** The seq of the last event delivered (or accounted for as lost); undefined before any. */
  private last: number | undefined
  /** Failed attempts since the stream last opened. */
  private failures = 0
  private stopped = false
  /** The session's last event (`session.stopped`) was delivered: whatever close follows is its end. */
  private sessionStopped = false
  private current: StreamState = { state: 'connecting', attempt: 0 }

  constructor(options: EventStreamOptions) {
    const WebSocketClass = options.WebSocket ?? (globalThis as { WebSocket?: EventSocketConstructor }).WebSocket
    if (!WebSocketClass) throw new TypeError('no WebSocket here: pass one (the ws package’s, in Node)')
    this.options = options
    this.WebSocket = WebSocketClass
    this.last = options.after
    this.connect()
  }

  /** Where the reader is now. */
  get state(): StreamState {
    return this.current
  }

  /** The seq of the last event delivered (undefined before the first). */
  get lastSeq(): number | undefined {
    return this.last
  }

  /** Stops reading: closes the socket and cancels a pending reconnect. */
  close(): void {
    if (this.stopped) return
    this.stop({ state: 'closed' })
  }

  private connect(): void {
    this.timer = null
    this.setState({ state: 'connecting', attempt: this.failures })
    const socket = new this.WebSocket(this.options.url(this.last))
    this.socket = socket
    let opened = false
    // Every listener checks it is still the reader's socket: an old one's late events are ignored.
    const mine = (): boolean => this.socket === socket && !this.stopped
    socket.addEventListener('open', () => {
      opened = true
    })
    socket.addEventListener('message', (message) => {
      if (mine()) this.receive(message.data)
    })
    socket.addEventListener('close', (event) => {
      if (!mine()) return
      this.socket = null
      this.closed({ code: event.code, reason: event.reason }, opened)
    })
    // An error is followed by a close, which decides what happens next.
    socket.addEventListener('error', () => {})
  }

  private receive(data: unknown): void {
    let message: StreamMessage | NumberedEvent
    try {
      message = JSON.parse(String(data)) as StreamMessage | NumberedEvent
    } catch {
      // Not JSON: nothing this stream sends. Skipped rather than trusted.
      return
    }
    if (message.type === 'hello') {
      if (message.schema !== SCHEMA) return this.stop({ state: 'closed', reason: `the lab's event stream is schema ${String(message.schema)}; this page reads schema ${SCHEMA}: reload the page` })
      this.failures = 0
      return this.setState({ state: 'open', lastSeq: message.lastSeq })
    }
    if (message.type === 'events.lost') return this.lost(message.from, message.to)
    if (typeof message.seq !== 'number') return
    // Defensive: the lab never sends a seq twice to one reader, but a resume must not either.
    if (this.last !== undefined && message.seq <= this.last) return
    // A gap the lab did not announce is reported all the same.
    if (this.last !== undefined && message.seq > this.last + 1) this.lost(this.last + 1, message.seq - 1)
    this.last = message.seq
    if (message.type === 'session.stopped') this.sessionStopped = true
    this.options.onEvent(message)
  }

  private lost(from: number, to: number): void {
    const start = Math.max(from, (this.last ?? 0) + 1)
    if (to < start) return
    this.last = to
    this.options.onLost?.({ from: start, to })
  }

  private closed(close: StreamClose, opened: boolean): void {
    // The session's end, or a reader on the wrong session: reconnecting would not mend either.
    const stopped = this.sessionStopped || (close.code === 1011 && /^session (stopped|closed)/.test(close.reason))
    const confused = close.code === 1008 && close.reason.includes('"after"')
    if (stopped || confused) return this.stop({ state: 'gone', close })
    this.failures++
    const delayMs = this.delay(this.failures)
    this.setState({ state: 'retrying', attempt: this.failures, delayMs, close, opened })
    // The owner may have closed the reader on hearing it.
    if (!this.stopped) this.timer = setTimeout(() => this.connect(), delayMs)
  }

  /** Exponential backoff with jitter: between half and all of initial × 2^(attempt-1), capped. */
  private delay(attempt: number): number {
    const initial = this.options.initialDelayMs ?? 250
    const max = this.options.maxDelayMs ?? 5000
    const ceiling = Math.min(max, initial * 2 ** Math.min(attempt - 1, 30))
    return Math.round(ceiling / 2 + (ceiling / 2) * (this.options.random ?? Math.random)())
  }

  private stop(state: StreamState): void {
    this.stopped = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const socket = this.socket
    this.socket = null
    socket?.close(1000)
    this.setState(state)
  }

  private setState(state: StreamState): void {
    this.current = state
    this.options.onState?.(state)
  }
}
