/**
 * A client that does not read: the runtime stops reading the upstream instead of buffering
 * the whole answer (plain responses here; the tunnel's case is in the differential suite).
 */
import { once } from 'node:events'
import { createServer as createHttpServer } from 'node:http'
import { connect, createServer, type AddressInfo } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serve } from '../../../server/cli/serve.ts'

const BODY = 64 * 1024 * 1024

describe('backpressure', () => {
  it('does not read a 64 MiB answer ahead of a client that stops reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ul-bp-'))
    let upstreamFinished = false
    let written = 0
    const upstream = createHttpServer((req, res) => {
      res.setHeader('Content-Length', BODY)
      const chunk = Buffer.alloc(64 * 1024, 0x61)
      const pump = (): void => {
        while (written < BODY) {
          written += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end(() => (upstreamFinished = true))
      }
      pump()
    })
    upstream.listen(0, '127.0.0.1')
    await once(upstream, 'listening')
    const probe = createServer().listen(0, '127.0.0.1')
    await once(probe, 'listening')
    const port = (probe.address() as AddressInfo).port
    probe.close()
    writeFileSync(join(dir, 'nginx.conf'), `events {}\nhttp {\n  access_log off;\n  server {\n    listen ${port};\n    location / { proxy_pass http://127.0.0.1:${(upstream.address() as AddressInfo).port}; }\n  }\n}\n`)
    const running = await serve(join(dir, 'nginx.conf'), { stdout: () => {}, stderr: () => {} })
    if (!running) throw new Error('serve refused the config')

    const client = connect(port, '127.0.0.1')
    await once(client, 'connect')
    client.write('GET /big HTTP/1.1\r\nHost: x\r\n\r\n')
    client.pause()
    // Wait until the upstream has stalled: its writes stop advancing while the client sleeps.
    let last = -1
    await expect.poll(() => {
      const stalled = written === last
      last = written
      return stalled
    }, { interval: 200, timeout: 10_000 }).toBe(true)
    expect(upstreamFinished).toBe(false)
    expect(written).toBeLessThan(BODY / 2)

    // Reading again lets the whole answer through.
    let received = 0
    client.on('data', (d: Buffer) => (received += d.length))
    client.resume()
    await expect.poll(() => upstreamFinished, { timeout: 20_000 }).toBe(true)
    await expect.poll(() => received, { timeout: 20_000 }).toBeGreaterThan(BODY)
    client.destroy()
    await running.stop()
    upstream.close()
    rmSync(dir, { recursive: true, force: true })
  }, 60_000)
})
