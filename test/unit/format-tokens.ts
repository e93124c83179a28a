/**
 * The formatter tests' oracle: a config's tokens read by a scanner of its own (nginx's rules,
 * written again in a few lines and checked against the engine's lexer), so the formatter is
 * not judged by the code it is built on.
 */

export interface SourceTokens {
  /** Every word's source text (quotes, escapes included), in order. */
  words: string[]
  /** Words and comments (`#…`, without a CRLF's `\r`) in order, terminators left out. */
  withComments: string[]
  /** Words and the `;` `{` `}` that end statements, in order, comments left out. */
  withTerminators: string[]
}

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n'

export function sourceTokens(text: string): SourceTokens {
  const tokens: Array<{ kind: 'word' | 'comment' | 'end'; text: string }> = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (isSpace(ch)) i++
    else if (ch === '#') {
      const lineEnd = text.indexOf('\n', i)
      const end = lineEnd === -1 ? text.length : lineEnd
      tokens.push({ kind: 'comment', text: text.slice(i, end).replace(/\r$/, '') })
      i = end
    } else if (ch === ';' || ch === '{' || ch === '}') {
      tokens.push({ kind: 'end', text: ch })
      i++
    } else {
      const end = ch === '"' || ch === "'" ? quotedEnd(text, i) : unquotedEnd(text, i)
      tokens.push({ kind: 'word', text: text.slice(i, end) })
      i = end
    }
  }
  const pick = (kinds: string[]): string[] => tokens.filter((t) => kinds.includes(t.kind)).map((t) => (t.kind === 'comment' ? `#:${t.text}` : t.text))
  return { words: pick(['word']), withComments: pick(['word', 'comment']), withTerminators: pick(['word', 'end']) }
}

/** After the closing quote (a backslash escapes the next character). */
function quotedEnd(text: string, start: number): number {
  let j = start + 1
  while (j < text.length && text[j] !== text[start]) j += text[j] === '\\' ? 2 : 1
  return Math.min(text.length, j + 1)
}

/** At the white space, `;` or `{` that ends a plain word (`${` does not end it). */
function unquotedEnd(text: string, start: number): number {
  let j = start
  let variable = false
  while (j < text.length) {
    const c = text[j]
    if (c === '{' && variable && j > start) {
      j++
      continue
    }
    variable = c === '$'
    if (c === '\\') j += 2
    else if (j > start && (isSpace(c) || c === ';' || c === '{')) break
    else j++
  }
  return Math.min(text.length, j)
}
