#!/usr/bin/env node
// Builds what the lab serves (the playground, into playground/dist) when it is missing or its
// sources changed since it was built: `npm start` and `npm test` run this first, so the two
// commands stay true on a fresh clone. Staleness is a hash of the sources' contents, not their
// times: a checkout or a copy changes times without changing what would be built.
// `--force` builds anyway.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(import.meta.dirname, '../..')
const out = join(root, 'playground/dist')
const stamp = join(out, '.source-hash')
// What the bundle is made of: the app, the shared components, the engine it runs in a worker.
const sources = ['playground', 'components', 'server/nginx', 'docs/examples', 'package-lock.json']
const skip = new Set(['dist', 'node_modules', 'tools'])

function* files(path) {
  const entries = readdirSync(path, { withFileTypes: true })
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (skip.has(entry.name)) continue
    const full = join(path, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else yield full
  }
}

function sourceHash() {
  const hash = createHash('sha256')
  for (const source of sources) {
    const full = join(root, source)
    for (const file of source.includes('.') ? [full] : files(full)) hash.update(relative(root, file)).update('\0').update(readFileSync(file))
  }
  return hash.digest('hex')
}

const wanted = sourceHash()
const built = existsSync(stamp) ? readFileSync(stamp, 'utf8') : ''
if (built === wanted && !process.argv.includes('--force')) process.exit(0)

process.stdout.write(`upgrade-lab: building the playground (${built ? 'its sources changed' : 'not built yet'})…\n`)
const { build } = await import('vite')
await build({ configFile: join(root, 'playground/vite.config.ts'), logLevel: 'warn' })
writeFileSync(stamp, wanted)
process.stdout.write('upgrade-lab: playground built\n')
