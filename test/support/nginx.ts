/**
 * Runs the real nginx binary (Debian's package) the way the differential tests need it:
 * `nginx -t -p DIR/ -c FILE -e DIR/startup.log`, the same command the CLI's `check` mirrors.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'

export const NGINX_BINARY = process.env.NGINX_BINARY ?? '/usr/sbin/nginx'

export interface NginxTestResult {
  stderr: string
  status: number
}

/** Whether real nginx can run here. CI must have it: tests never skip when `CI=true`. */
export function nginxAvailable(): boolean {
  if (existsSync(NGINX_BINARY)) return true
  if (process.env.CI === 'true') throw new Error(`nginx is required in CI but ${NGINX_BINARY} is missing`)
  return false
}

/** `nginx -t` for an absolute config path, with the file's folder as prefix. */
export function nginxTest(file: string): NginxTestResult {
  const result = spawnSync(NGINX_BINARY, nginxTestArgs(file), {
    encoding: 'utf8',
    timeout: 10_000,
  })
  if (result.error) throw result.error
  return { stderr: result.stderr, status: result.status ?? -1 }
}

/** The arguments of `nginx -t` for an absolute config path: `-t -p DIR/ -c FILE -e DIR/startup.log`. */
export function nginxTestArgs(file: string): string[] {
  const dir = dirname(file)
  return ['-t', '-p', `${dir}/`, '-c', file, '-e', `${dir}/startup.log`]
}

/** `nginxTest` without blocking the event loop, so several nginx processes can run at once. */
export function nginxTestAsync(file: string): Promise<NginxTestResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(NGINX_BINARY, nginxTestArgs(file), { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ stderr, status: code ?? -1 }))
  })
}
