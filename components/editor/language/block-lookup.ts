/**
 * The statements of the block around a position, for fixes that add or change lines there:
 * the block a finding points into, its `proxy_set_header Upgrade`, its `proxy_pass`, its level.
 */
import type { Level } from '../../../server/nginx/conf.ts'
import type { DirectiveNode, Node } from '../../../server/nginx/parser.ts'
import { placementOf, treeOf, type Analysis } from './analysis.ts'
import { visitAt } from './syntax-tree.ts'
import type { Position } from './types.ts'

export interface BlockAt {
  /** The block directive (null: the file's top level). */
  owner: DirectiveNode | null
  statements: DirectiveNode[]
  /** The directive at the position, when it stands in this block. */
  node: DirectiveNode | null
}

const directivesOf = (nodes: readonly Node[]): DirectiveNode[] => nodes.filter((n): n is DirectiveNode => n.kind === 'directive')

/**
 * The block a position is about: a block directive there (a `location` a hint points at) is the
 * block itself; any other directive stands in its parent's block.
 */
export function blockAt(analysis: Analysis, file: string, pos: Position): BlockAt {
  const visit = visitAt(analysis, file, pos)
  if (!visit) return { owner: null, statements: directivesOf(treeOf(analysis, file).nodes), node: null }
  if (visit.node.block && !visit.entry) return { owner: visit.node, statements: directivesOf(visit.node.block), node: null }
  const owner = visit.parents.at(-1) ?? null
  return { owner, statements: directivesOf(owner?.block ?? treeOf(analysis, file).nodes), node: visit.node }
}

export function headerNamed(statements: readonly DirectiveNode[], name: string): DirectiveNode | undefined {
  return statements.find((n) => n.name === 'proxy_set_header' && n.args[0]?.value.toLowerCase() === name.toLowerCase())
}

export function named(statements: readonly DirectiveNode[], name: string): DirectiveNode | undefined {
  return statements.find((n) => n.name === name)
}

/** The level of a block's statements: that of any statement nginx placed in it. */
export function levelOf(analysis: Analysis, block: BlockAt): Level | undefined {
  for (const node of block.statements) {
    const placement = placementOf(analysis, node)
    if (placement) return placement.level
  }
  return undefined
}
