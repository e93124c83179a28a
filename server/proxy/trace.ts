/**
 * Trace events: every step the runtime takes, typed, with a timestamp and the connection it
 * belongs to (docs/architecture.md "Trace events"). The UI and `serve --trace` only render these; they
 * never recompute what the engine decided. The schema is documented in docs/trace-events.md.
 */
import type { BudgetKind } from './budget.ts'
import type { DecodedFrame } from './frame-decoder.ts'
import type { TimerName } from './timers.ts'

export interface TraceBase {
  /** Milliseconds since the epoch, on the runtime's clock. */
  time: number
  /** nginx's connection number (`*N` in the error log). */
  connection: number
}

/**
 * Why a client header was not passed upstream (`upstream.request`'s `dropped`):
 * - `hop-by-hop`: it belongs to the client's connection to nginx, not to the request (Connection,
 *   Keep-Alive, TE, Upgrade, Transfer-Encoding, Expect); nginx's default list blanks it, so it is
 *   passed only when a proxy_set_header says so (`proxy_set_header Upgrade $http_upgrade`)
 * - `replaced`: nginx sent its own header of that name instead: a proxy_set_header of the name,
 *   or nginx's own Host (`$proxy_host`) and Content-Length (the body it read)
 * - `empty`: a proxy_set_header of the name gave an empty value: nginx sent no header of that
 *   name, and not the client's either
 * - `not-passed`: `proxy_pass_request_headers off`: no client header is passed
 */
export type DroppedReason = 'hop-by-hop' | 'replaced' | 'empty' | 'not-passed'
export interface DroppedHeader {
  /** As the client spelled it. */
  name: string
  reason: DroppedReason
}

/**
 * Why an upstream response header was not passed to the client (`response.sent`'s `hidden`):
 * - `hop-by-hop`: it belongs to the upstream connection (Connection, Keep-Alive,
 *   Transfer-Encoding, Proxy-Connection): nginx never passes it, and writes its own
 * - `nginx-default-hidden`: proxy_hide_header's built-in list (Date, Server, X-Pad, X-Accel-*):
 *   nginx writes its own Date and Server, and acts on X-Accel-* itself; `proxy_pass_header` lets
 *   one through
 * - `proxy_hide_header`: the config hides it
 */
export type HiddenReason = 'hop-by-hop' | 'proxy_hide_header' | 'nginx-default-hidden'
export interface HiddenHeader {
  /** As the upstream spelled it. */
  name: string
  reason: HiddenReason
}

export type TraceEvent = TraceBase &
  (
    | { type: 'connection.accepted'; client: string; listen: string; tls: boolean }
    | { type: 'request.received'; requestLine: string; headers: Array<[string, string]> }
    | { type: 'request.rejected'; status: number; reason: string }
    | { type: 'server.selected'; server: string; file: string; line: number; by: 'default' | 'name'; host: string }
    | { type: 'location.matched'; location: string; file: string; line: number }
    /**
     * A variable the request's handling evaluated, once per request: its value (`found` false when
     * nginx has none: "not found", `-` in logs); a map's result names the map's file and line.
     */
    | { type: 'variable.evaluated'; name: string; value: string; found: boolean; file?: string; line?: number }
    /** An `if` condition, as written, and whether it held (the file and line of the `if`). */
    | { type: 'if.evaluated'; condition: string; result: boolean; line: number; file: string }
    /** `file` and `line`: the `upstream` block, or the `proxy_pass` that named the address (none for an address made of variables). */
    | { type: 'upstream.selected'; upstream: string; peer: string; tries: number; file?: string; line?: number }
    | { type: 'upstream.connect'; peer: string; outcome: 'connected' | 'refused' | 'timeout' | 'error'; detail?: string }
    | { type: 'upstream.request'; peer: string; requestLine: string; headers: Array<[string, string]>; dropped: DroppedHeader[] }
    | { type: 'upstream.response'; peer: string; statusLine: string; headers: Array<[string, string]> }
    /** `hidden`: the upstream's headers that were not passed on, when the response came from one. */
    | { type: 'response.sent'; statusLine: string; headers: Array<[string, string]>; bodyBytes: number; hidden?: HiddenHeader[] }
    | { type: 'tunnel.opened' }
    | ({ type: 'frame'; direction: 'client-to-upstream' | 'upstream-to-client' } & DecodedFrame)
    | { type: 'tunnel.closed'; by: 'client' | 'upstream' | 'timeout' | 'error'; durationMs: number }
    /** A timer started (or, `rearmed`, started again by traffic): it fires at `deadline` unless stopped. */
    | { type: 'timer.armed'; timer: TimerName; ms: number; deadline: number; rearmed?: boolean }
    /** A timer stopped before it fired (what it waited for happened). */
    | { type: 'timer.stopped'; timer: TimerName }
    | { type: 'timeout'; timer: TimerName; ms: number }
    | { type: 'log.access'; line: string }
    | { type: 'log.error'; level: string; line: string }
    | { type: 'request.aborted' }
    /** The lab stopped this request at one of its budgets (docs/lab-api.md "Budgets"). */
    | { type: 'budget'; kind: BudgetKind; detail: string }
    | { type: 'connection.closed' }
  )

export type TraceSink = (event: TraceEvent) => void

export const noTrace: TraceSink = () => {}
