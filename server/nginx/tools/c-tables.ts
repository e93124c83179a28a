/**
 * Reads the tables of an nginx C source file that describe directives: the module definition
 * (`ngx_module_t ngx_xxx_module = { NGX_MODULE_V1, &ctx, commands, TYPE, … }`), its
 * `static ngx_command_t ngx_xxx_commands[]` table and the `ngx_conf_enum_t` /
 * `ngx_conf_bitmask_t` value tables that enum and bitmask setters point at.
 *
 * Not a C parser: nginx writes these tables in one fixed style (see src/core/ngx_conf_file.h
 * for the types), and this reads that style. Preprocessor conditionals inside a table are
 * evaluated against the build's macros; anything unexpected throws rather than guesses.
 */

/** One `ngx_command_t` entry as written in the source. */
export interface RawCommand {
  name: string
  /** The `type` field split on `|`: NGX_HTTP_MAIN_CONF, NGX_CONF_TAKE12… */
  flags: string[]
  /** The `set` handler: ngx_conf_set_flag_slot, ngx_http_core_server… */
  set: string
  /** The `conf` field: NGX_HTTP_LOC_CONF_OFFSET, 0… */
  conf: string
  /** The `offset` field: offsetof(ngx_http_core_loc_conf_t, sendfile), 0… */
  offset: string
  /** The `post` field without its `&`, or null for NULL. */
  post: string | null
}

export interface RawModule {
  name: string
  /** NGX_CORE_MODULE, NGX_EVENT_MODULE, NGX_HTTP_MODULE, NGX_CONF_MODULE… */
  type: string
  /** The commands table's name, or null when the module has none. */
  commandsTable: string | null
}

/** The macros of a build: defined ones with their value, and those known to be undefined. */
export interface Macros {
  defined: Record<string, number>
  undefined: readonly string[]
}

/** Removes C comments, keeping string literals intact and newlines in place. */
export function stripComments(source: string): string {
  let out = ''
  let i = 0
  while (i < source.length) {
    const c = source[i]
    if (c === '"' || c === "'") {
      let j = i + 1
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1
      out += source.slice(i, j + 1)
      i = j + 1
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2)
      if (end < 0) throw new Error('unterminated comment')
      out += source.slice(i, end + 2).replace(/[^\n]/g, ' ')
      i = end + 2
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++
    } else {
      out += c
      i++
    }
  }
  return out
}

/** Evaluates a `#if` expression: identifiers, numbers, defined, !, &&, ||, parentheses. */
export function evaluateCondition(expression: string, macros: Macros): boolean {
  const tokens = expression.match(/defined|[A-Za-z_][A-Za-z0-9_]*|\d+|&&|\|\||[()!]/g) ?? []
  const rest = expression.replace(/defined|[A-Za-z_][A-Za-z0-9_]*|\d+|&&|\|\||[()!]|\s/g, '')
  if (rest !== '') throw new Error(`unsupported #if expression: ${expression}`)
  let pos = 0
  const value = (name: string): number => {
    if (Object.hasOwn(macros.defined, name)) return macros.defined[name]!
    if (macros.undefined.includes(name)) return 0
    throw new Error(`macro ${name} is neither defined nor known undefined for this build`)
  }
  const primary = (): number => {
    const token = tokens[pos++]
    if (token === undefined) throw new Error(`truncated #if expression: ${expression}`)
    if (token === '!') return primary() ? 0 : 1
    if (token === '(') {
      const v = or()
      if (tokens[pos++] !== ')') throw new Error(`unbalanced #if expression: ${expression}`)
      return v
    }
    if (token === 'defined') {
      const paren = tokens[pos] === '('
      if (paren) pos++
      const name = tokens[pos++]!
      if (paren && tokens[pos++] !== ')') throw new Error(`bad defined(): ${expression}`)
      if (Object.hasOwn(macros.defined, name)) return 1
      if (macros.undefined.includes(name)) return 0
      throw new Error(`macro ${name} is neither defined nor known undefined for this build`)
    }
    if (/^\d+$/.test(token)) return Number(token)
    return value(token)
  }
  const and = (): number => {
    let v = primary()
    while (tokens[pos] === '&&') {
      pos++
      const r = primary()
      v = v && r ? 1 : 0
    }
    return v
  }
  const or = (): number => {
    let v = and()
    while (tokens[pos] === '||') {
      pos++
      const r = and()
      v = v || r ? 1 : 0
    }
    return v
  }
  const result = or()
  if (pos !== tokens.length) throw new Error(`trailing tokens in #if expression: ${expression}`)
  return result !== 0
}

/** Keeps the lines of a table body that the build compiles (#if/#ifdef/#ifndef/#elif/#else/#endif). */
export function preprocess(body: string, macros: Macros, used: Set<string>): string {
  const out: string[] = []
  /** Per nesting level: whether this branch is taken, and whether one already was. */
  const stack: { active: boolean; taken: boolean; parentActive: boolean }[] = []
  const active = () => stack.every((s) => s.active)
  for (const line of body.split('\n')) {
    const directive = line.match(/^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/)
    if (!directive) {
      if (/^\s*#/.test(line)) throw new Error(`unexpected preprocessor line in a table: ${line.trim()}`)
      if (active()) out.push(line)
      continue
    }
    const [, keyword, rest] = directive as unknown as [string, string, string]
    const condition = (text: string) => {
      for (const name of text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) if (name !== 'defined') used.add(name)
      return evaluateCondition(text, macros)
    }
    if (keyword === 'if' || keyword === 'ifdef' || keyword === 'ifndef') {
      const parentActive = active()
      let v: boolean
      if (keyword === 'if') v = condition(rest)
      else v = condition(`defined ${rest.trim()}`) === (keyword === 'ifdef')
      stack.push({ active: v, taken: v, parentActive })
    } else if (keyword === 'elif') {
      const top = stack.at(-1)
      if (!top) throw new Error('#elif without #if')
      const v = !top.taken && condition(rest)
      top.active = v
      top.taken ||= v
    } else if (keyword === 'else') {
      const top = stack.at(-1)
      if (!top) throw new Error('#else without #if')
      top.active = !top.taken
      top.taken = true
    } else {
      if (!stack.pop()) throw new Error('#endif without #if')
    }
  }
  if (stack.length) throw new Error('unterminated #if in a table')
  return out.join('\n')
}

/** The body (between the braces) of `<type> <name>[] = { … };`, or null. */
export function tableBody(source: string, type: string, name: string): string | null {
  const re = new RegExp(`\\b${type}\\s+${name}\\s*\\[\\s*\\]\\s*=\\s*\\{`)
  const m = re.exec(source)
  if (!m) return null
  const start = m.index + m[0].length
  const end = matchingBrace(source, start - 1)
  return source.slice(start, end)
}

function matchingBrace(source: string, open: number): number {
  let depth = 0
  for (let i = open; i < source.length; i++) {
    const c = source[i]
    if (c === '"') {
      i++
      while (source[i] !== '"') i += source[i] === '\\' ? 2 : 1
    } else if (c === '{') depth++
    else if (c === '}') {
      depth--
      if (depth === 0) return i
    }
  }
  throw new Error('unbalanced braces')
}

/** The top-level `{ … }` groups of a table body, each split into its comma-separated fields. */
function entries(body: string): string[][] {
  const groups: string[][] = []
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '{') continue
    const end = matchingBrace(body, i)
    groups.push(splitFields(body.slice(i + 1, end)))
    i = end
  }
  return groups
}

function splitFields(text: string): string[] {
  const fields: string[] = []
  let depth = 0
  let current = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '"') {
      let j = i + 1
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      current += text.slice(i, j + 1)
      i = j
      continue
    }
    if (c === '(' || c === '{') depth++
    if (c === ')' || c === '}') depth--
    if (c === ',' && depth === 0) {
      fields.push(current.replace(/\s+/g, ' ').trim())
      current = ''
    } else current += c
  }
  const last = current.replace(/\s+/g, ' ').trim()
  if (last !== '') fields.push(last)
  return fields
}

/** `ngx_string("name")` → name. */
function ngxString(field: string): string {
  const m = field.match(/^ngx_string\s*\(\s*"((?:[^"\\]|\\.)*)"\s*\)$/)
  if (!m) throw new Error(`expected ngx_string("…"), got ${field}`)
  return m[1]!.replace(/\\(.)/g, '$1')
}

/** Parses a commands table body (already preprocessed). */
export function parseCommands(body: string): RawCommand[] {
  const rest = body.replace(/\{[\s\S]*?\}/g, ' ').replace(/[\s,]+/g, ' ').trim()
  if (rest !== 'ngx_null_command') throw new Error(`unexpected text in a commands table: ${rest}`)
  return entries(body).map((fields) => {
    if (fields.length !== 6) throw new Error(`an ngx_command_t has 6 fields: ${fields.join(', ')}`)
    const [name, type, set, conf, offset, post] = fields as [string, string, string, string, string, string]
    return {
      name: ngxString(name),
      flags: type.split('|').map((f) => f.trim()),
      set,
      conf,
      offset,
      post: post === 'NULL' ? null : post.replace(/^&\s*/, ''),
    }
  })
}

/** Parses an ngx_conf_enum_t / ngx_conf_bitmask_t body (already preprocessed): the value names. */
export function parseValues(body: string): string[] {
  const values: string[] = []
  for (const fields of entries(body)) {
    if (fields.length !== 2) throw new Error(`a value entry has 2 fields: ${fields.join(', ')}`)
    if (fields[0] === 'ngx_null_string') return values
    values.push(ngxString(fields[0]!))
  }
  throw new Error('value table without its ngx_null_string terminator')
}

/** Every `ngx_module_t <name> = { NGX_MODULE_V1, ctx, commands, TYPE, … }` of a file. */
export function parseModules(source: string): RawModule[] {
  const modules: RawModule[] = []
  const re = /\bngx_module_t\s+(ngx_[a-z0-9_]+)\s*=\s*\{/g
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const end = matchingBrace(source, m.index + m[0].length - 1)
    const fields = splitFields(source.slice(m.index + m[0].length, end))
    if (fields[0] !== 'NGX_MODULE_V1') throw new Error(`${m[1]}: expected NGX_MODULE_V1`)
    modules.push({ name: m[1]!, type: fields[3]!, commandsTable: fields[2] === 'NULL' ? null : fields[2]! })
  }
  return modules
}
