/**
 * The sample chat server on a real port (as `upgrade-lab chat` runs it), driven by real `ws`
 * clients and raw sockets; and the nginx differential: real nginx in front of `upgrade-lab chat`
 * and the lab's session proxy give a browser the same handshake failure for a config that drops
 * the Upgrade header.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { ChatServer } from '../../server/chat/chat-server.ts'
import { nginxAvailable } from '../support/nginx.ts'
import { freePorts } from '../support/runtime/ports.ts'
import { startNginx, UPGRADE_LAB_BIN, type RunningProcess } from '../support/runtime/processes.ts'
import { CANONICAL, LabClient, startTestLab } from '../support/lab.ts'

function open(url: string): Promise<{ ws: WebSocket; messages: string[] }> {
  const ws = new WebSocket(url, { perMessageDeflate: false })
  const messages: string[] = []
  ws.on('message', (m) => messages.push(String(m)))
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, messages }))
    ws.once('error', reject)
  })
}

async function until<T>(read: () => T | undefined, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** Sends raw bytes and reads until the server closes (or `ms`). */
function rawExchange(port: number, request: string, ms = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let out = ''
    const timer = setTimeout(() => {
      socket.destroy()
      resolve(out)
    }, ms)
    socket.on('data', (chunk) => (out += chunk.toString('latin1')))
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(out)
    })
    socket.on('error', reject)
    socket.write(request)
  })
}

describe('the sample chat server', () => {
  let a: ChatServer
  let b: ChatServer
  let portA: number
  let portB: number
  beforeAll(async () => {
    ;[portA, portB] = await freePorts(2)
    a = new ChatServer({ instance: 'A' })
    b = new ChatServer({ instance: 'B' })
    await a.listen(portA, '127.0.0.1')
    await b.listen(portB, '127.0.0.1')
  })
  afterAll(async () => {
    await a.close()
    await b.close()
  })

  it('chats by room with join and leave notices, each message tagged with its instance', async () => {
    const alice = await open(`ws://127.0.0.1:${portA}/?room=r1&nick=alice`)
    const bob = await open(`ws://127.0.0.1:${portA}/?room=r1&nick=bob`)
    const carol = await open(`ws://127.0.0.1:${portA}/?room=r2&nick=carol`)
    const dave = await open(`ws://127.0.0.1:${portB}/?room=r1&nick=dave`)
    const welcome = JSON.parse(await until(() => bob.messages[0], 'welcome'))
    expect(welcome).toEqual({ type: 'welcome', instance: 'A', room: 'r1', nick: 'bob', members: ['alice', 'bob'] })
    expect(JSON.parse(await until(() => alice.messages[1], 'join'))).toMatchObject({ type: 'join', nick: 'bob', instance: 'A' })
    alice.ws.send('hi r1')
    const got = JSON.parse(await until(() => bob.messages.find((m) => m.includes('hi r1')), 'message'))
    expect(got).toMatchObject({ type: 'message', instance: 'A', room: 'r1', nick: 'alice', text: 'hi r1' })
    bob.ws.close()
    expect(JSON.parse(await until(() => alice.messages.find((m) => m.includes('"leave"')), 'leave'))).toMatchObject({ nick: 'bob' })
    // Another room and another instance never see it.
    dave.ws.send('hi from B')
    await until(() => dave.messages.find((m) => m.includes('hi from B')), 'own message on B')
    expect(carol.messages.join()).not.toContain('hi r1')
    expect(dave.messages.join()).not.toContain('hi r1')
    expect(alice.messages.join()).not.toContain('hi from B')
    for (const c of [alice, carol, dave]) c.ws.close()
  })

  it('echoes at /echo in the words of the seed server.js', async () => {
    const client = await open(`ws://127.0.0.1:${portA}/echo`)
    client.ws.send('hello')
    expect(await until(() => client.messages[0], 'echo')).toBe('Server received from client: hello')
    client.ws.close()
  })

  it('refuses an HTTP/1.0 upgrade with 400 when strict, accepts it when lenient', async () => {
    const request = `GET / HTTP/1.0\r\nHost: x\r\nUpgrade: websocket\r\nConnection: upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`
    expect(await rawExchange(portA, request)).toBe('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 26\r\nConnection: close\r\n\r\nupgrade requires HTTP/1.1\n')
    a.strict = false
    try {
      expect(await rawExchange(portA, request, 300)).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/)
    } finally {
      a.strict = true
    }
  })

  it('answers plain HTTP: a page, a health check, 404, and 426 to a handshake that lost its Upgrade', async () => {
    const page = await fetch(`http://127.0.0.1:${portA}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('instance A')
    expect(await (await fetch(`http://127.0.0.1:${portB}/health`)).json()).toEqual({ status: 'ok', instance: 'B', websockets: 0 })
    expect((await fetch(`http://127.0.0.1:${portA}/nope`)).status).toBe(404)
    const lost = await rawExchange(portA, 'GET / HTTP/1.1\r\nHost: x\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nConnection: close\r\n\r\n')
    expect(lost).toMatch(/^HTTP\/1\.1 426 Upgrade Required\r\n/)
  })

  it('closes a message over the size limit with 1009', async () => {
    const small = new ChatServer({ instance: 'S', maxMessageBytes: 100 })
    const [port] = await freePorts(1)
    await small.listen(port, '127.0.0.1')
    const client = await open(`ws://127.0.0.1:${port}/echo`)
    const closed = new Promise<number>((resolve) => client.ws.once('close', (code) => resolve(code)))
    client.ws.send('x'.repeat(101))
    expect(await closed).toBe(1009)
    await small.close()
  })

  it('runs on its own as `upgrade-lab chat --echo`, as the seed exercise needs', async () => {
    const [port] = await freePorts(1)
    const child = spawn(UPGRADE_LAB_BIN, ['chat', '--port', String(port), '--echo'], { stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      let out = ''
      child.stdout.on('data', (c) => (out += c))
      await until(() => (out.includes('ready') ? true : undefined), 'ready', 15_000)
      const client = await open(`ws://127.0.0.1:${port}/`)
      client.ws.send('from wscat')
      expect(await until(() => client.messages[0], 'echo')).toBe('Server received from client: from wscat')
      client.ws.close()
      await until(() => (out.includes('Received from client: from wscat') ? true : undefined), 'console line')
    } finally {
      child.kill('SIGTERM')
    }
    const code = await new Promise((resolve) => child.once('exit', (c) => resolve(c)))
    expect(code).toBe(0)
  })
})

const available = nginxAvailable()

describe('a config without the Upgrade header', () => {
  it.skipIf(!available)('gives the browser the same handshake failure through the lab as through real nginx', async () => {
    const broken = CANONICAL.replace('            proxy_set_header Upgrade $http_upgrade;\n', '')
    const [chatPort, nginxPort] = await freePorts(2)
    const chat = new ChatServer({ instance: 'A' })
    await chat.listen(chatPort, '127.0.0.1')
    const dir = mkdtempSync(join(tmpdir(), 'ul-lab-nginx-'))
    const conf = join(dir, 'nginx.conf')
    writeFileSync(conf, broken.replace('127.0.0.1:8010', `127.0.0.1:${chatPort}`).replace('listen 8020;', `listen 127.0.0.1:${nginxPort};`).replace('http {', 'http {\n    access_log access.log;'))
    let nginx: RunningProcess | null = null
    const lab = await startTestLab()
    try {
      nginx = await startNginx(dir, conf)
      const viaNginx = new WebSocket(`ws://127.0.0.1:${nginxPort}/?nick=alice`, { perMessageDeflate: false })
      const nginxAnswer = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve) =>
        viaNginx.once('unexpected-response', (_req, res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        }),
      )
      viaNginx.on('error', () => {})

      const id = await lab.session(broken)
      const viaLab = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/?nick=alice')
      viaLab.ws.on('error', () => {})
      const labAnswer = await viaLab.unexpected

      const comparable = (a: { status: number; headers: Record<string, unknown>; body: string }): unknown => ({
        status: a.status,
        headers: { ...a.headers, date: undefined },
        body: a.body,
      })
      expect(nginxAnswer.status).toBe(426)
      expect(comparable(labAnswer)).toEqual(comparable(nginxAnswer))
    } finally {
      await nginx?.stop()
      await lab.close()
      await chat.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
