/**
 * The session event stream's numbering and resumption (docs/lab-api.md "Events"): `hello`
 * first, every event with its `seq`, `?after=` replaying only what a reader has not seen,
 * `events.lost` when the history no longer holds it, and a clear 1008 for an `after` that is not
 * a seq of the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CANONICAL, LabClient, startTestLab, type TestLab } from '../support/lab.ts'

interface Message {
  type: string
  seq?: number
  [key: string]: unknown
}

/** An event-stream reader keeping every message, with waits on what it has read. */
class StreamReader {
  readonly ws: WebSocket
  readonly messages: Message[] = []
  readonly closed: Promise<{ code: number; reason: string }>
  private waiters: Array<() => void> = []

  constructor(port: number, id: string, query = '', onMessage?: (message: Message, reader: StreamReader) => void) {
    this.ws = new WebSocket(`ws://127.0.0.1:${port}/api/sessions/${id}/events${query}`, { perMessageDeflate: false })
    this.ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Message
      this.messages.push(message)
      onMessage?.(message, this)
      for (const wake of this.waiters.splice(0)) wake()
    })
    this.closed = new Promise((resolve) => this.ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })))
  }

  get events(): Message[] {
    return this.messages.filter((m) => m.seq !== undefined)
  }

  get seqs(): number[] {
    return this.events.map((m) => m.seq!)
  }

  /** Resolves once `test` holds of what was read (checked at each message). */
  async until(test: (reader: StreamReader) => boolean): Promise<void> {
    while (!test(this)) await new Promise<void>((resolve) => this.waiters.push(resolve))
  }

  async hello(): Promise<Message> {
    await this.until((r) => r.messages.length > 0)
    return this.messages[0]
  }

  /** The hello, then every replayed event (hello.replay of them). */
  async replayed(): Promise<{ hello: Message; events: Message[] }> {
    const hello = await this.hello()
    await this.until((r) => r.events.length >= (hello.replay as number))
    return { hello, events: this.events.slice(0, hello.replay as number) }
  }

  close(): void {
    this.ws.close()
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i)
}

const GET = 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'

let lab: TestLab
beforeAll(async () => {
  lab = await startTestLab({ messagesPerSecond: 1000 })
})
afterAll(async () => {
  await lab.close()
})

describe('the event stream numbers its events', () => {
  it('starts with hello (schema 1, the last seq) and numbers every event 1, 2, 3… per session', async () => {
    const id = await lab.session(CANONICAL)
    const reader = new StreamReader(lab.port, id)
    const { hello, events } = await reader.replayed()
    expect(hello).toEqual({ type: 'hello', schema: 1, lastSeq: 1, replay: 1 })
    expect(events).toEqual([expect.objectContaining({ type: 'session.applied', seq: 1 })])
    await lab.api('POST', `/api/sessions/${id}/raw`, { port: 8020, request: GET })
    await lab.api('POST', `/api/sessions/${id}/backends/B`, { latencyMs: 5 })
    await reader.until((r) => r.events.some((e) => e.type === 'backend.changed'))
    expect(reader.seqs).toEqual(range(1, reader.events.length))
    // Trace events and session events share the numbering.
    expect(reader.events.map((e) => e.type)).toEqual(expect.arrayContaining(['connection.accepted', 'upstream.request', 'response.sent', 'log.access']))
    // Another session counts from 1 again.
    const other = await lab.session(CANONICAL)
    const second = new StreamReader(lab.port, other)
    expect(await second.hello()).toMatchObject({ lastSeq: 1 })
    reader.close()
    second.close()
  })
})

describe('resuming with ?after=', () => {
  it('shows no event twice and loses none when a reader drops mid-stream and reconnects with the last seq it read', async () => {
    const id = await lab.session(CANONICAL)
    const echo = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/echo')
    await echo.opened
    // The first reader goes away abruptly after its 16th event, while frames are still flowing
    // (the connection's 10 events and session.applied were replayed to it).
    let lastRead = 0
    const first = new StreamReader(lab.port, id, '', (message, reader) => {
      if (message.seq === undefined || reader.ws.readyState !== WebSocket.OPEN) return
      lastRead = message.seq
      if (reader.events.length === 16) reader.ws.terminate()
    })
    await first.hello()
    for (let i = 0; i < 6; i++) echo.ws.send(`message ${i}`)
    await first.closed
    await echo.next((m) => m === 'Server received from client: message 5')
    const firstSeqs = first.seqs.filter((seq) => seq <= lastRead)
    expect(firstSeqs).toEqual(range(1, 16))

    const second = new StreamReader(lab.port, id, `?after=${lastRead}`)
    const { hello, events } = await second.replayed()
    expect(second.messages.some((m) => m.type === 'events.lost')).toBe(false)
    expect(hello.replay).toBe((hello.lastSeq as number) - lastRead)
    expect(events.map((e) => e.seq)).toEqual(range(lastRead + 1, hello.lastSeq as number))
    // Six messages and their echoes, each read once by one of the two.
    const frames = [...first.events.filter((e) => e.seq! <= lastRead), ...events].filter((e) => e.type === 'frame')
    expect(frames).toHaveLength(12)

    // Then live: the next event is the next seq.
    echo.close()
    await second.until((r) => r.events.some((e) => e.type === 'log.access'))
    await lab.api('POST', `/api/sessions/${id}/backends/A`, { latencyMs: 1 })
    await second.until((r) => r.events.some((e) => e.type === 'backend.changed'))
    const all = [...firstSeqs, ...second.seqs]
    expect(new Set(all).size).toBe(all.length)
    expect(all).toEqual(range(1, all.length))
    second.close()
  })

  it('replays only the events after `after`, and nothing when the reader has them all', async () => {
    const id = await lab.session(CANONICAL)
    await lab.api('POST', `/api/sessions/${id}/raw`, { port: 8020, request: GET })
    const full = new StreamReader(lab.port, id)
    const { hello } = await full.replayed()
    const last = hello.lastSeq as number
    const tail = new StreamReader(lab.port, id, `?after=${last - 3}`)
    expect((await tail.replayed()).events.map((e) => e.seq)).toEqual([last - 2, last - 1, last])
    const none = new StreamReader(lab.port, id, `?after=${last}`)
    expect(await none.hello()).toEqual({ type: 'hello', schema: 1, lastSeq: last, replay: 0 })
    await lab.api('POST', `/api/sessions/${id}/backends/C`, { running: false })
    await none.until((r) => r.events.length > 0)
    expect(none.messages.slice(1)).toEqual([expect.objectContaining({ type: 'backend.changed', seq: last + 1 })])
    for (const reader of [full, tail, none]) reader.close()
  })

  it('says which events were lost when the history no longer holds them (50 events, or fewer large ones)', async () => {
    // Large events: each request's head and its access-log line carry an 8000-byte header.
    const large = `events {}
http {
    log_format pads '$http_x_pad $http_x_pad $http_x_pad';
    server {
        listen 8020;
        access_log /var/log/nginx/access.log pads;
        location / { return 200 ok; }
    }
}
`
    for (const [config, pad] of [[CANONICAL, ''], [large, `X-Pad: ${'p'.repeat(8000)}\r\n`]] as const) {
      const id = await lab.session(config)
      for (let i = 0; i < 8; i++) {
        await lab.api('POST', `/api/sessions/${id}/raw`, { port: 8020, request: `GET /health HTTP/1.1\r\nHost: localhost\r\n${pad}Connection: close\r\n\r\n` })
      }
      const reader = new StreamReader(lab.port, id, '?after=0')
      const { hello, events } = await reader.replayed()
      const last = hello.lastSeq as number
      const replay = hello.replay as number
      expect(replay).toBeLessThanOrEqual(50)
      if (pad) expect(replay).toBeLessThan(50)
      expect(last).toBeGreaterThan(replay)
      // hello, then events.lost, then the kept events: together, every seq from 1 to the last.
      expect(reader.messages[1]).toEqual({ type: 'events.lost', from: 1, to: last - replay })
      expect(events.map((e) => e.seq)).toEqual(range(last - replay + 1, last))
      expect(reader.messages.slice(2, 2 + replay)).toEqual(events)

      // A reader that missed only part of the lost range hears of that part.
      const later = new StreamReader(lab.port, id, `?after=${last - replay - 2}`)
      await later.replayed()
      expect(later.messages[1]).toEqual({ type: 'events.lost', from: last - replay - 1, to: last - replay })
      // Without `after`, a new reader gets the kept history and no events.lost.
      const fresh = new StreamReader(lab.port, id)
      await fresh.replayed()
      expect(fresh.messages.some((m) => m.type === 'events.lost')).toBe(false)
      for (const r of [reader, later, fresh]) r.close()
    }
  })
})

describe('bad after values', () => {
  it('closes 1008 with the reason for each, before any message, and the session keeps serving streams', async () => {
    const id = await lab.session(CANONICAL)
    const last = (await new StreamReader(lab.port, id).hello()).lastSeq as number
    const bad: Array<[string, RegExp]> = [
      ['after=-1', /whole number/],
      ['after=1.5', /whole number/],
      ['after=abc', /whole number/],
      ['after=', /whole number/],
      ['after=1e3', /whole number/],
      ['after=0x10', /whole number/],
      ['after=+1', /whole number/],
      ['after=%201', /whole number/],
      ['after=99999999999999999999', /whole number/],
      ['after=9007199254740992', /whole number/],
      [`after=${'9'.repeat(8000)}`, /whole number/],
      ['after=0&after=1', /more than once/],
      [`${'after=1&'.repeat(500)}x=1`, /more than once/],
      [`after=${last + 1}`, new RegExp(`"after" is ${last + 1}, but this session's last event is ${last}`)],
      ['after=9007199254740991', /but this session's last event is/],
    ]
    for (const [query, reason] of bad) {
      const reader = new StreamReader(lab.port, id, `?${query}`)
      const closed = await reader.closed
      expect({ query: query.slice(0, 40), code: closed.code }).toEqual({ query: query.slice(0, 40), code: 1008 })
      expect(closed.reason).toMatch(reason)
      expect(reader.messages).toEqual([])
    }
    // None of them kept a subscription: the session still has all its streams (8).
    const readers = Array.from({ length: 7 }, () => new StreamReader(lab.port, id, `?after=${last}`))
    for (const reader of readers) expect(await reader.hello()).toMatchObject({ type: 'hello', lastSeq: last, replay: 0 })
    const extra = new StreamReader(lab.port, id, `?after=${last}`)
    expect((await extra.closed).code).toBe(1008)
    for (const reader of readers) reader.close()
    await Promise.all(readers.map((r) => r.closed))
    // Other parameters are ignored; `after` may be percent-encoded.
    const encoded = new StreamReader(lab.port, id, `?x=1&after=%30`)
    expect(await encoded.hello()).toMatchObject({ replay: 1 })
    encoded.close()
  })
})

describe('the event stream ends with its session', () => {
  it('closes 1011 "session closed" when the session is deleted, instead of staying open and silent', async () => {
    const id = await lab.session(CANONICAL)
    const reader = new StreamReader(lab.port, id)
    await reader.hello()
    const deleted = await fetch(`http://127.0.0.1:${lab.port}/api/sessions/${id}`, { method: 'DELETE' })
    expect(deleted.status).toBe(200)
    expect(await reader.closed).toEqual({ code: 1011, reason: 'session closed' })
  })
})
