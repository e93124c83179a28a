#!/usr/bin/env -S node --max-semi-space-size=2
// --max-semi-space-size: V8 lets its young generation grow to 16 MiB × 3 under a burst of new
// connections and keeps it; 2 MiB keeps idle proxied connections near 13 KiB each instead of
// 30+ at the first thousand (npm run bench), at no measurable cost to throughput. The lab
// (`start`) also runs with it; it tunes its old generation itself (server/cli/start.ts).
// The `upgrade-lab` command: runs the TypeScript CLI with its types stripped at load (no build step).
import './register.mjs'

const { main } = await import('../cli.ts')
process.exitCode = await main(process.argv.slice(2))
