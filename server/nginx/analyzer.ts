/**
 * Walks the tree the way ngx_conf_handler meets directives: find the name among the modules
 * of the block's type, then check context, terminator and argument count in nginx's order,
 * then call the row's handler. Diagnostics are collected in the order nginx would emit them,
 * so the first [emerg] is the one `nginx -t` prints.
 */
import { Level } from './conf.ts'
import type { Diagnostic, DiagnosticCode, Severity } from './diagnostics.ts'
import { DirectiveContext } from './directive-context.ts'
import {
  MODULE_TYPE_OF_CONTEXT,
  type Arity,
  type ContextName,
  type DirectiveSpec,
  type HandlerResult,
} from './directive-spec.ts'
import type { ConfigHost } from './host.ts'
import type { HttpState, PendingFile } from './http-state.ts'
import type { Word } from './lexer.ts'
import type { NginxVersion, VersionDefaults } from './nginx-version.ts'
import { parse, type DirectiveNode, type Node, type ParsedFile } from './parser.ts'
import type { Range } from './source.ts'

/** nginx's NGX_CONF_MAX_ARGS: a TAKEn directive with more words than this is rejected outright. */
const CONF_MAX_ARGS = 8

export interface AnalyzerOptions {
  host: ConfigHost
  version: NginxVersion
  defaults: VersionDefaults
  /** The `-p` prefix and the conf prefix: the main file's folder, with a trailing slash. */
  prefix: string
  table: ReadonlyMap<string, readonly DirectiveSpec[]>
}

/** Where a directive stood: the block's context and the level its settings go to (the editor's hovers and fixes read it). */
export interface Placement {
  context: ContextName
  level: Level
  file: string
}

export class Analyzer {
  readonly diagnostics: Diagnostic[] = []
  readonly files = new Map<string, ParsedFile>()
  readonly main = new Level('main', null)
  http: HttpState | null = null
  /** Log and pid files nginx opens after parsing, in the order they were configured. */
  readonly openFiles: PendingFile[] = []
  /** Every directive walked, with its block: a file included twice keeps its last parse's (files). */
  readonly placements = new Map<DirectiveNode, Placement>()
  private includeDepth = 0

  constructor(readonly options: AnalyzerOptions) {}

  report(
    severity: Severity,
    code: DiagnosticCode,
    message: string,
    file: string,
    nginxLine: number | null,
    range: Range,
    afterSyntaxOk = false,
  ): void {
    this.diagnostics.push({ severity, code, message, file, nginxLine, ...range, afterSyntaxOk })
  }

  parseFile(file: string, text: string): ParsedFile {
    const parsed = parse(text)
    this.files.set(file, parsed)
    return parsed
  }

  /** Parses and walks an included file in the current block, as ngx_conf_include does. */
  include(path: string, text: string, context: ContextName, level: Level): void {
    if (this.includeDepth >= 64) return
    this.includeDepth++
    try {
      this.walk(this.parseFile(path, text).nodes, context, level, path)
    } finally {
      this.includeDepth--
    }
  }

  walk(nodes: readonly Node[], context: ContextName, level: Level, file: string): void {
    for (const node of nodes) {
      if (node.kind === 'error') {
        this.report('emerg', node.error.code, node.error.message, file, node.error.nginxLine, node.error.range)
        continue
      }
      if (node.name === '' && node.nameWord === null) {
        this.reportSyntaxErrorsIn(node, file)
        continue
      }
      this.placements.set(node, { context, level, file })
      if (!this.dispatch(node, context, level, file)) this.reportSyntaxErrorsIn(node, file)
    }
  }

  /** A block with a custom handler (`map`, `types`): every statement goes to `entry`. */
  walkCustom(nodes: readonly Node[], file: string, entry: (words: Word[], node: DirectiveNode) => HandlerResult): void {
    for (const node of nodes) {
      if (node.kind === 'error') {
        this.report('emerg', node.error.code, node.error.message, file, node.error.nginxLine, node.error.range)
        continue
      }
      if (node.terminator === 'block-start') {
        const brace = { line: node.range.endLine, column: node.range.endColumn - 1, endLine: node.range.endLine, endColumn: node.range.endColumn }
        this.report('emerg', 'NGINX_SYNTAX', 'unexpected "{"', file, node.nginxLine, brace)
        this.reportSyntaxErrorsIn(node, file)
        continue
      }
      const words = node.nameWord ? [node.nameWord, ...node.args] : node.args
      const result = entry(words, node)
      if (typeof result === 'string') {
        this.report('emerg', 'NGINX_INVALID_VALUE', result, file, node.nginxLine, node.range)
      }
    }
  }

  /** Reports the syntax errors inside a block nginx never got to parse. */
  private reportSyntaxErrorsIn(node: DirectiveNode, file: string): void {
    for (const child of node.block ?? []) {
      if (child.kind === 'error') {
        this.report('emerg', child.error.code, child.error.message, file, child.error.nginxLine, child.error.range)
      } else {
        this.reportSyntaxErrorsIn(child, file)
      }
    }
  }

  /** ngx_conf_handler. Returns whether the directive's block (if any) was taken care of. */
  private dispatch(node: DirectiveNode, context: ContextName, level: Level, file: string): boolean {
    const specs = this.options.table.get(node.name)
    const nameRange = node.nameWord?.range ?? node.range
    if (!specs) {
      this.report('emerg', 'NGINX_UNKNOWN_DIRECTIVE', `unknown directive "${node.name}"`, file, node.nginxLine, nameRange)
      return false
    }
    const moduleType = MODULE_TYPE_OF_CONTEXT[context]
    const spec = specs.find(
      (s) => (s.moduleType === 'conf' || s.moduleType === moduleType) && s.contexts.includes(context),
    )
    if (!spec) {
      this.report('emerg', 'NGINX_NOT_ALLOWED_HERE', `"${node.name}" directive is not allowed here`, file, node.nginxLine, nameRange)
      return false
    }
    if (!spec.block && node.terminator === 'block-start') {
      this.report('emerg', 'NGINX_NOT_TERMINATED', `directive "${node.name}" is not terminated by ";"`, file, node.nginxLine, node.range)
      return false
    }
    if (spec.block && node.terminator !== 'block-start') {
      if (node.terminator === 'semicolon') {
        this.report('emerg', 'NGINX_NO_OPENING_BRACE', `directive "${node.name}" has no opening "{"`, file, node.nginxLine, node.range)
      }
      return false
    }
    if (!arityAccepts(spec.args, node.args.length)) {
      this.report(
        'emerg',
        'NGINX_ARGUMENT_COUNT',
        `invalid number of arguments in "${node.name}" directive`,
        file,
        node.nginxLine,
        node.range,
      )
      return false
    }
    const cx = new DirectiveContext(this, node, spec, context, level, file)
    const result = spec.handler(cx)
    if (typeof result === 'string') {
      this.report('emerg', 'NGINX_INVALID_VALUE', `"${node.name}" directive ${result}`, file, node.nginxLine, node.range)
    } else if (result === undefined && spec.lab?.state === 'not-modelled') {
      this.diagnostics.push({
        severity: 'lab',
        code: 'LAB_NOT_MODELLED',
        message: `Upgrade Lab checks this directive as nginx does but does not run it: ${spec.lab.why.en}`,
        messageZh: `Upgrade Lab 会像 nginx 一样检查这条指令，但不会运行它：${spec.lab.why.zh}`,
        file,
        nginxLine: node.nginxLine,
        ...nameRange,
      })
    }
    return cx.blockParsed || node.block === null
  }
}

export function arityAccepts(arity: Arity, count: number): boolean {
  if (arity === 'any') return true
  if (arity === 'flag') return count === 1
  if (arity === '1more') return count >= 1
  if (arity === '2more') return count >= 2
  if (count + 1 > CONF_MAX_ARGS) return false
  return arity.includes(count)
}
