/**
 * docs/trace-events.md documents exactly the trace events server/proxy/trace.ts types: its table
 * lists every `type` of the TraceEvent union, once, and no other. The list below is checked
 * against the union by the compiler both ways (tsc: `satisfies`, and the exhaustiveness type),
 * and against the source text here, so that vitest alone also sees a new event.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TRACE_TYPES, exhaustive } from '../support/trace-types.ts'

const root = new URL('../../', import.meta.url)

/** The `type` column of the events table (the one headed `| \`type\` | further fields | when |`). */
function documentedTypes(markdown: string): string[] {
  const lines = markdown.split('\n')
  // A table's header row is the one followed by its |---| line (the fields table has a `type` row too).
  const header = lines.findIndex((line, i) => /^\|\s*`type`\s*\|/.test(line) && /^\|[\s:|-]+\|$/.test(lines[i + 1] ?? ''))
  if (header < 0) throw new Error('no events table in docs/trace-events.md')
  const types: string[] = []
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break
    const cell = line.split('|')[1].trim()
    const m = /^`([^`]+)`$/.exec(cell)
    if (!m) throw new Error(`a row of the events table without a \`type\`: ${line.slice(0, 80)}`)
    types.push(m[1])
  }
  return types
}

/** The `type: '…'` members of the TraceEvent union, read from trace.ts's text. */
function unionTypes(source: string): string[] {
  const start = source.indexOf('export type TraceEvent = ')
  const end = source.indexOf('export type TraceSink', start)
  if (start < 0 || end < 0) throw new Error('no TraceEvent union in trace.ts')
  const body = source
    .slice(start, end)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
  return [...body.matchAll(/\btype: '([^']+)'/g)].map((m) => m[1])
}

describe('docs/trace-events.md and the TraceEvent union', () => {
  const documented = documentedTypes(readFileSync(new URL('docs/trace-events.md', root), 'utf8'))
  const union = unionTypes(readFileSync(new URL('server/proxy/trace.ts', root), 'utf8'))

  it('the typed list is the union (read from the source as well as checked by tsc)', () => {
    expect(exhaustive).toBe(true)
    expect([...union].sort()).toEqual([...TRACE_TYPES].sort())
  })

  it('documents every event type once, and no other', () => {
    expect(new Set(documented).size).toBe(documented.length)
    expect([...documented].sort()).toEqual([...TRACE_TYPES].sort())
  })
})
