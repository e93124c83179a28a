/**
 * Variables at request time: values with variables (`evaluate`), a variable by name
 * (`variable`: `set` values, regex captures, `map` outputs, else the built-ins of
 * builtin-vars.ts), evaluated as nginx evaluates them — with its limits: a variable nested deeper than 100 evaluations is a cycle (an [error] line,
 * the value not found), and a value is computed once per request and kept (r->variables),
 * except for the variables nginx marks NOCACHEABLE and `volatile` maps.
 */
import { VARIABLE_TABLE } from '../nginx/variable-table.ts'
import { compileValue, type CompiledValue } from '../nginx/variables.ts'
import type { MapConf } from '../nginx/conf.ts'
import { EvaluationBudgetError } from './budget.ts'
import { builtinVariable, type Evaluator } from './builtin-vars.ts'
import type { RequestState } from './request-state.ts'
import { setCaptures } from './router.ts'

/**
 * Compiled texts, shared by every runtime in the process, so bounded by the characters they
 * hold (not by their count: one visitor's texts could be any size).
 */
const COMPILED_CACHE_CHARS = 4 << 20
const compiled = new Map<string, CompiledValue>()
let compiledChars = 0

function compile(text: string): CompiledValue {
  let value = compiled.get(text)
  if (!value) {
    const result = compileValue(text)
    value = result.ok ? result.value : { parts: [{ kind: 'text', text }], dynamic: false }
    if (compiledChars + text.length > COMPILED_CACHE_CHARS) {
      compiled.clear()
      compiledChars = 0
    }
    if (text.length <= COMPILED_CACHE_CHARS / 4) {
      compiled.set(text, value)
      compiledChars += text.length
    }
  }
  return value
}

/** Counts what a request built, and stops it past its budget. */
export function chargeBuilt(state: RequestState, chars: number): void {
  if (chars > state.budget.valueBytes) throw new EvaluationBudgetError(chars, 'valueBytes')
  state.built += chars
  if (state.built > state.budget.requestBytes) throw new EvaluationBudgetError(state.built, 'requestBytes')
}

/** The value of a text with variables, as nginx's complex values give it. */
export function evaluate(text: string, state: RequestState): string {
  const value = compile(text)
  if (!value.dynamic) return text
  const limit = state.budget.valueBytes
  let out = ''
  for (const part of value.parts) {
    if (part.kind === 'text') out += part.text
    else if (part.kind === 'capture') out += state.captures[String(part.index)] ?? ''
    else out += variable(part.name, state) ?? ''
    // Checked as the value grows, so a doubling is stopped before it is built, not after.
    if (out.length > limit) throw new EvaluationBudgetError(out.length, 'valueBytes')
  }
  chargeBuilt(state, out.length)
  return out
}

/**
 * A variable's value, or undefined when it is "not found" (an empty string in values). Values
 * already known this request come first; anything computed counts against the nesting depth
 * (ngx_http_get_indexed_variable): at the bottom, nginx logs the cycle and finds nothing.
 */
export function variable(name: string, s: RequestState): string | undefined {
  if (s.assigned.has(name)) return s.assigned.get(name)
  if (Object.hasOwn(s.captures, name)) return s.captures[name]
  if (s.cached.has(name)) return s.cached.get(name)
  if (s.setOnly.has(name)) {
    // ngx_http_rewrite_var: empty until a `set` runs, said once per request (the empty value is kept).
    if (s.warnUninitialized) s.log('warn', `using uninitialized "${name}" variable`)
    s.cached.set(name, '')
    return ''
  }
  if (s.variableDepth === 0) {
    // nginx runs every complex value twice, for its length and then its value, and this
    // lookup fails (uncached) both times: two lines per reference.
    s.log('error', `cycle while evaluating variable "${name}"`)
    s.log('error', `cycle while evaluating variable "${name}"`)
    return undefined
  }
  // nginx spins for ever on a cycle of volatile maps (each level evaluates the next twice); the
  // lab stops a request that evaluated this many variables.
  if (++s.evaluations > s.budget.evaluations) throw new EvaluationBudgetError(s.evaluations, 'evaluations')
  s.variableDepth--
  let value: string | undefined
  const map = s.maps.get(name)
  try {
    value = map ? evaluateMap(map, s) : builtinVariable(name, s, EVALUATOR)
  } finally {
    s.variableDepth++
  }
  if (map ? !map.volatile : isCacheable(name)) s.cached.set(name, value)
  if (s.onVariable) {
    const told = (s.told ??= new Set())
    if (!told.has(name)) {
      told.add(name)
      s.onVariable(name, value, map ?? null)
    }
  }
  return value
}

/** Built-in variables nginx flags NGX_HTTP_VAR_NOCACHEABLE: computed again at every use. */
const NOCACHEABLE: ReadonlySet<string> = new Set(VARIABLE_TABLE.filter((e) => e.nocacheable && !e.prefix).map((e) => e.name))
/**
 * Families computed again at every use: nginx's NOCACHEABLE prefixes, and `sent_http_` (nginx
 * caches it, but it reads the response head as it is being built, which the lab builds at once:
 * kept uncached, a value used in add_header does not stay empty for the access log).
 */
const NOCACHEABLE_PREFIXES: readonly string[] = [...VARIABLE_TABLE.filter((e) => e.nocacheable && e.prefix).map((e) => e.name), 'sent_http_']

function isCacheable(name: string): boolean {
  if (NOCACHEABLE.has(name)) return false
  for (const prefix of NOCACHEABLE_PREFIXES) if (name.startsWith(prefix)) return false
  return true
}

/** What the built-ins may ask of the evaluator. */
const EVALUATOR: Evaluator = { variable, evaluate }

/** ngx_http_map_variable: exact keys without case, then regexes in order, else the default. */
function evaluateMap(map: MapConf, s: RequestState): string {
  const source = evaluate(map.source, s)
  let key = source
  if (map.hostnames && key.endsWith('.')) key = key.slice(0, -1)
  const lower = key.toLowerCase()
  for (const e of map.entries) {
    if (e.kind === 'exact' && e.key.toLowerCase() === lower) return evaluate(e.value, s)
  }
  if (map.hostnames) {
    let best: { value: string; length: number } | null = null
    for (const e of map.entries) {
      if (e.kind !== 'wildcard') continue
      const k = e.key.toLowerCase()
      if (k.startsWith('*.') || k.startsWith('.')) {
        const base = k.startsWith('*.') ? k.slice(2) : k.slice(1)
        const ok = lower.endsWith('.' + base) || (k.startsWith('.') && lower === base)
        if (ok && (!best || base.length > best.length)) best = { value: e.value, length: base.length }
      }
    }
    if (best) return evaluate(best.value, s)
    for (const e of map.entries) {
      if (e.kind === 'wildcard' && e.key.endsWith('.*') && lower.startsWith(e.key.toLowerCase().slice(0, -1))) return evaluate(e.value, s)
    }
  }
  for (const e of map.entries) {
    if ((e.kind !== 'regex' && e.kind !== 'regex-i') || !e.regex) continue
    const m = e.regex.exec(source)
    if (m) {
      setCaptures(s.captures, m)
      return evaluate(e.value, s)
    }
  }
  return map.defaultValue === null ? '' : evaluate(map.defaultValue, s)
}
