/** Hover where the pointer is: a variable, else a directive's name. */
import type { Analysis } from './analysis.ts'
import { directiveHover } from './directive-hover.ts'
import { directiveNamedAt } from './syntax-tree.ts'
import type { HoverResult, Lang, Position } from './types.ts'
import { siteAt } from './variable-index.ts'
import { variableHover } from './variable-hover.ts'

export function hover(analysis: Analysis, file: string, position: Position, lang: Lang): HoverResult | null {
  const site = siteAt(analysis, file, position)
  if (site) return { range: site.range, markdown: variableHover(analysis, site, file, lang) }
  const visit = directiveNamedAt(analysis, file, position)
  if (!visit?.node.nameWord) return null
  return { range: visit.node.nameWord.range, markdown: directiveHover(analysis, visit.node, visit.context, file, lang) }
}
