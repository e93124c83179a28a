/**
 * What each preset promises will happen, as a test over the session's events since the preset
 * was applied: the gallery ticks "seen" when it holds, and the browser test asserts it for every
 * preset. Each reads only what the engine reported (the trace and the session's events).
 */
import type { NumberedEvent } from '../../server/sandbox/session.ts'

type Of<T extends NumberedEvent['type']> = Extract<NumberedEvent, { type: T }>
export type Predicate = (events: readonly NumberedEvent[]) => boolean

const ofType = <T extends NumberedEvent['type']>(events: readonly NumberedEvent[], type: T): Array<Of<T>> =>
  events.filter((e): e is Of<T> => e.type === type)
const header = (headers: ReadonlyArray<readonly [string, string]>, name: string): string | undefined =>
  headers.find(([n]) => n.toLowerCase() === name)?.[1]
const status = (statusLine: string): number => Number(statusLine.split(' ')[1])

/** The events of one nginx connection, in order. */
function byConnection(events: readonly NumberedEvent[]): Map<number, NumberedEvent[]> {
  const map = new Map<number, NumberedEvent[]>()
  for (const e of events) if ('connection' in e) map.set(e.connection, [...(map.get(e.connection) ?? []), e])
  return map
}

export const PREDICATES = {
  /** A WebSocket went through: a 101 to the client, and a chat message back through the tunnel. */
  'chat-works': (events) =>
    ofType(events, 'response.sent').some((e) => status(e.statusLine) === 101) &&
    ofType(events, 'frame').some((f) => f.direction === 'upstream-to-client' && f.kind === 'text' && f.preview.includes('"type":"message"')),

  /** Apply was refused for $connection_upgrade: nginx -t's error. */
  'refused-unknown-variable': (events) => ofType(events, 'session.refused').some((e) => e.diagnostics.some((d) => d.code === 'NGINX_UNKNOWN_VARIABLE')),

  /** Apply was accepted: nginx -t passed and the config runs. */
  applied: (events) => ofType(events, 'session.applied').length > 0,

  /** Apply was refused (any of nginx's [emerg]s): the running config keeps serving. */
  refused: (events) => ofType(events, 'session.refused').some((e) => e.diagnostics.some((d) => d.severity === 'emerg')),

  /** The handshake went upstream as HTTP/1.0 and came back refused: no tunnel. */
  'upstream-http10-refused': (events) =>
    [...byConnection(events).values()].some((conn) => {
      const request = ofType(conn, 'upstream.request')[0]
      const sent = ofType(conn, 'response.sent')[0]
      return request !== undefined && request.requestLine.endsWith(' HTTP/1.0') && header(request.headers, 'upgrade') !== undefined && sent !== undefined && status(sent.statusLine) !== 101
    }),

  /** The client's Upgrade was dropped as hop-by-hop: the upstream never saw it, and no tunnel opened. */
  'upgrade-dropped': (events) =>
    [...byConnection(events).values()].some((conn) => {
      const request = ofType(conn, 'upstream.request')[0]
      const sent = ofType(conn, 'response.sent')[0]
      return request !== undefined && request.dropped.some((d) => d.name.toLowerCase() === 'upgrade' && d.reason === 'hop-by-hop') && sent !== undefined && status(sent.statusLine) !== 101
    }),

  /** An idle tunnel closed at proxy_read_timeout's 60 s default, by nginx. */
  'idle-timeout': (events) =>
    ofType(events, 'timeout').some((e) => e.timer === 'proxy_read_timeout' && e.ms === 60_000) && ofType(events, 'tunnel.closed').some((e) => e.by === 'timeout'),

  /** A plain request (no Upgrade) reached the upstream with `Connection: upgrade`. */
  'plain-request-asks-upgrade': (events) =>
    [...byConnection(events).values()].some((conn) => {
      const received = ofType(conn, 'request.received')[0]
      const request = ofType(conn, 'upstream.request')[0]
      return received !== undefined && header(received.headers, 'upgrade') === undefined && request !== undefined && header(request.headers, 'connection')?.toLowerCase() === 'upgrade'
    }),

  /** Two WebSockets went to two different chat servers. */
  'split-across-backends': (events) => {
    const peers = new Set<string>()
    for (const conn of byConnection(events).values()) {
      if (!ofType(conn, 'tunnel.opened').length) continue
      const selected = ofType(conn, 'upstream.selected').at(-1)
      if (selected) peers.add(selected.peer)
    }
    return peers.size >= 2
  },

  /** A WebSocket over TLS (wss://) reached a plain backend, told it was https. */
  'wss-terminated': (events) =>
    [...byConnection(events).values()].some((conn) => {
      const accepted = ofType(conn, 'connection.accepted')[0]
      const request = ofType(conn, 'upstream.request')[0]
      const sent = ofType(conn, 'response.sent')[0]
      return accepted?.tls === true && request !== undefined && header(request.headers, 'x-forwarded-proto') === 'https' && sent !== undefined && status(sent.statusLine) === 101
    }),

  /** The config's own upstream address answered like a closed port: connect() refused, a 502. */
  'closed-port': (events) =>
    ofType(events, 'upstream.connect').some((e) => e.outcome === 'refused') && ofType(events, 'response.sent').some((e) => status(e.statusLine) === 502),
} satisfies Record<string, Predicate>

export type PredicateName = keyof typeof PREDICATES
export const isPredicateName = (name: string): name is PredicateName => Object.hasOwn(PREDICATES, name)
