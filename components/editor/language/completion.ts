/**
 * Completion at the cursor in text being typed: directives allowed in the block there for the
 * version (block directives with their braces, others with their syntax as a snippet), then
 * their arguments (argument-completion.ts). The block is read from the text itself, so the
 * analysis may be of an older or broken text.
 */
import type { ContextName } from '../../../server/nginx/directive-spec.ts'
import type { Analysis } from './analysis.ts'
import { unitItems, upstreamItems, valueItems, variableItems } from './argument-completion.ts'
import { cursorContext, lineStarts, offsetOf } from './cursor-context.ts'
import { code, codeBlock } from './markdown.ts'
import { directiveSnippet } from './snippet.ts'
import { fileContext, specIn } from './syntax-tree.ts'
import type { CompletionItem, Lang, Position, Range } from './types.ts'

/** What ends an unquoted word (ngx_conf_read_token). */
const WORD_END = /[\s;{}]/

type Template = Omit<CompletionItem, 'range'>

/** The directive items of a table for a context, built once: the table holds 700 directives. */
const templates = new WeakMap<Analysis['table'], Map<string, Template[]>>()

function directiveTemplates(analysis: Analysis, context: ContextName, withArguments: boolean, lang: Lang): Template[] {
  let byKey = templates.get(analysis.table)
  if (!byKey) templates.set(analysis.table, (byKey = new Map()))
  const key = `${context} ${withArguments} ${lang}`
  let found = byKey.get(key)
  if (found) return found
  found = []
  for (const name of analysis.table.keys()) {
    const spec = specIn(analysis.table, name, context)
    if (!spec) continue
    const syntax = spec.doc?.syntax ?? spec.name
    found.push({
      label: name,
      kind: spec.block ? 'block' : 'directive',
      insertText: withArguments ? directiveSnippet(spec) : name,
      isSnippet: withArguments,
      detail: syntax.split('\n')[0],
      documentation: [spec.doc?.summary[lang] ?? '', codeBlock(syntax), code(spec.module)].filter(Boolean).join('\n\n'),
    })
  }
  byKey.set(key, found)
  return found
}

export function completion(analysis: Analysis, file: string, text: string, position: Position, lang: Lang = 'en'): CompletionItem[] {
  const cursor = cursorContext(analysis.table, text, position, fileContext(analysis, file))
  if (cursor.inComment) return []
  const starts = lineStarts(text)
  const offset = offsetOf(text, position, starts)
  let end = offset
  while (end < text.length && !WORD_END.test(text[end])) end++
  const endColumn = position.column + (end - offset)
  const partial = cursor.partial
  const sameLine = partial !== null && partial.range.line === position.line
  const start = sameLine ? partial.range.column : position.column
  const typed = sameLine ? partial.raw : ''
  const rangeFrom = (column: number): Range => ({ line: position.line, column, endLine: position.line, endColumn })

  const variable = /\$(\{?)([A-Za-z0-9_]*)$/.exec(typed)
  if (variable) {
    const closeBrace = variable[1] === '{' && text[end] !== '}'
    return variableItems(analysis, rangeFrom(position.column - variable[2].length), closeBrace, lang)
  }
  if (cursor.data) return []
  if (cursor.words.length === 0) {
    if (!cursor.context) return []
    // Editing the name of a directive already written out: the name alone, not its syntax again.
    const rest = text.slice(end, starts[position.line] ?? text.length)
    const withArguments = /^\s*(#.*)?$/.test(rest)
    const range = rangeFrom(start)
    return directiveTemplates(analysis, cursor.context, withArguments, lang).map((template) => ({ ...template, range }))
  }
  const spec = specIn(analysis.table, cursor.words[0].value, cursor.context)
  if (!spec) return []
  const argIndex = cursor.words.length
  const url = /^(https?:\/\/)([^/:$]*)$/i.exec(typed)
  if (spec.name === 'proxy_pass' && url) {
    // Only the host part: a port or a URI after it stays.
    let hostEnd = offset
    while (hostEnd < end && text[hostEnd] !== '/' && text[hostEnd] !== ':') hostEnd++
    const range = { ...rangeFrom(start + url[1].length), endColumn: position.column + (hostEnd - offset) }
    return upstreamItems(analysis, range, lang)
  }
  const written = cursor.words.slice(1).map((word) => word.value)
  return [...valueItems(spec, written, argIndex, rangeFrom(start)), ...unitItems(spec, typed, argIndex, rangeFrom(start))]
}
