/**
 * How fast the commands start (issue: the CLI as a tool): wall time of `upgrade-lab check` on
 * a small config beside `nginx -t` on the same file, and the time until `serve` and `start`
 * print their ready line. Each command is a new process, as a shell, a hook or an editor runs it.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { NGINX_BINARY, nginxTestArgs } from '../support/nginx.ts'
import { percentile } from './proc-stats.ts'

const ROOT = join(import.meta.dirname, '../..')
const BIN = join(ROOT, 'server/bin/upgrade-lab.mjs')
const CANONICAL = join(ROOT, 'test/fixtures/check/ok-canonical/nginx.conf')
const RUNS = 15

function median(times: number[]): string {
  return `${percentile([...times].sort((a, b) => a - b), 50).toFixed(0)} ms`
}

function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now()
  const result = spawnSync(command, args, { env, encoding: 'utf8' })
  if (result.error) throw result.error
  return performance.now() - started
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Starts `args`, returns the ms until a stdout line says ready, then stops it with SIGTERM. */
async function untilReady(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now()
  const child = spawn(BIN, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const ready = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (/ready/.test(out)) resolve(performance.now() - started)
    })
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}) before it was ready: ${out}`)))
  })
  child.removeAllListeners('exit')
  const exited = new Promise((resolve) => child.on('exit', resolve))
  child.kill('SIGTERM')
  await exited
  return ready
}

export async function runStartupBench(): Promise<void> {
  // The first run may build the compiled CLI: not what a user meets twice.
  spawnSync(BIN, ['--version'])
  const check: number[] = []
  const nginx: number[] = []
  for (let i = 0; i < RUNS; i++) {
    check.push(timed(BIN, ['check', CANONICAL]))
    if (existsSync(NGINX_BINARY)) nginx.push(timed(NGINX_BINARY, nginxTestArgs(CANONICAL)))
  }
  const dir = mkdtempSync(join(tmpdir(), 'ul-bench-startup-'))
  try {
    const serve: number[] = []
    const start: number[] = []
    for (let i = 0; i < 5; i++) {
      const conf = join(dir, 'nginx.conf')
      writeFileSync(
        conf,
        `events {}\nhttp {\n    access_log ${dir}/access.log;\n    error_log ${dir}/error.log;\n    server {\n        listen 127.0.0.1:${await freePort()};\n        location / { return 200 "ok"; }\n    }\n}\n`,
      )
      serve.push(await untilReady(['serve', conf], process.env))
      start.push(await untilReady(['start'], { ...process.env, PORT: '0', HOST: '127.0.0.1' }))
    }
    console.log(`start-up (${RUNS} runs each, new processes):`)
    console.log(`  check, a 20-line config: median ${median(check)}   nginx -t: ${nginx.length ? median(nginx) : 'not installed'}   goal ≤ 150 ms`)
    console.log(`  serve, until its ready line: median ${median(serve)}   goal ≤ 300 ms`)
    console.log(`  start (the lab), until its ready line: median ${median(start)}   goal ≤ 300 ms`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
