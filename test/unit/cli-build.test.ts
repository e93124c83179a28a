/**
 * The compiled CLI (server/dist, server/bin/build-cli.mjs) is what the TypeScript sources give:
 * built again in memory, every file equals the one on disk. `npm test` builds it first; this
 * fails when the sources changed since and nothing rebuilt it.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs build script, without types
import { buildCli } from '../../server/bin/build-cli.mjs'
// @ts-expect-error: a plain .mjs build script, without types
import { CLI_BUNDLE, cliBuildIsCurrent } from '../../server/bin/cli-build.mjs'

describe('the compiled CLI', () => {
  it('is built, and equals what the sources give now', async () => {
    expect(existsSync(CLI_BUNDLE as string)).toBe(true)
    const outputs = (await buildCli({ write: false })) as Array<{ path: string; contents: Uint8Array }>
    expect(outputs.length).toBeGreaterThan(2)
    const stale = outputs.filter((file) => !existsSync(file.path) || !Buffer.from(file.contents).equals(readFileSync(file.path))).map((file) => file.path)
    expect(stale).toEqual([])
    expect(cliBuildIsCurrent()).toBe(true)
  })

  it('is what the command runs: no TypeScript source and no transpiler is loaded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ul-cli-build-'))
    try {
      // A module hook that writes down every module the command loads.
      writeFileSync(join(dir, 'hook.mjs'), `import { appendFileSync } from 'node:fs'\nexport async function resolve(specifier, context, next) {\n  const resolved = await next(specifier, context)\n  appendFileSync(process.env.UL_LOADED, resolved.url + '\\n')\n  return resolved\n}\n`)
      writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module'\nregister('./hook.mjs', import.meta.url)\n`)
      const loaded = join(dir, 'loaded.txt')
      const bin = join(import.meta.dirname, '../../server/bin/upgrade-lab.mjs')
      const conf = join(import.meta.dirname, '../fixtures/check/ok-canonical/nginx.conf')
      const run = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), bin, 'check', conf], { encoding: 'utf8', env: { ...process.env, UL_LOADED: loaded } })
      expect(run.status).toBe(0)
      const urls = readFileSync(loaded, 'utf8').trim().split('\n')
      expect(urls.some((url) => url.endsWith('/server/dist/upgrade-lab.mjs'))).toBe(true)
      expect(urls.filter((url) => url.endsWith('.ts') || url.includes('/node_modules/esbuild/'))).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
