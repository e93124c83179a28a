/**
 * Monaco is reached only through load-monaco.ts's dynamic imports, so a page (or a server-side
 * render) that does not mount an editor loads none of it. Every other mention is `import type`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../../..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'dist' || name === 'node_modules') return []
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|vue)$/.test(name) ? [path] : []
  })
}

describe('Monaco is loaded lazily', () => {
  const files = [...sources(join(ROOT, 'components')), ...sources(join(ROOT, 'playground'))]

  it('is imported for its values only by features.ts, itself reached only by import()', () => {
    const valueImports: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      for (const line of text.split('\n')) {
        if (/^\s*import\s+(?!type\b)[^;]*['"]monaco-editor/.test(line) || /^\s*import\s+['"]monaco-editor/.test(line)) valueImports.push(relative(ROOT, file))
        if (/from\s+['"]\.\/features\.ts['"]|import\s+['"][^'"]*features\.ts['"]/.test(line)) valueImports.push(`${relative(ROOT, file)} (features.ts statically)`)
      }
    }
    expect([...new Set(valueImports)]).toEqual(['components/editor/monaco/features.ts'])
  })

  it('is reached by dynamic import() in load-monaco.ts', () => {
    const loader = readFileSync(join(ROOT, 'components/editor/monaco/load-monaco.ts'), 'utf8')
    expect(loader).toMatch(/import\('monaco-editor\/editor'\)/)
    expect(loader).toMatch(/import\('\.\/features\.ts'\)/)
  })
})
