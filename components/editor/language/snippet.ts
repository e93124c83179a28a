/**
 * A directive as a Monaco snippet, from its syntax as nginx.org writes it (directive-docs.ts):
 * the required parts become placeholders, alternatives a choice (the version's own values where
 * the table has them), optional parts are left out, a block gets its braces.
 */
import type { DirectiveSpec } from '../../../server/nginx/directive-spec.ts'

type Part = { kind: 'word'; text: string } | { kind: 'choice'; options: string[] }

/** Snippet placeholder text: `$`, `}` and `\` are syntax there. */
const placeholderText = (text: string): string => text.replace(/[\\$}]/g, '\\$&')
/** Choice options: `,`, `|` and `\` are syntax there. */
const choiceText = (text: string): string => text.replace(/[\\,|]/g, '\\$&')

/** The syntax form for where the directive stands: the block form for a block (`server { … }` in http). */
function formOf(spec: DirectiveSpec): string | null {
  const forms = spec.doc?.syntax.split('\n') ?? []
  return forms.find((form) => form.includes('{') === Boolean(spec.block)) ?? forms[0] ?? null
}

/** Top-level words of a form, brackets kept whole (`[ = | ~ ]`, `address[:port]`). */
function topLevelWords(form: string): string[] {
  const words: string[] = []
  let depth = 0
  let current = ''
  for (const ch of form) {
    if (ch === '[') depth++
    if (ch === ']') depth--
    if (ch === ' ' && depth === 0) {
      if (current) words.push(current)
      current = ''
    } else {
      current += ch
    }
  }
  if (current) words.push(current)
  return words
}

/** The required parts after the name: optional `[…]`, repetitions `...` and the block are left out. */
function requiredParts(form: string, name: string): Part[] {
  const words = topLevelWords(form.replace(/;\s*$/, '').replace(/\{ \.\.\. \}\s*$/, '').trim())
  if (words[0] === name) words.shift()
  const parts: Part[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i]
    if (word.startsWith('[') || word === '...') continue
    if (word === '|') continue
    const previous = parts.at(-1)
    if (words[i - 1] === '|' && previous) {
      const options = previous.kind === 'choice' ? previous.options : [previous.text]
      parts[parts.length - 1] = { kind: 'choice', options: [...options, word] }
      continue
    }
    parts.push({ kind: 'word', text: word })
  }
  return parts
}

function placeholder(part: Part, index: number, values: readonly string[] | undefined): string {
  if (part.kind === 'choice') return `\${${index}|${(values ?? part.options).map(choiceText).join(',')}|}`
  // `(condition)`: the parentheses are nginx's, the inside is the user's.
  if (part.text === '') return `$${index}`
  const parenthesised = /^\((.+)\)$/.exec(part.text)
  if (parenthesised) return `(\${${index}:${placeholderText(parenthesised[1])}})`
  return `\${${index}:${placeholderText(part.text)}}`
}

/** The snippet that writes a directive out: `proxy_read_timeout ${1:time};`, `location ${1:uri} {\n\t$0\n}`. */
export function directiveSnippet(spec: DirectiveSpec): string {
  const form = formOf(spec)
  let parts = form ? requiredParts(form, spec.name) : []
  // A directive that takes arguments but whose every part is optional: one placeholder, a choice where the table has values.
  if (parts.length === 0 && spec.args !== 'any' && !(Array.isArray(spec.args) && spec.args.includes(0))) {
    parts = [spec.values ? { kind: 'choice', options: [...spec.values] } : { kind: 'word', text: '' }]
  }
  const args = parts.map((part, i) => ' ' + placeholder(part, i + 1, spec.values)).join('')
  return spec.block ? `${spec.name}${args} {\n\t$0\n}` : `${spec.name}${args};`
}
