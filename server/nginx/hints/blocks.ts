/**
 * What the WebSocket hints read from a checked config: the blocks of the http block, the ones
 * that proxy, the proxy_set_header list in effect in each (and the block it comes from), and
 * how to name a block or a line in a message, in English and in 简体中文.
 */
import type { Level, LocationConf, Setting } from '../conf.ts'
import type { HeaderSetting, ProxyPassSetting } from '../directives/proxy.ts'
import type { HttpState } from '../http-state.ts'
import type { Word } from '../lexer.ts'
import { spanRanges, type Range } from '../source.ts'
import { compileValue } from '../variables.ts'

/** A phrase of a message in both languages. */
export interface Text {
  en: string
  zh: string
}

/**
 * A block requests are proxied from: a location with `proxy_pass`, or an `if` in a location,
 * which proxies with its location's `proxy_pass` unless it has its own (compile.ts does the same).
 * Nested locations do not inherit `proxy_pass`.
 */
export interface ProxyBlock {
  level: Level
  location: LocationConf
  pass: Setting<ProxyPassSetting>
}

/** Every location and `if` of the http block, outer ones first. */
function everyLocation(http: HttpState): LocationConf[] {
  const out: LocationConf[] = []
  const visit = (l: LocationConf): void => {
    out.push(l)
    l.children.forEach(visit)
  }
  for (const server of http.servers) {
    server.locations.forEach(visit)
    server.namedLocations.forEach(visit)
  }
  return out
}

/** The http block, each server and each location or `if`: every level a proxy_set_header can stand in. */
export function everyLevel(http: HttpState): Level[] {
  return [http.level, ...http.servers.map((s) => s.level), ...everyLocation(http).map((l) => l.level)]
}

export function proxyBlocks(http: HttpState): ProxyBlock[] {
  const blocks: ProxyBlock[] = []
  for (const location of everyLocation(http)) {
    // An `if` in a server only runs the server's rewrites; the location is chosen after it.
    if (location.level.context === 'if-server') continue
    const enclosing = location.isIf ? location.parent?.level.get('proxy_pass') : undefined
    const pass = location.level.get('proxy_pass') ?? enclosing
    if (pass) blocks.push({ level: location.level, location, pass })
  }
  return blocks
}

/** A block's own proxy_set_header lines. */
export function ownHeaders(level: Level): HeaderSetting[] {
  return level.get('proxy_set_header')?.value ?? []
}

/** The proxy_set_header list in effect in a block, and the block it is written in. */
export function effectiveHeaders(level: Level): { list: HeaderSetting[]; owner: Level } | null {
  for (let l: Level | null = level; l; l = l.parent) {
    const own = l.get('proxy_set_header')
    if (own) return { list: own.value, owner: l }
  }
  return null
}

/** The first line of a list that sets `name` (header names are case-insensitive). */
export function headerNamed(list: readonly HeaderSetting[], name: string): HeaderSetting | undefined {
  return list.find((h) => h.name.toLowerCase() === name.toLowerCase())
}

/** The variable a value consists of, lower-cased (`$http_upgrade`, `${http_upgrade}`), or null. */
export function soleVariable(value: string): string | null {
  const compiled = compileValue(value)
  if (!compiled.ok || compiled.value.parts.length !== 1) return null
  const part = compiled.value.parts[0]
  return part.kind === 'variable' ? part.name.toLowerCase() : null
}

/**
 * The nearest setting of a directive the engine only checks (not in settings.ts), as its
 * generic setter stored it: a flag as a boolean, a complex value as a list of argument lists.
 */
export function checkedSetting(level: Level, name: string): Setting | undefined {
  for (let l: Level | null = level; l; l = l.parent) {
    const s = l.settings.get(name)
    if (s) return s
  }
  return undefined
}

/** From a directive's first argument to its last: what a hint about the directive underlines. */
export function argsRange(words: readonly Word[]): Range {
  return spanRanges(words[0].range, words[words.length - 1].range)
}

export function headerRange(header: HeaderSetting): Range {
  return spanRanges(header.nameWord.range, header.word.range)
}

/** `line 12`, or `/etc/nginx/snippets/ws.conf:12` when the line is in another file than the hint. */
export function lineRef(file: string, line: number, hintFile: string): Text {
  return file === hintFile ? { en: `line ${line}`, zh: `第 ${line} 行` } : { en: `${file}:${line}`, zh: `${file}:${line}` }
}

/** A block as a message names it: `the http block`, `the server block at line 4`, `location /ws (line 9)`. */
export function describeBlock(level: Level, hintFile: string): Text {
  if (level.context === 'http') return { en: 'the http block', zh: 'http 块' }
  const server = level.context === 'server' ? level.get('$server') : undefined
  if (server) {
    const at = lineRef(server.file, server.node.range.line, hintFile)
    return { en: `the server block at ${at.en}`, zh: `${at.zh}的 server 块` }
  }
  const location = level.get('$location')
  if (!location) return { en: `the ${level.context} block`, zh: `${level.context} 块` }
  const at = lineRef(location.file, location.node.range.line, hintFile)
  if (location.value.isIf) return { en: `the if block at ${at.en}`, zh: `${at.zh}的 if 块` }
  const l = location.value
  const name = l.modifier && l.modifier !== '@' ? `${l.modifier} ${l.name}` : l.name
  return { en: `location ${name} (${at.en})`, zh: `location ${name}（${at.zh}）` }
}

/** Phrases joined as a list: `a, b and c` / `a、b 和 c`. */
export function listOf(items: readonly Text[]): Text {
  const join = (parts: string[], comma: string, and: string): string =>
    parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(comma)}${and}${parts[parts.length - 1]}`
  return { en: join(items.map((i) => i.en), ', ', ' and '), zh: join(items.map((i) => i.zh), '、', '和') }
}

/** 简体中文 as the lab writes it: a space between a Chinese character and Latin letters, digits or code. */
export function spacedZh(text: string): string {
  return text.replace(/([\u4e00-\u9fff])([A-Za-z0-9`"$/@])/g, '$1 $2').replace(/([A-Za-z0-9`"$\]])([\u4e00-\u9fff])/g, '$1 $2')
}
