/**
 * The directive documentation and lab states: every directive nginx knows has a state, every
 * name in either table is a real directive, the directives the runtime acts on and those the
 * fixtures use are documented, and every text is there in both languages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DIRECTIVES, directiveTable } from '../../server/nginx/directives/index.ts'
import { parseNginxVersion } from '../../server/nginx/nginx-version.ts'
import { DIRECTIVE_DOCS, type LessonSlug } from '../../server/nginx/directives/directive-docs.ts'
import { LAB_STATES } from '../../server/nginx/directives/lab-states.ts'
import { parse, type Node } from '../../server/nginx/parser.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CATALOG_NAMES = new Set([...DIRECTIVES.keys(), ...directiveTable(parseNginxVersion('1.30.4')!).keys()])
const LESSONS: readonly LessonSlug[] = [
  'upgrade-handshake', 'hop-by-hop-headers', 'connection-upgrade-map', 'proxy-http-version', 'timeouts-and-pings',
  'forwarded-headers', 'tls-termination', 'load-balancing', 'common-errors',
]
const CJK = /[\u4e00-\u9fff]/
const URL_PATTERN = /^https:\/\/nginx\.org\/en\/docs\/(?:http\/)?ngx_[a-z0-9_]+_module\.html#([a-z0-9_]+)$/

/** Directives compile.ts reads that the runtime does not act on, with the reason. */
const COMPILED_NOT_RUN = new Map([
  ['proxy_buffering', 'the runtime passes every answer on as it arrives, whatever the setting'],
])

/** Blocks whose bodies are tables, not directives. */
const TABLE_BLOCKS = new Set(['map', 'types', 'geo', 'split_clients', 'charset_map'])

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Directive names of a config text, as the parser nests them (table blocks' bodies skipped). */
function directivesOf(nodes: readonly Node[], into: Set<string>): Set<string> {
  for (const node of nodes) {
    if (node.kind !== 'directive' || !node.name) continue
    into.add(node.name)
    if (node.block && !TABLE_BLOCKS.has(node.name)) directivesOf(node.block, into)
  }
  return into
}

/** Every catalog directive a file under test/fixtures uses. */
function fixtureDirectives(): Map<string, string> {
  const used = new Map<string, string>()
  for (const path of filesUnder(join(ROOT, 'test/fixtures'))) {
    if (/\.(crt|key|pem|keep)$/.test(path)) continue
    const text = readFileSync(path, 'utf8')
    for (const name of directivesOf(parse(text).nodes, new Set())) {
      if (CATALOG_NAMES.has(name) && !used.has(name)) used.set(name, path.slice(ROOT.length))
    }
  }
  return used
}

/** The directive names settingsOf in compile.ts reads. */
function compiledDirectives(): string[] {
  const source = readFileSync(join(ROOT, 'server/nginx/compile.ts'), 'utf8')
  const body = source.slice(source.indexOf('const settingsOf'), source.indexOf('const location ='))
  const names = [...body.matchAll(/'([a-z][a-z0-9_]*)'/g)].map((m) => m[1])
  return [...new Set(names)].filter((name) => CATALOG_NAMES.has(name))
}

const modelled = Object.entries(LAB_STATES).filter(([, s]) => s.state === 'modelled').map(([name]) => name)

describe('lab states', () => {
  it('has a state for every directive of both catalogs', () => {
    const missing = [...CATALOG_NAMES].filter((name) => !(name in LAB_STATES))
    expect(missing).toEqual([])
  })

  it('names only directives of a catalog', () => {
    expect(Object.keys(LAB_STATES).filter((name) => !CATALOG_NAMES.has(name))).toEqual([])
  })

  it.each(Object.entries(LAB_STATES).filter(([, s]) => s.state !== 'modelled'))('%s says why, in both languages', (_name, state) => {
    if (state.state === 'modelled') return
    expect(state.why.en.trim().length).toBeGreaterThan(10)
    expect(state.why.en).not.toMatch(CJK)
    expect(state.why.zh.trim().length).toBeGreaterThan(3)
    expect(state.why.zh).toMatch(CJK)
  })

  it('calls modelled every setting compile.ts gives the runtime, but the listed exceptions', () => {
    const compiled = compiledDirectives()
    expect(compiled.length).toBeGreaterThan(20)
    for (const name of compiled) {
      const expected = COMPILED_NOT_RUN.has(name) ? 'not-modelled' : 'modelled'
      expect(LAB_STATES[name]?.state, name).toBe(expected)
    }
  })
})

describe('directive docs', () => {
  it('names only directives of a catalog', () => {
    expect(Object.keys(DIRECTIVE_DOCS).filter((name) => !CATALOG_NAMES.has(name))).toEqual([])
  })

  it('documents every modelled directive', () => {
    expect(modelled.length).toBeGreaterThan(40)
    expect(modelled.filter((name) => !(name in DIRECTIVE_DOCS))).toEqual([])
  })

  it('documents every directive the fixtures use', () => {
    const used = fixtureDirectives()
    expect(used.size).toBeGreaterThan(30)
    const missing = [...used].filter(([name]) => !(name in DIRECTIVE_DOCS)).map(([name, file]) => `${name} (${file})`)
    expect(missing).toEqual([])
  })

  it.each(Object.entries(DIRECTIVE_DOCS))('%s: summary, syntax, url and lesson', (name, doc) => {
    expect(doc.summary.en.trim().length).toBeGreaterThan(10)
    expect(doc.summary.en).not.toMatch(CJK)
    expect(doc.summary.zh.trim().length).toBeGreaterThan(3)
    expect(doc.summary.zh).toMatch(CJK)
    for (const line of doc.syntax.split('\n')) {
      expect(line.startsWith(`${name} `) || line === `${name};`, line).toBe(true)
      expect(line).toMatch(/(;|\{ \.\.\. \})$/)
    }
    expect(doc.url).toMatch(URL_PATTERN)
    expect(URL_PATTERN.exec(doc.url)?.[1]).toBe(name)
    if (doc.lesson !== undefined) expect(LESSONS).toContain(doc.lesson)
    // Defaults live in the directive table only.
    expect(Object.keys(doc).sort()).toEqual(['lesson', 'summary', 'syntax', 'url'].filter((k) => k !== 'lesson' || doc.lesson !== undefined).sort())
  })
})
