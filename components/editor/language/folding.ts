/**
 * Folding by the config's own blocks (a brace's block, wherever the braces stand, where Monaco's
 * default would go by indentation), by `# region` / `# endregion` markers and by runs of comment lines.
 */
import { textOf, type Analysis } from './analysis.ts'
import { visitsOf } from './syntax-tree.ts'

export interface FoldingRange {
  /** First and last line folded (1-based); the first stays visible. */
  start: number
  end: number
  kind?: 'comment' | 'region'
}

export function foldingRanges(analysis: Analysis, file: string): FoldingRange[] {
  const ranges: FoldingRange[] = []
  for (const { node } of visitsOf(analysis, file)) {
    const close = node.blockEnd?.range
    // The closing brace's line stays visible, as Monaco folds blocks of other languages.
    if (close && close.line - 1 > node.range.endLine) ranges.push({ start: node.range.endLine, end: close.line - 1 })
  }
  const lines = textOf(analysis, file).split('\n')
  const regions: number[] = []
  let commentRun: number | null = null
  lines.forEach((line, index) => {
    const number = index + 1
    if (/^\s*#\s*region\b/.test(line)) regions.push(number)
    else if (/^\s*#\s*endregion\b/.test(line) && regions.length > 0) ranges.push({ start: regions.pop() as number, end: number, kind: 'region' })
    const comment = /^\s*#/.test(line) && !/^\s*#\s*(end)?region\b/.test(line)
    if (comment && commentRun === null) commentRun = number
    if (!comment && commentRun !== null) {
      if (number - 1 > commentRun) ranges.push({ start: commentRun, end: number - 1, kind: 'comment' })
      commentRun = null
    }
  })
  if (commentRun !== null && lines.length > commentRun) ranges.push({ start: commentRun, end: lines.length, kind: 'comment' })
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end)
}
