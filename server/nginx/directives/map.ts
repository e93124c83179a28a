/**
 * ngx_http_map_module: `map $source $variable { … }`, whose body is key/value data read by a
 * custom handler, not directives (so it has its own grammar here too).
 */
import type { MapConf, MapEntryConf } from '../conf.ts'
import type { DirectiveContext } from '../directive-context.ts'
import { HANDLED, type Handler } from '../directive-spec.ts'
import type { Word } from '../lexer.ts'
import { compileRegex } from '../regex.ts'
import type { ConfigRegex } from '../regex-match.ts'
import { numSlot } from '../slots.ts'
import { BUILTIN_VARIABLES, CHANGEABLE_BUILTINS } from '../variables.ts'
import { row, type HandwrittenSpec } from './row.ts'

/** ngx_http_add_variable for a variable a config defines; nginx's error when it may not. */
export function defineVariable(cx: DirectiveContext, name: string, word: Word): boolean {
  const key = name.toLowerCase()
  if (BUILTIN_VARIABLES.has(key) && !CHANGEABLE_BUILTINS.has(key)) {
    cx.error(`the duplicate "${key}" variable`, word)
    return false
  }
  cx.http.variables.define(key, true)
  return true
}

/** A wildcard key as ngx_hash_add_key accepts it with NGX_HASH_WILDCARD_KEY. */
function wildcardKind(key: string): 'exact' | 'wildcard' | 'invalid' {
  const star = key.indexOf('*')
  if (star < 0) return key.startsWith('.') ? (key.length > 1 ? 'wildcard' : 'invalid') : 'exact'
  if (key.indexOf('*', star + 1) >= 0) return 'invalid'
  if (key.startsWith('*.') && key.length > 2) return 'wildcard'
  if (key.endsWith('.*') && key.length > 2 && star === key.length - 1) return 'wildcard'
  return 'invalid'
}

const map: Handler = (cx) => {
  if (cx.compile(cx.args[0]) === null) return HANDLED
  const target = cx.args[1]
  if (!target.value.startsWith('$')) return cx.error(`invalid variable name "${target.value}"`, 2)
  const variable = target.value.slice(1)
  if (!defineVariable(cx, variable, target)) return HANDLED

  const conf: MapConf = {
    source: cx.values[0],
    variable: variable.toLowerCase(),
    entries: [],
    defaultValue: null,
    hostnames: false,
    volatile: false,
    node: cx.node,
    file: cx.file,
  }
  cx.http.maps.push(conf)
  const exactKeys = new Set<string>()

  cx.parseBlockWith((words) => {
    const [keyWord, valueWord] = words
    const key = keyWord.value
    if (words.length === 1 && key === 'hostnames') {
      conf.hostnames = true
      return
    }
    if (words.length === 1 && key === 'volatile') {
      conf.volatile = true
      return
    }
    if (words.length !== 2) return 'invalid number of the map parameters'
    // `include` inside a map names a file of more entries; the lab has no such files to read.
    if (key === 'include') return
    if (cx.compile(valueWord) === null) return HANDLED
    const value = valueWord.value
    const entry = (kind: MapEntryConf['kind'], regex: ConfigRegex | null, k = key): MapEntryConf => ({
      key: k,
      kind,
      regex,
      value,
      range: keyWord.range,
    })
    if (key === 'default') {
      if (conf.defaultValue !== null) return 'duplicate default map parameter'
      conf.defaultValue = value
      return
    }
    if (key.startsWith('~')) {
      const caseless = key[1] === '*'
      const regex = compileRegex(cx, key.slice(caseless ? 2 : 1), caseless, keyWord)
      if (!regex) return HANDLED
      conf.entries.push(entry(caseless ? 'regex-i' : 'regex', regex))
      return
    }
    const plain = key.startsWith('\\') ? key.slice(1) : key
    const kind = conf.hostnames ? wildcardKind(plain) : 'exact'
    if (kind === 'invalid') return `invalid hostname or wildcard "${key}"`
    const normalized = plain.toLowerCase()
    if (exactKeys.has(normalized)) return `conflicting parameter "${normalized}"`
    exactKeys.add(normalized)
    conf.entries.push(entry(kind, null, plain))
  })
}

const MAP = { module: 'ngx_http_map_module', moduleType: 'http', contexts: ['http'], conf: 'main' } as const

export const mapDirectives: HandwrittenSpec[] = [
  row(MAP, 'map', [2], map, {
    block: true,
  }),
  row(MAP, 'map_hash_max_size', [1], numSlot()),
  row(MAP, 'map_hash_bucket_size', [1], numSlot()),
]
