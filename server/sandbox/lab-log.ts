/**
 * The lab server's own log (not a session's nginx logs): one line per event on stderr,
 *
 *   upgrade-lab: 2026-11-22T10:15:00.123Z error api.error method=GET path=/api/sessions/:id/logs error="Error: boom"
 *
 * that is `upgrade-lab: <ISO-8601 UTC time> <level> <event>` and then `key=value` fields in the
 * order given. A value is written bare when it is only printable ASCII other than space, `"`, `\`
 * and `=`; otherwise (and when empty) it is quoted, with `\` and `"` escaped, `\n` `\r` `\t`, and
 * every other control, line or paragraph separator, lone surrogate or bidirectional-text control as
 * `\uXXXX`, so that no value — a visitor's path, an error message — can start a line of its own
 * or hide part of one. Values are cut at LOG_VALUE_CHARS characters (marked with `…`); event
 * names and keys keep only `A-Z a-z 0-9 _ . -`.
 *
 * The writer is process-wide (stderr is) and can be swapped, for tests: setLabLogWriter.
 */

export type LabLogLevel = 'info' | 'warn' | 'error'
export type LabLogFields = Record<string, string | number | boolean>

/** A value longer than this is cut (characters, before escaping). */
export const LOG_VALUE_CHARS = 512

const writeStderr = (line: string): void => void process.stderr.write(line)
let writer: (line: string) => void = writeStderr

/** Sends the log's lines (each ending with `\n`) to `next` (null: stderr again); returns the undo. */
export function setLabLogWriter(next: ((line: string) => void) | null): () => void {
  const previous = writer
  writer = next ?? writeStderr
  return () => {
    writer = previous
  }
}

/** Writes one line of the lab's log. */
export function labLog(level: LabLogLevel, event: string, fields: LabLogFields = {}): void {
  writer(formatLabLog(level, event, fields))
}

/** One line of the lab's log, `\n` included. */
export function formatLabLog(level: LabLogLevel, event: string, fields: LabLogFields, time: Date = new Date()): string {
  let line = `upgrade-lab: ${time.toISOString()} ${level} ${name(event)}`
  for (const key of Object.keys(fields)) line += ` ${name(key)}=${value(fields[key])}`
  return line + '\n'
}

function name(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64) || '_'
}

function value(field: string | number | boolean): string {
  if (typeof field !== 'string') return String(field)
  const text = field.length > LOG_VALUE_CHARS ? field.slice(0, LOG_VALUE_CHARS) + '…' : field
  if (/^[\x21\x23-\x3c\x3e-\x5b\x5d-\x7e]+$/.test(text)) return text
  return '"' + text.replace(/[\\"\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, escape) + '"'
}

const SHORT: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })

function escape(char: string): string {
  return SHORT[char] ?? '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0')
}
