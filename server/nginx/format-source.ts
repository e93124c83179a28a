/**
 * A config text as the formatter reads it: the lexer's statements, each word with its exact
 * source bytes and the gap before it (the comments and line breaks between two tokens), so the
 * printer can lay out everything but the tokens themselves. The lexer decides what is a word,
 * a quoted string or a comment; nothing here re-tokenizes.
 */
import { Lexer, type LexError, type StatementEnd } from './lexer.ts'
import type { Range } from './source.ts'

/** A `#` comment, without its line break (a CRLF's `\r` belongs to the line break). */
export interface Comment {
  text: string
  /** Line breaks between the token (or comment) before it and this comment. */
  breaksBefore: number
}

/** What lies between two tokens: only white space and comments, once the lexer found no error. */
export interface Gap {
  comments: Comment[]
  /** Line breaks between the last comment (or the token before) and the token after. */
  breaksAfter: number
  /** The gap's source text (a table block keeps the spacing between the words of a line). */
  text: string
}

export interface SourceWord {
  /** The source bytes: quotes, escapes and regexes exactly as written. */
  raw: string
  /** The value nginx sees (quotes removed), for recognising a block's directive name. */
  value: string
  /** Where it began on its line (UTF-16 units, a tab counts one): continuation lines keep their alignment. */
  column: number
  before: Gap
}

export interface SourceStatement {
  words: SourceWord[]
  end: StatementEnd
  /** The gap between the last word (or the previous statement) and the terminator. */
  beforeEnd: Gap
}

/** Why a text cannot be formatted: nginx's own message for the first syntax error, and where. */
export interface FormatRefusal {
  message: string
  line: number
  column: number
}

export type SourceReading = { ok: true; statements: SourceStatement[] } | { ok: false; refusal: FormatRefusal }

/** Reads the text's statements; the first syntax error (lexer or braces) refuses the whole text. */
export function readSource(text: string): SourceReading {
  const lineStarts = lineStartsOf(text)
  const offsetOf = (line: number, column: number): number => lineStarts[line - 1] + column - 1
  const lexer = new Lexer(text)
  const statements: SourceStatement[] = []
  let depth = 0
  let previousEnd = 0
  for (;;) {
    const st = lexer.next()
    if (st.errors.length > 0) return refuse(st.errors[0])
    if (st.end === 'block-done' && depth === 0) return refuse({ message: 'unexpected "}"', range: st.endRange })
    if (st.end === 'eof' && depth > 0) return refuse({ message: 'unexpected end of file, expecting "}"', range: st.endRange })
    const words: SourceWord[] = []
    for (const word of st.args) {
      const start = offsetOf(word.range.line, word.range.column)
      words.push({ raw: word.raw, value: word.value, column: word.range.column, before: gapOf(text.slice(previousEnd, start)) })
      previousEnd = start + word.raw.length
    }
    const endStart = st.end === 'eof' ? text.length : offsetOf(st.endRange.line, st.endRange.column)
    statements.push({ words, end: st.end, beforeEnd: gapOf(text.slice(previousEnd, endStart)) })
    previousEnd = Math.min(text.length, endStart + 1)
    if (st.end === 'block-start') depth++
    if (st.end === 'block-done') depth--
    if (st.end === 'eof') return { ok: true, statements }
  }
}

function refuse(error: Pick<LexError, 'message'> & { range: Range }): SourceReading {
  return { ok: false, refusal: { message: error.message, line: error.range.line, column: error.range.column } }
}

/** Offsets where each line begins, lines counted as the lexer counts them (at `\n`). */
function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/** Splits a gap into its comments and line breaks (a `#` here always starts a comment: the lexer said so). */
function gapOf(text: string): Gap {
  const comments: Comment[] = []
  let breaks = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\n') breaks++
    else if (ch === '#') {
      const lineEnd = text.indexOf('\n', i)
      const end = lineEnd === -1 ? text.length : lineEnd
      const crlf = lineEnd !== -1 && text[end - 1] === '\r'
      comments.push({ text: text.slice(i, crlf ? end - 1 : end), breaksBefore: breaks })
      breaks = 0
      i = end - 1
    }
  }
  return { comments, breaksAfter: breaks, text }
}
