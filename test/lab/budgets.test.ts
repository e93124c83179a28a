/**
 * The lab's budgets, one by one, as a visitor meets them: what the answer is, what the error log
 * says (nginx's own line for the failure), what the trace says (the lab's word), and that the
 * session goes on. Then containment: a session whose work throws or holds the event loop is
 * stopped and told why, the others are not touched; and the session's own memory stays bounded.
 */
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { LAB_BUDGET } from '../../server/sandbox/session.ts'
import { wrap } from '../support/attacks.ts'
import { CANONICAL, LabClient, startTestLab, type TestLab } from '../support/lab.ts'

interface RawAnswer {
  response: string
  events: Array<{ type: string; [key: string]: unknown }>
}

const get = (path: string, extra = ''): string => `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${extra}\r\n`

async function raw(lab: TestLab, id: string, request: string): Promise<RawAnswer> {
  const answer = await lab.api<RawAnswer>('POST', `/api/sessions/${id}/raw`, { request, port: 8020 })
  expect(answer.status).toBe(200)
  return answer.body
}

async function errorLog(lab: TestLab, id: string): Promise<string[]> {
  const logs = await lab.api<{ files: Record<string, string[]> }>('GET', `/api/sessions/${id}/logs`)
  return logs.body.files['/var/log/nginx/error.log'] ?? []
}

describe('budgets', () => {
  it('stops a value doubled past the budget with nginx\'s failed allocation: 500, [emerg] malloc() failed, a budget event', async () => {
    const lab = await startTestLab()
    try {
      const doublings = Array.from({ length: 30 }, () => 'set $a $a$a;').join(' ')
      const id = await lab.session(wrap(`        location / { set $a x; ${doublings} return 200 $a; }\n        location /ok { return 200 fine; }`))
      const answer = await raw(lab, id, get('/'))
      expect(answer.response).toMatch(/^HTTP\/1\.1 500 Internal Server Error\r\n/)
      expect(answer.response).toContain('Connection: close')
      const budget = answer.events.find((e) => e.type === 'budget')
      expect(budget).toMatchObject({ kind: 'value-size' })
      expect(String(budget?.detail)).toContain(String(LAB_BUDGET.valueBytes))
      const log = await errorLog(lab, id)
      expect(log.at(-1)).toMatch(/\[emerg\] 4242#4242: \*\d+ malloc\(\d+\) failed \(12: Cannot allocate memory\), client: 203\.0\.113\.10/)
      // The session goes on.
      expect((await raw(lab, id, get('/ok'))).response).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*fine$/)
    } finally {
      await lab.close()
    }
  })

  it('loses an access log line that goes over the budget, as nginx loses one it cannot allocate, and answers the request', async () => {
    const lab = await startTestLab()
    try {
      const format = Array.from({ length: 13 }, () => `'${'$request'.repeat(500)}'`).join(' ')
      const id = await lab.session(wrap('        access_log /var/log/nginx/big.log big;\n        location / { return 200 ok; }', `    log_format big ${format};`))
      const answer = await raw(lab, id, get('/' + 'r'.repeat(4000)))
      expect(answer.response).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
      expect(answer.events.some((e) => e.type === 'log.access')).toBe(false)
      expect(answer.events.find((e) => e.type === 'budget')).toMatchObject({ kind: 'value-size' })
      expect((await errorLog(lab, id)).some((line) => line.includes('malloc('))).toBe(true)
    } finally {
      await lab.close()
    }
  })

  it('stops a cycle of volatile maps (nginx would spin) at the evaluation budget, with a 500', async () => {
    const lab = await startTestLab()
    try {
      const id = await lab.session(wrap('        location / { return 200 "[$b]"; }', '    map $b $c { volatile; default $b$b; }\n    map $c $b { volatile; default $c$c; }'))
      const started = performance.now()
      const answer = await raw(lab, id, get('/'))
      expect(performance.now() - started).toBeLessThan(2000)
      expect(answer.response).toMatch(/^HTTP\/1\.1 500 /)
      expect(answer.events.find((e) => e.type === 'budget')).toMatchObject({ kind: 'evaluations' })
    } finally {
      await lab.close()
    }
  })

  it('fails a backtracking regex past its time as nginx fails one past PCRE2\'s match limit: [alert] pcre2_match() failed: -47, 500', async () => {
    const lab = await startTestLab()
    try {
      const id = await lab.session(wrap('        location ~ ^/((a+)+)\\1$ { return 200 hit; }\n        location / { return 404; }'))
      const subject = '/' + 'a'.repeat(60) + '!'
      const answer = await raw(lab, id, get(subject))
      expect(answer.response).toMatch(/^HTTP\/1\.1 500 /)
      expect(answer.events.find((e) => e.type === 'budget')).toMatchObject({ kind: 'regex' })
      expect((await errorLog(lab, id)).at(-1)).toContain(`[alert] 4242#4242: *1 pcre2_match() failed: -47 on "${subject}" using "^/((a+)+)\\1$", client: 203.0.113.10`)
      // A match the backtracking engine finishes at once still answers.
      expect((await raw(lab, id, get('/aa'))).response).toMatch(/^HTTP\/1\.1 200 OK/)
    } finally {
      await lab.close()
    }
  })

  it('closes the connection, as nginx does, when a server_name regex goes over its limit: [alert] line, 500 in the access log, no answer', async () => {
    const lab = await startTestLab()
    try {
      const id = await lab.session(wrap('        location / { return 200 ok; }\n    }\n    server {\n        listen 8020;\n        server_name "~^((a+)+)\\1$";\n        location / { return 200 regex; }'))
      const host = 'a'.repeat(60) + '!'
      const answer = await raw(lab, id, `GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)
      expect(answer.response).toBe('')
      expect(answer.events.find((e) => e.type === 'budget')).toMatchObject({ kind: 'regex' })
      expect((await errorLog(lab, id)).at(-1)).toContain(`[alert] 4242#4242: *1 pcre2_match() failed: -47 on "${host}" using "^((a+)+)\\1$"`)
      const access = (await lab.api<{ files: Record<string, string[]> }>('GET', `/api/sessions/${id}/logs`)).body.files['/var/log/nginx/access.log']
      expect(access.at(-1)).toMatch(/"GET \/ HTTP\/1\.1" 500 0 /)
    } finally {
      await lab.close()
    }
  })

  it('answers a regex that backtracks catastrophically in JavaScript at once (linear engine)', async () => {
    const lab = await startTestLab()
    try {
      const id = await lab.session(wrap('        location ~ ^/(a+)+$ { return 200 hit; }\n        location / { return 404; }'))
      const started = performance.now()
      expect((await raw(lab, id, get('/' + 'a'.repeat(8000) + '!'))).response).toMatch(/^HTTP\/1\.1 404 /)
      expect((await raw(lab, id, get('/' + 'a'.repeat(8000)))).response).toMatch(/^HTTP\/1\.1 200 /)
      expect(performance.now() - started).toBeLessThan(2000)
      // nginx's PCRE2 would have given up on the first one (-47, a 500): the session is told, once.
      const history: Array<{ type: string; pattern?: string; note?: string }> = []
      lab.lab.sessions.get(id)!.subscribe((event) => history.push(event as never))()
      const notes = history.filter((e) => e.type === 'regex.linear')
      expect(notes).toHaveLength(1)
      expect(notes[0]).toMatchObject({ pattern: '^/(a+)+$' })
      expect(notes[0].note).toContain('pcre2_match() failed: -47')
    } finally {
      await lab.close()
    }
  })

  it('refuses a request body bigger than it holds in memory with nginx\'s 413 page, saying the lab refused', async () => {
    const lab = await startTestLab()
    try {
      const id = await lab.session(wrap('        client_max_body_size 0;\n        location / { proxy_pass http://127.0.0.1:8010; }'))
      const answer = await raw(lab, id, `POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${LAB_BUDGET.bodyBytes + 1}\r\n\r\nxx`)
      expect(answer.response).toMatch(/^HTTP\/1\.1 413 Request Entity Too Large\r\n/)
      expect(String(answer.events.find((e) => e.type === 'budget')?.detail)).toMatch(/temporary file/)
    } finally {
      await lab.close()
    }
  })

  it('stops reading a client whose bytes nobody takes yet (the proxy still connecting), instead of buffering them', async () => {
    const lab = await startTestLab({ messageBytes: 1 << 30, messagesPerSecond: 1e9 })
    try {
      const id = await lab.session(wrap('        location / { proxy_pass http://192.0.2.1:8010; proxy_connect_timeout 30s; }'))
      const socket = connect(lab.port, '127.0.0.1')
      socket.on('error', () => {})
      socket.write(`GET /lab/${id}/alice@localhost:8020/ HTTP/1.1\r\nHost: lab\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`)
      // One frame declaring 2^40 bytes, then its payload for as long as the lab takes it.
      socket.write(Buffer.from([0x82, 0xff, 0, 0, 0x01, 0, 0, 0, 0, 0, 1, 2, 3, 4]))
      const chunk = Buffer.alloc(64 * 1024, 0x61)
      let written = 0
      const before = process.memoryUsage().arrayBuffers
      // Write until the lab stops reading: the socket's buffer fills and write() says so.
      for (let i = 0; i < 2000 && socket.write(chunk); i++) written += chunk.length
      await new Promise((resolve) => setTimeout(resolve, 300))
      for (let i = 0; i < 200 && socket.write(chunk); i++) written += chunk.length
      // Far below the 128 MiB a reader that never stops would have taken by now.
      expect(written).toBeLessThan(32 * 1024 * 1024)
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024)
      socket.destroy()
    } finally {
      await lab.close()
    }
  })
})

describe('timers past Node\'s range', () => {
  it('keeps a tunnel with proxy_read_timeout 30d open (Node would have fired it after 1 ms) and warns nothing', async () => {
    const lab = await startTestLab()
    const warnings: string[] = []
    const onWarning = (warning: Error): void => void warnings.push(warning.name)
    process.on('warning', onWarning)
    try {
      const id = await lab.session(CANONICAL.replace('proxy_http_version 1.1;', 'proxy_http_version 1.1;\n            proxy_read_timeout 30d;'))
      const alice = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/?nick=alice')
      await alice.opened
      await alice.chat('welcome')
      await new Promise((resolve) => setTimeout(resolve, 200))
      alice.ws.send('still here')
      expect(await alice.chat('message', 'still here')).toMatchObject({ nick: 'alice' })
      expect(warnings).not.toContain('TimeoutOverflowWarning')
      alice.close()
    } finally {
      process.off('warning', onWarning)
      await lab.close()
    }
  })
})

describe('containment', () => {
  it('stops a session whose work throws, tells its visitor why, and leaves the others alone', async () => {
    const lab = await startTestLab()
    try {
      const victim = await lab.session(CANONICAL)
      const broken = await lab.session(CANONICAL)
      const bob = new LabClient(lab.port, victim, 'bob', 'localhost:8020', '/?nick=bob')
      await bob.opened
      await bob.chat('welcome')
      // A bug reached through traffic: the next piece of the session's work throws.
      lab.lab.sessions.get(broken)!.guard(() => {
        throw new TypeError('an engine bug')
      })
      const gone = await lab.api<{ error: string }>('GET', `/api/sessions/${broken}`)
      expect(gone.status).toBe(410)
      expect(gone.body.error).toContain('an internal error')
      bob.ws.send('unaffected')
      expect(await bob.chat('message', 'unaffected')).toMatchObject({ nick: 'bob' })
      bob.close()
    } finally {
      await lab.close()
    }
  })

  it('stops a session whose work held the event loop past the block budget, ending its event stream with why', async () => {
    const lab = await startTestLab()
    try {
      const id = await lab.session(CANONICAL)
      const { default: WebSocket } = await import('ws')
      const events = new WebSocket(`ws://127.0.0.1:${lab.port}/api/sessions/${id}/events`)
      const received: Array<{ type: string; reason?: string }> = []
      events.on('message', (data) => received.push(JSON.parse(String(data))))
      const closed = new Promise<{ code: number; reason: string }>((resolve) => events.once('close', (code, reason) => resolve({ code, reason: String(reason) })))
      await new Promise((resolve) => events.once('open', resolve))
      lab.lab.sessions.get(id)!.guard(() => {
        const until = performance.now() + 300
        while (performance.now() < until);
      })
      const end = await closed
      expect(end.code).toBe(1011)
      expect(end.reason).toMatch(/^session stopped: one step of this session held the lab for 3\d\d ms/)
      expect(received.at(-1)).toMatchObject({ type: 'session.stopped' })
      expect((await lab.api('GET', `/api/sessions/${id}`)).status).toBe(410)
    } finally {
      await lab.close()
    }
  })
})

describe('memory a session keeps', () => {
  it('keeps a bounded event history, log and diagnostics however much a visitor makes', async () => {
    const lab = await startTestLab({ messagesPerSecond: 1e6 })
    try {
      const id = await lab.session(wrap('        location / { return 200 ok; }'))
      const session = lab.lab.sessions.get(id)!
      const refused = await lab.api<{ diagnostics: unknown[]; diagnosticsOmitted: number }>('POST', `/api/sessions/${id}/apply`, { config: 'x;'.repeat(30_000) })
      expect(refused.status).toBe(422)
      expect(refused.body.diagnostics).toHaveLength(100)
      expect(refused.body.diagnosticsOmitted).toBe(30_001 - 100)
      // Requests with the longest heads a visitor can send, many times over.
      for (let i = 0; i < 60; i++) await raw(lab, id, get('/' + 'u'.repeat(6000), `X-Pad: ${'p'.repeat(6000)}\r\n`))
      const history: unknown[] = []
      session.subscribe((event) => history.push(event))()
      expect(history.length).toBeLessThanOrEqual(50)
      expect(JSON.stringify(history).length).toBeLessThan(512 * 1024)
      const logs = await lab.api<{ files: Record<string, string[]> }>('GET', `/api/sessions/${id}/logs`)
      for (const lines of Object.values(logs.body.files)) expect(lines.join('\n').length).toBeLessThanOrEqual(64 * 1024 + 8 * 1024)
    } finally {
      await lab.close()
    }
  })
})
