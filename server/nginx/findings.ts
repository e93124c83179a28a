/**
 * Findings as a person reads a list of them (`check --all`, the editor's list): by file, line
 * and column, and each message without the position it would otherwise repeat. The order nginx
 * reports them in (the first `[emerg]` is what `nginx -t` prints) stays the diagnostics' own.
 */
import type { Diagnostic } from './diagnostics.ts'

export interface Finding extends Diagnostic {
  /** The message without a trailing ` in FILE:LINE` naming the finding's own place. */
  text: string
}

/** The findings sorted by file, line and column (stable: nginx's order among equals). */
export function orderFindings(diagnostics: readonly Diagnostic[]): Finding[] {
  return diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => compare(a.d.file, b.d.file) || a.d.line - b.d.line || a.d.column - b.d.column || a.index - b.index)
    .map(({ d }) => ({ ...d, text: withoutOwnPlace(d) }))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** nginx puts ` in FILE:LINE` at the end of some messages; where that is the finding's own place, it is said once. */
function withoutOwnPlace(d: Diagnostic): string {
  const suffix = ` in ${d.file}:${d.nginxLine ?? d.line}`
  return d.message.endsWith(suffix) ? d.message.slice(0, -suffix.length) : d.message
}
