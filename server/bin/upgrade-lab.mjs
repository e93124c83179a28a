#!/usr/bin/env -S node --max-semi-space-size=2 --single-threaded-gc
// --max-semi-space-size: V8 lets its young generation grow to 16 MiB × 3 under a burst of new
// connections and keeps it; 2 MiB keeps idle proxied connections near 13 KiB each instead of
// 30+ at the first thousand (npm run bench), at no measurable cost to throughput. The lab
// (`start`) also runs with it; it tunes its old generation itself (server/cli/start.ts).
// --single-threaded-gc: on a small machine whose cores are busy (two here: the lab, its load,
// its visitors), V8's parallel collectors made the main thread wait for starved helper threads:
// scavenges of 2 MiB took 70–90 ms and a thousand sessions' chat saw p99 120–140 ms with an
// attacker beside them; collecting on the main thread alone gave 25 ms (npm run bench:load).
// It must be given at start-up (V8 aborts when it is set later).
//
// The `upgrade-lab` command runs the compiled CLI (server/dist, build-cli.mjs), built at
// `npm install`; when a source is newer than the build (a checkout, an edit), it is built again
// first, once.
import { CLI_BUNDLE, cliBuildIsCurrent } from './cli-build.mjs'

if (!cliBuildIsCurrent()) {
  const { buildCli } = await import('./build-cli.mjs')
  await buildCli()
}
const { main } = await import(CLI_BUNDLE)
process.exitCode = await main(process.argv.slice(2))
