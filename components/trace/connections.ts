/**
 * Folds a session's event stream (server/sandbox/session.ts `NumberedEvent`) into one record per
 * nginx connection, as the events arrive: who connected, the four hops of each request, what
 * the engine decided and where in the config, the timers, the tunnel's frames and the log lines.
 * Nothing here decides anything: every field is an event, or counts of events, as the engine sent
 * them (docs/trace-events.md).
 *
 * Memory is bounded (a tab left open on a chatty session must not grow without end): at most
 * `maxConnections` records, `maxFrames` frames and `maxLogs` log lines each, the oldest going first
 * and counted.
 */
import type { TimerName } from '../../server/proxy/timers.ts'
import type { NumberedEvent } from '../../server/sandbox/session.ts'

/** The stream's event of one `type`, with its `seq`. */
export type EventOf<T extends NumberedEvent['type']> = Extract<NumberedEvent, { type: T }>

/** The runtime's events: those that name an nginx connection. */
export type ConnectionEvent = Extract<NumberedEvent, { connection: number }>

/** The events shown as the request's decisions, in the order the engine took them. */
export const DECISION_TYPES = [
  'server.selected',
  'location.matched',
  'variable.evaluated',
  'if.evaluated',
  'upstream.selected',
  'upstream.connect',
  'request.rejected',
  'budget',
] as const
export type DecisionType = (typeof DECISION_TYPES)[number]
export type DecisionEvent = EventOf<DecisionType>

export type FrameEvent = EventOf<'frame'>
export type LogEvent = EventOf<'log.access' | 'log.error'>
export type TimerEvent = EventOf<'timer.armed' | 'timer.stopped' | 'timeout'>

/** One request on the connection (a kept-alive connection has several) and its four hops. */
export interface Exchange {
  /** browser → nginx. Absent when nginx refused a head it could not read (`rejected`). */
  received?: EventOf<'request.received'>
  /** nginx → upstream: the last one sent (a retry sends another: `attempts`). */
  upstreamRequest?: EventOf<'upstream.request'>
  /** upstream → nginx. */
  upstreamResponse?: EventOf<'upstream.response'>
  /** nginx → browser. */
  sent?: EventOf<'response.sent'>
  /** How many `upstream.request`s this request sent (more than one: nginx tried the next peer). */
  attempts: number
  decisions: DecisionEvent[]
  /** The client went before the upstream answered (499). */
  aborted?: EventOf<'request.aborted'>
}

/** A timer of the connection as its last events left it. */
export interface TimerState {
  timer: TimerName
  state: 'armed' | 'stopped' | 'fired'
  /** The last `timer.armed`: its `deadline` is when it fires, on the session clock. */
  armed?: EventOf<'timer.armed'>
  /** The `timeout` event, once it fired. */
  fired?: EventOf<'timeout'>
  /** The seq of the timer's last event. */
  seq: number
  /** How many times it was armed (traffic re-arms the idle timers). */
  armings: number
}

/** Everything the stream said about one nginx connection. */
export interface ConnectionRecord {
  /** Unique in the log: `connection` alone is not (see `ambiguous`). */
  key: string
  /** nginx's connection number, the `*N` of the error log. */
  connection: number
  /** Who connected and where (`client` is `addr:port`, the lab's virtual client). Absent when the stream began later. */
  accepted?: EventOf<'connection.accepted'>
  firstSeq: number
  lastSeq: number
  firstTime: number
  lastTime: number
  exchanges: Exchange[]
  /** One entry per timer name, in the order they were first armed. */
  timers: TimerState[]
  tunnel: { opened?: EventOf<'tunnel.opened'>; closed?: EventOf<'tunnel.closed'> }
  /** The newest frames, at most `maxFrames`; `framesDropped` older ones were let go. */
  frames: FrameEvent[]
  framesDropped: number
  /** The log lines written for this connection (the events carry its number). */
  logs: LogEvent[]
  logsDropped: number
  closed?: EventOf<'connection.closed'>
  /**
   * Another `connection.accepted` with this number arrived while this one was still open (a
   * reload starts a runtime whose counter begins again): from then on the events of both carry
   * the same number and are filed under the newer record.
   */
  ambiguous: boolean
}

export interface ConnectionLogOptions {
  /** Records kept (closed ones go first). Default 200. */
  maxConnections?: number
  /** Frames kept per connection (the newest). Default 2,000. */
  maxFrames?: number
  /** Log lines kept per connection. Default 200. */
  maxLogs?: number
}

const isDecision = (event: ConnectionEvent): event is DecisionEvent => (DECISION_TYPES as readonly string[]).includes(event.type)

/**
 * The per-connection records of one session's stream. Feed it every event in seq order with
 * `add`; session events (`session.applied`…) are counted in `seq` but belong to no connection.
 */
export class ConnectionLog {
  readonly maxConnections: number
  readonly maxFrames: number
  readonly maxLogs: number
  /** Records let go to stay within `maxConnections`. */
  connectionsDropped = 0
  /** The seq of the last event added (0 before the first). */
  lastSeq = 0
  /** Bumped by every event that changed a record: a cheap "something changed" for a view. */
  version = 0
  /** Oldest first. */
  private readonly records: ConnectionRecord[] = []
  /** The current record of each connection number. */
  private readonly byNumber = new Map<number, ConnectionRecord>()

  constructor(options: ConnectionLogOptions = {}) {
    this.maxConnections = options.maxConnections ?? 200
    this.maxFrames = options.maxFrames ?? 2000
    this.maxLogs = options.maxLogs ?? 200
  }

  /** Files one event; returns the record it changed, if any. */
  add(event: NumberedEvent): ConnectionRecord | undefined {
    this.lastSeq = Math.max(this.lastSeq, event.seq)
    if (!('connection' in event)) return undefined
    const record = this.recordFor(event)
    record.lastSeq = event.seq
    record.lastTime = event.time
    this.file(record, event)
    this.version++
    return record
  }

  /** Adds every event of `events`, in order. */
  addAll(events: Iterable<NumberedEvent>): void {
    for (const event of events) this.add(event)
  }

  /** The records, oldest first. */
  list(): readonly ConnectionRecord[] {
    return this.records
  }

  /** The current record of nginx's connection `connection`. */
  get(connection: number): ConnectionRecord | undefined {
    return this.byNumber.get(connection)
  }

  /**
   * The records of a virtual client, oldest first: `client` is an address (`203.0.113.10`, all
   * of its connections) or an `addr:port` (one), as `connection.accepted` gives it.
   */
  byClient(client: string): ConnectionRecord[] {
    const withPort = client.includes(':')
    return this.records.filter(({ accepted }) => accepted && (withPort ? accepted.client === client : accepted.client.slice(0, accepted.client.lastIndexOf(':')) === client))
  }

  /** Forgets everything (a new session). */
  clear(): void {
    this.records.length = 0
    this.byNumber.clear()
    this.connectionsDropped = 0
    this.lastSeq = 0
    this.version++
  }

  private recordFor(event: ConnectionEvent): ConnectionRecord {
    const current = this.byNumber.get(event.connection)
    if (current && event.type !== 'connection.accepted') return current
    if (current && !current.closed) current.ambiguous = true
    const record: ConnectionRecord = {
      key: `${event.connection}@${event.seq}`,
      connection: event.connection,
      firstSeq: event.seq,
      lastSeq: event.seq,
      firstTime: event.time,
      lastTime: event.time,
      exchanges: [],
      timers: [],
      tunnel: {},
      frames: [],
      framesDropped: 0,
      logs: [],
      logsDropped: 0,
      ambiguous: current !== undefined && !current.closed,
    }
    this.records.push(record)
    this.byNumber.set(event.connection, record)
    if (this.records.length > this.maxConnections) this.evict()
    return record
  }

  /** Lets the oldest closed record go, or the oldest one when none is closed. */
  private evict(): void {
    let index = this.records.findIndex((record) => record.closed)
    if (index < 0) index = 0
    const [gone] = this.records.splice(index, 1)
    if (this.byNumber.get(gone.connection) === gone) this.byNumber.delete(gone.connection)
    this.connectionsDropped++
  }

  private file(record: ConnectionRecord, event: ConnectionEvent): void {
    switch (event.type) {
      case 'connection.accepted':
        record.accepted = event
        return
      case 'request.received':
        record.exchanges.push({ received: event, attempts: 0, decisions: [] })
        return
      case 'upstream.request': {
        const exchange = current(record)
        exchange.upstreamRequest = event
        exchange.attempts++
        return
      }
      case 'upstream.response':
        current(record).upstreamResponse = event
        return
      case 'response.sent':
        current(record).sent = event
        return
      case 'request.aborted':
        current(record).aborted = event
        return
      case 'tunnel.opened':
        record.tunnel.opened = event
        return
      case 'tunnel.closed':
        record.tunnel.closed = event
        return
      case 'frame':
        record.frames.push(event)
        if (record.frames.length > this.maxFrames) {
          record.frames.shift()
          record.framesDropped++
        }
        return
      case 'log.access':
      case 'log.error':
        record.logs.push(event)
        if (record.logs.length > this.maxLogs) {
          record.logs.shift()
          record.logsDropped++
        }
        return
      case 'timer.armed':
      case 'timer.stopped':
      case 'timeout':
        fileTimer(record, event)
        return
      case 'connection.closed':
        record.closed = event
        return
      default:
        if (isDecision(event)) {
          // A head nginx could not read is refused without a request.received: a request of its own,
          // unless the one under way has not been answered yet.
          const last = lastExchange(record)
          const exchange = event.type === 'request.rejected' && (!last || last.sent) ? newExchange(record) : current(record)
          exchange.decisions.push(event)
        }
    }
  }
}

function lastExchange(record: ConnectionRecord): Exchange | undefined {
  return record.exchanges[record.exchanges.length - 1]
}

function newExchange(record: ConnectionRecord): Exchange {
  const exchange: Exchange = { attempts: 0, decisions: [] }
  record.exchanges.push(exchange)
  return exchange
}

/** The request being handled; one without a head when the stream began in its middle. */
function current(record: ConnectionRecord): Exchange {
  return lastExchange(record) ?? newExchange(record)
}

function fileTimer(record: ConnectionRecord, event: TimerEvent): void {
  let state = record.timers.find((timer) => timer.timer === event.timer)
  if (!state) {
    state = { timer: event.timer, state: 'armed', seq: event.seq, armings: 0 }
    record.timers.push(state)
  }
  state.seq = event.seq
  if (event.type === 'timer.armed') {
    state.state = 'armed'
    state.armed = event
    state.fired = undefined
    state.armings++
  } else if (event.type === 'timer.stopped') {
    state.state = 'stopped'
  } else {
    state.state = 'fired'
    state.fired = event
  }
}
