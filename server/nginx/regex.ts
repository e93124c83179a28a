/**
 * Regular expressions as nginx compiles them with PCRE2 (ngx_regex_compile): the common
 * compile errors with PCRE2's own wording and offsets, named captures registered as
 * variables, and the compiled pattern for matching (regex-match.ts).
 *
 * Hand-written because no PCRE2 build runs in the browser at a size fit for an editor; the
 * check covers the mistakes people make (unbalanced groups and classes, misplaced
 * quantifiers, repeated names) and leaves exotic syntax to real nginx.
 */
import type { DirectiveContext } from './directive-context.ts'
import type { Word } from './lexer.ts'
import { compileConfigRegex, type ConfigRegex } from './regex-match.ts'

export interface RegexCheck {
  /** PCRE2's message and the offset nginx quotes (`at "..."`), or null when it compiles. */
  error: { message: string; offset: number } | null
  /** Named captures, in order. */
  names: string[]
  /** The pattern rewritten for JavaScript: regex-match.ts runs it for syntax it does not translate. */
  jsSource: string
}

const QUANTIFIER = /^\{(\d+)(,(\d*))?\}/

export function checkPcre(pattern: string): RegexCheck {
  const names: string[] = []
  let js = ''
  let depth = 0
  // Whether the previous item can take a quantifier.
  let repeatable = false
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '\\') {
      if (i + 1 >= pattern.length) return fail('\\ at end of pattern', pattern.length)
      js += ch + pattern[i + 1]
      i++
      repeatable = true
      continue
    }
    if (ch === '[') {
      let j = i + 1
      if (pattern[j] === '^') j++
      if (pattern[j] === ']') j++
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        if (pattern[j] === '\\') j++
        else if (pattern[j] === '[' && pattern[j + 1] === ':') {
          const close = pattern.indexOf(':]', j + 2)
          if (close > 0) j = close + 1
        }
      }
      if (j >= pattern.length) return fail('missing terminating ] for character class', pattern.length)
      js += pattern.slice(i, j + 1)
      i = j
      repeatable = true
      continue
    }
    if (ch === '(') {
      depth++
      repeatable = false
      const named = /^\(\?(?:P?<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/.exec(pattern.slice(i))
      if (named) {
        const name = named[1] ?? named[2]
        if (names.includes(name)) {
          return fail('two named subpatterns have the same name (PCRE2_DUPNAMES not set)', i + named[0].length)
        }
        names.push(name)
        js += `(?<${name}>`
        i += named[0].length - 1
        continue
      }
      if (pattern.startsWith('(?>', i)) {
        js += '(?:'
        i += 2
        continue
      }
      js += ch
      continue
    }
    if (ch === ')') {
      if (depth === 0) return fail('unmatched closing parenthesis', i)
      depth--
      js += ch
      repeatable = true
      continue
    }
    if (ch === '*' || ch === '+' || ch === '?') {
      if (!repeatable) {
        // `(?` is a group option, handled above for the forms this checker knows.
        if (!(ch === '?' && js.endsWith('('))) return fail('quantifier does not follow a repeatable item', i)
      }
      js += ch
      // A lazy `?` or possessive `+` may follow; JavaScript has no possessive form.
      if (pattern[i + 1] === '?') {
        js += '?'
        i++
      } else if (pattern[i + 1] === '+') i++
      repeatable = false
      continue
    }
    if (ch === '{') {
      const q = QUANTIFIER.exec(pattern.slice(i))
      if (q) {
        if (!repeatable) return fail('quantifier does not follow a repeatable item', i)
        if (q[3] !== undefined && q[3] !== '' && Number(q[3]) < Number(q[1])) {
          return fail('numbers out of order in {} quantifier', i + q[0].length - 1)
        }
        js += q[0]
        i += q[0].length - 1
        repeatable = false
        continue
      }
      js += '\\{'
      repeatable = true
      continue
    }
    if (ch === '}') {
      js += '\\}'
      repeatable = true
      continue
    }
    js += ch
    repeatable = ch !== '|' && ch !== '^' && ch !== '$'
  }
  if (depth > 0) return fail('missing closing parenthesis', pattern.length)
  return { error: null, names, jsSource: js }

  function fail(message: string, offset: number): RegexCheck {
    return { error: { message, offset }, names, jsSource: '' }
  }
}

/** nginx's message for a pattern that does not compile. */
export function pcreErrorMessage(pattern: string, error: { message: string; offset: number }): string {
  if (error.offset >= pattern.length) return `pcre2_compile() failed: ${error.message} in "${pattern}"`
  return `pcre2_compile() failed: ${error.message} in "${pattern}" at "${pattern.slice(error.offset)}"`
}

/**
 * A compiled pattern for matching at run time (regex-match.ts: re2js where it can, else a
 * JavaScript RegExp through the backtracking runner); one that never matches if neither can
 * express it. The pattern is PCRE source nginx accepted.
 */
export function toJsRegExp(pattern: string, caseless: boolean): ConfigRegex {
  const checked = checkPcre(pattern)
  return compileConfigRegex(pattern, caseless, checked.error ? null : checked.jsSource)
}

/**
 * ngx_http_regex_compile: reports the error at the directive, registers named captures as
 * variables of the http block, and returns the compiled pattern.
 */
export function compileRegex(cx: DirectiveContext, pattern: string, caseless: boolean, word: Word): ConfigRegex | null {
  const checked = checkPcre(pattern)
  if (checked.error) {
    cx.error(pcreErrorMessage(pattern, checked.error), word)
    return null
  }
  if (cx.analyzer.http) {
    for (const name of checked.names) cx.analyzer.http.variables.define(name, true)
  }
  return compileConfigRegex(pattern, caseless, checked.jsSource)
}
