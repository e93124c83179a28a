/**
 * `npm run bench`: prints the figures the issues ask for, measured on this machine.
 *
 * Config check: the median time to check the committed 2,000-line config (the editor
 * re-checks on every keystroke; goal < 10 ms), on the virtual host as the browser runs it.
 */
import { cpus } from 'node:os'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { check } from '../../server/nginx/index.ts'

const WARMUP = 30
const RUNS = 200

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

function benchCheck(): void {
  const file = join(import.meta.dirname, '../fixtures/check/ok-large-2000-lines/nginx.conf')
  const text = readFileSync(file, 'utf8')
  const lines = text.split('\n').length - 1
  for (let i = 0; i < WARMUP; i++) check(text, { file })
  const times: number[] = []
  let diagnostics = 0
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    diagnostics += check(text, { file }).diagnostics.length
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  if (diagnostics !== 0) throw new Error('the benchmark config should check clean')
  console.log(`config check, ${lines}-line config (${RUNS} runs after ${WARMUP} warm-up):`)
  console.log(`  median ${percentile(times, 50).toFixed(2)} ms   p90 ${percentile(times, 90).toFixed(2)} ms   min ${times[0].toFixed(2)} ms   goal < 10 ms`)
}

console.log(`Upgrade Lab benchmarks — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`)
benchCheck()
