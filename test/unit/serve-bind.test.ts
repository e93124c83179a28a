/**
 * serve's bind() as nginx's (ngx_open_listening_sockets): every listening socket is tried in
 * each round, an address in use again after 500 ms, five rounds in all; when serve gives up,
 * the sockets it did open are closed again. A network whose one port is taken stands in for
 * the real one, so the rounds can be counted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { serve } from '../../server/cli/serve.ts'
import type { ListenSpec, ProxyNetwork } from '../../server/proxy/network.ts'

const dir = mkdtempSync(join(tmpdir(), 'ul-serve-bind-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function networkWithPortInUse(taken: number) {
  const tries: number[] = []
  const open = new Set<number>()
  const network: ProxyNetwork = {
    async listen(spec: ListenSpec) {
      tries.push(spec.port)
      if (spec.port === taken) throw Object.assign(new Error(`listen EADDRINUSE: address already in use 127.0.0.1:${taken}`), { code: 'EADDRINUSE' })
      open.add(spec.port)
      return { close: async () => void open.delete(spec.port) }
    },
    connect: () => {
      throw new Error('no upstream in this test')
    },
  }
  return { network, tries, open }
}

describe('serve binds as nginx does', () => {
  it('tries a port in use five times, keeps the free one open meanwhile, then closes it and gives up', async () => {
    const conf = join(dir, 'nginx.conf')
    writeFileSync(conf, `events {}\nhttp {\n    access_log ${dir}/access.log;\n    error_log ${dir}/error.log;\n    server { listen 127.0.0.1:18001; }\n    server { listen 127.0.0.1:18002; }\n}\n`)
    const { network, tries, open } = networkWithPortInUse(18002)
    let stderr = ''
    let stdout = ''
    const running = await serve(conf, { network, stderr: (t) => (stderr += t), stdout: (t) => (stdout += t) })
    expect(running).toBeNull()
    // The free port is opened once and not again; the taken one is tried in each of the five rounds.
    expect(tries).toEqual([18001, 18002, 18002, 18002, 18002, 18002])
    expect(stderr).toBe('nginx: [emerg] bind() to 127.0.0.1:18002 failed (98: Address already in use)\n'.repeat(5) + 'nginx: [emerg] still could not bind()\n')
    expect(open.size).toBe(0)
    expect(stdout).not.toContain('ready')
  })
})
