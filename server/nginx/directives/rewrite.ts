/** ngx_http_rewrite_module: `return`, `rewrite`, `if`, `set`, `break`. */
import { Level, type LocationConf } from '../conf.ts'
import type { DirectiveContext } from '../directive-context.ts'
import { HANDLED, type Handler } from '../directive-spec.ts'
import type { Word } from '../lexer.ts'
import { compileRegex } from '../regex.ts'
import type { ConfigRegex } from '../regex-match.ts'
import { flagSlot } from '../slots.ts'
import { atoi } from '../values.ts'
import { currentLocation, currentServer } from './http-core.ts'
import { defineVariable } from './map.ts'
import { row, type HandwrittenSpec } from './row.ts'

export interface ReturnSetting {
  status: number
  /** The text or URL, still holding its variables. */
  text: string | null
}

const setReturn: Handler = (cx) => {
  const [first, second] = cx.values
  const status = atoi(first)
  if (status === null) {
    if (cx.args.length === 1 && (first.startsWith('http://') || first.startsWith('https://') || first.startsWith('$scheme'))) {
      if (cx.compile(cx.args[0]) === null) return HANDLED
      cx.pushTo('$rewrite', { return: { status: 302, text: first } satisfies ReturnSetting })
      return
    }
    return cx.error(`invalid return code "${first}"`, 1)
  }
  if (status > 999) return cx.error(`invalid return code "${first}"`, 1)
  if (cx.args.length === 2 && cx.compile(cx.args[1]) === null) return HANDLED
  cx.pushTo('$rewrite', { return: { status, text: second ?? null } satisfies ReturnSetting })
}

const rewrite: Handler = (cx) => {
  const [pattern, replacement, flag] = cx.values
  const regex = compileRegex(cx, pattern, false, cx.args[0])
  if (!regex) return HANDLED
  if (replacement === '') return cx.error('empty replacement', 2)
  if (flag !== undefined && !['last', 'break', 'redirect', 'permanent'].includes(flag)) {
    return cx.error(`invalid parameter "${flag}"`, 3)
  }
  if (cx.compile(cx.args[1]) === null) return HANDLED
  cx.pushTo('$rewrite', { rewrite: { regex, replacement, flag: flag ?? null } })
}

const setVariable: Handler = (cx) => {
  const name = cx.args[0]
  if (!name.value.startsWith('$')) return cx.error(`invalid variable name "${name.value}"`, 1)
  const variable = name.value.slice(1)
  const key = variable.toLowerCase()
  // `set` may reuse a name nginx already has as long as the variable is changeable (weak).
  if (!cx.http.variables.isDefined(key) && !defineVariable(cx, variable, name)) return HANDLED
  cx.http.variables.use(key, cx.file, name.range)
  if (cx.compile(cx.args[1]) === null) return HANDLED
  cx.pushTo('$rewrite', { set: { name: key, value: cx.values[1] } })
}

/**
 * An `if` condition as the runtime evaluates it (ngx_http_rewrite_if_condition's codes):
 * `$var` alone, `$var = text` / `!=`, `$var ~ regex` (and `~*`, `!~`, `!~*`), `-f path`
 * (and `-d`, `-e`, `-x`, each negatable with `!`). Values are complex values, still
 * holding their variables.
 */
export type IfCondition =
  | { kind: 'variable'; variable: string }
  | { kind: 'equals'; variable: string; negate: boolean; value: string }
  | { kind: 'regex'; variable: string; negate: boolean; regex: ConfigRegex }
  | { kind: 'file'; test: 'f' | 'd' | 'e' | 'x'; negate: boolean; path: string }

/** ngx_http_rewrite_if_condition: the `( … )` grammar of `if`. */
function checkCondition(cx: DirectiveContext): IfCondition | typeof HANDLED {
  const words: Word[] = [...cx.args]
  const text = words.map((w) => w.value)
  let last = text.length - 1
  if (text[0].length < 1 || text[0][0] !== '(') return cx.error(`invalid condition "${text[0]}"`, 1)
  let cur: number
  if (text[0].length === 1) cur = 1
  else {
    cur = 0
    text[0] = text[0].slice(1)
  }
  if (text[last].length < 1 || !text[last].endsWith(')')) return cx.error(`invalid condition "${text[last]}"`, last + 1)
  if (text[last].length === 1) last--
  else text[last] = text[last].slice(0, -1)
  if (cur > last) return cx.error(`invalid condition "${text[cur] ?? ''}"`, cur + 1)

  const p = text[cur]
  if (p.length > 1 && p[0] === '$') {
    if (cur !== last && cur + 2 !== last) return cx.error(`invalid condition "${p}"`, cur + 1)
    if (cx.compile({ ...words[cur], value: p }) === null) return HANDLED
    if (cur === last) return { kind: 'variable', variable: p }
    const op = text[cur + 1]
    const operand = { ...words[last], value: text[last] }
    if (op === '=' || op === '!=') {
      if (cx.compile(operand) === null) return HANDLED
      return { kind: 'equals', variable: p, negate: op === '!=', value: operand.value }
    }
    if (op === '~' || op === '~*' || op === '!~' || op === '!~*') {
      const regex = compileRegex(cx, text[last], op.endsWith('*'), words[last])
      if (!regex) return HANDLED
      return { kind: 'regex', variable: p, negate: op.startsWith('!'), regex }
    }
    return cx.error(`unexpected "${op}" in condition`, cur + 2)
  }
  if ((p.length === 2 && p[0] === '-') || (p.length === 3 && p[0] === '!' && p[1] === '-')) {
    if (cur + 1 !== last) return cx.error(`invalid condition "${p}"`, cur + 1)
    if (cx.compile({ ...words[last], value: text[last] }) === null) return HANDLED
    const test = p[p.length - 1]
    if (test === 'f' || test === 'd' || test === 'e' || test === 'x') return { kind: 'file', test, negate: p[0] === '!', path: text[last] }
    return cx.error(`invalid condition "${p}"`, cur + 1)
  }
  return cx.error(`invalid condition "${p}"`, cur + 1)
}

const ifBlock: Handler = (cx) => {
  const level = new Level(cx.context === 'server' ? 'if-server' : 'if-location', cx.level)
  const parent = currentLocation(cx.level)
  const conf: LocationConf = {
    modifier: '',
    name: '',
    regex: null,
    level,
    node: cx.node,
    file: cx.file,
    children: [],
    parent: parent ?? null,
    isIf: true,
  }
  level.settings.set('$location', { value: conf, node: cx.node, file: cx.file })
  // Like nginx, an `if` is a nameless location of its block (merged, never matched by URI).
  if (parent) parent.children.push(conf)
  else currentServer(cx)?.locations.push(conf)
  const condition = checkCondition(cx)
  if (condition === HANDLED) return HANDLED
  cx.pushTo('$rewrite', { if: { condition, text: cx.values.join(' '), level, line: cx.node.nginxLine, file: cx.file } })
  cx.parseBlock(cx.context === 'server' ? 'if-server' : 'if-location', level)
}

const REWRITE = {
  module: 'ngx_http_rewrite_module',
  moduleType: 'http',
  contexts: ['server', 'if-server', 'location', 'if-location'],
  conf: 'loc',
} as const

export const rewriteDirectives: HandwrittenSpec[] = [
  row(REWRITE, 'rewrite', [2, 3], rewrite),
  row(REWRITE, 'return', [1, 2], setReturn),
  row(REWRITE, 'break', [0], (cx) => cx.pushTo('$rewrite', { break: true })),
  row({ ...REWRITE, contexts: ['server', 'location'] }, 'if', '1more', ifBlock, {
    block: true,
  }),
  row(REWRITE, 'set', [2], setVariable),
  row({ ...REWRITE, contexts: ['http', 'server', 'if-server', 'location', 'if-location'] }, 'rewrite_log', 'flag', flagSlot),
  row({ ...REWRITE, contexts: ['http', 'server', 'if-server', 'location', 'if-location'] }, 'uninitialized_variable_warn', 'flag', flagSlot),
]

export type { LocationConf }
