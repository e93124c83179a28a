/**
 * Extracts the directive tables of Debian's nginx build from nginx's source at a release tag
 * and writes them as the generator's committed input, server/nginx/tools/input/<version>.json.
 *
 *   node --import ./server/bin/register.mjs server/nginx/tools/extract-commands.ts \
 *     --git-dir /path/to/nginx.git [version…]
 *
 * Reads with `git show <tag>:<path>` from a clone of github.com/nginx/nginx; with no version,
 * extracts every version of VERSIONS.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  parseCommands, parseModules, parseValues, preprocess, stripComments, tableBody, type RawCommand,
} from './c-tables.ts'
import type { CatalogInput, InputModule } from './catalog-input.ts'
import { DEBIAN_MACROS, DEBIAN_MODULES } from './debian-build.ts'

/** The versions Upgrade Lab models, with nginx's tag for each. */
export const VERSIONS: Record<string, string> = {
  '1.22.1': 'release-1.22.1',
  '1.24.0': 'release-1.24.0',
  '1.26.3': 'release-1.26.3',
  '1.28.0': 'release-1.28.0',
  '1.30.4': 'release-1.30.4',
}

export const INPUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'input')

/** Reads files of one tag. */
export interface SourceTree {
  commit: string
  /** The file's bytes, or null when the tag has no such file. */
  read(path: string): Buffer | null
}

export function gitTree(gitDir: string, tag: string): SourceTree {
  const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
  const commit = git('rev-parse', `${tag}^{commit}`).trim()
  const files = new Set(git('ls-tree', '-r', '--name-only', commit).split('\n'))
  return {
    commit,
    read: (path) => (files.has(path) ? execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { maxBuffer: 64 << 20 }) : null),
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

const VALUE_SLOTS: Record<string, 'enum' | 'bitmask'> = {
  ngx_conf_set_enum_slot: 'enum',
  ngx_conf_set_bitmask_slot: 'bitmask',
}

export function extract(version: string, tag: string, tree: SourceTree): CatalogInput {
  const sources = new Map<string, string>()
  const digests = new Map<string, string>()
  const read = (path: string): string | null => {
    if (sources.has(path)) return sources.get(path)!
    const bytes = tree.read(path)
    if (bytes === null) return null
    const text = bytes.toString('latin1')
    sources.set(path, text)
    digests.set(path, sha256(bytes))
    return text
  }
  const used = new Set<string>()
  const modules: InputModule[] = []
  const wanted: { name: string; kind: 'enum' | 'bitmask'; file: string }[] = []

  for (const { name, file } of DEBIAN_MODULES) {
    const text = read(file)
    if (text === null) continue
    const code = stripComments(text)
    const module = parseModules(code).find((m) => m.name === name)
    if (!module) {
      if (new RegExp(`\\b${name}\\b`).test(code)) throw new Error(`${version}: ${name} is mentioned in ${file} but not defined there`)
      continue
    }
    let commands: RawCommand[] = []
    if (module.commandsTable !== null) {
      const body = tableBody(code, 'ngx_command_t', module.commandsTable)
      if (body === null) throw new Error(`${version}: ${module.commandsTable} not found in ${file}`)
      commands = parseCommands(preprocess(body, DEBIAN_MACROS, used))
    }
    for (const command of commands) {
      const kind = VALUE_SLOTS[command.set]
      if (kind && command.post !== null) wanted.push({ name: command.post, kind, file })
    }
    modules.push({ name, type: module.type, file, commands })
  }

  const valueTables: CatalogInput['valueTables'] = {}
  const type = { enum: 'ngx_conf_enum_t', bitmask: 'ngx_conf_bitmask_t' } as const
  for (const { name, kind, file } of wanted) {
    if (valueTables[name]) continue
    // The table is in the command's file, or exported by another file of the build
    // (ngx_http_upstream.c's ngx_http_upstream_ignore_headers_masks).
    const files = [file, ...[...sources.keys()].filter((f) => f !== file)]
    let found = false
    for (const f of files) {
      const body = tableBody(stripComments(sources.get(f)!), type[kind], name)
      if (body === null) continue
      valueTables[name] = { kind, file: f, values: parseValues(preprocess(body, DEBIAN_MACROS, used)) }
      found = true
      break
    }
    if (!found) throw new Error(`${version}: ${type[kind]} ${name} not found`)
  }

  const macros: Record<string, number> = {}
  for (const name of [...used].sort()) macros[name] = DEBIAN_MACROS.defined[name] ?? 0
  return {
    version,
    tag,
    commit: tree.commit,
    build: 'Debian bookworm nginx configure options, static modules only (server/nginx/tools/debian-build.ts)',
    macros,
    files: [...digests.keys()].sort().map((path) => ({ path, sha256: digests.get(path)! })),
    modules,
    valueTables: Object.fromEntries(Object.entries(valueTables).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  }
}

/** JSON with one command, file or value list per line, so that a diff between releases reads well. */
export function inputJson(input: CatalogInput): string {
  const primitive = (v: unknown) => v === null || typeof v !== 'object'
  const simple = (v: unknown) => primitive(v) || Object.values(v as object).every((x) => primitive(x) || (Array.isArray(x) && x.every(primitive)))
  const format = (value: unknown, indent: string, inline: boolean): string => {
    if (inline) return JSON.stringify(value).replace(/","/g, '", "').replace(/":/g, '": ').replace(/,"/g, ', "')
    if (primitive(value)) return JSON.stringify(value)
    const inner = indent + '  '
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]'
      const flat = value.every((v) => v === null || typeof v !== 'object')
      if (flat) return JSON.stringify(value).replace(/","/g, '", "')
      return `[\n${value.map((v) => inner + format(v, inner, simple(v))).join(',\n')}\n${indent}]`
    }
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) return '{}'
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, false)}`).join(',\n')}\n${indent}}`
  }
  return format(input, '', false) + '\n'
}

function main(argv: string[]): void {
  const i = argv.indexOf('--git-dir')
  if (i < 0 || !argv[i + 1]) throw new Error('usage: extract-commands.ts --git-dir <nginx.git> [version…]')
  const gitDir = argv[i + 1]!
  const versions = argv.filter((_, k) => k !== i && k !== i + 1)
  mkdirSync(INPUT_DIR, { recursive: true })
  for (const version of versions.length ? versions : Object.keys(VERSIONS)) {
    const tag = VERSIONS[version]
    if (!tag) throw new Error(`unknown version ${version}`)
    const input = extract(version, tag, gitTree(gitDir, tag))
    const path = join(INPUT_DIR, `${version}.json`)
    writeFileSync(path, inputJson(input))
    const count = input.modules.reduce((n, m) => n + m.commands.length, 0)
    console.log(`${version}: ${tag} ${input.commit}, ${input.modules.length} modules, ${count} commands → ${path}`)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2))
