/**
 * Where a chat client connects, as a learner writes it: `host[:port][/path[?query]]`, the part
 * of `ws://…` after the scheme. The lab's client URL carries it (docs/lab-api.md "Connecting a
 * client"), which allows a host of letters, digits, dots and dashes (or an IPv6 literal).
 */
export interface ClientTarget {
  host: string
  port: number
  /** The path and query the proxy sees, starting with `/`. */
  path: string
}

export type TargetParse = { ok: true; target: ClientTarget } | { ok: false; error: 'empty' | 'host' | 'port' | 'path' }

const TARGET = /^(\[[0-9A-Fa-f:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?(\/\S*)?$/

/** Reads what a learner typed; `ws://` in front is forgiven. */
export function parseTarget(text: string): TargetParse {
  const trimmed = text.trim().replace(/^wss?:\/\//i, '')
  if (trimmed === '') return { ok: false, error: 'empty' }
  const m = TARGET.exec(trimmed)
  if (!m) return { ok: false, error: /^[^/:]*[^A-Za-z0-9.\-[\]:/]/.test(trimmed) ? 'host' : /\s/.test(trimmed) ? 'path' : 'port' }
  const port = m[2] === undefined ? 80 : Number(m[2])
  if (port < 1 || port > 65535) return { ok: false, error: 'port' }
  return { ok: true, target: { host: m[1], port, path: m[3] ?? '/' } }
}

/** The text a learner reads and edits: the port is always written, so it is never a guess. */
export function formatTarget(target: ClientTarget): string {
  return `${target.host}:${target.port}${target.path}`
}
