/**
 * Completion of what follows a directive's name: its values from the table (a flag's on/off, an
 * enum's or bitmask's words for the version), units after a number in a size or time slot,
 * variables after `$`, upstream names after `proxy_pass http://`.
 */
import type { DirectiveSpec } from '../../../server/nginx/directive-spec.ts'
import { parseOffset, parseSize, parseTime, UNIT_SUFFIXES } from '../../../server/nginx/values.ts'
import { VARIABLE_TABLE } from '../../../server/nginx/variable-table.ts'
import type { Analysis } from './analysis.ts'
import { code } from './markdown.ts'
import type { CompletionItem, Lang, Range } from './types.ts'
import { definedNames } from './variable-index.ts'
import { say } from './wording.ts'

function item(label: string, kind: CompletionItem['kind'], range: Range, detail: string, documentation = '', insertText = label, isSnippet = false): CompletionItem {
  return { label, kind, insertText, isSnippet, detail, documentation, range }
}

/** A flag's `on`/`off` (the words nginx's flag slot accepts), an enum's or bitmask's words not yet written. */
export function valueItems(spec: DirectiveSpec, written: readonly string[], argIndex: number, range: Range): CompletionItem[] {
  if (spec.shape === 'flag' && argIndex === 1) return ['on', 'off'].map((v) => item(v, 'value', range, spec.name))
  if (!spec.values) return []
  if (spec.shape === 'enum' && argIndex !== 1) return []
  return spec.values.filter((v) => !written.includes(v)).map((v) => item(v, 'value', range, spec.name))
}

/** How each slot kind reads a number with a unit (slots.ts), for the units it takes. */
const UNIT_READERS: Partial<Record<DirectiveSpec['shape'], { units: readonly string[]; accepts: (text: string) => boolean }>> = {
  msec: { units: UNIT_SUFFIXES.time, accepts: (t) => parseTime(t, false) !== null },
  sec: { units: UNIT_SUFFIXES.time, accepts: (t) => parseTime(t, true) !== null },
  size: { units: UNIT_SUFFIXES.size, accepts: (t) => parseSize(t) !== null },
  off: { units: UNIT_SUFFIXES.offset, accepts: (t) => parseOffset(t) !== null },
  // `proxy_buffers 8 4k`: the second word is a size.
  bufs: { units: UNIT_SUFFIXES.size, accepts: (t) => parseSize(t) !== null },
}

/** `60` in a time slot → `60ms`, `60s`, `60m`…; in a size slot → `60k`, `60m`. */
export function unitItems(spec: DirectiveSpec, digits: string, argIndex: number, range: Range): CompletionItem[] {
  const reader = UNIT_READERS[spec.shape]
  if (!reader || !/^\d+$/.test(digits) || (spec.shape === 'bufs' && argIndex !== 2)) return []
  return reader.units.filter((unit) => reader.accepts(digits + unit)).map((unit) => item(digits + unit, 'unit', range, spec.name))
}

/** Explicit `upstream {}` groups, for `proxy_pass http://`. */
export function upstreamItems(analysis: Analysis, range: Range, lang: Lang): CompletionItem[] {
  const upstreams = analysis.result?.http?.upstreams.filter((u) => !u.implicit) ?? []
  return upstreams.map((u) => {
    const servers = u.servers.map((s) => s.address).join(', ')
    return item(u.name, 'upstream', range, `upstream ${u.name}`, `${say(lang, 'Servers', '服务器')}: ${servers === '' ? say(lang, 'none', '无') : code(servers)}`)
  })
}

/** nginx's variables, the families' common members, and those this config defines. */
export function variableItems(analysis: Analysis, range: Range, closeBrace: boolean, lang: Lang): CompletionItem[] {
  const items = new Map<string, CompletionItem>()
  const add = (name: string, detail: string, documentation: string, snippet?: string): void => {
    if (items.has(name)) return
    const close = closeBrace ? '}' : ''
    items.set(name, item(name, 'variable', range, detail, documentation, (snippet ?? name) + close, snippet !== undefined))
  }
  for (const name of definedNames(analysis)) add(name, say(lang, 'defined by this config', '由本配置定义'), '')
  for (const entry of VARIABLE_TABLE) {
    if (entry.dynamic) continue
    const example = entry.example === '' ? '' : `\n\n${say(lang, 'Example', '示例')}: ${code(entry.example)}`
    if (!entry.prefix) {
      add(entry.name, entry.module, entry.about[lang] + example)
      continue
    }
    for (const member of entry.members ?? []) add(entry.name + member, entry.module, entry.about[lang])
    add(`${entry.name}…`, entry.module, entry.about[lang] + example, `${entry.name}\${1:name}`)
  }
  return [...items.values()]
}
