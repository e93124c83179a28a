/**
 * Fixes of nginx's syntax findings: a missing `;` (before a `}`, at the end of the file, or
 * where two lines merged into one directive), blocks left open at the end of the file, a `{`
 * after a simple directive, and a misspelt directive name.
 */
import { parse, type DirectiveNode } from '../../../server/nginx/parser.ts'
import { textOf, type Analysis } from './analysis.ts'
import { lineStarts, offsetOf } from './cursor-context.ts'
import { nearestNames } from './nearest.ts'
import { comparePositions, endOf, inRange, specIn, startOf, visitsOf, type Visit } from './syntax-tree.ts'
import { applyEdits, at, indentationOf, lineText } from './text-edits.ts'
import type { DiagnosticLike, Position, TextEdit } from './types.ts'

/** Whether only space and comments lie between two positions. */
function onlySpaceBetween(text: string, from: Position, to: Position): boolean {
  return /^(\s|#[^\n]*)*$/.test(text.slice(offsetOf(text, from), offsetOf(text, to)))
}

/** A directive cut short by a `}` or the end of the file (the parser's statements without terminator). */
function unterminatedBefore(analysis: Analysis, file: string, pos: Position): DirectiveNode | undefined {
  const text = textOf(analysis, file)
  let found: DirectiveNode | undefined
  for (const { node } of visitsOf(analysis, file)) {
    if (node.terminator !== null || comparePositions(endOf(node.range), pos) > 0) continue
    if (onlySpaceBetween(text, endOf(node.range), pos)) found = node
  }
  return found
}

/** The first word that starts a line of its own inside a directive and names a directive: where a `;` went missing. */
function mergedAt(analysis: Analysis, node: DirectiveNode): Position | null {
  const words = node.nameWord ? [node.nameWord, ...node.args] : node.args
  for (let i = 1; i < words.length; i++) {
    if (words[i].range.line > words[i - 1].range.endLine && analysis.table.has(words[i].value)) return endOf(words[i - 1].range)
  }
  return null
}

/** Where a `;` is missing for this finding, if that is what it is. */
export function missingSemicolon(analysis: Analysis, file: string, d: DiagnosticLike): TextEdit[] {
  const start = startOf(d)
  if (d.code === 'NGINX_SYNTAX' && d.message === 'unexpected "}"') {
    const node = unterminatedBefore(analysis, file, start)
    return node ? [{ file, range: at(endOf(node.range)), text: ';' }] : []
  }
  if (d.code === 'NGINX_UNEXPECTED_EOF' && d.message.includes('expecting ";"')) {
    // The file ended: the blocks still open are closed too, or nginx's next word is "expecting }".
    const node = unterminatedBefore(analysis, file, endOf(d))
    return node ? [{ file, range: at(endOf(node.range)), text: ';' }, ...closeOpenBlocks(analysis, file)] : []
  }
  for (const { node } of visitsOf(analysis, file)) {
    if (!inRange(node.range, start)) continue
    const missing = mergedAt(analysis, node)
    if (missing) return [{ file, range: at(missing), text: ';' }]
  }
  return []
}

/** `}` for each block still open at the end of the file, innermost first, each under its opening line. */
export function closeOpenBlocks(analysis: Analysis, file: string): TextEdit[] {
  const text = textOf(analysis, file)
  const open = visitsOf(analysis, file).filter((v) => v.node.block !== null && v.node.blockEnd === null).map((v) => v.node)
  if (open.length === 0) return []
  const lines = open.reverse().map((node) => `${indentationOf(text, node.range.line)}}\n`)
  const starts = lineStarts(text)
  const end = { line: starts.length, column: text.length - starts[starts.length - 1] + 1 }
  return [{ file, range: at(end), text: (text.endsWith('\n') || text === '' ? '' : '\n') + lines.join('') }]
}

/** How many of a text's findings are about braces and statements left open. */
function openEnded(text: string): number {
  const errors = (nodes: ReturnType<typeof parse>['nodes']): number =>
    nodes.reduce((n, node) => n + (node.kind === 'error' ? 1 : errors(node.block ?? [])), 0)
  return errors(parse(text).nodes)
}

/**
 * `proxy_pass http://a {`: the `{` becomes `;`. If the block it opened then has a `}` too many
 * (it was closed, as in `err-brace-after-proxy-pass`), that `}` goes too — whichever parses with
 * fewer syntax errors.
 */
export function braceToSemicolon(analysis: Analysis, file: string, d: DiagnosticLike): TextEdit[] {
  const visit = visitsOf(analysis, file).find((v) => v.node.terminator === 'block-start' && inRange(v.node.range, startOf(d)))
  if (!visit) return []
  const brace = endOf(visit.node.range)
  const replaced: TextEdit = { file, range: { line: brace.line, column: brace.column - 1, endLine: brace.line, endColumn: brace.column }, text: ';' }
  const close = visit.node.blockEnd?.range
  if (!close) return [replaced]
  const text = textOf(analysis, file)
  const wholeLine = lineText(text, close.line).trim() === '}'
  const removed: TextEdit = wholeLine
    ? { file, range: { line: close.line, column: 1, endLine: close.line + 1, endColumn: 1 }, text: '' }
    : { file, range: close, text: '' }
  const both = [replaced, removed]
  return openEnded(applyEdits(text, both)) < openEnded(applyEdits(text, [replaced])) ? both : [replaced]
}

/** Names the table has for the block the misspelt one stands in, nearest first. */
export function nearestDirectives(analysis: Analysis, visit: Visit): string[] {
  const allowed = [...analysis.table.keys()].filter((name) => specIn(analysis.table, name, visit.context))
  return nearestNames(visit.node.name, allowed)
}

/** The directive named at a finding (an unknown directive's name). */
export function directiveAtFinding(analysis: Analysis, file: string, d: Position): Visit | undefined {
  return visitsOf(analysis, file).find((v) => !v.entry && v.node.nameWord && inRange(v.node.nameWord.range, startOf(d)))
}
