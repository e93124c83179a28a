/**
 * Go to definition and find references: a variable to its `map`, `set` or named capture (and
 * every use of it, across the config's files); a `proxy_pass` upstream name to its
 * `upstream {}` (and every `proxy_pass` naming it); an `include` to the files it reads.
 */
import type { UpstreamConf } from '../../../server/nginx/conf.ts'
import { globMatcher } from '../../../server/nginx/host.ts'
import { dirname, fullPath } from '../../../server/nginx/paths.ts'
import type { Word } from '../../../server/nginx/lexer.ts'
import { configFiles, type Analysis } from './analysis.ts'
import { inRange, visitsOf } from './syntax-tree.ts'
import type { Location, Position, Range } from './types.ts'
import { configSites, definitionsOf, siteAt } from './variable-index.ts'

/** The host part of `proxy_pass http://name[:port][/uri]` inside its word, when the URL has no variables. */
function upstreamNameIn(word: Word): { name: string; range: Range } | null {
  const scheme = /^(["']?)(https?:\/\/)/i.exec(word.raw)
  if (!scheme || word.raw.includes('$') || word.range.line !== word.range.endLine) return null
  const from = scheme[0].length
  let to = from
  while (to < word.raw.length && !/[/:"']/.test(word.raw[to])) to++
  if (to === from) return null
  const column = word.range.column
  return { name: word.raw.slice(from, to), range: { line: word.range.line, column: column + from, endLine: word.range.line, endColumn: column + to } }
}

function explicitUpstream(analysis: Analysis, name: string): UpstreamConf | undefined {
  return analysis.result?.http?.upstreams.find((u) => !u.implicit && u.name.toLowerCase() === name.toLowerCase())
}

function upstreamLocation(upstream: UpstreamConf): Location {
  return { file: upstream.file, range: upstream.node.args[0]?.range ?? upstream.node.range }
}

/** The upstream name at `pos`: in a `proxy_pass` URL or an `upstream` block's name. */
function upstreamAt(analysis: Analysis, file: string, pos: Position): UpstreamConf | undefined {
  for (const { node, entry } of visitsOf(analysis, file)) {
    if (entry || !inRange(node.range, pos, true)) continue
    if (node.name === 'upstream' && node.args[0] && inRange(node.args[0].range, pos, true)) return explicitUpstream(analysis, node.args[0].value)
    const target = node.name === 'proxy_pass' && node.args[0] ? upstreamNameIn(node.args[0]) : null
    if (target && inRange(target.range, pos, true)) return explicitUpstream(analysis, target.name)
  }
  return undefined
}

/** The files an `include` at `pos` reads (relative paths from the main file's folder, globs matched). */
function includedAt(analysis: Analysis, file: string, pos: Position): Location[] {
  for (const { node, entry } of visitsOf(analysis, file)) {
    const word = node.args[0]
    if (entry || node.name !== 'include' || !word || !inRange(word.range, pos, true)) continue
    const matches = globMatcher(fullPath(dirname(analysis.main) + '/', word.value))
    const start: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 }
    return [...analysis.texts.keys()].filter((candidate) => matches(candidate)).sort().map((target) => ({ file: target, range: start }))
  }
  return []
}

export function definition(analysis: Analysis, file: string, position: Position): Location[] {
  const site = siteAt(analysis, file, position, true)
  if (site) return definitionsOf(analysis, site.name).map((d) => ({ file: d.file, range: d.range }))
  const upstream = upstreamAt(analysis, file, position)
  if (upstream) return [upstreamLocation(upstream)]
  return includedAt(analysis, file, position)
}

export function references(analysis: Analysis, file: string, position: Position): Location[] {
  const site = siteAt(analysis, file, position, true)
  if (site) return configSites(analysis, file).filter((s) => s.name === site.name).map((s) => ({ file: s.file, range: s.range }))
  const upstream = upstreamAt(analysis, file, position)
  if (!upstream) return []
  const uses: Location[] = [upstreamLocation(upstream)]
  for (const path of configFiles(analysis)) {
    for (const { node, entry } of visitsOf(analysis, path)) {
      const target = !entry && node.name === 'proxy_pass' && node.args[0] ? upstreamNameIn(node.args[0]) : null
      if (target && target.name.toLowerCase() === upstream.name.toLowerCase()) uses.push({ file: path, range: target.range })
    }
  }
  return uses
}
