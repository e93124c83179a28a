/**
 * Which words of a statement nginx compiles as regular expressions (their `$` is an anchor, not
 * a variable; their named captures define variables): the places ngx_http_regex_compile is
 * called from — `location ~`, `server_name ~`, a `map` key `~`, `rewrite`'s first argument and
 * the operand of `if`'s `~` operators.
 */
import type { Word } from '../../../server/nginx/lexer.ts'
import type { Visit } from './syntax-tree.ts'

export interface RegexWord {
  word: Word
  /** The pattern as nginx compiles it (without its `~`, `~*`, or an `if`'s closing parenthesis). */
  pattern: string
}

const IF_REGEX_OPERATORS = new Set(['~', '~*', '!~', '!~*'])

function tilded(word: Word): RegexWord | null {
  if (!word.value.startsWith('~')) return null
  return { word, pattern: word.value.slice(word.value.startsWith('~*') ? 2 : 1) }
}

export function regexWordsOf(visit: Visit): RegexWord[] {
  const { node } = visit
  const args = node.args
  if (visit.entry) {
    const key = node.nameWord && tilded(node.nameWord)
    return key ? [key] : []
  }
  switch (node.name) {
    case 'location': {
      const first = args[0]
      if (!first) return []
      if ((first.value === '~' || first.value === '~*') && args[1]) return [{ word: args[1], pattern: args[1].value }]
      const attached = tilded(first)
      return attached ? [attached] : []
    }
    case 'server_name':
      return args.flatMap((word) => tilded(word) ?? [])
    case 'rewrite':
      return args[0] ? [{ word: args[0], pattern: args[0].value }] : []
    case 'if':
      return args.flatMap((word, i) => {
        const operand = args[i + 1]
        if (!IF_REGEX_OPERATORS.has(word.value) || !operand) return []
        const closes = i + 2 === args.length && operand.value.endsWith(')')
        return [{ word: operand, pattern: closes ? operand.value.slice(0, -1) : operand.value }]
      })
    default:
      return []
  }
}
