/**
 * Faults and limits: a client that never reads, a session that floods, the size and count
 * limits with their errors, and idle sessions freed with everything they held. (A backend killed
 * mid-conversation, and its recovery, is in sessions.test.ts, "backend controls".)
 */
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { CANONICAL, LabClient, startTestLab } from '../support/lab.ts'

const HANDSHAKE = (session: string, path: string): string =>
  `GET /lab/${session}/bob@localhost:8020${path} HTTP/1.1\r\nHost: lab\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`

describe('a client that never reads', () => {
  it('holds a bounded amount of memory while its room talks, and is cut off', async () => {
    const lab = await startTestLab({ messagesPerSecond: 100_000, messageBytes: 64 * 1024 })
    try {
      const id = await lab.session(CANONICAL)
      const session = lab.lab.sessions.get(id)!
      const backend = session.backends.get('127.0.0.1:8010')!
      // A raw socket that sends the handshake and then never reads a byte.
      const stuck = connect(lab.port, '127.0.0.1')
      stuck.write(HANDSHAKE(id, '/?room=r&nick=stuck'))
      stuck.pause()
      const talker = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/?room=r&nick=talker')
      await talker.opened
      await talker.chat('welcome')
      while (backend.connectionCount < 2) await new Promise((resolve) => setImmediate(resolve))

      // Live memory (after a collection): JS heap plus buffers.
      const live = (): number => {
        globalThis.gc?.()
        const m = process.memoryUsage()
        return m.heapUsed + m.external
      }
      expect(globalThis.gc).toBeTypeOf('function')
      const before = live()
      let peak = before
      const filler = 'x'.repeat(32 * 1024)
      let sent = 0
      // Up to 192 MiB of broadcasts to a reader that takes none of it (the kernel's socket
      // buffers on loopback take some of it before the lab holds any). The talker reads its own
      // copy of every 16th message before going on, so what it sends has passed through the lab.
      while (sent < 6144 && backend.connectionCount === 2) {
        sent++
        talker.ws.send(`${sent} ${filler}`)
        if (sent % 16 === 0) {
          const mark = `"text":"${sent} `
          await talker.next((m) => m.includes(mark))
          talker.messages.length = 0
        }
        if (sent % 256 === 0) peak = Math.max(peak, live())
      }
      while (backend.connectionCount > 1) await new Promise((resolve) => setTimeout(resolve, 10))
      expect(sent).toBeLessThan(6144)
      expect((peak - before) / 1024 / 1024).toBeLessThan(16)
      // The room goes on for those who read.
      talker.ws.send('still talking')
      await talker.chat('message', 'still talking')
      talker.close()
      stuck.destroy()
    } finally {
      await lab.close()
    }
  })
})

describe('a session flooding messages', () => {
  it('trips its own limit (close 1008) while another session chats undisturbed', async () => {
    const lab = await startTestLab({ messagesPerSecond: 20 })
    try {
      const flooder = await lab.session(CANONICAL)
      const quiet = await lab.session(CANONICAL)
      const flood = new LabClient(lab.port, flooder, 'alice', 'localhost:8020', '/echo')
      const calm = new LabClient(lab.port, quiet, 'bob', 'localhost:8020', '/echo')
      await Promise.all([flood.opened, calm.opened])
      for (let i = 0; i < 100; i++) flood.ws.send(`flood ${i}`)
      const closed = await flood.closed
      expect(closed.code).toBe(1008)
      expect(closed.reason).toBe('more than 20 messages a second in this session')
      for (let i = 0; i < 5; i++) {
        calm.ws.send(`calm ${i}`)
        expect(await calm.next((m) => m.endsWith(`calm ${i}`))).toBe(`Server received from client: calm ${i}`)
      }
      calm.close()
    } finally {
      await lab.close()
    }
  })

  it('closes a message over the size limit with 1009', async () => {
    const lab = await startTestLab({ messageBytes: 1000 })
    try {
      const id = await lab.session(CANONICAL)
      const client = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/echo')
      await client.opened
      client.ws.send('y'.repeat(1001))
      const closed = await client.closed
      expect(closed).toEqual({ code: 1009, reason: 'message of 1001 bytes is over the limit of 1000' })
    } finally {
      await lab.close()
    }
  })
})

describe('limits', () => {
  it('refuses a config over 64 KiB with 413', async () => {
    const lab = await startTestLab()
    try {
      const id = await lab.session()
      const big = CANONICAL + '#'.repeat(64 * 1024)
      const refused = await lab.api<{ error: string; limit: string }>('POST', `/api/sessions/${id}/apply`, { config: big })
      expect(refused.status).toBe(413)
      expect(refused.body.error).toMatch(/^config of \d+ bytes is over the limit of 65536 bytes$/)
    } finally {
      await lab.close()
    }
  })

  it('limits sessions per client address and connections per session with 429', async () => {
    const lab = await startTestLab({ sessionsPerAddress: 2, connectionsPerSession: 2 })
    try {
      const id = await lab.session(CANONICAL)
      await lab.session()
      const third = await lab.api<{ error: string }>('POST', '/api/sessions')
      expect(third.status).toBe(429)
      expect(third.body.error).toContain('too many sessions from your address (limit 2)')

      const a = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/echo')
      const b = new LabClient(lab.port, id, 'bob', 'localhost:8020', '/echo')
      await Promise.all([a.opened, b.opened])
      const c = new LabClient(lab.port, id, 'carol', 'localhost:8020', '/echo')
      const refused = await c.unexpected
      expect(refused.status).toBe(429)
      expect(refused.body).toBe('too many open connections in this session (limit 2)\n')
      a.close()
      b.close()
    } finally {
      await lab.close()
    }
  })

  it('frees an idle session and everything it held', async () => {
    const lab = await startTestLab({ idleSessionMs: 300 })
    try {
      const id = await lab.session(CANONICAL)
      const session = lab.lab.sessions.get(id)!
      const client = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/echo')
      await client.opened
      client.close()
      await client.closed
      while (lab.lab.sessions.get(id)) await new Promise((resolve) => setTimeout(resolve, 50))
      expect(session.isClosed).toBe(true)
      expect(session.openConnections).toBe(0)
      expect([...session.backends.values()].every((b) => b.connectionCount === 0 && !b.http.listening)).toBe(true)
      expect((await lab.api('GET', `/api/sessions/${id}`)).status).toBe(404)
    } finally {
      await lab.close()
    }
  })
})
