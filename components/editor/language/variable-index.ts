/**
 * Every `$variable` of a config with its place: uses, and definitions by `map`, `set` and
 * regex named captures (what the engine's VariableRegistry defines). Built from parse trees,
 * with ranges inside words (`"$scheme://$host"` holds two).
 */
import type { Word } from '../../../server/nginx/lexer.ts'
import type { DirectiveNode } from '../../../server/nginx/parser.ts'
import { checkPcre } from '../../../server/nginx/regex.ts'
import { configFiles, type Analysis } from './analysis.ts'
import { regexWordsOf } from './regex-words.ts'
import { inRange, visitsOf } from './syntax-tree.ts'
import type { Position, Range } from './types.ts'

export type VariableRole = 'use' | 'map' | 'set' | 'capture'

export interface VariableSite {
  /** Lower case, without `$` (nginx's names are case-insensitive). */
  name: string
  file: string
  /** The `$name` or `${name}` (a capture: its name inside the pattern). */
  range: Range
  role: VariableRole
  node: DirectiveNode
}

const NAME_CHAR = /[A-Za-z0-9_]/

/** A position inside a word's source text, counting its lines. */
function positionIn(word: Word, index: number): { line: number; column: number } {
  let line = word.range.line
  let column = word.range.column
  for (let i = 0; i < index; i++) {
    if (word.raw[i] === '\n') {
      line++
      column = 1
    } else {
      column++
    }
  }
  return { line, column }
}

function rangeIn(word: Word, start: number, end: number): Range {
  const from = positionIn(word, start)
  const to = positionIn(word, end)
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column }
}

/** The variables a word refers to, as ngx_http_script_compile reads them (`$1`…`$9` are captures). */
export function variablesIn(word: Word): Array<{ name: string; range: Range }> {
  const found: Array<{ name: string; range: Range }> = []
  const raw = word.raw
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '$') continue
    const braced = raw[i + 1] === '{'
    let end = i + (braced ? 2 : 1)
    const start = end
    while (end < raw.length && NAME_CHAR.test(raw[end])) end++
    const name = raw.slice(start, end)
    if (name === '' || (!braced && name[0] >= '1' && name[0] <= '9')) continue
    if (braced && raw[end] !== '}') continue
    found.push({ name: name.toLowerCase(), range: rangeIn(word, i, braced ? end + 1 : end) })
    i = end - 1
  }
  return found
}

/** Where a named capture's name stands in its pattern's word. */
function captureRange(word: Word, name: string): Range {
  const at = [`(?<${name}>`, `(?P<${name}>`, `(?'${name}'`].map((form) => ({ form, index: word.raw.indexOf(form) })).find((f) => f.index >= 0)
  if (!at) return word.range
  const start = at.index + at.form.length - name.length - 1
  return rangeIn(word, start, start + name.length)
}

const fileSites = new WeakMap<Analysis, Map<string, VariableSite[]>>()

/** The variable sites of one file. */
export function sitesIn(analysis: Analysis, file: string): VariableSite[] {
  let byFile = fileSites.get(analysis)
  if (!byFile) fileSites.set(analysis, (byFile = new Map()))
  let sites = byFile.get(file)
  if (sites) return sites
  sites = []
  for (const visit of visitsOf(analysis, file)) {
    const { node } = visit
    const regexes = regexWordsOf(visit)
    const definedBy = !visit.entry && (node.name === 'map' || node.name === 'set') ? node.name : null
    const target = definedBy === 'map' ? node.args[1] : definedBy === 'set' ? node.args[0] : undefined
    for (const { word, pattern } of regexes) {
      for (const name of checkPcre(pattern).names) sites.push({ name: name.toLowerCase(), file, range: captureRange(word, name), role: 'capture', node })
    }
    // A data block's key is never compiled; its value and a directive's arguments are.
    for (const word of node.args) {
      if (regexes.some((r) => r.word === word)) continue
      const role: VariableRole = word === target && definedBy ? definedBy : 'use'
      for (const { name, range } of variablesIn(word)) sites.push({ name, file, range, role, node })
    }
  }
  byFile.set(file, sites)
  return sites
}

/** The sites of every file nginx read (and `also`, when nginx did not read it). */
export function configSites(analysis: Analysis, also?: string): VariableSite[] {
  const files = configFiles(analysis)
  if (also && !files.includes(also)) files.push(also)
  return files.flatMap((file) => sitesIn(analysis, file))
}

/** Definitions of `name` in the files nginx read. */
export function definitionsOf(analysis: Analysis, name: string): VariableSite[] {
  return configSites(analysis).filter((site) => site.name === name && site.role !== 'use')
}

/** Names the config defines (map, set, captures), in order of definition. */
export function definedNames(analysis: Analysis): string[] {
  return [...new Set(configSites(analysis).filter((site) => site.role !== 'use').map((site) => site.name))]
}

export function siteAt(analysis: Analysis, file: string, pos: Position, touching = false): VariableSite | null {
  return sitesIn(analysis, file).find((site) => inRange(site.range, pos, touching)) ?? null
}
