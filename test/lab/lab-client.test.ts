/**
 * The playground's client of the lab (components/lab/) against a real lab in this process:
 * LabApi's calls and errors, the event-stream reader's resumption, and LabSession renewing a
 * session that went away and waiting out a lab that cannot be reached. `ws`'s WebSocket stands
 * in for the browser's, Node's fetch for the browser's.
 */
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import type { Duplex } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { EventStream, type LostEvents, type StreamState } from '../../components/lab/event-stream.ts'
import { LabApi } from '../../components/lab/lab-api.ts'
import { LabError } from '../../components/lab/lab-errors.ts'
import { LabSession } from '../../components/lab/lab-session.ts'
import { createLabServer } from '../../server/sandbox/lab-server.ts'
import { DEFAULT_LIMITS } from '../../server/sandbox/limits.ts'
import type { NumberedEvent } from '../../server/sandbox/session.ts'
import { CANONICAL, startTestLab, type TestLab } from '../support/lab.ts'

const GET = 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'
const BROKEN = CANONICAL.replace('proxy_http_version 1.1;', 'proxy_http_version;')
const WITH_LOG = CANONICAL.replace('http {', 'http {\n    access_log /var/log/nginx/access.log;')

/** A promise and its resolve, for a callback to settle. */
function signal<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/** What an event-stream reader heard, with waits on it. */
class Heard {
  readonly events: NumberedEvent[] = []
  readonly states: StreamState[] = []
  readonly lost: LostEvents[] = []
  private waiters: Array<() => void> = []

  onEvent = (event: NumberedEvent): void => this.push(() => this.events.push(event))
  onState = (state: StreamState): void => this.push(() => this.states.push(state))
  onLost = (lost: LostEvents): void => this.push(() => this.lost.push(lost))

  get seqs(): number[] {
    return this.events.map((e) => e.seq)
  }

  /** Resolves once `test` holds (checked at each callback). */
  async until(test: (heard: this) => boolean): Promise<void> {
    while (!test(this)) await new Promise<void>((resolve) => this.waiters.push(resolve))
  }

  private push(record: () => void): void {
    record()
    for (const wake of this.waiters.splice(0)) wake()
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i)
}

/** The LabError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<LabError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(LabError)
    return error as LabError
  }
  throw new Error('expected a LabError')
}

/** A loopback port nothing listens on (it was free a moment ago). */
async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (typeof address !== 'object' || address === null) throw new Error('no port')
  return address.port
}

/** A chat client through the lab, as the playground's would be. */
async function chatClient(url: string): Promise<{ ws: WebSocket; next: (test: (m: string) => boolean) => Promise<string> }> {
  const ws = new WebSocket(url, { perMessageDeflate: false })
  const messages: string[] = []
  const waiters: Array<() => void> = []
  ws.on('message', (data) => {
    messages.push(String(data))
    for (const wake of waiters.splice(0)) wake()
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  const next = async (test: (m: string) => boolean): Promise<string> => {
    for (;;) {
      const found = messages.find(test)
      if (found !== undefined) return found
      await new Promise<void>((resolve) => waiters.push(resolve))
    }
  }
  return { ws, next }
}

let lab: TestLab
let api: LabApi
/** The lab server's side of each event-stream connection, and the URL it was asked for. */
const streamSockets: Array<{ url: string; socket: Duplex }> = []

beforeAll(async () => {
  lab = await startTestLab({ messagesPerSecond: 1000 })
  api = new LabApi({ base: `http://127.0.0.1:${lab.port}` })
  // Beside the lab's own upgrade handler: the test can cut a stream from the server's side.
  lab.lab.http.on('upgrade', (req, socket: Duplex) => {
    if (req.url?.includes('/events')) streamSockets.push({ url: req.url, socket })
  })
})
afterAll(async () => {
  await lab.close()
})

describe('LabApi', () => {
  it('creates a session, applies the canonical config, and answers a refused one with its diagnostics (422 is an answer)', async () => {
    const created = await api.createSession()
    expect(created).toMatchObject({ config: null, files: {}, configFile: '/etc/nginx/nginx.conf', nginxVersion: '1.22.1', clockScale: 1, ports: [] })
    expect(created.backends.map((b) => [b.name, b.address, b.running])).toEqual([
      ['A', '127.0.0.1:8010', true],
      ['B', '127.0.0.1:8011', true],
      ['C', '127.0.0.1:8012', true],
    ])
    expect(created.clients).toContainEqual({ name: 'alice', address: '203.0.113.10' })
    expect(created.limits.messagesPerSecond).toBe(1000)
    expect((await api.getSession(created.id)).id).toBe(created.id)

    expect(await api.check(created.id, { config: CANONICAL })).toEqual({ ok: true, diagnostics: expect.any(Array), diagnosticsOmitted: 0 })
    const applied = await api.apply(created.id, { config: CANONICAL, clockScale: 2 })
    expect(applied).toMatchObject({ applied: true, diagnosticsOmitted: 0, session: { config: CANONICAL, ports: [8020], clockScale: 2 } })

    const refused = await api.apply(created.id, { config: BROKEN })
    expect(refused.applied).toBe(false)
    expect(refused.diagnostics).toContainEqual(expect.objectContaining({ severity: 'emerg', message: 'invalid number of arguments in "proxy_http_version" directive' }))
    // The running config keeps serving.
    expect(refused.session.config).toBe(CANONICAL)
    expect((await api.check(created.id, { config: BROKEN })).ok).toBe(false)
    await api.deleteSession(created.id)
    expect((await failure(api.getSession(created.id))).kind).toBe('not-found')
  })

  it('sends a raw request and returns the exact answer with its trace', async () => {
    const { id } = await api.createSession()
    await api.apply(id, { config: CANONICAL })
    const answer = await api.raw(id, { request: GET, port: 8020, client: 'bob' })
    expect(answer.response).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    // Complete by its length: the lab stopped waiting before the proxy closed.
    expect(answer.closedByProxy).toBe(false)
    expect(answer.events[0]).toMatchObject({ type: 'connection.accepted', client: expect.stringMatching(/^203\.0\.113\.11:/) })
    expect(answer.events.map((e) => e.type)).toContain('upstream.response')
    await api.deleteSession(id)
  })

  it('changes a backend and reads the logs', async () => {
    const { id } = await api.createSession()
    await api.apply(id, { config: WITH_LOG })
    const changed = await api.setBackend(id, 'B', { latencyMs: 5, answerPings: false })
    expect(changed.backends.find((b) => b.name === 'B')).toMatchObject({ latencyMs: 5, answerPings: false, running: true })
    const stopped = await api.setBackend(id, 'A', { running: false })
    expect(stopped.backends.find((b) => b.name === 'A')?.running).toBe(false)
    // A stopped backend: nginx logs the refused connect, and answers 502.
    expect((await api.raw(id, { request: GET, port: 8020 })).response).toMatch(/^HTTP\/1\.1 502 /)
    const logs = await api.logs(id)
    expect(logs.files['/var/log/nginx/access.log']).toEqual([expect.stringMatching(/^203\.0\.113\.10 - - \[.*\] "GET \/health HTTP\/1\.1" 502 /)])
    expect(Object.values(logs.files).flat().join('\n')).toContain('(111: Connection refused)')
    expect((await failure(api.setBackend(id, 'Z', { running: false }))).kind).toBe('not-found')
    await api.deleteSession(id)
  })

  it('turns each error status into its kind, with the server message and limit', async () => {
    const { id } = await api.createSession()
    const bad = await failure(api.apply(id, { config: CANONICAL, files: { 'sites-enabled/chat.conf': 'x' } }))
    expect(bad).toMatchObject({ kind: 'bad-input', status: 400, limit: undefined })
    expect(bad.serverMessage).toContain('is not absolute')
    expect(bad.sentence('en')).toContain(bad.serverMessage.replace(/\.$/, ''))
    expect((await failure(api.check(id, { config: CANONICAL, nginxVersion: '1.99.0' }))).kind).toBe('bad-input')
    expect((await failure(api.raw(id, { request: GET, port: 8020, client: 'mallory' }))).serverMessage).toContain('unknown client "mallory"')

    const missing = await failure(api.getSession('AAAAAAAAAAAAAAAAAAAAAA'))
    expect(missing).toMatchObject({ kind: 'not-found', status: 404 })

    // 410: the lab stopped the session (containment; here told to directly).
    lab.lab.sessions.get(id)!.stop('a test stopped it')
    const gone = await failure(api.apply(id, { config: CANONICAL }))
    expect(gone).toMatchObject({ kind: 'gone', status: 410 })
    expect(gone.sentence('en')).toContain('(a test stopped it)')
  })

  it('reports 413 and 429 limits by name, Retry-After included', async () => {
    const small = await startTestLab({ configBytes: 1000, sessionsPerAddress: 2, messagesPerSecond: 1 })
    try {
      const smallApi = new LabApi({ base: `http://127.0.0.1:${small.port}/` })
      const { id } = await smallApi.createSession()
      const large = await failure(smallApi.apply(id, { config: CANONICAL + '#'.repeat(1000) }))
      expect(large).toMatchObject({ kind: 'too-large', status: 413, limit: 'configBytes' })
      expect(large.sentence('zh')).toContain('请缩小配置')

      await smallApi.apply(id, { config: CANONICAL })
      await smallApi.raw(id, { request: GET, port: 8020 })
      const rate = await failure(smallApi.raw(id, { request: GET, port: 8020 }))
      expect(rate).toMatchObject({ kind: 'limit', status: 429, limit: 'messagesPerSecond' })

      await smallApi.createSession()
      const full = await failure(smallApi.createSession())
      expect(full).toMatchObject({ kind: 'limit', status: 429, limit: 'sessionsPerAddress' })
      expect(full.sentence('en')).toMatch(/too many sessions from your address \(limit 2\).*Close some lab tabs/)
    } finally {
      await small.close()
    }
    const burst = await startTestLab({ sessionBurstPerAddress: 1, sessionRatePerAddress: 0.01 })
    try {
      const burstApi = new LabApi({ base: `http://127.0.0.1:${burst.port}` })
      await burstApi.createSession()
      const fast = await failure(burstApi.createSession())
      expect(fast).toMatchObject({ kind: 'limit', limit: 'sessionRatePerAddress' })
      expect(fast.retryAfterSeconds).toBeGreaterThan(0)
    } finally {
      await burst.close()
    }
  })

  it('reports 409 when a check of the session is already waiting', async () => {
    // A config that takes the check worker a while, so that the later checks queue behind it.
    const keys = Array.from({ length: 2500 }, (_, i) => `        /k${i} v${i};`).join('\n')
    const slow = CANONICAL.replace('http {', `http {\n    map $uri $v {\n${keys}\n    }`)
    const { id } = await api.createSession()
    const answers = await Promise.allSettled(range(1, 4).map(() => api.check(id, { config: slow })))
    const errors = answers.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason as LabError)
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.every((e) => e.kind === 'busy' && e.status === 409)).toBe(true)
    await api.deleteSession(id)
  })

  it('makes a failed fetch `unreachable` and a body that is not JSON `protocol`', async () => {
    const nowhere = new LabApi({ base: `http://127.0.0.1:${await freePort()}` })
    const unreachable = await failure(nowhere.createSession())
    expect(unreachable).toMatchObject({ kind: 'unreachable', status: 0 })
    expect(unreachable.cause).toBeInstanceOf(TypeError)

    // Something else answering on the lab's address: an HTML page, 200 and 502.
    const html: Server = createHttpServer((req, res) => {
      res.writeHead(req.method === 'POST' ? 200 : 502, { 'Content-Type': 'text/html' })
      res.end('<html>not the lab</html>')
    })
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve))
    try {
      const port = (html.address() as { port: number }).port
      const stranger = new LabApi({ base: `http://127.0.0.1:${port}` })
      const protocol = await failure(stranger.createSession())
      expect(protocol).toMatchObject({ kind: 'protocol', status: 200 })
      const gateway = await failure(stranger.getSession('AAAAAAAAAAAAAAAAAAAAAA'))
      expect(gateway).toMatchObject({ kind: 'unreachable', status: 502, serverMessage: '<html>not the lab</html>' })
    } finally {
      html.closeAllConnections()
      await new Promise<void>((resolve) => html.close(() => resolve()))
    }
  })

  it('builds the event stream and client URLs', () => {
    const id = 'AbCdEfGhIjKlMnOp_-12'
    expect(api.eventsUrl(id)).toBe(`ws://127.0.0.1:${lab.port}/api/sessions/${id}/events`)
    expect(api.eventsUrl(id, 42)).toBe(`ws://127.0.0.1:${lab.port}/api/sessions/${id}/events?after=42`)
    expect(new LabApi({ base: 'https://lab.example/' }).eventsUrl(id, 0)).toBe(`wss://lab.example/api/sessions/${id}/events?after=0`)
    expect(new LabApi({ base: 'https://lab.example/sub/' }).clientUrl(id, { client: 'bob', host: 'chat.example', port: 443, path: '/ws' })).toBe(
      `wss://lab.example/sub/lab/${id}/bob@chat.example:443/ws`,
    )
    expect(api.clientUrl(id, { client: 'alice', host: 'localhost', port: 8020, path: '/chat room/é?nick=ä b&x="1"' })).toBe(
      `ws://127.0.0.1:${lab.port}/lab/${id}/alice@localhost:8020/chat%20room/%C3%A9?nick=%C3%A4%20b&x=%221%22`,
    )
    // Escapes pass as they are; a stray % is escaped; \ is not read as /.
    expect(api.clientUrl(id, { client: 'alice', host: '[::1]', port: 80, path: '/a%2Fb/100%/c\\d' })).toBe(`ws://127.0.0.1:${lab.port}/lab/${id}/alice@[::1]:80/a%2Fb/100%25/c%5Cd`)
    for (const [target, words] of [
      [{ path: 'ws' }, 'must start with "/"'],
      [{ path: '/ws#top' }, 'fragment'],
      [{ path: '/a/../admin' }, '".." segment'],
      [{ path: '/a/%2e%2E/admin' }, '".." segment'],
      [{ host: 'exämple.com' }, 'xn--'],
      [{ host: 'a b' }, 'cannot be used'],
      [{ port: 0 }, 'not a port'],
      [{ client: 'Alice' }, 'lowercase'],
      [{ path: '/\ud800' }, 'not valid Unicode'],
    ] as const) {
      const error = (() => {
        try {
          api.clientUrl(id, { client: 'alice', host: 'localhost', port: 80, path: '/', ...target })
        } catch (e) {
          return e as LabError
        }
      })()
      expect(error).toBeInstanceOf(LabError)
      expect(error).toMatchObject({ kind: 'bad-input', status: 0 })
      expect(error!.serverMessage).toContain(words)
    }
    expect(() => api.eventsUrl(id, -1)).toThrow(LabError)
    expect(() => new LabApi({ base: 'ftp://lab' })).toThrow(TypeError)
  })
})

describe('EventStream', () => {
  it('delivers a chat’s trace in seq order, and resumes with `after` after the lab cuts the stream: 1..N, none twice', async () => {
    const { id } = await api.createSession()
    await api.apply(id, { config: CANONICAL })
    const heard = new Heard()
    const first = streamSockets.length
    const stream = new EventStream({ url: (after) => api.eventsUrl(id, after), WebSocket, onEvent: heard.onEvent, onState: heard.onState, onLost: heard.onLost })
    await heard.until((h) => h.states.some((s) => s.state === 'open'))

    const chat = await chatClient(api.clientUrl(id, { client: 'alice', host: 'localhost', port: 8020, path: '/?room=lab&nick=alice' }))
    await chat.next((m) => m.includes('"welcome"'))
    chat.ws.send('one')
    await chat.next((m) => m.includes('"text":"one"'))
    await heard.until((h) => h.events.filter((e) => e.type === 'frame').length >= 3)
    expect(heard.events[0]).toMatchObject({ type: 'session.applied', seq: 1 })
    expect(heard.events.map((e) => e.type)).toEqual(expect.arrayContaining(['connection.accepted', 'request.received', 'upstream.request', 'tunnel.opened', 'frame']))
    expect(heard.events.find((e) => e.type === 'connection.accepted')).toMatchObject({ client: expect.stringMatching(/^203\.0\.113\.10:/) })
    expect(heard.seqs).toEqual(range(1, heard.events.length))

    // The lab's side of the stream goes away without a close frame, while the chat goes on.
    streamSockets[first].socket.destroy()
    await heard.until((h) => h.states.some((s) => s.state === 'retrying'))
    const lastBefore = stream.lastSeq!
    chat.ws.send('two')
    chat.ws.send('three')
    await chat.next((m) => m.includes('"text":"three"'))
    await heard.until((h) => h.events.some((e) => e.type === 'frame' && e.preview?.includes('"text":"three"')))
    expect(streamSockets[first + 1].url).toBe(`/api/sessions/${id}/events?after=${lastBefore}`)
    expect(heard.states.find((s) => s.state === 'retrying')).toMatchObject({ attempt: 1, close: { code: 1006 }, opened: true })
    expect(heard.states.at(-1)).toMatchObject({ state: 'open' })
    expect(heard.seqs).toEqual(range(1, heard.events.length))
    expect(heard.lost).toEqual([])

    chat.ws.close()
    stream.close()
    expect(stream.state).toEqual({ state: 'closed' })
    await api.deleteSession(id)
  })

  it('reports the events the history no longer kept when it resumes past them', async () => {
    const { id } = await api.createSession()
    await api.apply(id, { config: CANONICAL })
    const heard = new Heard()
    // While `blocked`, the reader's attempts go to a session that does not exist (a 404 handshake).
    let blocked = false
    const url = (after?: number): string => api.eventsUrl(blocked ? 'NoSuchSession000' : id, after)
    const stream = new EventStream({ url, WebSocket, onEvent: heard.onEvent, onState: heard.onState, onLost: heard.onLost, initialDelayMs: 10, maxDelayMs: 50 })
    await heard.until((h) => h.events.length === 1)
    blocked = true
    streamSockets.at(-1)!.socket.destroy()
    await heard.until((h) => h.states.some((s) => s.state === 'retrying' && !s.opened))
    // Over 50 events while the reader is away: the history keeps the last 50.
    for (let i = 0; i < 8; i++) await api.raw(id, { request: GET, port: 8020 })
    const last = (await lastSeq(id)) ?? 0
    expect(last).toBeGreaterThan(51)
    blocked = false
    await heard.until((h) => h.events.at(-1)?.seq === last)
    expect(heard.lost).toEqual([{ from: 2, to: last - 50 }])
    expect(heard.seqs).toEqual([1, ...range(last - 49, last)])
    stream.close()
    await api.deleteSession(id)
  })

  it('is `gone`, without retrying, when the lab stops the session or the stream says `after` is not its seq', async () => {
    const { id } = await api.createSession()
    await api.apply(id, { config: CANONICAL })
    const heard = new Heard()
    new EventStream({ url: (after) => api.eventsUrl(id, after), WebSocket, onEvent: heard.onEvent, onState: heard.onState })
    await heard.until((h) => h.events.length === 1)
    lab.lab.sessions.get(id)!.stop('a test stopped it')
    await heard.until((h) => h.states.at(-1)?.state === 'gone')
    expect(heard.events.at(-1)).toMatchObject({ type: 'session.stopped', reason: 'a test stopped it', seq: 2 })
    expect(heard.states.at(-1)).toEqual({ state: 'gone', close: { code: 1011, reason: 'session stopped: a test stopped it' } })
    expect(heard.states.some((s) => s.state === 'retrying')).toBe(false)

    const other = await api.createSession()
    const confused = new Heard()
    new EventStream({ url: (after) => api.eventsUrl(other.id, after), WebSocket, onEvent: confused.onEvent, onState: confused.onState, after: 99 })
    await confused.until((h) => h.states.at(-1)?.state === 'gone')
    expect(confused.states.at(-1)).toEqual({ state: 'gone', close: { code: 1008, reason: `"after" is 99, but this session's last event is 0` } })
    await api.deleteSession(other.id)
  })
})

/** A session's last seq, as a new stream's hello says it. */
async function lastSeq(id: string): Promise<number | undefined> {
  const ws = new WebSocket(api.eventsUrl(id, 0))
  const hello = await new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))))
  ws.close()
  return (JSON.parse(hello) as { lastSeq?: number }).lastSeq
}

describe('LabSession', () => {
  it('renews a session deleted behind its back: a new one, the config and backends applied again, the call retried, the owner told', async () => {
    const heard = new Heard()
    const renewed: Array<{ id: string; why: unknown }> = []
    const session = new LabSession({
      api,
      WebSocket,
      onEvent: heard.onEvent,
      onStreamState: heard.onState,
      onRenewed: (description, why) => renewed.push({ id: description.id, why }),
    })
    try {
      const started = await session.start()
      expect((await session.apply({ config: BROKEN })).applied).toBe(false)
      expect(session.lastAccepted).toBeNull()
      expect((await session.apply({ config: CANONICAL, clockScale: 3, nginxVersion: '1.30.4' })).applied).toBe(true)
      // Without them, an apply keeps the session's version and clock: so must a renewal.
      expect((await session.apply({ config: CANONICAL })).session).toMatchObject({ nginxVersion: '1.30.4', clockScale: 3 })
      await session.setBackend('B', { latencyMs: 7 })
      await session.setBackend('B', { answerPings: false })
      await heard.until((h) => h.events.some((e) => e.type === 'backend.changed' && e.answerPings === false))

      await lab.api('DELETE', `/api/sessions/${started.id}`)
      const answer = await session.raw({ request: GET, port: 8020 })
      expect(answer.response).toMatch(/^HTTP\/1\.1 200 /)
      expect(renewed).toHaveLength(1)
      expect(renewed[0].why).toMatchObject({ kind: 'not-found', status: 404 })
      const description = session.description!
      expect(description.id).toBe(renewed[0].id)
      expect(description.id).not.toBe(started.id)
      expect(description).toMatchObject({ config: CANONICAL, clockScale: 3, nginxVersion: '1.30.4' })
      expect(description.backends.find((b) => b.name === 'B')).toMatchObject({ latencyMs: 7, answerPings: false })
      // The new session's events, from its seq 1 on: the config applied again, then the backend.
      await heard.until((h) => h.events.filter((e) => e.type === 'session.applied').length === 3)
      const fresh = heard.events.slice(heard.seqs.lastIndexOf(1))
      expect(fresh.slice(0, 2)).toMatchObject([{ type: 'session.applied', clockScale: 3 }, { type: 'backend.changed', backend: 'B', latencyMs: 7 }])

      // The same through apply, after the lab stopped the session (410).
      lab.lab.sessions.get(description.id)!.stop('a test stopped it')
      const applied = await session.apply({ config: WITH_LOG })
      expect(applied.applied).toBe(true)
      expect(session.lastAccepted?.config).toBe(WITH_LOG)
      // One renewal, whichever heard first that the session was gone: the call (410) or the stream (1011).
      expect(renewed).toHaveLength(2)
      expect(session.description?.config).toBe(WITH_LOG)
      expect(lab.lab.sessions.get(session.id!)).toBeDefined()
    } finally {
      await session.dispose()
    }
  })

  it('renews on its own when the event stream says the lab stopped the session', async () => {
    const renewed = signal<{ id: string; why: unknown }>()
    const session = new LabSession({ api, WebSocket, onRenewed: (description, why) => renewed.resolve({ id: description.id, why }) })
    try {
      const { id } = await session.start()
      await session.apply({ config: CANONICAL })
      lab.lab.sessions.get(id)!.stop('a test stopped it')
      const { id: next, why } = await renewed.promise
      expect(why).toMatchObject({ state: 'gone', close: { code: 1011 } })
      expect(next).not.toBe(id)
      expect((await session.refresh()).config).toBe(CANONICAL)
    } finally {
      await session.dispose()
    }
    // dispose() freed the session on the lab.
    expect(lab.lab.sessions.get(session.id!)).toBeUndefined()
  })

  it('reports an unreachable lab, keeps trying, and reports it back once a lab listens there', async () => {
    const port = await freePort()
    const reachability: boolean[] = []
    let later: Awaited<ReturnType<typeof createLabServer>> | undefined
    const listening = signal()
    const session = new LabSession({
      api: new LabApi({ base: `http://127.0.0.1:${port}` }),
      WebSocket,
      initialDelayMs: 20,
      maxDelayMs: 100,
      onReachability: (reachable) => {
        reachability.push(reachable)
        // The first failure: now a lab starts listening at that address.
        if (!reachable && !later) {
          later = createLabServer({ siteRoot: '/nonexistent', limits: DEFAULT_LIMITS })
          void later.listen(port, '127.0.0.1').then(() => listening.resolve())
        }
      },
    })
    try {
      const description = await session.start()
      await listening.promise
      expect(reachability).toEqual([false, true])
      expect(session.isReachable).toBe(true)
      expect(later!.sessions.get(description.id)).toBeDefined()
    } finally {
      await session.dispose()
      await later?.close()
    }
  })
})
