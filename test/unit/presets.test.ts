/**
 * The presets gallery's catalog: every preset's folder holds a config the engine judges as the
 * preset says (refused ones refused, the others accepted), and its predicate is one that exists.
 * That each promised outcome really happens is the browser test's (test/browser/presets.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { presetFiles, readCatalog } from '../../components/presets/catalog.ts'
import { check, stockHost } from '../../server/nginx/index.ts'

const ROOT = join(import.meta.dirname, '../..')
const catalog = readCatalog(JSON.parse(readFileSync(join(ROOT, 'docs/examples/presets.json'), 'utf8')))

function sources(folder: string): Record<string, string> {
  const out: Record<string, string> = {}
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) visit(path)
      else if (entry.endsWith('.conf')) out[relative(ROOT, path)] = readFileSync(path, 'utf8')
    }
  }
  visit(join(ROOT, folder))
  return out
}

describe('presets', () => {
  it('lists the canonical config first, then problems and every seed article', () => {
    expect(catalog[0].name).toBe('canonical')
    expect(catalog.filter((p) => p.kind === 'problem')).toHaveLength(7)
    const articles = new Set(catalog.filter((p) => p.kind === 'seed').map((p) => p.config.match(/seed-(\d{3})/)?.[1]))
    expect([...articles].sort()).toEqual(['000', '001', '002', '003', '004'])
  })

  it('refuses a catalog with a predicate that does not exist', () => {
    expect(() => readCatalog({ presets: [{ ...catalog[0], expect: 'nope' }] })).toThrow('expect names no predicate')
  })

  it.each(catalog.map((p) => [p.name, p] as const))('%s: nginx -t judges it as the preset says', (_, preset) => {
    const files = presetFiles(preset, sources(preset.config))
    const { '/etc/nginx/nginx.conf': main, ...others } = files
    const result = check(main, { file: '/etc/nginx/nginx.conf', host: stockHost(others, { path: '/etc/nginx/nginx.conf', text: main }), nginxVersion: preset.version ?? '1.22.1' })
    const refusedByDesign = preset.expect === 'refused' || preset.expect === 'refused-unknown-variable'
    expect(result.ok, result.diagnostics.map((d) => d.message).join('; ')).toBe(!refusedByDesign)
  })
})
