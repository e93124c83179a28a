/**
 * The lab server end to end with real `ws` clients through its client endpoint: isolated
 * sessions, reload semantics, the raw request endpoint, TLS listeners, the scaled clock and the
 * backend controls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CANONICAL, LabClient, startTestLab, type TestLab } from '../support/lab.ts'

let lab: TestLab
beforeAll(async () => {
  lab = await startTestLab()
})
afterAll(async () => {
  await lab.close()
})

interface RawAnswer {
  response: string
  closedByProxy: boolean
  events: Array<{ type: string; [key: string]: unknown }>
}

describe('sessions', () => {
  it('keeps two sessions with the canonical config apart while both chat', async () => {
    const one = await lab.session(CANONICAL)
    const two = await lab.session(CANONICAL)
    expect(one).not.toBe(two)
    expect(Buffer.from(one, 'base64url').length).toBeGreaterThanOrEqual(16)
    const events: string[] = []
    const stream = new WebSocket(`ws://127.0.0.1:${lab.port}/api/sessions/${two}/events`)
    stream.on('message', (m) => events.push(String(m)))
    await new Promise((resolve) => stream.once('open', resolve))

    const alice = new LabClient(lab.port, one, 'alice', 'localhost:8020', '/?room=lobby&nick=alice')
    const bob = new LabClient(lab.port, one, 'bob', 'localhost:8020', '/?room=lobby&nick=bob')
    const carol = new LabClient(lab.port, two, 'carol', 'localhost:8020', '/?room=lobby&nick=carol')
    await Promise.all([alice.opened, bob.opened, carol.opened])
    await bob.chat('welcome')
    await carol.chat('welcome')
    alice.ws.send('hello from session one')
    carol.ws.send('hello from session two')
    expect(await bob.chat('message', 'hello from session one')).toMatchObject({ nick: 'alice', instance: 'A' })
    expect(await carol.chat('message', 'hello from session two')).toMatchObject({ nick: 'carol' })
    await alice.chat('message', 'hello from session one')

    expect(bob.messages.join('\n')).not.toContain('session two')
    expect(carol.messages.join('\n')).not.toContain('session one')
    expect(carol.messages.join('\n')).not.toContain('"alice"')
    // Session two's event stream saw its own client, never session one's.
    const seen = events.join('\n')
    expect(seen).toContain('203.0.113.12')
    expect(seen).not.toContain('203.0.113.10')
    expect(seen).not.toContain('203.0.113.11')
    for (const c of [alice, bob, carol]) c.close()
    stream.close()
  })

  it('shows the virtual client address and the chosen Host to the proxy', async () => {
    const id = await lab.session(CANONICAL.replace('proxy_set_header Connection $connection_upgrade;', 'proxy_set_header Connection $connection_upgrade;\n            proxy_set_header X-Real-IP $remote_addr;\n            proxy_set_header X-Host $host;'))
    const raw = await lab.api<RawAnswer>('POST', `/api/sessions/${id}/raw`, {
      port: 8020,
      client: 'dave',
      request: 'GET /health HTTP/1.1\r\nHost: chat.example.com\r\nConnection: close\r\n\r\n',
    })
    expect(raw.status).toBe(200)
    const upstream = raw.body.events.find((e) => e.type === 'upstream.request') as { headers: Array<[string, string]> } | undefined
    expect(upstream?.headers).toContainEqual(['X-Real-IP', '203.0.113.13'])
    expect(upstream?.headers).toContainEqual(['X-Host', 'chat.example.com'])
    expect(raw.body.response).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    expect(raw.body.response).toContain('"instance":"A"')
  })
})

describe('apply works like nginx -s reload', () => {
  it('refuses a config that fails the check, with positions, and keeps the old one serving', async () => {
    const id = await lab.session(CANONICAL)
    const broken = CANONICAL.replace('proxy_http_version 1.1;', 'proxy_http_version 1.1')
    const refused = await lab.api<{ applied: boolean; diagnostics: Array<{ message: string; line: number; severity: string }> }>('POST', `/api/sessions/${id}/apply`, { config: broken })
    expect(refused.status).toBe(422)
    expect(refused.body.applied).toBe(false)
    expect(refused.body.diagnostics[0]).toMatchObject({ severity: 'emerg', line: 14 })
    expect(refused.body.diagnostics[0].message).toBe('invalid number of arguments in "proxy_http_version" directive')

    const client = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/echo')
    await client.opened
    client.ws.send('still here')
    expect(await client.next((m) => m.startsWith('Server received'))).toBe('Server received from client: still here')
    client.close()
  })

  it('lets open connections finish on the old config while new ones use the new one', async () => {
    const id = await lab.session(CANONICAL)
    const before = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/echo')
    await before.opened
    const moved = CANONICAL.replace('listen 8020;', 'listen 9000;')
    expect((await lab.api('POST', `/api/sessions/${id}/apply`, { config: moved })).status).toBe(200)
    before.ws.send('after reload')
    expect(await before.next((m) => m.includes('after reload'))).toBe('Server received from client: after reload')
    const after = new LabClient(lab.port, id, 'bob', 'localhost:9000', '/echo')
    await after.opened
    const gone = new LabClient(lab.port, id, 'carol', 'localhost:8020', '/echo')
    await expect(gone.opened).rejects.toThrow()
    before.close()
    after.close()
  })
})

describe('the raw request endpoint', () => {
  it('shows nginx 1.22 sending the upgrade as HTTP/1.0 without proxy_http_version, and the strict backend refusing it', async () => {
    const id = await lab.session(CANONICAL.replace('proxy_http_version 1.1;\n', ''))
    const raw = await lab.api<RawAnswer>('POST', `/api/sessions/${id}/raw`, {
      port: 8020,
      request: 'GET /chat HTTP/1.1\r\nHost: localhost:8020\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    })
    const upstream = raw.body.events.find((e) => e.type === 'upstream.request') as { requestLine: string } | undefined
    expect(upstream?.requestLine).toBe('GET /chat HTTP/1.0')
    expect(raw.body.response).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(raw.body.response).toContain('upgrade requires HTTP/1.1')

    await lab.api('POST', `/api/sessions/${id}/backends/A`, { strict: false })
    const lenient = await lab.api<RawAnswer>('POST', `/api/sessions/${id}/raw`, {
      port: 8020,
      request: 'GET /chat HTTP/1.1\r\nHost: localhost:8020\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    })
    expect(lenient.body.response).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/)
    expect(lenient.body.response).toContain('Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=')
  })

  it('answers an address with no backend as a refused connection: 502 and the error_log line', async () => {
    const id = await lab.session(CANONICAL.replace('server 127.0.0.1:8010;', 'server 172.16.100.200:8080;'))
    const raw = await lab.api<RawAnswer>('POST', `/api/sessions/${id}/raw`, { port: 8020, request: 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n' })
    expect(raw.body.response).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\n/)
    const logs = await lab.api<{ files: Record<string, string[]> }>('GET', `/api/sessions/${id}/logs`)
    expect(logs.body.files['/var/log/nginx/error.log'].join('\n')).toMatch(
      /\[error\] 4242#4242: \*1 connect\(\) failed \(111: Connection refused\) while connecting to upstream, client: 203\.0\.113\.10, server: , request: "GET \/ HTTP\/1\.1", upstream: "http:\/\/172\.16\.100\.200:8080\/", host: "localhost"/,
    )
  })
})

describe('TLS listeners', () => {
  const TLS = CANONICAL.replace(
    'listen 8020;',
    'listen 443 ssl;\n        ssl_certificate /etc/nginx/certs/lab.crt;\n        ssl_certificate_key /etc/nginx/certs/lab.key;',
  ).replace('proxy_set_header Connection $connection_upgrade;', 'proxy_set_header Connection $connection_upgrade;\n            proxy_set_header X-Forwarded-Proto $scheme;')

  it('treats a client of an ssl port as TLS ($scheme https) and answers plain HTTP there with nginx 400', async () => {
    const id = await lab.session(TLS)
    const secure = await lab.api<RawAnswer>('POST', `/api/sessions/${id}/raw`, { port: 443, request: 'GET /health HTTP/1.1\r\nHost: chat.example.com\r\nConnection: close\r\n\r\n' })
    const upstream = secure.body.events.find((e) => e.type === 'upstream.request') as { headers: Array<[string, string]> } | undefined
    expect(upstream?.headers).toContainEqual(['X-Forwarded-Proto', 'https'])

    const plain = await lab.api<RawAnswer>('POST', `/api/sessions/${id}/raw`, { port: 443, tls: false, request: 'GET / HTTP/1.1\r\nHost: chat.example.com\r\n\r\n' })
    expect(plain.body.response).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(plain.body.response).toContain('<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>')

    const client = new LabClient(lab.port, id, 'alice', 'chat.example.com:443', '/echo')
    await client.opened
    client.ws.send('over wss')
    expect(await client.next((m) => m.includes('over wss'))).toBe('Server received from client: over wss')
    client.close()
  })
})

describe('the session clock', () => {
  it('runs proxy_read_timeout 60s in 3 s at ×20, and the trace says so', async () => {
    const id = await lab.session()
    const config = CANONICAL.replace('proxy_http_version 1.1;', 'proxy_http_version 1.1;\n            proxy_read_timeout 60s;')
    const applied = await lab.api<{ applied: boolean }>('POST', `/api/sessions/${id}/apply`, { config, clockScale: 20 })
    expect(applied.body.applied).toBe(true)
    const events: Array<{ type: string; [k: string]: unknown }> = []
    const stream = new WebSocket(`ws://127.0.0.1:${lab.port}/api/sessions/${id}/events`)
    stream.on('message', (m) => events.push(JSON.parse(String(m))))
    await new Promise((resolve) => stream.once('open', resolve))
    expect(events.find((e) => e.type === 'session.applied')).toMatchObject({ clockScale: 20 })

    const client = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/echo')
    await client.opened
    const opened = Date.now()
    const { code } = await client.closed
    const realMs = Date.now() - opened
    expect(code).toBe(1006)
    expect(realMs).toBeGreaterThan(2_500)
    expect(realMs).toBeLessThan(6_000)
    const timeout = events.find((e) => e.type === 'timeout')
    expect(timeout).toMatchObject({ timer: 'proxy_read_timeout', ms: 60_000 })
    const closed = events.find((e) => e.type === 'tunnel.closed') as { durationMs: number } | undefined
    expect(closed?.durationMs).toBeGreaterThanOrEqual(59_000)
    stream.close()
  }, 15_000)
})

describe('backend controls', () => {
  it('cuts clients of a stopped backend as nginx would (no close frame), answers 502 while it is down, and recovers', async () => {
    const id = await lab.session(CANONICAL)
    const alice = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/?nick=alice')
    await alice.opened
    await alice.chat('welcome')
    const stopped = await lab.api('POST', `/api/sessions/${id}/backends/A`, { running: false })
    expect(stopped.status).toBe(200)
    expect((await alice.closed).code).toBe(1006)

    const refused = new LabClient(lab.port, id, 'bob', 'localhost:8020', '/?nick=bob')
    expect((await refused.unexpected).status).toBe(502)

    await lab.api('POST', `/api/sessions/${id}/backends/A`, { running: true })
    const again = new LabClient(lab.port, id, 'carol', 'localhost:8020', '/?nick=carol')
    await again.opened
    expect(await again.chat('welcome')).toMatchObject({ instance: 'A', nick: 'carol' })
    again.close()
  })

  it('adds latency to what a backend sends', async () => {
    const id = await lab.session(CANONICAL)
    await lab.api('POST', `/api/sessions/${id}/backends/A`, { latencyMs: 400 })
    const client = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/echo')
    await client.opened
    const sent = Date.now()
    client.ws.send('slow')
    await client.next((m) => m.includes('slow'))
    expect(Date.now() - sent).toBeGreaterThanOrEqual(380)
    client.close()
  })

  it('can stop answering pings', async () => {
    const id = await lab.session(CANONICAL)
    const client = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/echo')
    await client.opened
    const pong = new Promise<string>((resolve) => client.ws.once('pong', (d) => resolve(String(d))))
    client.ws.ping('one')
    expect(await pong).toBe('one')
    await lab.api('POST', `/api/sessions/${id}/backends/A`, { answerPings: false })
    let ponged = false
    client.ws.once('pong', () => (ponged = true))
    client.ws.ping('two')
    client.ws.send('after the ping')
    await client.next((m) => m.includes('after the ping'))
    expect(ponged).toBe(false)
    client.close()
  })
})

describe('the API on bad input', () => {
  it('answers every bad call with a clear error and status', async () => {
    expect((await lab.api('GET', '/api/sessions')).status).toBe(405)
    expect((await lab.api('GET', '/api/sessions/AAAAAAAAAAAAAAAAAAAAAA')).body).toMatchObject({ error: expect.stringContaining('no such session') })
    const id = await lab.session()
    expect((await lab.api('POST', `/api/sessions/${id}/apply`, '{not json')).status).toBe(400)
    expect((await lab.api('POST', `/api/sessions/${id}/apply`, {})).body).toEqual({ error: '"config" is required' })
    expect((await lab.api('POST', `/api/sessions/${id}/apply`, { config: 42 })).body).toEqual({ error: '"config" must be a string' })
    expect((await lab.api('POST', `/api/sessions/${id}/apply`, { config: CANONICAL, clockScale: 1e6 })).status).toBe(400)
    const unmodelled = await lab.api('POST', `/api/sessions/${id}/check`, { config: CANONICAL, nginxVersion: '1.26.3' })
    expect(unmodelled.status).toBe(400)
    expect(unmodelled.body).toEqual({ error: expect.stringMatching(/^unsupported nginx version "1\.26\.3": .*1\.22\.1, 1\.30\.4/) })
    expect((await lab.api('POST', `/api/sessions/${id}/raw`, { port: 70000, request: 'x' })).status).toBe(400)
    expect((await lab.api('POST', `/api/sessions/${id}/backends/Z`, { running: false })).status).toBe(404)
    expect((await lab.api('POST', `/api/sessions/${id}/backends/B`, { latencyMs: -1 })).status).toBe(400)
    const client = new LabClient(lab.port, id, 'mallory', 'localhost:8020', '/')
    expect((await client.unexpected).status).toBe(400)
    const noSession = new LabClient(lab.port, 'AAAAAAAAAAAAAAAAAAAAAA', 'alice', 'localhost:8020', '/')
    expect((await noSession.unexpected).status).toBe(404)
  })
})
