/**
 * Findings as a person reads a list of them (`check --all`, the editor's list): by file, line
 * and column, each message without the position it would otherwise repeat, with what `nginx -t`
 * itself would print marked, and knock-ons pointing at the finding they follow from
 * (docs/architecture.md "Findings"). The order nginx reports them in (the first `[emerg]` is
 * what `nginx -t` prints) stays the diagnostics' own.
 */
import type { Diagnostic, DiagnosticCode } from './diagnostics.ts'
import { knockOns } from './knock-on.ts'
import type { ParsedFile } from './parser.ts'

/** Where the finding a knock-on follows from begins, and its code. */
export interface FindingCause {
  file: string
  line: number
  column: number
  code: DiagnosticCode
}

export interface Finding extends Diagnostic {
  /** The message without a trailing ` in FILE:LINE` naming the finding's own place. */
  text: string
  /** `nginx -t` prints this line: a warning before the first [emerg], or that [emerg]. */
  printedByNginx: boolean
  /** This finding is a knock-on of that one (which nginx would have stopped at): fix that first. */
  causedBy?: FindingCause
}

/**
 * Whether `nginx -t` prints each diagnostic (given in nginx's order): it prints warnings as it
 * meets them and stops at the first [emerg]; the lab's own findings are never its.
 */
export function printedByNginx(diagnostics: readonly Diagnostic[]): boolean[] {
  let stopped = false
  return diagnostics.map((d) => {
    if (stopped || d.severity === 'lab') return false
    stopped = d.severity === 'emerg'
    return true
  })
}

/**
 * Every diagnostic as a finding, in nginx's order. Give the check's parsed `files` too: the
 * knock-on rules read the config's structure.
 */
export function describeFindings(diagnostics: readonly Diagnostic[], files: ReadonlyMap<string, ParsedFile> = new Map()): Finding[] {
  const printed = printedByNginx(diagnostics)
  const causes = knockOns(diagnostics, files)
  return diagnostics.map((d, index) => {
    const knockOn = causes[index]
    const cause = knockOn ? diagnostics[knockOn.cause] : null
    const finding: Finding = { ...d, text: withoutOwnPlace(d), printedByNginx: printed[index] }
    if (cause) finding.causedBy = { file: cause.file, line: cause.line, column: cause.column, code: cause.code }
    return finding
  })
}

/** The findings sorted by file, line and column (stable: nginx's order among equals). */
export function orderFindings(diagnostics: readonly Diagnostic[], files: ReadonlyMap<string, ParsedFile> = new Map()): Finding[] {
  return describeFindings(diagnostics, files)
    .map((f, index) => ({ f, index }))
    .sort((a, b) => compare(a.f.file, b.f.file) || a.f.line - b.f.line || a.f.column - b.f.column || a.index - b.index)
    .map(({ f }) => f)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** nginx puts ` in FILE:LINE` at the end of some messages; where that is the finding's own place, it is said once. */
function withoutOwnPlace(d: Diagnostic): string {
  const suffix = ` in ${d.file}:${d.nginxLine ?? d.line}`
  return d.message.endsWith(suffix) ? d.message.slice(0, -suffix.length) : d.message
}
