/**
 * `serve --trace` for a person: one line per step, with the time since the first event, the
 * connection (`*N`, as nginx's error log names it) and the step in words. Colour only when
 * asked (a terminal without NO_COLOR). The JSON lines stay the form for tools.
 */
import type { TraceEvent } from '../proxy/trace.ts'

export type TraceFormat = 'json' | 'pretty'

/** `--trace` alone: pretty on a terminal, JSON lines otherwise; `--trace=json|pretty` forces one. */
export function traceFormat(asked: string, stdoutIsTerminal: boolean): TraceFormat | null {
  if (asked === 'auto') return stdoutIsTerminal ? 'pretty' : 'json'
  return asked === 'json' || asked === 'pretty' ? asked : null
}

const COLOURS = { dim: 2, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 } as const
type Colour = keyof typeof COLOURS

/** A formatter keeping the first event's time: every line says how long after it. */
export function prettyTrace(colour: boolean): (event: TraceEvent) => string {
  let first: number | null = null
  const paint = (c: Colour, text: string): string => (colour ? `\u001b[${COLOURS[c]}m${text}\u001b[0m` : text)
  return (event) => {
    first ??= event.time
    const when = paint('dim', `+${((event.time - first) / 1000).toFixed(3)}s`)
    const [c, words] = describe(event)
    return `${when} ${paint('dim', `*${event.connection}`)} ${paint(c, words)}\n`
  }
}

const at = (e: { file?: string; line?: number }): string => (e.line === undefined ? '' : ` (line ${e.line})`)
const quote = (text: string): string => JSON.stringify(text)

function describe(e: TraceEvent): [Colour, string] {
  switch (e.type) {
    case 'connection.accepted': return ['dim', `connection from ${e.client} on ${e.listen}${e.tls ? ' (ssl)' : ''}`]
    case 'request.received': return ['cyan', `← ${e.requestLine}  ${e.headers.map(([n]) => n).join(', ')}`]
    case 'request.rejected': return ['red', `rejected ${e.status}: ${e.reason}`]
    case 'server.selected': return ['blue', `server ${e.server}${at(e)} by ${e.by} (Host ${quote(e.host)})`]
    case 'location.matched': return ['blue', `location ${e.location}${at(e)}`]
    case 'variable.evaluated': return ['magenta', `$${e.name} = ${e.found ? quote(e.value) : 'not found'}${at(e)}`]
    case 'if.evaluated': return ['magenta', `if ${e.condition}: ${e.result ? 'true' : 'false'}${at(e)}`]
    case 'upstream.selected': return ['blue', `upstream ${e.upstream} → peer ${e.peer} (try ${e.tries})${at(e)}`]
    case 'upstream.connect': return [e.outcome === 'connected' ? 'dim' : 'red', `connect ${e.peer}: ${e.outcome}${e.detail ? ` (${e.detail})` : ''}`]
    case 'upstream.request': {
      const dropped = e.dropped.length ? `, dropped: ${e.dropped.map((d) => `${d.name} (${d.reason})`).join(', ')}` : ''
      return ['cyan', `→ upstream ${e.peer} ${e.requestLine}${dropped}`]
    }
    case 'upstream.response': return ['cyan', `← upstream ${e.peer} ${e.statusLine}`]
    case 'response.sent': return ['green', `→ ${e.statusLine} (${e.bodyBytes} B body)${e.hidden?.length ? `, hidden: ${e.hidden.map((h) => h.name).join(', ')}` : ''}`]
    case 'tunnel.opened': return ['green', 'tunnel open: bytes flow both ways']
    case 'frame': {
      const arrow = e.direction === 'client-to-upstream' ? '→' : '←'
      const close = e.closeCode === undefined ? '' : ` ${e.closeCode}${e.closeReason ? ` ${quote(e.closeReason)}` : ''}`
      const preview = e.preview ? ` ${quote(e.preview)}${e.truncated ? '…' : ''}` : ''
      return ['yellow', `frame ${arrow} ${e.kind} ${e.length} B${close}${preview}${e.fin ? '' : ' (fin=0)'}`]
    }
    case 'tunnel.closed': return ['green', `tunnel closed by ${e.by} after ${(e.durationMs / 1000).toFixed(3)}s`]
    case 'timer.armed': return ['dim', `${e.timer} ${e.rearmed ? 're-armed' : 'armed'}: ${e.ms} ms`]
    case 'timer.stopped': return ['dim', `${e.timer} stopped`]
    case 'timeout': return ['red', `${e.timer} fired after ${e.ms} ms`]
    case 'log.access': return ['dim', `access_log: ${e.line}`]
    case 'log.error': return [e.level === 'error' || e.level === 'crit' || e.level === 'alert' || e.level === 'emerg' ? 'red' : 'dim', `error_log [${e.level}]: ${e.line}`]
    case 'request.aborted': return ['red', 'the client left before the answer']
    case 'budget': return ['red', `budget ${e.kind}: ${e.detail}`]
    case 'connection.closed': return ['dim', 'connection closed']
    default: {
      // A type added to trace.ts and not described here yet still shows, as its JSON.
      const { time: _time, connection: _connection, ...rest } = e as TraceEvent
      return ['dim', JSON.stringify(rest)]
    }
  }
}
