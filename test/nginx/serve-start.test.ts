/**
 * `upgrade-lab serve` starts as nginx starts: beside real nginx (`daemon off`), a config whose
 * port is taken gets the same bind() lines and status after the same retries, and a config
 * without a server keeps running, as nginx does.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { NGINX_BINARY, nginxAvailable } from '../support/nginx.ts'

const BIN = join(import.meta.dirname, '../../server/bin/upgrade-lab.mjs')
const work = mkdtempSync(join(tmpdir(), 'ul-serve-start-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function run(command: string, args: string[]): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (status) => resolve({ stdout, stderr, status }))
  })
}

function config(name: string, http: string): string {
  const dir = join(work, name)
  mkdirSync(join(dir, 'logs'), { recursive: true })
  const file = join(dir, 'nginx.conf')
  writeFileSync(file, `pid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents {}\nhttp {\n    access_log ${dir}/logs/access.log;\n${http}}\n`)
  return file
}

describe('upgrade-lab serve starts as nginx does', () => {
  it.skipIf(!nginxAvailable())('a port in use: five bind() failures 500 ms apart, then "still could not bind()", status 1', async () => {
    const holder: Server = createServer()
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve))
    const { port } = holder.address() as { port: number }
    try {
      const file = config('busy', `    server {\n        listen 127.0.0.1:${port};\n    }\n`)
      const started = Date.now()
      const ours = await run(BIN, ['serve', file])
      const ourMs = Date.now() - started
      const nginx = await run(NGINX_BINARY, ['-p', `${join(work, 'busy')}/`, '-c', file, '-g', 'daemon off;'])
      expect(ours.stderr).toBe(nginx.stderr)
      expect(nginx.stderr).toContain(`bind() to 127.0.0.1:${port} failed (98: Address already in use)`)
      expect(ours.status).toBe(nginx.status)
      // Four waits of 500 ms between the five tries.
      expect(ourMs).toBeGreaterThanOrEqual(2000)
    } finally {
      holder.close()
    }
  })

  it('a config without a server: ready, listening nowhere, running until SIGTERM', async () => {
    const file = config('no-server', '    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        \'\' close;\n    }\n')
    const child = spawn(BIN, ['serve', file], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stdout.includes('ready')) resolve()
      })
    })
    expect(stdout).toContain('listening nowhere')
    expect(child.exitCode).toBeNull()
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
