/**
 * Trace events: every step the runtime takes, typed, with a timestamp and the connection it
 * belongs to (docs/architecture.md "Trace events"). The UI and `serve --trace` only render these; they
 * never recompute what the engine decided. The schema is documented in docs/trace-events.md.
 */
import type { BudgetKind } from './budget.ts'
import type { DecodedFrame } from './frame-decoder.ts'

export interface TraceBase {
  /** Milliseconds since the epoch, on the runtime's clock. */
  time: number
  /** nginx's connection number (`*N` in the error log). */
  connection: number
}

export type TraceEvent = TraceBase &
  (
    | { type: 'connection.accepted'; client: string; listen: string; tls: boolean }
    | { type: 'request.received'; requestLine: string; headers: Array<[string, string]> }
    | { type: 'request.rejected'; status: number; reason: string }
    | { type: 'server.selected'; server: string; line: number; by: 'default' | 'name'; host: string }
    | { type: 'location.matched'; location: string; line: number }
    | { type: 'variable.evaluated'; name: string; value: string }
    /** An `if` condition, as written, and whether it held (the file and line of the `if`). */
    | { type: 'if.evaluated'; condition: string; result: boolean; line: number; file: string }
    | { type: 'upstream.selected'; upstream: string; peer: string; tries: number }
    | { type: 'upstream.connect'; peer: string; outcome: 'connected' | 'refused' | 'timeout' | 'error'; detail?: string }
    | { type: 'upstream.request'; peer: string; requestLine: string; headers: Array<[string, string]>; dropped: string[] }
    | { type: 'upstream.response'; peer: string; statusLine: string; headers: Array<[string, string]> }
    | { type: 'response.sent'; statusLine: string; headers: Array<[string, string]>; bodyBytes: number }
    | { type: 'tunnel.opened' }
    | ({ type: 'frame'; direction: 'client-to-upstream' | 'upstream-to-client' } & DecodedFrame)
    | { type: 'tunnel.closed'; by: 'client' | 'upstream' | 'timeout' | 'error'; durationMs: number }
    | { type: 'timeout'; timer: 'proxy_read_timeout' | 'proxy_send_timeout' | 'proxy_connect_timeout' | 'send_timeout' | 'keepalive_timeout' | 'client_header_timeout'; ms: number }
    | { type: 'log.access'; line: string }
    | { type: 'log.error'; level: string; line: string }
    | { type: 'request.aborted' }
    /** The lab stopped this request at one of its budgets (docs/lab-api.md "Budgets"). */
    | { type: 'budget'; kind: BudgetKind; detail: string }
    | { type: 'connection.closed' }
  )

export type TraceSink = (event: TraceEvent) => void

export const noTrace: TraceSink = () => {}
