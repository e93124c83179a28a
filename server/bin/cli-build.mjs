// Where the compiled CLI lives and whether it is up to date (build-cli.mjs builds it). The
// check is the newest modification time among the sources against the one recorded at the
// build: a few hundred stat calls, about 2 ms, so every command can afford it.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '../..')
export const DIST = join(ROOT, 'server/dist')
export const CLI_ENTRIES = [
  { out: 'upgrade-lab', source: 'server/cli.ts' },
  { out: 'check-worker', source: 'server/sandbox/check-thread.ts' },
]
export const CLI_BUNDLE = join(DIST, 'upgrade-lab.mjs')

/** The newest modification time (ms) of the CLI's TypeScript sources and the lock file. */
export function newestSource() {
  let newest = statSync(join(ROOT, 'package-lock.json')).mtimeMs
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'dist' || entry.name === 'tools' || entry.name.startsWith('dist.staging')) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  walk(join(ROOT, 'server'))
  return newest
}

/** Whether server/dist holds a build of the sources as they are now. */
export function cliBuildIsCurrent() {
  try {
    return Number(readFileSync(join(DIST, '.built-from'), 'utf8')) >= newestSource()
  } catch {
    return false
  }
}
