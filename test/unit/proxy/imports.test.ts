/**
 * The runtime's modules (server/proxy/*.ts) import each other without cycles: value imports
 * only (an `import type`, or a named import whose names are all `type`, is erased and does
 * not count). docs/architecture.md "The runtime (server/proxy)" lists the modules.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const DIR = join(import.meta.dirname, '../../../server/proxy')

/** Every `import … from './x.ts'` / `export … from './x.ts'` statement that is not erased. */
export function valueImports(source: string): string[] {
  const out: string[] = []
  const statement = /^(import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+'\.\/([^']+\.ts)'/gm
  for (const m of source.matchAll(statement)) {
    if (m[2]) continue
    const clause = m[3].trim()
    // `import { type A, type B } from …` is erased whole; a default or namespace import is not.
    const named = /^\{([\s\S]*)\}$/.exec(clause)
    if (named) {
      const names = named[1].split(',').map((n) => n.trim()).filter(Boolean)
      if (names.length > 0 && names.every((n) => n.startsWith('type '))) continue
    }
    out.push(m[4])
  }
  const bare = /^import\s+'\.\/([^']+\.ts)'/gm
  for (const m of source.matchAll(bare)) out.push(m[1])
  return out
}

/** The cycles of a graph, each as the path that closes it (first module repeated at the end). */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (node: string): void => {
    state.set(node, 'open')
    path.push(node)
    for (const next of graph.get(node) ?? []) {
      const seen = state.get(next)
      if (seen === 'open') cycles.push([...path.slice(path.indexOf(next)), next])
      else if (seen === undefined) visit(next)
    }
    path.pop()
    state.set(node, 'done')
  }
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node)
  return cycles
}

function runtimeGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts')).sort()) {
    graph.set(file, valueImports(readFileSync(join(DIR, file), 'utf8')))
  }
  return graph
}

describe('server/proxy imports', () => {
  it('reads value imports and leaves type-only ones out', () => {
    const source = [
      "import { a, type B } from './a.ts'",
      "import type { C } from './c.ts'",
      "import { type D, type E } from './d.ts'",
      "import {\n  f,\n  type G,\n} from './f.ts'",
      "import * as h from './h.ts'",
      "export { i } from './i.ts'",
      "export type { J } from './j.ts'",
      "import k from 'node:k'",
    ].join('\n')
    expect(valueImports(source)).toEqual(['a.ts', 'f.ts', 'h.ts', 'i.ts'])
  })

  it('finds a cycle', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ])
    expect(cyclesOf(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']])
  })

  it('every import names a module that exists', () => {
    const graph = runtimeGraph()
    const missing = [...graph].flatMap(([file, imports]) => imports.filter((i) => !graph.has(i)).map((i) => `${file} → ${i}`))
    expect(missing).toEqual([])
  })

  it('has no import cycles between runtime modules', () => {
    const cycles = cyclesOf(runtimeGraph()).map((c) => c.join(' → '))
    expect(cycles).toEqual([])
  })
})
