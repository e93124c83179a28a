/**
 * Text edits: applying them (the tests, and anything that must see a fix's result), and placing
 * new lines the way the file around them is written (its indentation, one statement per line or
 * several on one).
 */
import type { DirectiveNode } from '../../../server/nginx/parser.ts'
import { lineStarts, offsetOf } from './cursor-context.ts'
import { comparePositions, endOf, startOf } from './syntax-tree.ts'
import type { Position, Range, TextEdit } from './types.ts'

/** Applies edits of one file (ranges of the original text, not overlapping). */
export function applyEdits(text: string, edits: ReadonlyArray<Pick<TextEdit, 'range' | 'text'>>): string {
  const starts = lineStarts(text)
  const sorted = [...edits].sort((a, b) => comparePositions(b.range, a.range))
  let out = text
  for (const edit of sorted) {
    const from = offsetOf(text, startOf(edit.range), starts)
    const to = offsetOf(text, endOf(edit.range), starts)
    out = out.slice(0, from) + edit.text + out.slice(to)
  }
  return out
}

export function lineText(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? ''
}

export function indentationOf(text: string, line: number): string {
  return /^[ \t]*/.exec(lineText(text, line))?.[0] ?? ''
}

/** The file's indentation step: its first indented line's, else four spaces. */
export function indentUnit(text: string): string {
  return /^([ \t]+)\S/m.exec(text)?.[1] ?? '    '
}

export function at(pos: Position): Range {
  return { line: pos.line, column: pos.column, endLine: pos.line, endColumn: pos.column }
}

/** Whether a directive is the first thing on its line. */
function startsItsLine(text: string, node: DirectiveNode): boolean {
  return lineText(text, node.range.line).slice(0, node.range.column - 1).trim() === ''
}

/** Whether only space or a comment follows a directive on its line. */
function endsItsLine(text: string, node: DirectiveNode): boolean {
  const rest = lineText(text, node.range.endLine).slice(node.range.endColumn - 1)
  return /^\s*(#.*)?$/.test(rest)
}

/** Inserts statements before a directive: on lines of their own if it has its own line, else in line. */
export function insertBefore(file: string, text: string, node: DirectiveNode, statements: readonly string[]): TextEdit {
  if (startsItsLine(text, node)) {
    const indent = indentationOf(text, node.range.line)
    return { file, range: at({ line: node.range.line, column: 1 }), text: statements.map((s) => `${indent}${s}\n`).join('') }
  }
  return { file, range: at(startOf(node.range)), text: statements.map((s) => `${s} `).join('') }
}

/** Inserts statements after a directive (after a comment that ends its line). */
export function insertAfter(file: string, text: string, node: DirectiveNode, statements: readonly string[]): TextEdit {
  if (startsItsLine(text, node) && endsItsLine(text, node)) {
    const line = node.range.endLine
    const indent = indentationOf(text, node.range.line)
    return { file, range: at({ line, column: lineText(text, line).length + 1 }), text: statements.map((s) => `\n${indent}${s}`).join('') }
  }
  return { file, range: at(endOf(node.range)), text: statements.map((s) => ` ${s}`).join('') }
}

/** Inserts statements at the start of a block, indented one step more than the block's line. */
export function insertAtBlockStart(file: string, text: string, block: DirectiveNode, statements: readonly string[]): TextEdit {
  const brace = endOf(block.range)
  const first = block.block?.find((n) => n.kind === 'directive')
  const sameLine = first !== undefined && first.kind === 'directive' && first.range.line === brace.line
  if (sameLine) return { file, range: at(brace), text: statements.map((s) => ` ${s.replace(/\n\s*/g, ' ')}`).join('') }
  const indent = first?.kind === 'directive' ? indentationOf(text, first.range.line) : indentationOf(text, block.range.line) + indentUnit(text)
  const lines = statements.flatMap((s) => s.split('\n')).map((l) => `\n${indent}${l}`)
  // After a comment that ends the brace's line, and a blank line before what the block held.
  const braceLine = lineText(text, brace.line)
  const end = /^\s*(#.*)?$/.test(braceLine.slice(brace.column - 1)) ? { line: brace.line, column: braceLine.length + 1 } : brace
  return { file, range: at(end), text: lines.join('') + (first ? '\n' : '') }
}
