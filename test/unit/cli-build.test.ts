/**
 * The compiled CLI (server/dist, server/bin/build-cli.mjs) is what the TypeScript sources give:
 * built again in memory, every file equals the one on disk. `npm test` builds it first; this
 * fails when the sources changed since and nothing rebuilt it.
 */
import { existsSync, readFileSync } from 'node:fs'
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
})
