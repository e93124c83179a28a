/**
 * What one run of a scenario observed, on both ends of the proxy and in its logs, and how two
 * observations are compared: rendered as text lines per section, then diffed line by line.
 */

export type Target = 'nginx' | 'upgrade-lab'

/** Sections of an observation; a scenario names the ones it compares. */
export type Section = 'client' | 'upstream' | 'errorLog' | 'accessLog' | 'notes'
export const ALL_SECTIONS: readonly Section[] = ['client', 'upstream', 'errorLog', 'accessLog', 'notes']

export type ClientEvent =
  /** The first line of what the client wrote (a request line, or a frame summary). */
  | { kind: 'sent'; what: string }
  /** A response head (and body, by its framing) read from the proxy; `at` in seconds since the client's mark. */
  | { kind: 'response'; at: number; statusLine: string; headers: string[]; body: string; framing: string }
  | { kind: 'frame'; line: string }
  /** Bytes read as they came, without HTTP parsing. */
  | { kind: 'raw'; at: number; data: string }
  /** The proxy closed the TCP connection (FIN, or RST when `how` says so). */
  | { kind: 'closed'; at: number; how: string }
  /** The connection was still open after waiting `after` seconds for it to close. */
  | { kind: 'open'; after: number }
  /** Nothing arrived while waiting for something. */
  | { kind: 'timeout'; waitingFor: string; after: number }

export interface ClientRecord {
  name: string
  events: ClientEvent[]
}

export type UpstreamEvent =
  | { kind: 'request'; line: string; headers: string[]; body: string }
  | { kind: 'answer'; what: string }
  | { kind: 'ws-open'; protocol: string }
  | { kind: 'ws-message'; line: string }
  | { kind: 'ws-ping'; line: string }
  | { kind: 'ws-pong'; line: string }
  | { kind: 'ws-close'; code: number; reason: string; at: number }
  /** The proxy closed the connection while a request on it was still unanswered. */
  | { kind: 'abandoned'; at: number }

export interface UpstreamConnectionRecord {
  events: UpstreamEvent[]
}

export interface UpstreamRecord {
  name: string
  connections: UpstreamConnectionRecord[]
}

export interface Observation {
  scenario: string
  target: Target
  clients: ClientRecord[]
  upstreams: UpstreamRecord[]
  errorLog: string[]
  accessLog: string[]
  /** Other log files the scenario named (path → lines). */
  otherLogs: Record<string, string[]>
  notes: Record<string, string>
}

/** Seconds rounded to 0.5 s (so ±0.25 s of jitter disappears). */
export function roundHalf(seconds: number): number {
  return Math.round(seconds * 2) / 2
}

function secs(n: number): string {
  return `${n.toFixed(1)}s`
}

function renderClientEvent(e: ClientEvent): string[] {
  switch (e.kind) {
    case 'sent':
      return [`> ${e.what}`]
    case 'response': {
      const lines = [`< [${secs(e.at)}] ${e.statusLine}`, ...e.headers.map((h) => `<   ${h}`)]
      if (e.framing !== 'none' || e.body !== '""') lines.push(`<   (body, ${e.framing}) ${e.body}`)
      return lines
    }
    case 'frame':
      return [`< ${e.line}`]
    case 'raw':
      return [`< [${secs(e.at)}] raw ${e.data}`]
    case 'closed':
      return [`< [${secs(e.at)}] closed by proxy (${e.how})`]
    case 'open':
      return [`  still open after ${secs(e.after)}`]
    case 'timeout':
      return [`  nothing after ${secs(e.after)} waiting for ${e.waitingFor}`]
  }
}

function renderUpstreamEvent(e: UpstreamEvent): string[] {
  switch (e.kind) {
    case 'request': {
      const lines = [`> ${e.line}`, ...e.headers.map((h) => `>   ${h}`)]
      if (e.body !== '') lines.push(`>   (body) ${e.body}`)
      return lines
    }
    case 'answer':
      return [`< (script) ${e.what}`]
    case 'ws-open':
      return [`  ws open${e.protocol ? ` protocol=${e.protocol}` : ''}`]
    case 'ws-message':
      return [`  ws message ${e.line}`]
    case 'ws-ping':
      return [`  ws ping ${e.line}`]
    case 'ws-pong':
      return [`  ws pong ${e.line}`]
    case 'ws-close':
      return [`  [${secs(e.at)}] ws close code=${e.code} reason=${JSON.stringify(e.reason)}`]
    case 'abandoned':
      return [`  [${secs(e.at)}] closed by proxy before the answer`]
  }
}

/** The lines of one section, as compared and shown in diffs. */
export function renderSection(obs: Observation, section: Section): string[] {
  switch (section) {
    case 'client':
      return obs.clients.flatMap((c) => [`client ${c.name}:`, ...c.events.flatMap((e) => renderClientEvent(e).map((l) => `  ${l}`))])
    case 'upstream':
      return obs.upstreams.flatMap((u) => [
        `upstream ${u.name}: ${u.connections.length} connection(s)`,
        ...u.connections.flatMap((c, i) => [`  connection #${i + 1}:`, ...c.events.flatMap((e) => renderUpstreamEvent(e).map((l) => `    ${l}`))]),
      ])
    case 'errorLog':
      return obs.errorLog.map((l) => `error_log: ${l}`)
    case 'accessLog': {
      const lines = obs.accessLog.map((l) => `access_log: ${l}`)
      for (const [path, other] of Object.entries(obs.otherLogs)) lines.push(...other.map((l) => `${path}: ${l}`))
      return lines
    }
    case 'notes':
      return Object.entries(obs.notes).map(([k, v]) => `note ${k}: ${v}`)
  }
}

export function renderObservation(obs: Observation, sections: readonly Section[] = ALL_SECTIONS): string {
  return sections
    .map((s) => {
      const lines = renderSection(obs, s)
      return `== ${s}\n${lines.length ? lines.join('\n') : '(nothing)'}`
    })
    .join('\n')
}

export interface Comparison {
  equal: boolean
  /** Sections that differ. */
  differing: Section[]
  /** A unified-style diff (`-` first observation, `+` second), empty when equal. */
  diff: string
}

/** Compares two observations on the given sections; the diff labels lines by target. */
export function compare(a: Observation, b: Observation, sections: readonly Section[] = ALL_SECTIONS): Comparison {
  const differing: Section[] = []
  const parts: string[] = []
  for (const section of sections) {
    const la = renderSection(a, section)
    const lb = renderSection(b, section)
    if (la.length === lb.length && la.every((l, i) => l === lb[i])) continue
    differing.push(section)
    parts.push(`--- ${section}: - ${a.target}, + ${b.target}`, ...diffLines(la, lb))
  }
  return { equal: differing.length === 0, differing, diff: parts.join('\n') }
}

const CONTEXT = 3

/** A line diff (longest common subsequence) with 3 lines of context around each change. */
export function diffLines(a: string[], b: string[]): string[] {
  const n = a.length
  const m = b.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as number[]
    const next = lcs[i + 1] as number[]
    for (let j = m - 1; j >= 0; j--) row[j] = a[i] === b[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0)
  }
  const ops: { op: ' ' | '-' | '+'; line: string }[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ op: ' ', line: a[i] as string })
      i++
      j++
    } else if (i < n && (j >= m || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      ops.push({ op: '-', line: a[i] as string })
      i++
    } else {
      ops.push({ op: '+', line: b[j] as string })
      j++
    }
  }
  const keep = ops.map(() => false)
  ops.forEach((o, k) => {
    if (o.op === ' ') return
    for (let d = Math.max(0, k - CONTEXT); d <= Math.min(ops.length - 1, k + CONTEXT); d++) keep[d] = true
  })
  const out: string[] = []
  let skipped = false
  ops.forEach((o, k) => {
    if (keep[k]) {
      out.push(`${o.op} ${o.line}`)
      skipped = false
    } else if (!skipped) {
      out.push('  …')
      skipped = true
    }
  })
  return out
}
