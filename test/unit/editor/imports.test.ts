/**
 * The language services run in a web worker and tokens.ts on the page: they import only the
 * engine, the lab's network table (plain data: its backends' addresses) and each other (nothing
 * from Node), Monaco only as types, and tokens.ts nothing of the engine, so the page does not
 * load it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const FOLDER = fileURLToPath(new URL('../../../components/editor/language/', import.meta.url))
const FILES = readdirSync(FOLDER).filter((name) => name.endsWith('.ts'))

function importsOf(name: string): Array<{ from: string; typeOnly: boolean }> {
  const source = readFileSync(FOLDER + name, 'utf8')
  return [...source.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)].map((m) => ({ from: m[2], typeOnly: m[1] !== undefined }))
}

describe('components/editor/language imports', () => {
  it.each(FILES)('%s imports the engine, its neighbours, and Monaco only as types', (name) => {
    const wrong = importsOf(name).filter(({ from, typeOnly }) => {
      if (from.startsWith('./')) return false
      if (from.startsWith('../../../server/nginx/')) return false
      if (from === '../../../server/sandbox/lab-network.ts') return false
      return !(typeOnly && from === 'monaco-editor/editor')
    })
    expect(wrong).toEqual([])
  })

  it('tokens.ts imports nothing of the engine', () => {
    expect(importsOf('tokens.ts').filter(({ typeOnly }) => !typeOnly)).toEqual([])
  })
})
