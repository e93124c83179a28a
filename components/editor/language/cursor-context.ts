/**
 * Where the cursor is in text being typed: the block it is in (read with the engine's lexer
 * from the start of the text to the cursor, so it holds for text the last analysis has not
 * seen, and for broken text), the words of the statement so far, and the word being typed.
 */
import type { ContextName, DirectiveSpec } from '../../../server/nginx/directive-spec.ts'
import { Lexer, type Word } from '../../../server/nginx/lexer.ts'
import { bodyOf, specIn } from './syntax-tree.ts'
import type { Position, Range } from './types.ts'

export interface CursorContext {
  /** The context of the block the cursor is in; null in a block nginx would not know. */
  context: ContextName | null
  /** In a data block (`map`, `types`…): entries, not directives. */
  data: boolean
  /** The statement's words before the one being typed. */
  words: Word[]
  /** The word that ends at the cursor, when the cursor touches one. */
  partial: Word | null
  /** The cursor is in a `#` comment. */
  inComment: boolean
}

/** Offsets of each line's start, to turn positions into offsets. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return starts
}

export function offsetOf(text: string, pos: Position, starts = lineStarts(text)): number {
  const start = starts[Math.min(Math.max(pos.line, 1), starts.length) - 1]
  return Math.min(start + Math.max(pos.column, 1) - 1, text.length)
}

type Frame = { context: ContextName | null; data: boolean }

export function cursorContext(
  table: ReadonlyMap<string, readonly DirectiveSpec[]>,
  text: string,
  position: Position,
  fileContext: ContextName | null,
): CursorContext {
  const starts = lineStarts(text)
  const offset = offsetOf(text, position, starts)
  const prefix = text.slice(0, offset)
  const lexer = new Lexer(prefix)
  const stack: Frame[] = [{ context: fileContext, data: false }]
  // Where the last word or terminator ended: what follows it can only be space or a comment.
  let lastEnd: Range | null = null
  for (;;) {
    const st = lexer.next()
    const top = stack[stack.length - 1]
    if (st.end === 'eof') {
      const last = st.args.at(-1)
      const touching = last !== undefined && last.range.endLine === position.line && last.range.endColumn === position.column
      const partial = touching && !/\s$/.test(prefix) ? last : null
      const words = partial ? st.args.slice(0, -1) : st.args
      const tailFrom = last ? last.range : lastEnd
      const tail = tailFrom ? prefix.slice(offsetOf(text, { line: tailFrom.endLine, column: tailFrom.endColumn }, starts)) : prefix
      const inComment = partial === null && tail.slice(tail.lastIndexOf('\n') + 1).includes('#')
      return { context: top.context, data: top.data, words, partial, inComment }
    }
    lastEnd = st.endRange
    if (st.end === 'block-start') {
      const name = st.args[0]?.value ?? ''
      const body = top.data ? null : bodyOf(specIn(table, name, top.context), top.context)
      stack.push(body && 'context' in body ? { context: body.context, data: false } : { context: null, data: body !== null })
    } else if (st.end === 'block-done' && stack.length > 1) {
      stack.pop()
    }
  }
}
