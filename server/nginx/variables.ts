/**
 * nginx variables at configuration time: parsing `$name` / `${name}` out of values as
 * ngx_http_script_compile does, recording each variable's first use (nginx indexes them in
 * that order and reports the first unknown one after the http block), and the table of
 * built-in variables of the modules Debian's nginx is built with.
 */
import type { Range } from './source.ts'
import { VARIABLE_TABLE } from './variable-table.ts'

/** Built-in variable names: the static modules' variables of the table (ngx_http_variables.c and the modules' own). */
export const BUILTIN_VARIABLES: ReadonlySet<string> = new Set(VARIABLE_TABLE.filter((e) => !e.prefix && !e.dynamic).map((e) => e.name))

/** Families of variables named by a prefix (`$http_upgrade`, `$arg_room`…). */
export const VARIABLE_PREFIXES: readonly string[] = VARIABLE_TABLE.filter((e) => e.prefix && !e.dynamic).map((e) => e.name)

/** Built-ins that `map` or `set` may take over (NGX_HTTP_VAR_CHANGEABLE). */
export const CHANGEABLE_BUILTINS: ReadonlySet<string> = new Set(VARIABLE_TABLE.filter((e) => e.changeable && !e.dynamic).map((e) => e.name))

export type ValuePart = { kind: 'text'; text: string } | { kind: 'variable'; name: string } | { kind: 'capture'; index: number }

export interface CompiledValue {
  parts: ValuePart[]
  /** Whether the value has any variable or capture (nginx's "complex value"). */
  dynamic: boolean
}

export type CompileResult = { ok: true; value: CompiledValue } | { ok: false; message: string }

const isNameChar = (ch: string): boolean => /[A-Za-z0-9_]/.test(ch)

/** ngx_http_script_compile: splits a value into text, variables and `$1`-style captures. */
export function compileValue(source: string): CompileResult {
  const parts: ValuePart[] = []
  let i = 0
  while (i < source.length) {
    if (source[i] === '$') {
      if (++i === source.length) return { ok: false, message: 'invalid variable name' }
      const c = source[i]
      if (c >= '1' && c <= '9') {
        parts.push({ kind: 'capture', index: Number(c) })
        i++
        continue
      }
      let bracket = false
      if (c === '{') {
        bracket = true
        if (++i === source.length) return { ok: false, message: 'invalid variable name' }
      }
      const nameStart = i
      while (i < source.length) {
        const ch = source[i]
        if (ch === '}' && bracket) {
          bracket = false
          break
        }
        if (!isNameChar(ch)) break
        i++
      }
      const name = source.slice(nameStart, i)
      if (bracket) return { ok: false, message: `the closing bracket in "${name}" variable is missing` }
      if (source[i] === '}' && c === '{') i++
      if (name.length === 0) return { ok: false, message: 'invalid variable name' }
      parts.push({ kind: 'variable', name: name.toLowerCase() })
      continue
    }
    const start = i
    while (i < source.length && source[i] !== '$') i++
    parts.push({ kind: 'text', text: source.slice(start, i) })
  }
  return { ok: true, value: { parts, dynamic: parts.some((p) => p.kind !== 'text') } }
}

/** How many `$` a value has: nginx compiles a value only when this is non-zero. */
export function countVariables(source: string): number {
  let n = 0
  for (const ch of source) if (ch === '$') n++
  return n
}

export interface VariableUse {
  name: string
  file: string
  range: Range
}

/**
 * The variables of one http block: defined ones (map, set, named captures) and, in order of
 * first use, every name referred to.
 */
export class VariableRegistry {
  private readonly defined = new Map<string, { changeable: boolean }>()
  private readonly used = new Map<string, VariableUse>()

  define(name: string, changeable: boolean): 'ok' | 'duplicate' {
    const key = name.toLowerCase()
    const existing = this.defined.get(key)
    if (existing && !(existing.changeable && changeable)) return 'duplicate'
    if (!existing && BUILTIN_VARIABLES.has(key) && !changeable) return 'duplicate'
    this.defined.set(key, { changeable })
    return 'ok'
  }

  use(name: string, file: string, range: Range): void {
    const key = name.toLowerCase()
    if (!this.used.has(key)) this.used.set(key, { name: key, file, range })
  }

  isKnown(name: string): boolean {
    const key = name.toLowerCase()
    return this.defined.has(key) || BUILTIN_VARIABLES.has(key) || VARIABLE_PREFIXES.some((p) => key.startsWith(p))
  }

  isDefined(name: string): boolean {
    return this.defined.has(name.toLowerCase())
  }

  /** Uses in nginx's index order, for the check after the http block. */
  uses(): VariableUse[] {
    return [...this.used.values()]
  }
}
