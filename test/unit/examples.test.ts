/**
 * docs/examples/: the folder of configs the playground, the docs and the tests read. How nginx
 * judges each is the presets' test (presets.test.ts); here, that none lies unused.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { check } from '../../server/nginx/index.ts'

const EXAMPLES = join(import.meta.dirname, '../../docs/examples')
const examples = readdirSync(EXAMPLES).filter((name) => statSync(join(EXAMPLES, name)).isDirectory())

describe('docs/examples', () => {
  it('holds the canonical config', () => {
    expect(examples).toContain('canonical')
  })

  it.each(examples)('%s: a preset of the gallery shows it', (name) => {
    const catalog = JSON.parse(readFileSync(join(EXAMPLES, 'presets.json'), 'utf8')) as { presets: Array<{ config: string }> }
    expect(catalog.presets.map((p) => p.config)).toContain(`docs/examples/${name}`)
  })

  it('canonical: nginx -t accepts it on 1.22.1 and 1.30.4', () => {
    const text = readFileSync(join(EXAMPLES, 'canonical/nginx.conf'), 'utf8')
    for (const nginxVersion of ['1.22.1', '1.30.4']) {
      const result = check(text, { nginxVersion })
      expect(result.diagnostics.filter((d) => d.severity !== 'lab')).toEqual([])
      expect(result.ok).toBe(true)
    }
  })

  it('canonical: only the advice about the 60 s read timeout, no WebSocket mistake', () => {
    const result = check(readFileSync(join(EXAMPLES, 'canonical/nginx.conf'), 'utf8'))
    expect(result.diagnostics.map((d) => d.code)).toEqual(['LAB_WS_READ_TIMEOUT_DEFAULT'])
  })
})
