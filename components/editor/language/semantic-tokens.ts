/**
 * What the grammar cannot know: which directive names the selected version's table has, and
 * which variables are nginx's, defined by this config (`map`, `set`, named captures), or
 * unknown — the same verdicts the engine's checks reach.
 */
import { BUILTIN_VARIABLES, VARIABLE_PREFIXES } from '../../../server/nginx/variables.ts'
import type { Analysis } from './analysis.ts'
import { comparePositions, visitsOf } from './syntax-tree.ts'
import type { Range, SemanticToken, SemanticTokenType } from './types.ts'
import { definedNames, sitesIn } from './variable-index.ts'

export type VariableKind = 'builtin' | 'defined' | 'unknown'

/** Defined by the config first: `set` and `map` may take over a changeable built-in. */
export function variableKind(name: string, defined: ReadonlySet<string>): VariableKind {
  if (defined.has(name)) return 'defined'
  if (BUILTIN_VARIABLES.has(name) || VARIABLE_PREFIXES.some((prefix) => name.startsWith(prefix))) return 'builtin'
  return 'unknown'
}

export function semanticTokens(analysis: Analysis, file: string): SemanticToken[] {
  const tokens: SemanticToken[] = []
  const push = (range: Range, type: SemanticTokenType): void => {
    // Monaco's semantic tokens lie on one line; a name or variable spanning lines is left to the grammar.
    if (range.line === range.endLine) tokens.push({ line: range.line, column: range.column, length: range.endColumn - range.column, type })
  }
  for (const { node, entry } of visitsOf(analysis, file)) {
    if (entry || !node.nameWord) continue
    push(node.nameWord.range, analysis.table.has(node.name) ? 'directive' : 'directive.unknown')
  }
  const defined = new Set(definedNames(analysis))
  for (const site of sitesIn(analysis, file)) {
    push(site.range, `variable.${site.role === 'use' ? variableKind(site.name, defined) : 'defined'}`)
  }
  return tokens.sort(comparePositions)
}
