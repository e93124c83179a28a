/**
 * A variable's hover: for nginx's own, what it holds and an example (variable-table.ts); for one
 * this config defines, its definition — a `map`'s source and entries, each `set`, the regex whose
 * named capture it is; for an unknown one, what nginx will say and the nearest known names.
 */
import type { MapConf, MapEntryConf } from '../../../server/nginx/conf.ts'
import { VARIABLE_TABLE, variableEntry } from '../../../server/nginx/variable-table.ts'
import type { Analysis } from './analysis.ts'
import { code } from './markdown.ts'
import { nearestNames } from './nearest.ts'
import { variableKind } from './semantic-tokens.ts'
import type { Lang } from './types.ts'
import { definedNames, definitionsOf, type VariableSite } from './variable-index.ts'
import { say, where } from './wording.ts'

/** A table cell: inline code, with the pipes GFM would take for cell borders escaped. */
const cell = (text: string): string => code(text).replace(/\|/g, '\\|')

function entryKey(entry: MapEntryConf, lang: Lang): string {
  if (entry.kind === 'regex' || entry.kind === 'regex-i') return `${say(lang, 'matches', '匹配')} ${cell(entry.key)}${entry.kind === 'regex-i' ? say(lang, ' (any case)', '（不区分大小写）') : ''}`
  if (entry.key === '') return say(lang, 'empty', '为空')
  return cell(entry.key)
}

function mapSection(map: MapConf, file: string, lang: Lang): string[] {
  const at = { file: map.file, range: map.node.range }
  const rows = map.entries.map((entry) => `| ${entryKey(entry, lang)} | ${cell(entry.value)} |`)
  rows.push(`| ${say(lang, 'anything else (default)', '其他（default）')} | ${map.defaultValue === null ? say(lang, 'empty', '空') : cell(map.defaultValue)} |`)
  return [
    `${say(lang, 'Defined by', '定义于')} ${code(`map ${map.source} $${map.variable}`)} (${where(at, file, lang)})`,
    '',
    `| ${say(lang, 'when', '当')} ${cell(map.source)} ${say(lang, 'is', '为')} | ${cell('$' + map.variable)} ${say(lang, 'is', '为')} |`,
    '|---|---|',
    ...rows,
  ]
}

function siteSection(site: VariableSite, file: string, lang: Lang): string {
  const at = { file: site.file, range: site.node.range }
  const written = [site.node.name, ...site.node.args.map((word) => word.raw)].join(' ')
  const how = site.role === 'set' ? say(lang, 'Set by', '赋值于') : say(lang, 'A named capture of', '是正则的命名捕获：')
  return `${how} ${code(written)} (${where(at, file, lang)})`
}

function definedSection(analysis: Analysis, name: string, file: string, lang: Lang): string[] {
  const lines: string[] = []
  for (const site of definitionsOf(analysis, name)) {
    const map = site.role === 'map' ? analysis.result?.http?.maps.find((m) => m.node === site.node) : undefined
    if (map) lines.push(...mapSection(map, file, lang), '')
    else lines.push(siteSection(site, file, lang), '')
  }
  return lines
}

function builtinSection(name: string, lang: Lang): string[] {
  const entry = variableEntry(name)
  if (!entry) return []
  const lines = [entry.about[lang]]
  if (entry.example !== '') lines.push(`${say(lang, 'Example', '示例')}: ${code(entry.example)}`)
  lines.push(`${say(lang, 'Module', '模块')}: ${code(entry.module)}`)
  if (entry.lab !== 'evaluated' && entry.why) lines.push(`Upgrade Lab: ${entry.why[lang]}`)
  return [lines.join('  \n')]
}

function unknownSection(analysis: Analysis, name: string, lang: Lang): string[] {
  const known = [...VARIABLE_TABLE.filter((e) => !e.prefix && !e.dynamic).map((e) => e.name), ...definedNames(analysis)]
  const nearest = nearestNames(name, known)
  const lines = [
    say(lang, 'Nothing defines this variable (no `map` or `set` of it), so nginx refuses the config:', '没有任何 `map` 或 `set` 定义这个变量，nginx 会拒绝这份配置：'),
    code(`unknown "${name}" variable`),
  ]
  if (nearest.length > 0) lines.push('', `${say(lang, 'Did you mean', '你是不是想写')} ${nearest.map((n) => code('$' + n)).join(', ')}?`)
  return lines
}

export function variableHover(analysis: Analysis, site: VariableSite, file: string, lang: Lang): string {
  const kind = variableKind(site.name, new Set(definedNames(analysis)))
  const body = kind === 'defined' ? definedSection(analysis, site.name, file, lang) : kind === 'builtin' ? builtinSection(site.name, lang) : unknownSection(analysis, site.name, lang)
  return [`**${code('$' + site.name)}**`, '', ...body].join('\n').trimEnd()
}
