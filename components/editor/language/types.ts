/**
 * What the language services take and give: plain, structured-clonable data (they run in a
 * web worker). Positions are 1-based lines and columns in UTF-16 units, as the engine's
 * diagnostics and Monaco count them; a range ends before its end column.
 */
import type { Position, Range } from '../../../server/nginx/source.ts'

export type { Position, Range }

/** The language of the page: summaries, lab notes and fix titles come in both. */
export type Lang = 'en' | 'zh'

export interface Location {
  file: string
  range: Range
}

/** Replace `range` of `file` with `text` (an empty range inserts). */
export interface TextEdit {
  file: string
  range: Range
  text: string
}

export interface HoverResult {
  /** What the hover is about (a directive's name, a variable). */
  range: Range
  /** Markdown; every piece of the user's text in it is escaped. */
  markdown: string
}

export type SemanticTokenType = 'directive' | 'directive.unknown' | 'variable.builtin' | 'variable.defined' | 'variable.unknown'

export interface SemanticToken {
  line: number
  column: number
  /** In UTF-16 units, on one line. */
  length: number
  type: SemanticTokenType
}

export type CompletionKind = 'directive' | 'block' | 'value' | 'variable' | 'upstream' | 'unit'

export interface CompletionItem {
  label: string
  kind: CompletionKind
  /** Monaco snippet syntax when isSnippet (`${1:time}`, `${1|on,off|}`, `$0`). */
  insertText: string
  isSnippet: boolean
  detail: string
  /** Markdown. */
  documentation: string
  /** What the item replaces: from the start of what is being completed to the end of the word at the cursor. */
  range: Range
}

/** A finding as the editor has it: the engine's Diagnostic fits, and so does a Monaco marker with its code. */
export interface DiagnosticLike extends Range {
  code: string
  message: string
  /** The file the finding is in; the file the actions are asked for when absent. */
  file?: string
}

export interface CodeAction {
  title: string
  titleZh: string
  /** The code of the finding it fixes; null for a refactoring offered where no finding is. */
  diagnosticCode: string | null
  edits: TextEdit[]
  isPreferred?: boolean
}
