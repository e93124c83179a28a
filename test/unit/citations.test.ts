/**
 * Citations point into the repository: no file cites the design notes or the nginx findings
 * that lived outside it (their content is docs/architecture.md and docs/nginx-behaviour.md),
 * every docs page a file names exists, and every section cited (`docs/nginx-behaviour.md §3`,
 * `docs/architecture.md "Versions"`) is a heading of that page. The scenarios and check fixtures
 * docs/nginx-behaviour.md lists exist too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SCOPES = ['server', 'test', 'docs', 'components', 'playground', 'README.md']
const SELF = 'test/unit/citations.test.ts'
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'cache', '.vitepress-cache'])

/** The out-of-repo files, and the shorthand "(findings 8)" that cited the second. */
const FORBIDDEN = [new RegExp(['DESIGN', 'md'].join('\\.')), new RegExp(['nginx-findings', 'md'].join('\\.')), /\bfindings §?\d/]

interface TextFile {
  path: string
  lines: string[]
}

function walk(path: string, out: string[]): void {
  const full = join(ROOT, path)
  if (!existsSync(full)) return
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full)) if (!SKIPPED_DIRS.has(name)) walk(join(path, name), out)
  } else {
    out.push(path)
  }
}

function textFiles(): TextFile[] {
  const paths: string[] = []
  for (const scope of SCOPES) walk(scope, paths)
  const files: TextFile[] = []
  for (const path of paths) {
    const bytes = readFileSync(join(ROOT, path))
    if (bytes.subarray(0, 8000).includes(0)) continue
    files.push({ path: relative(ROOT, join(ROOT, path)), lines: bytes.toString('utf8').split('\n') })
  }
  return files
}

const FILES = textFiles()

/** Every `path:line` whose text matches. */
function where(files: readonly TextFile[], test: (line: string) => boolean): string[] {
  const found: string[] = []
  for (const file of files) file.lines.forEach((line, i) => test(line) && found.push(`${file.path}:${i + 1}: ${line.trim()}`))
  return found
}

/** A page's headings: text without the leading #s, and for `## §3. Title` also `Title`. */
interface Heading {
  level: number
  text: string
  /** The § number of the level-2 section it stands in, if any. */
  section: number | null
}

function headingsOf(page: string): Heading[] {
  const headings: Heading[] = []
  let section: number | null = null
  let fenced = false
  for (const line of readFileSync(join(ROOT, page), 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced
    const m = fenced ? null : /^(#{1,6})\s+(.*?)\s*$/.exec(line)
    if (!m) continue
    const level = m[1].length
    const numbered = /^§(\d+)\.\s+(.*)$/.exec(m[2])
    if (level <= 2) section = numbered ? Number(numbered[1]) : null
    headings.push({ level, text: m[2], section })
    if (numbered) headings.push({ level, text: numbered[2], section })
  }
  return headings
}

/** A docs page path in any text, not as the tail of a longer path (nginx.org/en/docs/…). */
const DOCS_PATH = /(?<![\w./-])docs\/([\w./-]+?\.md)\b/g
/** A docs page path then a quoted heading, with or without a § number between them. */
const QUOTED = /(?<![\w./-])docs\/([\w./-]+?\.md)(?: §(\d+))? "([^"]+)"/g
const BEHAVIOUR = 'docs/nginx-behaviour.md'

/** The § numbers right after each mention of the behaviour page: `§1, §2`, `§1 keep-alive, §4`, `§1-§5`. */
function sectionsCited(line: string): number[] {
  const numbers: number[] = []
  let at = line.indexOf(BEHAVIOUR)
  while (at >= 0) {
    let rest = line.slice(at + BEHAVIOUR.length)
    for (let m = /^[^§()\n]{0,20}?§(\d+)/.exec(rest); m; m = /^[^§()\n]{0,20}?§(\d+)/.exec(rest)) {
      numbers.push(Number(m[1]))
      rest = rest.slice(m[0].length)
    }
    at = line.indexOf(BEHAVIOUR, at + 1)
  }
  return numbers
}

describe('citations', () => {
  it('finds the files to read', () => {
    expect(FILES.some((f) => f.path === 'server/proxy/trace.ts')).toBe(true)
    expect(FILES.some((f) => f.path === 'README.md')).toBe(true)
    expect(FILES.some((f) => f.path === SELF)).toBe(true)
  })

  it('cites no file outside the repository', () => {
    const others = FILES.filter((f) => f.path !== SELF)
    expect(where(others, (line) => FORBIDDEN.some((re) => re.test(line)))).toEqual([])
  })

  it('names only docs pages that exist', () => {
    const missing = where(FILES, (line) => [...line.matchAll(DOCS_PATH)].some((m) => !existsSync(join(ROOT, 'docs', m[1]))))
    expect(missing).toEqual([])
  })

  it('cites only sections of docs/nginx-behaviour.md that exist', () => {
    const sections = new Set(headingsOf(BEHAVIOUR).filter((h) => h.level === 2 && h.section !== null).map((h) => h.section))
    expect(sections.size).toBeGreaterThanOrEqual(11)
    for (let n = 1; n <= sections.size; n++) expect(sections.has(n), `§${n}`).toBe(true)
    const cited = where(FILES, (line) => sectionsCited(line).length > 0)
    expect(cited.length).toBeGreaterThan(10)
    expect(where(FILES, (line) => sectionsCited(line).some((n) => !sections.has(n)))).toEqual([])
  })

  it('cites only headings that exist, in the section named', () => {
    const bad = where(FILES, (line) =>
      [...line.matchAll(QUOTED)].some(([, page, section, heading]) => {
        const path = join('docs', page)
        if (!existsSync(join(ROOT, path))) return true
        return !headingsOf(path).some((h) => h.text === heading && (section === undefined || h.section === Number(section)))
      }),
    )
    expect(where(FILES, (line) => [...line.matchAll(QUOTED)].length > 0).length).toBeGreaterThan(5)
    expect(bad).toEqual([])
  })

  it('lists only scenarios and check fixtures that exist in docs/nginx-behaviour.md', () => {
    const scenarioDir = join(ROOT, 'test/runtime/scenarios')
    const scenarios = new Set<string>()
    for (const name of readdirSync(scenarioDir)) {
      for (const m of readFileSync(join(scenarioDir, name), 'utf8').matchAll(/\bname: '([a-z0-9-]+)'/g)) scenarios.add(m[1])
    }
    const text = readFileSync(join(ROOT, BEHAVIOUR), 'utf8')
    const listed = (label: string): string[] =>
      [...text.matchAll(new RegExp(`(?<=^|\\.\\s)${label}: ([\\s\\S]*?)(?:\\.\\s*$|\\.\\s+[A-Z])`, 'gm'))].flatMap((m) =>
        m[1].split(/[,\s]+/).filter((word) => word !== ''),
      )
    const named = listed('Scenarios')
    expect(named.length).toBeGreaterThan(100)
    expect(named.filter((name) => !scenarios.has(name))).toEqual([])
    const fixtures = listed('Check fixtures')
    expect(fixtures.length).toBeGreaterThan(0)
    expect(fixtures.filter((name) => !existsSync(join(ROOT, 'test/fixtures/check', name, 'nginx.conf')))).toEqual([])
  })
})
