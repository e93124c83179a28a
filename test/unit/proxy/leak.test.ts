/**
 * Nothing leaks: 10,000 proxied connections (plain requests and WebSockets, some cut off by
 * the client mid-way) are opened and closed, and afterwards the runtime holds no connection
 * and the process no more handles than before.
 */
import { once } from 'node:events'
import { createServer as createHttpServer } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { freePort } from '../../support/runtime/ports.ts'
import { serve } from '../../../server/cli/serve.ts'

const CONNECTIONS = 10_000
const PARALLEL = 64


function activeHandles(): number {
  return (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().length
}

/** One client connection: a plain GET, a WebSocket handshake and frame, or a cut-off request. */
function oneConnection(port: number, i: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.on('error', () => resolve())
    socket.on('close', () => resolve())
    socket.once('connect', () => {
      if (i % 10 === 0) {
        socket.write('GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n')
        socket.once('data', () => {
          // A masked text frame "hi", then the client drops the TCP connection.
          socket.write(Buffer.from([0x81, 0x82, 1, 2, 3, 4, 0x68 ^ 1, 0x69 ^ 2]))
          socket.once('data', () => socket.destroy())
        })
      } else if (i % 10 === 1) {
        socket.write('GET /plain HTTP/1.1\r\nHost: x\r\n')
        socket.destroy()
      } else {
        socket.end('GET /plain HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
        socket.resume()
      }
    })
  })
}

describe('connection lifecycle', () => {
  it(`returns every handle after ${CONNECTIONS} proxied connections`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ul-leak-'))
    const upstream = createHttpServer((req, res) => res.end('ok'))
    const wss = new WebSocketServer({ server: upstream })
    wss.on('connection', (ws) => ws.on('message', (m) => ws.send(m)))
    upstream.listen(0, '127.0.0.1')
    await once(upstream, 'listening')
    const up = (upstream.address() as AddressInfo).port
    const port = await freePort()
    writeFileSync(join(dir, 'nginx.conf'), `events {}
http {
    access_log off;
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen ${port};
        location / {
            proxy_pass http://127.0.0.1:${up};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }
    }
}
`)
    const running = await serve(join(dir, 'nginx.conf'), { stdout: () => {}, stderr: () => {} })
    if (!running) throw new Error('serve refused the config')
    const before = activeHandles()
    let next = 0
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < CONNECTIONS) await oneConnection(port, next++)
      }),
    )
    await expect.poll(() => running.runtime.openConnections, { timeout: 10_000 }).toBe(0)
    await expect.poll(() => activeHandles(), { timeout: 10_000 }).toBeLessThanOrEqual(before)
    await running.stop()
    wss.close()
    upstream.close()
    rmSync(dir, { recursive: true, force: true })
  }, 120_000)
})
