import type { Range } from './source.ts'

/**
 * nginx's log levels that `nginx -t` can print, plus `lab` for Upgrade Lab's own hints
 * (never printed by `check`, shown by the editor in its own voice).
 */
export type Severity = 'emerg' | 'warn' | 'lab'

/**
 * One finding about a config. `message` is nginx's exact wording, without position;
 * `nginxLine` is the line nginx itself reports (the line of the `;` or `{` that ended the
 * directive, or a stored line), `null` where nginx prints no position. The range is what
 * the editor underlines.
 */
export interface Diagnostic extends Range {
  severity: Severity
  code: DiagnosticCode
  message: string
  file: string
  nginxLine: number | null
  /** Printed after "syntax is ok" by `nginx -t` (checks done after parsing, in ngx_init_cycle). */
  afterSyntaxOk?: boolean
}

/** Stable codes, so tools can act on a kind of finding without matching wording. */
export type DiagnosticCode =
  | 'UL_SYNTAX'
  | 'UL_UNEXPECTED_EOF'
  | 'UL_UNKNOWN_DIRECTIVE'
  | 'UL_NOT_ALLOWED_HERE'
  | 'UL_NOT_TERMINATED'
  | 'UL_NO_OPENING_BRACE'
  | 'UL_ARGUMENT_COUNT'
  | 'UL_INVALID_VALUE'
  | 'UL_DUPLICATE'
  | 'UL_UNKNOWN_VARIABLE'
  | 'UL_HOST_NOT_FOUND'
  | 'UL_FILE'
  | 'UL_DEPRECATED'
  | 'UL_CONFLICT'
  | 'UL_MISSING'
  | 'UL_LAB_HINT'

/** The line `nginx -t` prints for a diagnostic: `nginx: [emerg] <message> in <file>:<line>`. */
export function formatNginx(d: Pick<Diagnostic, 'severity' | 'message' | 'file' | 'nginxLine'>): string {
  const where = d.nginxLine === null ? '' : ` in ${d.file}:${d.nginxLine}`
  return `nginx: [${d.severity}] ${d.message}${where}`
}

/** Editor-style one-liner with line and column, for `check --all`. */
export function formatWithColumn(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: [${d.severity}] ${d.message}`
}
