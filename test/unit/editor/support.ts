/** The editor tests' fixtures: configs from test/fixtures/check as the lab holds them, positions found by their text. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { analyse, type Analysis } from '../../../components/editor/language/analysis.ts'
import { applyEdits } from '../../../components/editor/language/text-edits.ts'
import type { CodeAction, Position } from '../../../components/editor/language/types.ts'
import { check, stockHost, type Diagnostic } from '../../../server/nginx/index.ts'

export const MAIN = '/etc/nginx/nginx.conf'
const FIXTURES = fileURLToPath(new URL('../../fixtures/check/', import.meta.url))

/** A fixture's config files, as the lab's files: nginx.conf at /etc/nginx/nginx.conf, the others beside it. */
export function fixtureFiles(name: string): Record<string, string> {
  const root = join(FIXTURES, name)
  const files: Record<string, string> = {}
  const visit = (dir: string, under: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) visit(path, `${under}${entry}/`)
      else if (entry.endsWith('.conf')) files[`/etc/nginx/${under}${entry}`] = readFileSync(path, 'utf8')
    }
  }
  visit(root, '')
  return files
}

export function analyseFixture(name: string, version = '1.22.1'): Analysis {
  return analyse({ main: MAIN, files: fixtureFiles(name), version })
}

export function analyseText(text: string, version = '1.22.1', files: Record<string, string> = {}): Analysis {
  return analyse({ main: MAIN, files: { ...files, [MAIN]: text }, version })
}

/**
 * The position of `needle` in `text` (its `nth` occurrence, from 1), plus `offset` characters
 * into it: tests name places by what is written there, not by columns counted by hand.
 */
export function positionOf(text: string, needle: string, offset = 0, nth = 1): Position {
  let index = -1
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1)
    if (index < 0) throw new Error(`${JSON.stringify(needle)} (occurrence ${nth}) is not in the text`)
  }
  const before = text.slice(0, index + offset)
  const line = before.split('\n').length
  return { line, column: before.length - before.lastIndexOf('\n') }
}

/** The position just after `needle`: where a cursor is once it has been typed. */
export function after(text: string, needle: string, nth = 1): Position {
  return positionOf(text, needle, needle.length, nth)
}

/** The files after an action's edits. */
export function applyAction(files: Record<string, string>, action: CodeAction): Record<string, string> {
  const out = { ...files }
  for (const file of new Set(action.edits.map((e) => e.file))) {
    out[file] = applyEdits(out[file], action.edits.filter((e) => e.file === file))
  }
  return out
}

/** What the lab's check says of a set of files. */
export function recheck(files: Record<string, string>, version = '1.22.1'): Diagnostic[] {
  const text = files[MAIN]
  const others = Object.fromEntries(Object.entries(files).filter(([path]) => path !== MAIN))
  return check(text, { file: MAIN, host: stockHost(others, { path: MAIN, text }), nginxVersion: version }).diagnostics
}

export function emergencies(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === 'emerg').map((d) => d.message)
}
