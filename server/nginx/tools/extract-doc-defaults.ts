/**
 * Writes test/fixtures/nginx-docs/defaults.json: for every directive of the generated 1.22.1
 * and 1.30.4 catalogs, what nginx's documentation says about it (its `<syntax>`, `<default>`,
 * `<context>` and `<appeared-in>` elements), read from the XML sources of nginx.org.
 *
 *   node --import ./server/bin/register.mjs server/nginx/tools/extract-doc-defaults.ts \
 *     --git-dir /path/to/nginx.org.git [--commit <sha>]
 *
 * Reads with `git show <commit>:xml/en/docs/…` from a clone of github.com/nginx/nginx.org
 * (default: its HEAD).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CommandRow } from '../directives/generated/command-row.ts'
import { COMMANDS_1_22_1 } from '../directives/generated/commands-1.22.1.ts'
import { COMMANDS_1_30_4 } from '../directives/generated/commands-1.30.4.ts'

export const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/nginx-docs/defaults.json', import.meta.url))

export interface DocEntry {
  /** Syntax lines as nginx.org renders them: `proxy_read_timeout time;`, `location … { … }`. */
  syntax: string[]
  /** The `<default>` text; several `<default>` elements are joined with a newline. Null when none. */
  default: string | null
  contexts: string[]
  appearedIn: string | null
}

/** Core-type modules are documented together in ngx_core_module.xml. */
const CORE_DOC = 'xml/en/docs/ngx_core_module.xml'
const HTTP_CORE_DOC = 'xml/en/docs/http/ngx_http_core_module.xml'
const UPSTREAM_DOC = 'xml/en/docs/http/ngx_http_upstream_module.xml'

/** The documentation page of a module's directives. */
export function docFileOf(module: string, moduleType: string): string {
  if (module === 'ngx_http_module' || module === 'ngx_http_try_files_module' || module === 'ngx_http_copy_filter_module') return HTTP_CORE_DOC
  if (moduleType !== 'http') return CORE_DOC
  if (module.startsWith('ngx_http_upstream_')) return UPSTREAM_DOC
  return `xml/en/docs/http/${module.replace(/_filter_module$/, '_module')}.xml`
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
}

/** Element text: tags dropped, entities decoded, white space collapsed. */
export function text(xml: string): string {
  return xml
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|[a-z]+);/g, (m, e: string) => (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e] ?? m))
    .replace(/\s+/g, ' ')
    .trim()
}

/** Every `<directive name="…">` of a documentation page. */
export function parseDirectives(xml: string): Map<string, DocEntry> {
  const out = new Map<string, DocEntry>()
  const re = /<directive\s+name="([^"]+)"\s*>([\s\S]*?)<\/directive>/g
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const [, name, body] = m as unknown as [string, string, string]
    const syntax: string[] = []
    for (const s of body.matchAll(/<syntax(\s+block="yes")?\s*(?:\/>|>([\s\S]*?)<\/syntax>)/g)) {
      const args = text(s[2] ?? '')
      syntax.push(`${name}${args ? ' ' + args : ''}${s[1] ? ' { ... }' : ';'}`)
    }
    const defaults = [...body.matchAll(/<default\s*(?:\/>|>([\s\S]*?)<\/default>)/g)].map((d) => text(d[1] ?? '')).filter((d) => d !== '')
    // An empty <context/> is rendered "any" (ngx_conf_module's include).
    const contexts = [...body.matchAll(/<context(?:\s+[^>]*)?(?:\/>|>([\s\S]*?)<\/context>)/g)].map((c) => (c[1] === undefined ? 'any' : text(c[1])))
    const appeared = body.match(/<appeared-in>([\s\S]*?)<\/appeared-in>/)
    out.set(name, {
      syntax,
      default: defaults.length ? defaults.join('\n') : null,
      contexts,
      appearedIn: appeared ? text(appeared[1]!) : null,
    })
  }
  return out
}

export interface FixtureDirective extends DocEntry {
  name: string
  module: string
  /** Which generated catalogs have it. */
  versions: string[]
  /** The page it is documented on, or null when nginx.org does not document it. */
  doc: string | null
}

/**
 * A directive of one module that nginx.org documents on another module's page (ngx_http_core_module
 * keeps gzip_vary and its siblings for the gzip modules; its error_log shares the core page's
 * entry): the only http or core page that documents that name.
 */
function elsewhere(name: string, paths: readonly string[], page: (path: string) => Map<string, DocEntry>): string | null {
  const found = paths.filter((p) => !/\/(mail|stream)\//.test(p) && page(p).has(name))
  return found.length === 1 ? found[0]! : null
}

export function buildFixture(commit: string, paths: readonly string[], read: (path: string) => string | null): object {
  const catalogs: [string, readonly CommandRow[]][] = [['1.22.1', COMMANDS_1_22_1], ['1.30.4', COMMANDS_1_30_4]]
  const rows = new Map<string, { row: CommandRow; versions: string[] }>()
  for (const [version, catalog] of catalogs) {
    for (const row of catalog) {
      const k = `${row[0]}\u0000${row[1]}`
      const seen = rows.get(k)
      if (seen) seen.versions.push(version)
      else rows.set(k, { row, versions: [version] })
    }
  }
  const pages = new Map<string, Map<string, DocEntry>>()
  const page = (path: string) => {
    if (!pages.has(path)) {
      const xml = read(path)
      pages.set(path, xml === null ? new Map() : parseDirectives(xml))
    }
    return pages.get(path)!
  }
  const directives: FixtureDirective[] = []
  const sorted = [...rows.values()].sort((a, b) => (a.row[0] === b.row[0] ? (a.row[1] < b.row[1] ? -1 : 1) : a.row[0] < b.row[0] ? -1 : 1))
  for (const { row, versions } of sorted) {
    const [name, module, moduleType] = row
    let doc: string | null = docFileOf(module, moduleType)
    if (!page(doc).has(name)) doc = elsewhere(name, paths, page)
    const entry = doc === null ? undefined : page(doc).get(name)
    directives.push({ name, module, versions, doc: entry ? doc : null, ...(entry ?? { syntax: [], default: null, contexts: [], appearedIn: null }) })
  }
  return {
    source: { repository: 'https://github.com/nginx/nginx.org', commit },
    description:
      'Directives of the generated nginx 1.22.1 and 1.30.4 catalogs (server/nginx/directives/generated) with their documentation ' +
      'on nginx.org: syntax lines, default (several <default> elements joined by a newline; null when none), contexts and ' +
      'appeared-in. doc is null for directives nginx.org does not document. Written by server/nginx/tools/extract-doc-defaults.ts.',
    directives,
  }
}

function main(argv: string[]): void {
  const at = (flag: string) => {
    const i = argv.indexOf(flag)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const gitDir = at('--git-dir')
  if (!gitDir) throw new Error('usage: extract-doc-defaults.ts --git-dir <nginx.org.git> [--commit <sha>]')
  const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
  const commit = git('rev-parse', `${at('--commit') ?? 'HEAD'}^{commit}`).trim()
  const paths = git('ls-tree', '-r', '--name-only', commit, 'xml/en/docs').split('\n').filter((p) => /\/ngx_[a-z0-9_]+\.xml$/.test(p)).sort()
  const files = new Set(paths)
  const fixture = buildFixture(commit, paths, (path) => (files.has(path) ? git('show', `${commit}:${path}`) : null))
  mkdirSync(dirname(FIXTURE), { recursive: true })
  writeFileSync(FIXTURE, JSON.stringify(fixture, null, 2) + '\n')
  const list = (fixture as { directives: FixtureDirective[] }).directives
  console.log(`${list.length} directives, ${list.filter((d) => d.doc === null).length} undocumented, nginx.org ${commit} → ${FIXTURE}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2))
