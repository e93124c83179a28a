/**
 * The runtime on the real loopback network, in process: `serve()` in front of a real `ws`
 * server, with a real `ws` client (the differential suite compares all this with nginx).
 */
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { freePort } from '../../support/runtime/ports.ts'
import { serve, type RunningServer } from '../../../server/cli/serve.ts'


describe('serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ul-serve-'))
  let upstream: Server
  let wss: WebSocketServer
  let running: RunningServer
  let port: number
  const seen: string[] = []

  beforeAll(async () => {
    const up = await freePort()
    port = await freePort()
    upstream = createHttpServer()
    upstream.on('upgrade', (req, socket, head) => {
      seen.push(req.rawHeaders.join('|'))
      wss.handleUpgrade(req, socket, head, (ws) => ws.on('message', (m) => ws.send(`Server received from client: ${m}`)))
    })
    wss = new WebSocketServer({ noServer: true })
    upstream.listen(up, '127.0.0.1')
    await once(upstream, 'listening')
    writeFileSync(join(dir, 'nginx.conf'), `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    access_log access.log;
    server {
        listen ${port};
        location /ws {
            proxy_pass http://127.0.0.1:${up};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }
    }
}
`)
    const out: string[] = []
    const started = await serve(join(dir, 'nginx.conf'), { stdout: (t) => out.push(t), stderr: (t) => out.push(t) })
    if (!started) throw new Error(out.join(''))
    running = started
    expect(out.join('')).toMatch(/ready/)
  })

  afterAll(async () => {
    await running?.stop()
    upstream?.close()
    wss?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('proxies a WebSocket: the upstream sees nginx\'s headers, frames flow, the close is logged with 101', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`)
    const upgrade = new Promise<string[]>((resolve) => ws.once('upgrade', (res) => resolve(res.rawHeaders)))
    await once(ws, 'open')
    const raw = await upgrade
    expect(raw.filter((_, i) => i % 2 === 0)).toEqual(['Server', 'Date', 'Connection', 'Upgrade', 'Sec-WebSocket-Accept'])
    expect(raw[1]).toBe('nginx/1.22.1')
    ws.send('hello')
    const [reply] = await once(ws, 'message')
    expect(String(reply)).toBe('Server received from client: hello')
    ws.close(1000, 'bye')
    await once(ws, 'close')
    expect(seen[0].split('|').slice(0, 6)).toEqual(['Upgrade', 'websocket', 'Connection', 'upgrade', 'Host', `127.0.0.1:${(upstream.address() as AddressInfo).port}`])
    await expect.poll(() => readFileSync(join(dir, 'access.log'), 'utf8'), { timeout: 5000 }).toMatch(/"GET \/ws HTTP\/1.1" 101 \d+ "-" "-"\n$/)
  })
})
