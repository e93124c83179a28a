/**
 * Finding things in a parse tree by position, and walking it with the context each directive
 * stands in (derived from the table's `opens`, so it works on files nginx never read).
 */
import { MODULE_TYPE_OF_CONTEXT, type ContextName, type DirectiveSpec } from '../../../server/nginx/directive-spec.ts'
import type { DirectiveNode, Node, ParsedFile } from '../../../server/nginx/parser.ts'
import { placementOf, treeOf, type Analysis } from './analysis.ts'
import type { Position, Range } from './types.ts'

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column
}

/** Whether `pos` is in `range`; at its end too when `touching` (a cursor just after a word). */
export function inRange(range: Range, pos: Position, touching = false): boolean {
  const end = { line: range.endLine, column: range.endColumn }
  return comparePositions(range, pos) <= 0 && (touching ? comparePositions(pos, end) <= 0 : comparePositions(pos, end) < 0)
}

export function startOf(range: Position): Position {
  return { line: range.line, column: range.column }
}

export function endOf(range: Range): Position {
  return { line: range.endLine, column: range.endColumn }
}

export function emptyRangeAt(pos: Position): Range {
  return { line: pos.line, column: pos.column, endLine: pos.line, endColumn: pos.column }
}

/** A directive with its block: from its name to its closing brace (or as far as nginx read). */
export function extentOf(node: DirectiveNode): Range {
  const last = node.blockEnd?.range ?? lastRangeIn(node.block) ?? node.range
  return { line: node.range.line, column: node.range.column, endLine: last.endLine, endColumn: last.endColumn }
}

function lastRangeIn(nodes: readonly Node[] | null): Range | null {
  const last = nodes?.at(-1)
  if (!last) return null
  return last.kind === 'error' ? last.error.range : extentOf(last)
}

/** The spec nginx would pick for `name` in `context` (ngx_conf_handler: the block's module type, then its contexts). */
export function specIn(table: ReadonlyMap<string, readonly DirectiveSpec[]>, name: string, context: ContextName | null): DirectiveSpec | undefined {
  const specs = table.get(name)
  if (!specs) return undefined
  if (!context) return specs[0]
  const moduleType = MODULE_TYPE_OF_CONTEXT[context]
  return specs.find((s) => (s.moduleType === 'conf' || s.moduleType === moduleType) && s.contexts.includes(context))
}

/** What a block's body is read as: a context of directives, data (`map`, `types`), or unknown (an unknown block). */
export type BodyKind = { context: ContextName } | { data: true } | null

export function bodyOf(spec: DirectiveSpec | undefined, context: ContextName | null): BodyKind {
  if (!spec?.block || !context) return null
  const opened = spec.opens?.[context]
  if (opened) return { context: opened }
  return spec.opens ? null : { data: true }
}

export interface Visit {
  node: DirectiveNode
  /** The context it stands in; null in a block nginx would not know. */
  context: ContextName | null
  /** An entry of a data block (`map`, `types`): its first word is a key, not a directive. */
  entry: boolean
  /** The directives whose blocks hold it, outermost first. */
  parents: DirectiveNode[]
}

/** Every directive of a tree, outer before inner, with the context it stands in. */
export function* walk(table: ReadonlyMap<string, readonly DirectiveSpec[]>, nodes: readonly Node[], context: ContextName | null): Generator<Visit> {
  yield* walkIn(table, nodes, context, false, [])
}

function* walkIn(
  table: ReadonlyMap<string, readonly DirectiveSpec[]>,
  nodes: readonly Node[],
  context: ContextName | null,
  entry: boolean,
  parents: DirectiveNode[],
): Generator<Visit> {
  for (const node of nodes) {
    if (node.kind === 'error') continue
    yield { node, context, entry, parents }
    if (!node.block) continue
    const body = entry ? null : bodyOf(specIn(table, node.name, context), context)
    const inner = body && 'context' in body ? body.context : null
    yield* walkIn(table, node.block, inner, body !== null && 'data' in body, [...parents, node])
  }
}

/** The context a file's top level stands in: main for the main file, the including block's for an included one. */
export function fileContext(analysis: Analysis, file: string, tree: ParsedFile = treeOf(analysis, file)): ContextName | null {
  if (file === analysis.main) return 'main'
  for (const node of tree.nodes) {
    if (node.kind === 'directive') return placementOf(analysis, node)?.context ?? null
  }
  return null
}

const visitCache = new WeakMap<Analysis, Map<string, Visit[]>>()

/** Every directive of a file with its context, walked once per analysis. */
export function visitsOf(analysis: Analysis, file: string): readonly Visit[] {
  let byFile = visitCache.get(analysis)
  if (!byFile) visitCache.set(analysis, (byFile = new Map()))
  let visits = byFile.get(file)
  if (!visits) {
    const tree = treeOf(analysis, file)
    visits = [...walk(analysis.table, tree.nodes, fileContext(analysis, file, tree))]
    byFile.set(file, visits)
  }
  return visits
}

/** The innermost directive whose text (with its block) holds `pos`. */
export function visitAt(analysis: Analysis, file: string, pos: Position): Visit | null {
  let found: Visit | null = null
  for (const visit of visitsOf(analysis, file)) {
    if (inRange(extentOf(visit.node), pos, true)) found = visit
  }
  return found
}

/** The directive whose name is at `pos` (not a data block's key). */
export function directiveNamedAt(analysis: Analysis, file: string, pos: Position): Visit | null {
  for (const visit of visitsOf(analysis, file)) {
    if (!visit.entry && visit.node.nameWord && inRange(visit.node.nameWord.range, pos)) return visit
  }
  return null
}
