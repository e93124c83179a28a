/**
 * `listen … ssl` on the real network: wss through the runtime with the config's certificate,
 * and plain HTTP sent to the TLS port answered as nginx does (497, sent as 400).
 */
import { once } from 'node:events'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { freePort } from '../../support/runtime/ports.ts'
import { serve } from '../../../server/cli/serve.ts'

const CERTS = join(import.meta.dirname, '../../fixtures/check/dir-ssl-ok')


describe('listen … ssl', () => {
  it('serves wss with the configured certificate and answers plain HTTP with nginx\'s 400 page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ul-tls-'))
    copyFileSync(join(CERTS, 'lab.test.crt'), join(dir, 'lab.test.crt'))
    copyFileSync(join(CERTS, 'lab.test.key'), join(dir, 'lab.test.key'))
    const upstream = createHttpServer()
    const wss = new WebSocketServer({ server: upstream })
    const seenProto: string[] = []
    wss.on('connection', (ws, req) => {
      seenProto.push(String(req.headers['x-forwarded-proto']))
      ws.on('message', (m) => ws.send(`echo ${m}`))
    })
    upstream.listen(0, '127.0.0.1')
    await once(upstream, 'listening')
    const port = await freePort()
    writeFileSync(join(dir, 'nginx.conf'), `events {}
http {
    access_log off;
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen ${port} ssl;
        server_name lab.test;
        ssl_certificate lab.test.crt;
        ssl_certificate_key lab.test.key;
        location / {
            proxy_pass http://127.0.0.1:${(upstream.address() as AddressInfo).port};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header X-Forwarded-Proto $scheme;
        }
    }
}
`)
    const running = await serve(join(dir, 'nginx.conf'), { stdout: () => {}, stderr: () => {} })
    if (!running) throw new Error('serve refused the config')
    try {
      const ws = new WebSocket(`wss://127.0.0.1:${port}/chat`, { rejectUnauthorized: false })
      await once(ws, 'open')
      ws.send('hi')
      const [reply] = await once(ws, 'message')
      expect(String(reply)).toBe('echo hi')
      expect(seenProto).toEqual(['https'])
      ws.close()

      const plain = connect(port, '127.0.0.1')
      let answer = ''
      plain.on('data', (d: Buffer) => (answer += d.toString('latin1')))
      plain.write('GET / HTTP/1.1\r\nHost: lab.test\r\n\r\n')
      await once(plain, 'close')
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request')
      expect(answer).toContain('Connection: close')
      expect(answer).toContain('<center>The plain HTTP request was sent to HTTPS port</center>')
    } finally {
      await running.stop()
      wss.close()
      upstream.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 30_000)
})
