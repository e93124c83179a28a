/**
 * Vue's scoped CSS keeps only what is inside `:global(…)`: `:global(html.dark) .X { color }`
 * compiles to `html.dark { color }`, which restyles the whole page. Ancestors need no
 * `:global` in a scoped style (`html.dark .X` is scoped on `.X` only), so none is allowed.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')

function vueFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.vue') && !entry.parentPath.includes('node_modules') && !entry.parentPath.includes('dist'))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('vue styles', () => {
  const files = [...vueFiles('components'), ...vueFiles('playground')]

  it('finds the components', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s: no :global(…) followed by more selector', (_, file) => {
    const css = readFileSync(file, 'utf8').split('<style').slice(1).join('\n')
    expect(css.match(/:global\([^)]*\)\s*[^\s{,][^{]*\{/g) ?? []).toEqual([])
  })
})
