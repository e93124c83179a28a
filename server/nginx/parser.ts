/**
 * Statements → a tree of directives, as ngx_conf_parse nests them. Syntax errors stay in the
 * tree as `error` nodes at the point nginx would meet them, so the analyzer reports every
 * finding in nginx's order; the parser itself never stops early.
 */
import { Lexer, type LexError, type Statement, type Word } from './lexer.ts'
import type { Range } from './source.ts'

export interface DirectiveNode {
  kind: 'directive'
  /** Empty for a `{` with nothing before it (already reported as a syntax error). */
  name: string
  nameWord: Word | null
  args: Word[]
  /** How the statement ended; `null` when a syntax error cut it short (`}` or end of file). */
  terminator: 'semicolon' | 'block-start' | null
  /** The line nginx reports for this directive's own errors (its `;` or `{`). */
  nginxLine: number
  /** From the name to the terminator (the opening brace for blocks). */
  range: Range
  block: Node[] | null
  /** The closing brace of a block, with the line nginx is on when the block ends. */
  blockEnd: { range: Range; nginxLine: number } | null
}

export interface ErrorNode {
  kind: 'error'
  error: LexError
}

export type Node = DirectiveNode | ErrorNode

export interface ParsedFile {
  nodes: Node[]
  /** Number of lines, counted as nginx does (one more than the number of newlines). */
  lines: number
}

export function parse(text: string): ParsedFile {
  const lexer = new Lexer(text)
  let reachedEnd = false

  const directiveFrom = (st: Statement, terminator: DirectiveNode['terminator']): DirectiveNode => {
    const [nameWord, ...args] = st.args
    const first = nameWord?.range ?? st.endRange
    const last = terminator ? st.endRange : (st.args[st.args.length - 1]?.range ?? st.endRange)
    return {
      kind: 'directive',
      name: nameWord?.value ?? '',
      nameWord: nameWord ?? null,
      args,
      terminator,
      nginxLine: st.endLine,
      range: { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn },
      block: null,
      blockEnd: null,
    }
  }

  const parseBlock = (depth: number): { nodes: Node[]; end: DirectiveNode['blockEnd'] } => {
    const nodes: Node[] = []
    for (;;) {
      const st = lexer.next()
      for (const error of st.errors) nodes.push({ kind: 'error', error })

      switch (st.end) {
        case 'semicolon':
          if (st.args.length > 0) nodes.push(directiveFrom(st, 'semicolon'))
          break

        case 'block-start': {
          const node = directiveFrom(st, 'block-start')
          nodes.push(node)
          const inner = parseBlock(depth + 1)
          node.block = inner.nodes
          node.blockEnd = inner.end
          if (reachedEnd) return { nodes, end: null }
          break
        }

        case 'block-done':
          if (st.args.length > 0) nodes.push(directiveFrom(st, null))
          if (depth > 0) return { nodes, end: { range: st.endRange, nginxLine: st.endLine } }
          if (st.errors.length === 0) {
            nodes.push({
              kind: 'error',
              error: { message: 'unexpected "}"', nginxLine: st.endLine, range: st.endRange, code: 'NGINX_SYNTAX' },
            })
          }
          break

        case 'eof':
          reachedEnd = true
          if (st.args.length > 0) nodes.push(directiveFrom(st, null))
          if (depth > 0 && st.errors.length === 0) {
            nodes.push({
              kind: 'error',
              error: {
                message: 'unexpected end of file, expecting "}"',
                nginxLine: st.endLine,
                range: st.endRange,
                code: 'NGINX_UNEXPECTED_EOF',
              },
            })
          }
          return { nodes, end: null }
      }
    }
  }

  const { nodes } = parseBlock(0)
  return { nodes, lines: lexer.currentLine }
}
