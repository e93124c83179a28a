/**
 * docs/examples/: the one folder of configs the playground, the docs and the tests read. Each
 * is a whole nginx.conf the engine accepts on the lab's virtual host, as nginx -t would.
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

  it.each(examples)('%s: nginx -t accepts it on 1.22.1 and 1.30.4', (name) => {
    const text = readFileSync(join(EXAMPLES, name, 'nginx.conf'), 'utf8')
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
