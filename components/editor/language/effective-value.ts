/**
 * The value of a directive in effect in a block, after nginx's inheritance (compile.ts merges the
 * same way: the nearest block that sets it wins; a list such as `proxy_set_header` is taken
 * whole from the nearest block that has any, so a block with one drops all the outer ones).
 */
import type { Level, Setting } from '../../../server/nginx/conf.ts'
import { defaultText, defaultValue } from '../../../server/nginx/directives/defaults.ts'
import type { DirectiveNode } from '../../../server/nginx/parser.ts'
import type { Analysis } from './analysis.ts'
import type { Location } from './types.ts'

export interface HeaderInEffect {
  name: string
  /** As written (quotes kept); nginx's own as its table has it. */
  value: string
  from: 'here' | 'outer' | 'nginx'
  /** Where it is written; none for nginx's own. */
  at?: Location
}

export interface HeadersInEffect {
  /** The configured list in force here, then nginx's own headers it does not override. */
  sent: HeaderInEffect[]
  /** nginx's own headers with an empty value: the client's header of that name is not passed. */
  cleared: string[]
  /** The outer block's list, when this block sets its own and so inherits none of it. */
  dropped: HeaderInEffect[]
  /** The block whose list is in force (null: no block sets any). */
  holder: Level | null
}

/** The `proxy_set_header` lines of a block, in nginx's order (includes read in place). */
export function headerNodesOf(analysis: Analysis, level: Level): Array<{ node: DirectiveNode; file: string }> {
  const found: Array<{ node: DirectiveNode; file: string }> = []
  for (const [node, placement] of analysis.result?.placements ?? []) {
    if (placement.level === level && node.name === 'proxy_set_header' && node.args.length === 2) found.push({ node, file: placement.file })
  }
  return found
}

/** The nearest block, from `level` outwards, that has its own setting of `name`. */
export function holderOf(level: Level | null, name: string): Level | null {
  for (let l = level; l; l = l.parent) if (l.settings.has(name)) return l
  return null
}

function headersOf(analysis: Analysis, holder: Level, from: 'here' | 'outer'): HeaderInEffect[] {
  return headerNodesOf(analysis, holder).map(({ node, file }) => ({
    name: node.args[0].value,
    value: node.args[1].raw,
    from,
    at: { file, range: node.range },
  }))
}

export function headersInEffect(analysis: Analysis, level: Level): HeadersInEffect {
  const holder = holderOf(level, 'proxy_set_header')
  const configured = holder ? headersOf(analysis, holder, holder === level ? 'here' : 'outer') : []
  const names = new Set(configured.map((h) => h.name.toLowerCase()))
  const own = defaultValue('proxy_set_header', analysis.version).filter(([name]) => !names.has(name.toLowerCase()))
  const outer = holder === level ? holderOf(level.parent, 'proxy_set_header') : null
  return {
    sent: [...configured, ...own.filter(([, value]) => value !== '').map(([name, value]) => ({ name, value, from: 'nginx' as const }))],
    cleared: own.filter(([, value]) => value === '').map(([name]) => name),
    dropped: outer ? headersOf(analysis, outer, 'outer') : [],
    holder,
  }
}

export interface SettingInEffect {
  /** The arguments as written, or the default's text. */
  text: string
  from: 'here' | 'outer' | 'default'
  at?: Location
  /** What this block's own setting replaces: the outer block's, or the default. */
  replaces?: { text: string; at?: Location }
}

function writtenText(setting: Setting): string {
  return setting.node.args.map((word) => word.raw).join(' ')
}

function placeOf(setting: Setting): Location {
  return { file: setting.file, range: setting.node.range }
}

/** A directive with a typed default (defaults.ts): the value nginx uses in this block. */
export function settingInEffect(analysis: Analysis, name: string, level: Level): SettingInEffect | null {
  const holder = holderOf(level, name)
  const fallback = defaultText(name, analysis.version)
  if (!holder) return fallback === null ? null : { text: fallback, from: 'default' }
  const setting = holder.settings.get(name) as Setting
  const found: SettingInEffect = { text: writtenText(setting), from: holder === level ? 'here' : 'outer', at: placeOf(setting) }
  if (holder !== level) return found
  const outer = holderOf(level.parent, name)
  if (outer) found.replaces = { text: writtenText(outer.settings.get(name) as Setting), at: placeOf(outer.settings.get(name) as Setting) }
  else if (fallback !== null) found.replaces = { text: fallback }
  return found
}
