/**
 * The services run in the editor's worker on whatever is typed: on every check fixture (broken
 * ones included) and on random bytes they answer without throwing, with ranges inside the text,
 * and in time for a keystroke on the 2,000-line config.
 */
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { analyse, type Analysis } from '../../../components/editor/language/analysis.ts'
import { codeActions } from '../../../components/editor/language/code-actions.ts'
import { completion } from '../../../components/editor/language/completion.ts'
import { hover } from '../../../components/editor/language/hover.ts'
import { definition, references } from '../../../components/editor/language/navigation.ts'
import { semanticTokens } from '../../../components/editor/language/semantic-tokens.ts'
import type { Position, Range } from '../../../components/editor/language/types.ts'
import { analyseFixture, fixtureFiles, MAIN } from './support.ts'

const FIXTURES = readdirSync(fileURLToPath(new URL('../../fixtures/check/', import.meta.url)))

/** Every `step`th position of a text, line by line. */
function positions(text: string, step: number): Position[] {
  const found: Position[] = []
  text.split('\n').forEach((line, i) => {
    for (let column = 1; column <= line.length + 1; column += step) found.push({ line: i + 1, column })
  })
  return found
}

const linesOf = new Map<string, string[]>()

function inside(text: string | undefined, range: Range): boolean {
  if (text === undefined) return false
  let lines = linesOf.get(text)
  if (!lines) linesOf.set(text, (lines = text.split('\n')))
  const fits = (line: number, column: number): boolean => line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1].length + 1
  return fits(range.line, range.column) && fits(range.endLine, range.endColumn)
}

/** Runs every service over a file; returns what answered with a range outside the text. */
function exercise(analysis: Analysis, file: string, text: string, step: number): string[] {
  const outside: string[] = []
  const expectInside = (what: string, range: Range, target = text): void => {
    if (!inside(target, range)) outside.push(`${what} ${JSON.stringify(range)}`)
  }
  for (const token of semanticTokens(analysis, file)) expectInside('token', { ...token, endLine: token.line, endColumn: token.column + token.length })
  for (const position of positions(text, step)) {
    const shown = hover(analysis, file, position, 'en')
    if (shown) expectInside('hover', shown.range)
    for (const item of completion(analysis, file, text, position)) expectInside(`completion ${item.label}`, item.range)
    for (const location of [...definition(analysis, file, position), ...references(analysis, file, position)]) {
      expectInside('location', location.range, analysis.texts.get(location.file))
    }
  }
  for (const d of (analysis.result?.diagnostics ?? []).filter((d) => d.file === file)) {
    for (const action of codeActions(analysis, file, d, [d])) {
      for (const edit of action.edits) expectInside(`edit of ${action.title}`, edit.range, analysis.texts.get(edit.file))
    }
  }
  return outside
}

describe('the services on every check fixture', () => {
  it.each(FIXTURES.filter((name) => name !== 'ok-large-2000-lines'))('%s', (name) => {
    const files = fixtureFiles(name)
    const analysis = analyse({ main: MAIN, files, version: '1.22.1' })
    // About 100 positions a file, every service at each (the fuzz suite covers the engine itself).
    for (const [file, text] of Object.entries(files)) expect(exercise(analysis, file, text, Math.max(3, Math.ceil(text.length / 100)))).toEqual([])
  })
})

describe('the services on hostile text', () => {
  it('random bytes, unbalanced braces and quotes', () => {
    let seed = 7
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const alphabet = 'abc_$ {};"\'#\\\n\t~()0123456789ms'
    for (let round = 0; round < 30; round++) {
      const text = Array.from({ length: 400 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
      expect(exercise(analyse({ main: MAIN, files: { [MAIN]: text }, version: round % 2 ? '1.30.4' : '1.22.1' }), MAIN, text, 5)).toEqual([])
    }
  })

  it('an include loop the lab stops: the check fails, the services still answer', () => {
    const text = 'events {}\nhttp { include conf.d/*.conf; }\n'
    // Two files each including both: the reads double at every level, past the lab's budget.
    const loop = 'include conf.d/*.conf;\n'
    const analysis = analyse({ main: MAIN, files: { [MAIN]: text, '/etc/nginx/conf.d/a.conf': loop, '/etc/nginx/conf.d/b.conf': loop }, version: '1.22.1' })
    expect(analysis.result).toBeNull()
    expect(analysis.failure).toMatch(/include loop/)
    expect(exercise(analysis, MAIN, text, 2)).toEqual([])
  })
})

describe('time for a keystroke on the 2,000-line config', () => {
  it('completion, hover and semantic tokens each answer within 50 ms', () => {
    const analysis = analyseFixture('ok-large-2000-lines')
    const text = fixtureFiles('ok-large-2000-lines')[MAIN]
    const middle = { line: 1000, column: 9 }
    const timed = (run: () => unknown): number => {
      run()
      const start = performance.now()
      run()
      return performance.now() - start
    }
    expect(timed(() => completion(analysis, MAIN, text, middle))).toBeLessThan(50)
    expect(timed(() => hover(analysis, MAIN, middle, 'en'))).toBeLessThan(50)
    expect(timed(() => semanticTokens(analysis, MAIN))).toBeLessThan(50)
  })
})
