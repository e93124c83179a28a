/** Positions in a config text: 1-based lines and columns, columns in UTF-16 code units (as Monaco counts). */

export interface Position {
  line: number
  column: number
}

export interface Range {
  line: number
  column: number
  endLine: number
  endColumn: number
}

export function rangeBetween(start: Position, end: Position): Range {
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column }
}

/** A range covering from the start of `a` to the end of `b`. */
export function spanRanges(a: Range, b: Range): Range {
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn }
}
