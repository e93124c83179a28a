/**
 * Property tests: whatever the text, the engine returns (never throws, never loops) and every
 * diagnostic points inside the text. Three generators: raw characters from nginx's syntax,
 * well-formed configs built from real directives, and fixtures with random edits.
 * At least 10,000 cases per run (UL_FUZZ_RUNS raises it).
 */
import fc from 'fast-check'
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { check } from '../../server/nginx/index.ts'
import { DIRECTIVES } from '../../server/nginx/directives/index.ts'
import { FILE } from './helpers.ts'

const RUNS = Number(process.env.UL_FUZZ_RUNS ?? 4000)

/** Lines of a text as the editor counts them, for range checks. */
function lineLengths(text: string): number[] {
  return text.split('\n').map((l) => l.length)
}

/** The engine's contract on any input. */
function assertWellFormed(text: string): void {
  const result = check(text, { file: FILE })
  const lengths = lineLengths(text)
  for (const d of result.diagnostics) {
    if (d.file !== FILE) continue
    expect(d.line).toBeGreaterThanOrEqual(1)
    expect(d.line).toBeLessThanOrEqual(lengths.length)
    expect(d.endLine).toBeGreaterThanOrEqual(d.line)
    expect(d.endLine).toBeLessThanOrEqual(lengths.length)
    expect(d.column).toBeGreaterThanOrEqual(1)
    expect(d.column).toBeLessThanOrEqual(lengths[d.line - 1] + 1)
    expect(d.endColumn).toBeLessThanOrEqual(lengths[d.endLine - 1] + 1)
    if (d.endLine === d.line) expect(d.endColumn).toBeGreaterThanOrEqual(d.column)
    expect(d.message.length).toBeGreaterThan(0)
    if (d.nginxLine !== null) {
      expect(d.nginxLine).toBeGreaterThanOrEqual(1)
      expect(d.nginxLine).toBeLessThanOrEqual(lengths.length)
    }
  }
}

const NAMES = [...DIRECTIVES.keys()]
const syntaxChar = fc.constantFrom(
  ...'{};"\'\\$#\n\t ()~*^=@/:.,!|-_'.split(''),
  'a', 'b', 'z', 'A', '0', '9', '\r', 'é', '\u{1F600}',
)
const rawText = fc.array(syntaxChar, { maxLength: 300 }).map((chars) => chars.join(''))

const word = fc.oneof(
  fc.constantFrom('on', 'off', '1.1', '60s', '10x', '127.0.0.1:8010', 'http://127.0.0.1:8010', 'http://backend/', '$http_upgrade', '$connection_upgrade', '${host}', '"quoted value"', "'single'", '~^/ws', '=', '^~', '/ws', '@named', 'default', "''", 'upgrade', 'close', 'ssl', 'default_server', 'weight=2', 'backup', 'shared:SSL:1m', 'TLSv1.2', '$', '${', '"', '\\'),
  fc.stringMatching(/^[a-z_$/.:0-9]{1,12}$/),
)
interface Tree { name: string; args: string[]; block: Tree[] | null }
const tree: fc.Arbitrary<Tree[]> = fc.letrec<{ node: Tree; nodes: Tree[] }>((tie) => ({
  node: fc.record({
    name: fc.constantFrom(...NAMES),
    args: fc.array(word, { maxLength: 4 }),
    block: fc.option(tie('nodes'), { nil: null, freq: 3 }),
  }),
  nodes: fc.array(tie('node'), { maxLength: 4 }),
})).nodes
function render(nodes: Tree[], indent = ''): string {
  return nodes
    .map((n) => {
      const head = `${indent}${[n.name, ...n.args].join(' ')}`
      return n.block ? `${head} {\n${render(n.block, indent + '  ')}${indent}}\n` : `${head};\n`
    })
    .join('')
}
const structured = tree.map((nodes) => `events {}\nhttp {\n${render(nodes, '  ')}}\n`)

function loadFixtureTexts(): string[] {
  const root = join(import.meta.dirname, '../fixtures/check')
  if (!existsSync(root)) return []
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'nginx.conf')))
    .map((name) => readFileSync(join(root, name, 'nginx.conf'), 'utf8'))
}
const fixtures = loadFixtureTexts()
const edited = fc
  .record({
    index: fc.nat(),
    at: fc.nat(),
    cut: fc.nat({ max: 20 }),
    insert: fc.array(syntaxChar, { maxLength: 10 }).map((c) => c.join('')),
  })
  .map(({ index, at, cut, insert }) => {
    const text = fixtures[index % fixtures.length]
    const pos = at % (text.length + 1)
    return text.slice(0, pos) + insert + text.slice(pos + cut)
  })

describe('engine robustness', () => {
  it(`never throws and keeps ranges inside the text on raw input (${RUNS} cases)`, () => {
    fc.assert(fc.property(rawText, (text) => assertWellFormed(text)), { numRuns: RUNS })
  })

  it(`handles configs made of real directives in any arrangement (${RUNS} cases)`, () => {
    fc.assert(fc.property(structured, (text) => assertWellFormed(text)), { numRuns: RUNS })
  })

  it(`handles every fixture with random edits (${RUNS} cases)`, () => {
    expect(fixtures.length).toBeGreaterThan(0)
    fc.assert(fc.property(edited, (text) => assertWellFormed(text)), { numRuns: RUNS })
  })
})
