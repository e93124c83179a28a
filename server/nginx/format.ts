/**
 * The formatter of the editor's "Format document" and `upgrade-lab fmt`: re-indents a config
 * and puts one directive on a line, without changing a single token. Words, quoted strings
 * and regexes are printed from their source bytes, comments verbatim; only the white space
 * between tokens is rewritten. Isomorphic, like the rest of the engine.
 *
 * The layout (README "upgrade-lab fmt"):
 * - `indent` per level (4 spaces, as nginx's stock files); one space between words; `{` on the
 *   directive's line, `}` on its own line; an empty block stays `name {}`.
 * - A line break the author put between two words of a directive stays (long `log_format`s),
 *   the next line one level deeper, or aligned as it was if the author aligned it further;
 *   words written together (`"b")` in an `if`) stay together.
 * - Table blocks (`map`, `types`, `geo`…) keep the spacing between the words of an entry, so
 *   their columns stay aligned.
 * - Comments keep their line; one after a token stays after it on that line. A comment between
 *   a directive's last word and its `;` goes after the `;`.
 * - Blank lines between lines are kept, at most one in a row; none after `{`, before `}` or at
 *   either end of the file. CRLF text stays CRLF.
 * - A text with a syntax error (an unclosed quote, a `}` too many…) is not formatted at all:
 *   `tryFormatConfig` says why, `formatConfig` returns it unchanged.
 */
import { readSource, type FormatRefusal, type Gap, type SourceStatement } from './format-source.ts'

export type { FormatRefusal } from './format-source.ts'

export interface FormatOptions {
  /** One level of indentation (default four spaces). */
  indent?: string
}

export type FormatResult = { ok: true; text: string } | { ok: false; refusal: FormatRefusal }

/** Blocks whose bodies are tables of values, not directives: their entries keep their inner spacing. */
const TABLE_BLOCKS = new Set(['map', 'geo', 'types', 'split_clients', 'charset_map'])

/** The formatted text, or the text unchanged when it has a syntax error. */
export function formatConfig(text: string, options: FormatOptions = {}): string {
  const result = tryFormatConfig(text, options)
  return result.ok ? result.text : text
}

/** The formatted text, or why it cannot be formatted (nginx's message and the error's position). */
export function tryFormatConfig(text: string, options: FormatOptions = {}): FormatResult {
  const source = readSource(text)
  if (!source.ok) return source
  const printer = new Printer(options.indent ?? '    ')
  printer.print(source.statements)
  return { ok: true, text: printer.text(lineBreakOf(text)) }
}

/** CRLF when the text's first line ends so (editors write one kind throughout). */
function lineBreakOf(text: string): string {
  const first = text.indexOf('\n')
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n'
}

/** `events {}`: a `{` and its `}` with nothing between them, not even a comment. */
function isEmptyBlock(opener: SourceStatement | undefined, closer: SourceStatement): boolean {
  return opener?.end === 'block-start' && opener.beforeEnd.comments.length === 0 && closer.beforeEnd.comments.length === 0
}

class Printer {
  private readonly lines: string[] = []
  private depth = 0
  /** Nothing printed yet at this level since the file began or a block opened: no blank line here. */
  private atStart = true
  /** The line being written ends in a comment: nothing more can go on it. */
  private lineHasComment = false
  /** The kind of each open block: whether its body is a table. */
  private readonly tables: boolean[] = []

  constructor(private readonly indent: string) {}

  text(lineBreak: string): string {
    return this.lines.length ? this.lines.join(lineBreak) + lineBreak : ''
  }

  print(statements: readonly SourceStatement[]): void {
    for (const [i, st] of statements.entries()) {
      const previous = statements[i - 1]
      if (st.words.length > 0) this.directive(st)
      else if (st.end === 'block-done') this.closeBlock(st.beforeEnd, isEmptyBlock(previous, st))
      else this.commentsBetweenStatements(st.beforeEnd, this.depth)
    }
  }

  private directive(st: SourceStatement): void {
    const [first, ...rest] = st.words
    this.commentsBetweenStatements(first.before, this.depth)
    this.startLine(this.depth, first.before.breaksAfter >= 2)
    this.append(first.raw)
    const inTable = this.tables[this.tables.length - 1] === true
    for (const word of rest) {
      const gap = word.before
      if (gap.comments.length === 0 && gap.breaksAfter === 0) {
        // Words written together stay together; a table keeps its columns.
        this.append(gap.text === '' ? '' : inTable ? gap.text : ' ')
      } else {
        this.commentsInside(gap, this.depth + 1)
        this.startLine(this.depth, false)
        this.append(this.continuationIndent(word.column - first.column))
      }
      this.append(word.raw)
    }
    if (st.end === 'block-start') {
      this.append(' {')
      this.depth++
      this.tables.push(TABLE_BLOCKS.has(first.value))
      this.atStart = true
      this.commentsInside(st.beforeEnd, this.depth)
    } else {
      this.append(';')
      this.atStart = false
      this.commentsInside(st.beforeEnd, this.depth)
    }
  }

  /** Comments before a `}`, then the `}` (on the `{`'s line when the block is empty). */
  private closeBlock(gap: Gap, emptyBlock: boolean): void {
    this.commentsBetweenStatements(gap, this.depth)
    this.depth--
    this.tables.pop()
    if (!emptyBlock) this.startLine(this.depth, false)
    this.append('}')
    this.atStart = false
  }

  /** Comments between statements: one on the line of the token before stays there; blank lines kept. */
  private commentsBetweenStatements(gap: Gap, depth: number): void {
    for (const comment of gap.comments) {
      if (comment.breaksBefore === 0 && this.lines.length > 0) this.trailingComment(comment.text, depth)
      else {
        this.startLine(depth, comment.breaksBefore >= 2)
        this.append(comment.text)
        this.lineHasComment = true
      }
      this.atStart = false
    }
  }

  /** Comments inside a directive: after the token on its line, or each on a line of its own. */
  private commentsInside(gap: Gap, depth: number): void {
    for (const comment of gap.comments) {
      if (comment.breaksBefore === 0) this.trailingComment(comment.text, depth)
      else {
        this.startLine(depth, false)
        this.append(comment.text)
        this.lineHasComment = true
      }
    }
  }

  /** A comment written after a token on its line; on a line of its own when a comment moved there first. */
  private trailingComment(text: string, depth: number): void {
    if (this.lineHasComment) {
      this.startLine(depth, false)
      this.append(text)
    } else this.append(' ' + text)
    this.lineHasComment = true
  }

  /**
   * A directive's next line: one level deeper, or as far right of the directive as it was when
   * the author aligned it further (the quoted parts of a `log_format` under the first one).
   */
  private continuationIndent(columnsRightOfDirective: number): string {
    return columnsRightOfDirective > this.indent.length ? ' '.repeat(columnsRightOfDirective) : this.indent
  }

  private startLine(depth: number, blankBefore: boolean): void {
    if (blankBefore && !this.atStart) this.lines.push('')
    this.lines.push(this.indent.repeat(depth))
    this.lineHasComment = false
  }

  private append(text: string): void {
    this.lines[this.lines.length - 1] += text
  }
}
