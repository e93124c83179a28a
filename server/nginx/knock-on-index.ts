/**
 * What the knock-on rules (knock-on-rules.ts) ask of a check: its diagnostics by position and
 * its parsed files as a list of directives with the blocks around them, and which diagnostic
 * refused a directive. Built once per list of findings, so every rule answers without
 * scanning the whole list again (a hostile config has tens of thousands of findings).
 */
import type { Diagnostic } from './diagnostics.ts'
import type { Word } from './lexer.ts'
import type { DirectiveNode, ErrorNode, Node, ParsedFile } from './parser.ts'
import type { Position, Range } from './source.ts'

/** One way a finding causes another: the index (nginx's order) of the cause of the finding asked about, or null. */
export interface KnockOnRule {
  name: string
  causeOf(index: number, ix: KnockOnIndex): number | null
}

export interface PlacedDirective {
  node: DirectiveNode
  file: string
  /** The blocks it is in, the nearest first. */
  ancestors: DirectiveNode[]
}

/** `a` is before `b` in a text. */
export function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column)
}

/** Whether a position lies in a range (its end excluded). */
export function isWithin(p: Position, r: Range): boolean {
  return !isBefore(p, r) && isBefore(p, { line: r.endLine, column: r.endColumn })
}

/** A position as one number (columns stay below 2^21: a line of nginx's is shorter than 2 MB). */
const spot = (p: Position): number => p.line * 0x200000 + p.column

function append<T>(map: Map<number, T[]>, at: number, value: T): void {
  const list = map.get(at)
  if (list) list.push(value)
  else map.set(at, [value])
}

/** One file's positions. */
class FileIndex {
  readonly diagnosticsAt = new Map<number, number[]>()
  readonly headsByLine = new Map<number, PlacedDirective[]>()
  readonly wordsAt = new Map<number, Word>()
  readonly blocksClosedAt = new Map<number, DirectiveNode>()
}

export class KnockOnIndex {
  readonly directives: PlacedDirective[] = []
  /** Each file's `}` without a block to close, in order (nginx's `unexpected "}"` at the top level). */
  readonly unmatchedBraces = new Map<string, ErrorNode[]>()
  private readonly files = new Map<string, FileIndex>()
  private readonly refusals = new Map<DirectiveNode, number>()
  private readonly tables = new Map<string, unknown>()

  constructor(
    readonly diagnostics: readonly Diagnostic[],
    files: ReadonlyMap<string, ParsedFile>,
  ) {
    diagnostics.forEach((d, index) => append(this.fileIndex(d.file).diagnosticsAt, spot(d), index))
    for (const [file, parsed] of files) {
      this.unmatchedBraces.set(file, parsed.nodes.filter((n): n is ErrorNode => n.kind === 'error' && n.error.message === 'unexpected "}"'))
      this.place(parsed.nodes, file, this.fileIndex(file), [])
    }
    diagnostics.forEach((d, index) => {
      const head = d.severity === 'emerg' ? this.headAt(d.file, d) : undefined
      if (head && !this.refusals.has(head.node)) this.refusals.set(head.node, index)
    })
  }

  /** The diagnostics that begin at a position, in nginx's order. */
  at(file: string, p: Position): readonly number[] {
    return this.files.get(file)?.diagnosticsAt.get(spot(p)) ?? []
  }

  /** The directive whose words and terminator (not its block) hold a position. */
  headAt(file: string, p: Position): PlacedDirective | undefined {
    // A line's heads are in the text's order and never overlap: the last one starting at or before p.
    const heads = this.files.get(file)?.headsByLine.get(p.line) ?? []
    let low = 0
    let high = heads.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (isBefore(p, heads[middle].node.range)) high = middle - 1
      else low = middle
    }
    const head = heads[low]
    return head && isWithin(p, head.node.range) ? head : undefined
  }

  /** The word that begins at a position. */
  wordAt(file: string, p: Position): Word | undefined {
    return this.files.get(file)?.wordsAt.get(spot(p))
  }

  /** The block directive whose `}` is at a position. */
  blockClosedAt(file: string, p: Position): DirectiveNode | undefined {
    return this.files.get(file)?.blocksClosedAt.get(spot(p))
  }

  /** The first [emerg] (in nginx's order) reported inside a directive's own words: nginx refused it. */
  refusalOf(node: DirectiveNode): number | null {
    return this.refusals.get(node) ?? null
  }

  /** The first refusal of the directive or of a block around it (nginx never read what is inside those). */
  refusalAround(placed: PlacedDirective): number | null {
    for (const node of [placed.node, ...placed.ancestors]) {
      const refusal = this.refusalOf(node)
      if (refusal !== null) return refusal
    }
    return null
  }

  /** A rule's lookup table, built once per list of findings. */
  table<T>(name: string, build: () => T): T {
    if (!this.tables.has(name)) this.tables.set(name, build())
    return this.tables.get(name) as T
  }

  private fileIndex(file: string): FileIndex {
    let index = this.files.get(file)
    if (!index) this.files.set(file, (index = new FileIndex()))
    return index
  }

  private place(nodes: readonly Node[], file: string, index: FileIndex, ancestors: DirectiveNode[]): void {
    for (const node of nodes) {
      if (node.kind !== 'directive') continue
      const placed = { node, file, ancestors }
      this.directives.push(placed)
      for (let line = node.range.line; line <= node.range.endLine; line++) append(index.headsByLine, line, placed)
      if (node.nameWord) index.wordsAt.set(spot(node.nameWord.range), node.nameWord)
      for (const word of node.args) index.wordsAt.set(spot(word.range), word)
      if (node.blockEnd) index.blocksClosedAt.set(spot(node.blockEnd.range), node)
      if (node.block) this.place(node.block, file, index, [node, ...ancestors])
    }
  }
}
