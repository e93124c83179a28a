/**
 * What legitimately differs between two runs of the same scenario, replaced by stable tokens so
 * that what remains can be compared byte for byte:
 *
 * - ports: every port the run allocated becomes its token (PORT, PORT2, UP1, DEAD …), wherever it
 *   appears (Host headers, Location, error_log `upstream:` and `host:`, access log fields);
 * - the run's prefix folder becomes PREFIX (error_log `open() "PREFIX/html/x" failed`);
 * - `Date:` header values become DATE (also inside raw bytes a client read without parsing);
 * - error_log lines `YYYY/MM/DD HH:MM:SS [level] PID#TID: *N message` become `[level] *N message`:
 *   the timestamp and PID#TID go, the connection number `*N` stays (nginx numbers connections from
 *   1 in each fresh worker, counting client and upstream connections, so in a sequential scenario
 *   the numbers are reproducible, and the runtime has to count the same way);
 * - error_log lines about the master/worker life cycle (`start worker process 123`, `signal 15 …`,
 *   `exiting`, `OS: …`) are dropped: they are about nginx's processes, not the proxying;
 * - access log times (`[22/Nov/2026:07:40:10 +0000]`, ISO 8601) become TIME;
 * - values a scenario marks for comparison by shape: `<~t:…~>` (times: every `N.NNN` becomes
 *   `S.MMM`, the `-`, `, ` and ` : ` between them stay), `<~id:…~>` (32 lowercase hex digits
 *   become HEX32), `<~n:…~>` (every run of digits becomes N);
 * - (for reading, not a normalization) runs of 40+ equal characters are written `c{×N}`.
 *
 * WebSocket keys are fixed by the client (FIXED_WS_KEY), so Sec-WebSocket-Accept is the same on
 * every run and needs no normalization; static files get a fixed mtime, so Last-Modified and
 * ETag need none either.
 */
import type { ClientEvent, Observation, UpstreamEvent } from './observation.ts'

export interface NormalizeContext {
  /** Port number → token. */
  ports: Map<number, string>
  /** The run's prefix folder (absolute, no trailing slash). */
  prefix: string
}

/** Runs of 40 or more of one character as `c{×N}`: lossless, and keeps long URIs readable in diffs. */
export function compressRuns(text: string): string {
  return text.replace(/(.)\1{39,}/gs, (run: string, c: string) => `${c}{×${run.length}}`)
}

const HTTP_DATE = /(?<=^|\W|\\n)(Date: ?)[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/g

const SHAPED = /<~(t|id|n):([^~]*)~>/g

/** A value marked for comparison by shape (see the file comment), reduced to its shape. */
function shapeOf(kind: string, value: string): string {
  if (kind === 't') return value.replace(/\d+\.\d{3}/g, 'S.MMM')
  if (kind === 'id') return /^[0-9a-f]{32}$/.test(value) ? 'HEX32' : value
  return value.replace(/\d+/g, 'N')
}

export function normalizeText(text: string, ctx: NormalizeContext): string {
  if (text.includes('<~')) text = text.replace(SHAPED, (_m: string, kind: string, value: string) => `<~${kind}:${shapeOf(kind, value)}~>`)
  let out = compressRuns(ctx.prefix ? text.split(ctx.prefix).join('PREFIX') : text).replace(HTTP_DATE, '$1DATE')
  if (ctx.ports.size > 0) {
    out = out.replace(/(?<![0-9A-Za-z])\d{2,5}(?![0-9A-Za-z])/g, (n) => ctx.ports.get(Number(n)) ?? n)
  }
  return out
}

export function normalizeHeaderLine(line: string, ctx: NormalizeContext): string {
  if (/^date:/i.test(line)) return line.replace(/:.*$/, ': DATE')
  return normalizeText(line, ctx)
}

// `s`: a message may hold a CR nginx logged as it was sent (a request line cut at its buffer).
const ERROR_LINE = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[(\w+)\] \d+#\d+: (.*)$/s

/** Messages about nginx's own processes, dropped from the comparison. */
const LIFECYCLE = [
  /^using the "\w+" event method$/,
  /^nginx\/\d+\.\d+\.\d+$/,
  /^built (by|with) /,
  /^OS: /,
  /^getrlimit\(/,
  /^start worker process(es)?( \d+)?$/,
  /^start (cache manager|cache loader) process \d+$/,
  /^signal \d+ \(\w+\) received/,
  /^exiting$/,
  // A signal (the harness stopping nginx) interrupting the event loop: process life, not behaviour.
  /^epoll_wait\(\) failed \(4: Interrupted system call\)$/,
  /^exit$/,
  /^gracefully shutting down$/,
  /^(worker|cache manager|cache loader) process \d+ exited/,
  /^reconfiguring$/,
  /^reopening logs$/,
]

/** `[level] *N message`, or undefined for a life-cycle line. */
export function normalizeErrorLine(line: string, ctx: NormalizeContext): string | undefined {
  const m = ERROR_LINE.exec(line)
  if (!m) return normalizeText(line, ctx)
  const [, level, message = ''] = m
  if (!/^\*\d+ /.test(message) && LIFECYCLE.some((re) => re.test(message))) return undefined
  return `[${level}] ${normalizeText(message, ctx)}`
}

export function normalizeAccessLine(line: string, ctx: NormalizeContext): string {
  return normalizeText(
    line
      .replace(/\[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\]/g, '[TIME]')
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2}|Z)/g, 'TIME'),
    ctx,
  )
}

function normalizeClientEvent(e: ClientEvent, ctx: NormalizeContext): ClientEvent {
  switch (e.kind) {
    case 'sent':
      return { ...e, what: normalizeText(e.what, ctx) }
    case 'response':
      return {
        ...e,
        statusLine: normalizeText(e.statusLine, ctx),
        headers: e.headers.map((h) => normalizeHeaderLine(h, ctx)),
        body: normalizeText(e.body, ctx),
      }
    case 'frame':
      return { ...e, line: normalizeText(e.line, ctx) }
    case 'raw':
      return { ...e, data: normalizeText(e.data, ctx) }
    default:
      return e
  }
}

function normalizeUpstreamEvent(e: UpstreamEvent, ctx: NormalizeContext): UpstreamEvent {
  switch (e.kind) {
    case 'request':
      return { ...e, line: normalizeText(e.line, ctx), headers: e.headers.map((h) => normalizeHeaderLine(h, ctx)), body: normalizeText(e.body, ctx) }
    case 'answer':
      return { ...e, what: normalizeText(e.what, ctx) }
    case 'ws-message':
    case 'ws-ping':
    case 'ws-pong':
      return { ...e, line: normalizeText(e.line, ctx) }
    default:
      return e
  }
}

export function splitLogLines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '')
}

/** The observation with every run-specific value replaced (see the file comment). */
export function normalizeObservation(obs: Observation, ctx: NormalizeContext): Observation {
  return {
    ...obs,
    clients: obs.clients.map((c) => ({ name: c.name, events: c.events.map((e) => normalizeClientEvent(e, ctx)) })),
    upstreams: obs.upstreams.map((u) => ({ name: u.name, connections: u.connections.map((c) => ({ events: c.events.map((e) => normalizeUpstreamEvent(e, ctx)) })) })),
    errorLog: obs.errorLog.map((l) => normalizeErrorLine(l, ctx)).filter((l): l is string => l !== undefined),
    accessLog: obs.accessLog.map((l) => normalizeAccessLine(l, ctx)),
    otherLogs: Object.fromEntries(Object.entries(obs.otherLogs).map(([k, v]) => [k, v.map((l) => normalizeAccessLine(l, ctx))])),
    notes: Object.fromEntries(Object.entries(obs.notes).map(([k, v]) => [k, normalizeText(v, ctx)])),
  }
}
