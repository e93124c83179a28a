/**
 * `npm run bench`: prints the figures the issues ask for, measured on this machine.
 *
 * Config check: the median time to check the committed 2,000-line config (the editor
 * re-checks on every keystroke; goal < 10 ms), on the virtual host as the browser runs it.
 *
 * Proxy: `upgrade-lab serve` against real nginx on the same WebSocket config, upstream and load
 * (proxy-bench.ts): throughput, echo latency, connections/s and memory per idle connection.
 *
 * Editor: Monaco and the engine worker in Chromium (editor-bench.ts): page weight, time to
 * ready, diagnostics latency per keystroke, frames per second while typing.
 *
 * Start-up: `check`, `serve` and `start` as new processes, beside `nginx -t` (startup-bench.ts).
 *
 * Playground: the whole playground in Chromium with a live chat (playground-bench.ts): page
 * weight and time to ready, frames per second, heap and DOM nodes over a minute of messages.
 *
 *   npm run bench [-- --only check|startup|editor|playground|proxy|profile] [--window-ms N] [--rounds N] [--profile] [--verbose]
 *
 * --profile also runs `upgrade-lab serve` (frame inspection on, then off) under
 * `node --cpu-prof` through the 64 B throughput and connections/s loads, and prints the
 * functions with the most self time in each window; `--only profile` runs just that.
 */
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { check } from '../../server/nginx/index.ts'
import { percentile } from './proc-stats.ts'
import { runEditorBench } from './editor-bench.ts'
import { runPlaygroundBench } from './playground-bench.ts'
import { runStartupBench } from './startup-bench.ts'
import { runProxyBench } from './proxy-bench.ts'

const WARMUP = 30
const RUNS = 200

function benchCheck(): void {
  const file = join(import.meta.dirname, '../fixtures/check/ok-large-2000-lines/nginx.conf')
  const text = readFileSync(file, 'utf8')
  const lines = text.split('\n').length - 1
  for (let i = 0; i < WARMUP; i++) check(text, { file })
  const times: number[] = []
  let diagnostics = 0
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    // nginx's own findings; the lab's notes (LAB_NOT_MODELLED) are part of a clean check.
    diagnostics += check(text, { file }).diagnostics.filter((d) => d.severity !== 'lab').length
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  if (diagnostics !== 0) throw new Error('the benchmark config should check clean')
  console.log(`config check, ${lines}-line config (${RUNS} runs after ${WARMUP} warm-up):`)
  console.log(`  median ${percentile(times, 50).toFixed(2)} ms   p90 ${percentile(times, 90).toFixed(2)} ms   min ${times[0].toFixed(2)} ms   goal < 10 ms`)
}

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    'window-ms': { type: 'string' },
    rounds: { type: 'string' },
    profile: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
})
const only = values.only
if (only !== undefined && only !== 'check' && only !== 'startup' && only !== 'editor' && only !== 'playground' && only !== 'proxy' && only !== 'profile') {
  console.error(`bench: --only takes check, startup, editor, playground, proxy or profile, not "${only}"`)
  process.exit(2)
}
const windowMs = values['window-ms'] === undefined ? undefined : Number(values['window-ms'])
if (windowMs !== undefined && !(windowMs >= 500 && windowMs <= 60_000)) {
  console.error('bench: --window-ms takes a number of milliseconds from 500 to 60000')
  process.exit(2)
}
const rounds = values.rounds === undefined ? undefined : Number(values.rounds)
if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 1 && rounds <= 20)) {
  console.error('bench: --rounds takes a whole number from 1 to 20')
  process.exit(2)
}

console.log(`Upgrade Lab benchmarks — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`)
if (only === undefined || only === 'check') benchCheck()
if (only === undefined || only === 'startup') await runStartupBench()
if (only === undefined || only === 'editor') await runEditorBench()
if (only === undefined || only === 'playground') await runPlaygroundBench()
if (only === undefined || only === 'proxy') await runProxyBench({ windowMs, rounds, profile: values.profile, verbose: values.verbose })
if (only === 'profile') await runProxyBench({ windowMs, profile: true, figures: false, verbose: values.verbose })
