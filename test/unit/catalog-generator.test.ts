/**
 * The generated command catalogs are reproducible: regenerating each version from its committed
 * input (server/nginx/tools/input/<version>.json) gives the committed file byte for byte, and
 * every input names the nginx source files it was read from, with their digests.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CommandRow } from '../../server/nginx/directives/generated/command-row.ts'
import { COMMANDS_1_22_1 } from '../../server/nginx/directives/generated/commands-1.22.1.ts'
import { COMMANDS_1_30_4 } from '../../server/nginx/directives/generated/commands-1.30.4.ts'
import {
  GENERATED_DIR, arityOf, contextsOf, generatedFileName, inputVersions, readInput, renderCatalog, rowsOf,
} from '../../server/nginx/tools/generate-catalogs.ts'

// The engine's tables are built from these (directives/index.ts).
const asCatalog: CommandRow[][] = [COMMANDS_1_22_1, COMMANDS_1_30_4]

describe('catalog generator', () => {
  const versions = inputVersions()

  it('has an input for every modelled version', () => {
    expect(versions).toEqual(['1.22.1', '1.24.0', '1.26.3', '1.28.0', '1.30.4'])
    expect(asCatalog.map((rows) => rows.length)).toEqual([rowsOf(readInput('1.22.1')).length, rowsOf(readInput('1.30.4')).length])
  })

  for (const version of versions) {
    describe(version, () => {
      const input = readInput(version)

      it('regenerates the committed catalog byte for byte', () => {
        const committed = readFileSync(join(GENERATED_DIR, generatedFileName(version)), 'utf8')
        const generated = renderCatalog(input)
        expect(generated).toBe(committed)
        expect(renderCatalog(readInput(version))).toBe(generated)
      })

      it('records the tag, the commit and a digest of every source file read', () => {
        expect(input.version).toBe(version)
        expect(input.tag).toBe(`release-${version}`)
        expect(input.commit).toMatch(/^[0-9a-f]{40}$/)
        const digests = new Map(input.files.map((f) => [f.path, f.sha256]))
        expect(digests.size).toBe(input.files.length)
        for (const sha of digests.values()) expect(sha).toMatch(/^[0-9a-f]{64}$/)
        for (const module of input.modules) expect(digests.has(module.file), module.file).toBe(true)
        for (const table of Object.values(input.valueTables)) expect(digests.has(table.file), table.file).toBe(true)
        expect(digests.has('src/http/ngx_http_core_module.c')).toBe(true)
      })

      it('has one row per directive and module', () => {
        const keys = rowsOf(input).map((r) => `${r[0]}/${r[1]}`)
        expect(new Set(keys).size).toBe(keys.length)
      })
    })
  }

  it('has the documented defaults of every generated 1.22.1 and 1.30.4 directive', () => {
    const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/nginx-docs/defaults.json'), 'utf8')) as {
      source: { commit: string }
      directives: { name: string; module: string; doc: string | null; default?: string | null; syntax?: string[]; appearedIn?: string | null }[]
    }
    expect(fixture.source.commit).toMatch(/^[0-9a-f]{40}$/)
    const documented = new Map(fixture.directives.map((d) => [`${d.name}/${d.module}`, d]))
    for (const row of [...COMMANDS_1_22_1, ...COMMANDS_1_30_4]) {
      const entry = documented.get(`${row[0]}/${row[1]}`)
      expect(entry, row[0]).toBeDefined()
      expect(entry?.default === null || typeof entry?.default === 'string', row[0]).toBe(true)
      if (entry?.doc) {
        expect(entry.syntax?.length, row[0]).toBeGreaterThan(0)
        expect(entry.default === null || typeof entry.default === 'string').toBe(true)
        expect(entry.appearedIn === null || /^\d+\.\d+\.\d+$/.test(entry.appearedIn ?? '')).toBe(true)
      }
    }
    expect(documented.get('proxy_read_timeout/ngx_http_proxy_module')?.default).toBe('60s')
  })

  it('maps ngx_command_t flags as ngx_conf_handler reads them', () => {
    expect(arityOf(['NGX_HTTP_SRV_CONF', 'NGX_HTTP_LOC_CONF', 'NGX_CONF_NOARGS', 'NGX_CONF_TAKE1'])).toEqual([0, 1])
    expect(arityOf(['NGX_HTTP_MAIN_CONF', 'NGX_CONF_TAKE1234'])).toEqual([1, 2, 3, 4])
    expect(arityOf(['NGX_MAIN_CONF', 'NGX_CONF_BLOCK', 'NGX_CONF_NOARGS'])).toEqual([0])
    expect(arityOf(['NGX_HTTP_LOC_CONF', 'NGX_CONF_BLOCK', 'NGX_CONF_1MORE'])).toBe('1more')
    expect(arityOf(['NGX_HTTP_LOC_CONF', 'NGX_CONF_FLAG'])).toBe('flag')
    expect(contextsOf(['NGX_HTTP_SRV_CONF', 'NGX_HTTP_SIF_CONF', 'NGX_HTTP_LOC_CONF', 'NGX_HTTP_LIF_CONF', 'NGX_CONF_TAKE23']))
      .toEqual(['server', 'if-server', 'location', 'if-location'])
    expect(contextsOf(['NGX_ANY_CONF', 'NGX_CONF_TAKE1'])).toHaveLength(9)
    expect(() => contextsOf(['NGX_STREAM_SRV_CONF', 'NGX_CONF_TAKE1'])).toThrow(/unknown flag/)
  })
})
