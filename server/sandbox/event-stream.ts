/**
 * A session's event stream (`/api/sessions/<id>/events`, docs/lab-api.md "Events"): a `hello`
 * first, then `events.lost` when a resuming reader missed events the history no longer holds,
 * then the kept events it has not seen, then every event live. Every event carries its `seq`, so
 * a reader that reconnects with `?after=<the last seq it read>` sees no event twice and knows of
 * every one it missed.
 */
import type { WebSocket } from 'ws'
import { labLog } from './lab-log.ts'
import { LimitError, type LabLimits } from './limits.ts'
import type { NumberedEvent, Session, StreamStart } from './session.ts'

/** The version of what the stream carries (these messages and the events' shapes). */
export const EVENT_STREAM_SCHEMA = 1

/** An event stream whose reader has fallen this far behind is closed (bytes). */
export const EVENT_BACKLOG_BYTES = 4 * 1024 * 1024

/** What the stream sends besides events: they have no `seq`. */
export type StreamMessage =
  | { type: 'hello'; schema: typeof EVENT_STREAM_SCHEMA; lastSeq: number; replay: number }
  | { type: 'events.lost'; from: number; to: number }

/** A seq is at most this many digits (Number.MAX_SAFE_INTEGER has 16). */
const SEQ_DIGITS = 16

/**
 * `?after=` of a stream's URL: absent (undefined: replay all kept events), or the seq of the last
 * event the reader has, a whole number in decimal digits. Anything else (negative, a fraction,
 * an exponent, hex, empty, given twice, past Number.MAX_SAFE_INTEGER) is an error to close with.
 * Linear in the query, which Node's header limit bounds.
 */
export function parseAfter(query: string): { after: number | undefined } | { error: string } {
  const values = new URLSearchParams(query).getAll('after')
  if (values.length === 0) return { after: undefined }
  if (values.length > 1) return { error: '"after" was given more than once' }
  const text = values[0]
  const after = text.length <= SEQ_DIGITS && /^[0-9]+$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(after)) return { error: '"after" must be the seq of the last event you received: a whole number, 0 or more' }
  return { after }
}

/** Why a close is sent: a WebSocket close reason is at most 123 bytes. */
function closeReason(text: string): string {
  return Buffer.from(text).subarray(0, 123).toString()
}

/**
 * Serves one accepted event-stream WebSocket of `session`. `query` is the URL's query string
 * (without `?`); `onLimit` hears a limit that refused the stream (the server counts it).
 */
export function serveEventStream(ws: WebSocket, session: Session, query: string, onLimit: (limit: keyof LabLimits) => void): void {
  const parsed = parseAfter(query)
  if ('error' in parsed) return ws.close(1008, closeReason(parsed.error))
  // Deleted or stopped while the handshake was under way.
  if (session.isClosed) return ws.close(1011, closeReason(session.stopReason === null ? 'session closed' : `session stopped: ${session.stopReason}`))
  // A seq the session never sent: the reader is confused about which session it reads.
  if (parsed.after !== undefined && parsed.after > session.lastSeq) {
    return ws.close(1008, closeReason(`"after" is ${parsed.after}, but this session's last event is ${session.lastSeq}`))
  }
  const send = (message: StreamMessage | NumberedEvent): void => {
    if (ws.readyState !== ws.OPEN) return
    if (ws.bufferedAmount > EVENT_BACKLOG_BYTES) return ws.close(1008, 'event stream not read')
    ws.send(JSON.stringify(message))
    // The last event of a session the lab stopped: the stream ends with why.
    if (message.type === 'session.stopped') ws.close(1011, closeReason(`session stopped: ${message.reason}`))
  }
  const start = (s: StreamStart): void => {
    send({ type: 'hello', schema: EVENT_STREAM_SCHEMA, lastSeq: s.lastSeq, replay: s.replay })
    if (s.lost) send({ type: 'events.lost', from: s.lost.from, to: s.lost.to })
  }
  let unsubscribe: (() => void) | null = null
  try {
    unsubscribe = session.subscribe(send, {
      after: parsed.after,
      onStart: start,
      // Deleted or expired: the reader hears so, and can start a new session (a stop has said why already).
      onClose: () => ws.close(1011, closeReason(session.stopReason === null ? 'session closed' : `session stopped: ${session.stopReason}`)),
    })
  } catch (error) {
    if (error instanceof LimitError) {
      onLimit(error.limit)
      return ws.close(1008, closeReason(error.message))
    }
    labLog('error', 'events.error', { error: String(error) })
    return ws.close(1011, 'internal error')
  }
  ws.on('close', () => unsubscribe?.())
  ws.on('error', () => ws.terminate())
  // The stream is one way; anything the client sends only keeps the session alive.
  ws.on('message', () => session.touch())
}
