/**
 * What a directive handler sees: its words, the block it stands in, the configuration level
 * it writes to, and ways to report, like nginx's ngx_conf_t plus ngx_conf_log_error.
 */
import type { Analyzer } from './analyzer.ts'
import type { Level } from './conf.ts'
import type { DiagnosticCode } from './diagnostics.ts'
import { HANDLED, type ContextName, type DirectiveSpec, type HandlerResult } from './directive-spec.ts'
import type { HttpState } from './http-state.ts'
import type { Word } from './lexer.ts'
import type { DirectiveNode } from './parser.ts'
import type { SettingName, SettingTypes } from './settings.ts'
import type { Range } from './source.ts'
import { compileValue, countVariables, type CompiledValue } from './variables.ts'

/** An argument index (1 = the first argument after the name), a word, or a range. */
export type Target = number | Word | Range | undefined

export class DirectiveContext<T = unknown> {
  /** Makes T invariant, so a handler storing booleans is not taken for one storing strings. */
  declare readonly valueType?: (value: T) => T
  /** Whether the handler parsed its block (so its syntax errors were reported in place). */
  blockParsed = false
  /** The statement nginx is on: the directive, or an entry of a custom-handled block. */
  private current: DirectiveNode

  constructor(
    readonly analyzer: Analyzer,
    readonly node: DirectiveNode,
    readonly spec: DirectiveSpec,
    readonly context: ContextName,
    readonly level: Level,
    readonly file: string,
  ) {
    this.current = node
  }

  get name(): string {
    return this.node.name
  }

  /** The arguments after the name. */
  get args(): Word[] {
    return this.node.args
  }

  get values(): string[] {
    return this.node.args.map((w) => w.value)
  }

  get http(): HttpState {
    const http = this.analyzer.http
    if (!http) throw new Error(`"${this.name}" handled outside http`)
    return http
  }

  rangeOf(target: Target): Range {
    if (target === undefined) return this.node.nameWord?.range ?? this.node.range
    if (typeof target === 'number') {
      const word = this.node.args[target - 1]
      return word ? word.range : this.node.range
    }
    if ('value' in target) return target.range
    return target
  }

  /** Reports an [emerg] at this directive's line, like ngx_conf_log_error. */
  error(message: string, target?: Target, code: DiagnosticCode = 'NGINX_INVALID_VALUE'): typeof HANDLED {
    this.analyzer.report('emerg', code, message, this.file, this.current.nginxLine, this.rangeOf(target))
    return HANDLED
  }

  warn(message: string, target?: Target, code: DiagnosticCode = 'NGINX_INVALID_VALUE'): void {
    this.analyzer.report('warn', code, message, this.file, this.current.nginxLine, this.rangeOf(target))
  }

  /** Whether this block already has the directive (nginx's "is duplicate"). */
  isSet(name = this.name): boolean {
    return this.level.settings.has(name)
  }

  /** Stores the directive's value on its block. */
  set(value: T): void {
    this.level.settings.set(this.name, { value, node: this.node, file: this.file })
  }

  /** Appends to the directive's list-valued setting (proxy_set_header, add_header, listen…). */
  push(item: T extends ReadonlyArray<infer E> ? E : never): void {
    this.pushAny(this.name, item)
  }

  /** Stores a value under another name (the engine's own records: `$server`, `$location`…). */
  setAs<K extends SettingName>(name: K, value: SettingTypes[K]): void {
    this.level.settings.set(name, { value, node: this.node, file: this.file })
  }

  /** Appends to another name's list (`$rewrite`, `$access`, `error_log`). */
  pushTo<K extends SettingName>(name: K, item: SettingTypes[K] extends ReadonlyArray<infer E> ? E : never): void {
    this.pushAny(name, item)
  }

  private pushAny(name: string, item: unknown): void {
    const existing = this.level.settings.get(name)
    if (existing) (existing.value as unknown[]).push(item)
    else this.level.settings.set(name, { value: [item], node: this.node, file: this.file })
  }

  /** Parses the directive's block in a new context, as ngx_conf_parse does for a block handler. */
  parseBlock(context: ContextName, level: Level): void {
    this.blockParsed = true
    this.analyzer.walk(this.node.block ?? [], context, level, this.file)
  }

  /** Parses the block with a custom handler (nginx's cf->handler, used by `map` and `types`). */
  parseBlockWith(entry: (words: Word[], node: DirectiveNode) => HandlerResult): void {
    this.blockParsed = true
    this.analyzer.walkCustom(this.node.block ?? [], this.file, (words, node) => {
      this.current = node
      try {
        return entry(words, node)
      } finally {
        this.current = this.node
      }
    })
  }

  /**
   * Compiles a value that may hold variables: reports nginx's script errors, and records
   * each variable's use for the unknown-variable check when the http block closes.
   */
  compile(word: Word): CompiledValue | null {
    if (countVariables(word.value) === 0) return { parts: [{ kind: 'text', text: word.value }], dynamic: false }
    const result = compileValue(word.value)
    if (!result.ok) {
      this.error(result.message, word)
      return null
    }
    for (const part of result.value.parts) {
      if (part.kind === 'variable') this.http.variables.use(part.name, this.file, word.range)
    }
    return result.value
  }
}
