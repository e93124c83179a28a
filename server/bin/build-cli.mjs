#!/usr/bin/env node
// Compiles the CLI once, so no command transpiles TypeScript when it runs: esbuild bundles
// server/cli.ts (with the engine, the proxy and the lab) into server/dist/upgrade-lab.mjs and
// the lab's check worker into server/dist/check-worker.mjs; npm packages stay imports. The
// TypeScript sources stay the truth: `npm install` (prepare) and `npm test` run this, the bin
// rebuilds when a source is newer than the build (cli-build.mjs), and a test fails if the
// build differs from what the sources give.
//
// server/dist/ sits two folders below the repository, as server/sandbox/ and server/cli/ do,
// so the sources' paths relative to import.meta (the site, package.json, the check worker)
// hold in the bundle too.
import { build } from 'esbuild'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLI_ENTRIES, DIST, ROOT, newestSource } from './cli-build.mjs'

export async function buildCli({ write = true } = {}) {
  const result = await build({
    entryPoints: CLI_ENTRIES.map(({ out, source }) => ({ out, in: join(ROOT, source) })),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: DIST,
    outExtension: { '.js': '.mjs' },
    // Commands load what they run (cli.ts's dynamic imports); chunks stay beside the entries,
    // at the same depth.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    // As ts-hooks.mjs: no keepNames (it gives every closure a property array of its own).
    keepNames: false,
    // Fewer bytes for V8 to parse at each start (names are kept: stack traces and the source map read as the sources).
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  })
  if (!write) return result.outputFiles
  // Written beside, then moved in: a command starting meanwhile sees the old build or the new.
  const staging = `${DIST}.staging-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  for (const file of result.outputFiles) writeFileSync(join(staging, file.path.slice(DIST.length + 1)), file.contents)
  writeFileSync(join(staging, '.built-from'), String(newestSource()))
  rmSync(DIST, { recursive: true, force: true })
  renameSync(staging, DIST)
  return result.outputFiles
}

if (process.argv[1] === import.meta.filename) await buildCli()
