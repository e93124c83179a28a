/**
 * The ways one finding of this engine causes another (docs/architecture.md "Findings"), found
 * by running `check --all` on broken configs. nginx stops at its first error; the engine reads
 * on so the editor can show every problem, and some of what it finds after an error exists
 * only because of that error. Each rule names one such way; a finding no rule explains is left
 * unmarked. This file: the text read wrongly (quotes, braces); the refused
 * definitions are in knock-on-refusals.ts.
 */
import type { Diagnostic } from './diagnostics.ts'
import { isBefore, isWithin, type KnockOnIndex, type KnockOnRule, type PlacedDirective } from './knock-on-index.ts'
import { REFUSAL_RULES, escapeRegExp, missingUpstream, unknownVariable } from './knock-on-refusals.ts'

const SWALLOWED = 'unexpected end of file, expecting ";" or "}"'
const UNCLOSED_BLOCK = 'unexpected end of file, expecting "}"'
const EXTRA_BRACE = 'unexpected "}"'

/**
 * An unclosed quote runs to the end of the file: what nginx says of the statement whose word
 * swallowed the rest (variables found in that text, its arguments refused), and the `events`,
 * variables and upstreams defined in that text and so missing, follow from it.
 */
const unclosedQuote: KnockOnRule = {
  name: 'unclosed-quote',
  causeOf(index, ix) {
    const d = ix.diagnostics[index]
    const swallowed = ix.table('unclosed-quote', () =>
      ix.diagnostics.flatMap((eof, cause) => {
        const word = eof.code === 'NGINX_UNEXPECTED_EOF' && eof.message === SWALLOWED ? ix.wordAt(eof.file, eof) : undefined
        // Only a quote swallows: a plain word at the end of the file ends at the first space.
        return word?.quoted ? [{ cause, file: eof.file, word, statement: ix.headAt(eof.file, eof) }] : []
      }),
    )
    for (const { cause, file, word, statement } of swallowed) {
      if (cause > index) continue
      if (d.file === file && isWithin(d, word.range)) return cause
      // A variable used elsewhere in the statement is used there however the quote is closed.
      if (d.code !== 'NGINX_UNKNOWN_VARIABLE' && statement && ix.headAt(d.file, d) === statement) return cause
      if (definedIn(word.raw, d)) return cause
    }
    return null
  },
}

/** Whether swallowed text holds what a finding says is missing: a definition nginx never read. */
function definedIn(text: string, d: Diagnostic): boolean {
  const at = '(?:^|[\\s;{}])'
  if (d.message === 'no "events" section in configuration') return new RegExp(`${at}events\\s*\\{`).test(text)
  const variable = unknownVariable(d)
  if (variable !== null) {
    const name = escapeRegExp(variable)
    return new RegExp(`${at}(?:map|geo|split_clients)\\s[^;{}]*\\$${name}\\s*\\{|${at}(?:set|perl_set|js_set)\\s+\\$${name}[\\s;]`).test(text)
  }
  const upstream = missingUpstream(d)
  return upstream !== null && new RegExp(`${at}upstream\\s+${escapeRegExp(upstream)}\\s*\\{`).test(text)
}

/**
 * A character glued to a closing quote (`"a"b`, `"a""b"`, `"a"}`) is reported, then read as the
 * start of a new word: what nginx would then say about that statement follows from it.
 */
const splitWord: KnockOnRule = {
  name: 'split-word',
  causeOf(index, ix) {
    const d = ix.diagnostics[index]
    // A variable used in the statement is used there however the quote is fixed.
    if (d.code === 'NGINX_UNKNOWN_VARIABLE') return null
    const isGlued = (i: number): boolean => i < index && ix.diagnostics[i].code === 'NGINX_SYNTAX' && ix.diagnostics[i].message.startsWith('unexpected "')
    const same = ix.at(d.file, d).find(isGlued)
    if (same !== undefined) return same
    const head = ix.headAt(d.file, d)
    for (const word of head?.node.args ?? []) {
      const glued = ix.at(d.file, word.range).find(isGlued)
      if (glued !== undefined && saidOfTheStatement(ix, glued, index, head)) return glued
    }
    return null
  },
}

/**
 * Whether a finding was said of a statement as nginx's handler read it, right after the
 * syntax error in it: nothing else was reported between them but that statement's findings.
 */
function saidOfTheStatement(ix: KnockOnIndex, cause: number, index: number, head: PlacedDirective | undefined): boolean {
  for (let between = cause + 1; between < index; between++) {
    const d = ix.diagnostics[between]
    const atCause = d.file === ix.diagnostics[cause].file && !isBefore(d, ix.diagnostics[cause]) && !isBefore(ix.diagnostics[cause], d)
    if (d.severity !== 'lab' && !atCause && ix.headAt(d.file, d) !== head) return false
  }
  return true
}

/**
 * A block directive without its `{` (`location /ws` then its lines): the `}` meant for it closes
 * the block around it, so every line after it is one level out: a directive there is "not
 * allowed here", and one `}` at the end is one too many.
 */
const missingBrace: KnockOnRule = {
  name: 'missing-brace',
  causeOf(index, ix) {
    const d = ix.diagnostics[index]
    if (d.code === 'NGINX_SYNTAX') return ix.table('missing-brace', () => pairBraces(ix)).get(index) ?? null
    if (d.code !== 'NGINX_NOT_ALLOWED_HERE') return null
    let cause: number | null = null
    for (const i of missingBraces(ix, d.file)) if (i < index && isBefore(ix.diagnostics[i], d)) cause = i
    return cause
  },
}

/** A file's "has no opening {" findings, in the text's order. */
function missingBraces(ix: KnockOnIndex, file: string): number[] {
  const all = ix.table('missing-brace-causes', () => {
    const byFile = new Map<string, number[]>()
    ix.diagnostics.forEach((d, i) => {
      if (d.code !== 'NGINX_NO_OPENING_BRACE') return
      const list = byFile.get(d.file)
      if (list) list.push(i)
      else byFile.set(d.file, [i])
    })
    for (const list of byFile.values()) list.sort((a, b) => (isBefore(ix.diagnostics[a], ix.diagnostics[b]) ? -1 : 1))
    return byFile
  })
  return all.get(file) ?? []
}

/** Each `}` too many, paired with the earliest missing `{` before it not yet paired: one `}` each. */
function pairBraces(ix: KnockOnIndex): Map<number, number> {
  const pairs = new Map<number, number>()
  for (const [file, braces] of ix.unmatchedBraces) {
    const causes = [...missingBraces(ix, file)]
    for (const brace of braces) {
      const at = causes.findIndex((i) => isBefore(ix.diagnostics[i], brace.error.range))
      const index = ix.at(file, brace.error.range).find((i) => ix.diagnostics[i].message === EXTRA_BRACE)
      if (at === -1 || index === undefined || causes[at] > index) continue
      pairs.set(index, causes[at])
      causes.splice(at, 1)
    }
  }
  return pairs
}

/**
 * A `{` inside a word (a regex's `{2}` left unquoted: `location ~ ^/a{2}$ {`) ends the word and
 * opens a block; the rest of the word becomes a directive nginx does not know, and the file
 * ends with a `}` missing.
 */
const braceInWord: KnockOnRule = {
  name: 'brace-in-word',
  causeOf(index, ix) {
    const d = ix.diagnostics[index]
    if (d.code !== 'NGINX_UNEXPECTED_EOF' || d.message !== UNCLOSED_BLOCK) return null
    const glued = ix.table('brace-in-word', () =>
      ix.directives.flatMap((placed) => {
        const parent = placed.ancestors[0]
        const name = placed.node.nameWord?.range
        const refusal = ix.refusalOf(placed.node)
        const afterBrace = parent && name && parent.range.endLine === name.line && parent.range.endColumn === name.column
        return afterBrace && refusal !== null ? [{ file: placed.file, refusal }] : []
      }),
    )
    return glued.find((g) => g.file === d.file && g.refusal < index)?.refusal ?? null
  },
}

/** In the order they are tried: the first that finds a cause wins. */
export const KNOCK_ON_RULES: readonly KnockOnRule[] = [unclosedQuote, splitWord, missingBrace, braceInWord, ...REFUSAL_RULES]
