/**
 * components/trace/connections.ts folds real session streams (test/fixtures/trace/) into
 * per-connection records: the hops, the decisions with their config lines, the timers, the
 * frames, the tunnel and the log lines; bounded, and never confused by a number seen twice.
 */
import { describe, expect, it } from 'vitest'
import { ConnectionLog, type FrameEvent } from '../../../components/trace/connections.ts'
import type { NumberedEvent } from '../../../server/sandbox/session.ts'
import { fixture } from './fixtures.ts'

function fold(events: NumberedEvent[], options = {}): ConnectionLog {
  const log = new ConnectionLog(options)
  log.addAll(events)
  return log
}

describe('ConnectionLog over the canonical chat', () => {
  const events = fixture('canonical')
  const log = fold(events)
  const [record] = log.list()

  it('has one connection, nginx number 1, from alice', () => {
    expect(log.list()).toHaveLength(1)
    expect(record.connection).toBe(1)
    expect(record.accepted?.client).toMatch(/^203\.0\.113\.10:\d+$/)
    expect(record.accepted?.listen).toBe('127.0.0.1:8020')
    expect(log.byClient('203.0.113.10')).toEqual([record])
    expect(log.byClient(record.accepted!.client)).toEqual([record])
    expect(log.byClient('203.0.113.11')).toEqual([])
    expect(log.lastSeq).toBe(events[events.length - 1].seq)
  })

  it('keeps the four hops of its one request as the events gave them', () => {
    expect(record.exchanges).toHaveLength(1)
    const [exchange] = record.exchanges
    expect(exchange.received?.requestLine).toBe('GET /?room=r&nick=alice HTTP/1.1')
    expect(exchange.received?.headers.map(([name]) => name)).toEqual(['Sec-WebSocket-Version', 'Sec-WebSocket-Key', 'Connection', 'Upgrade', 'Host'])
    expect(exchange.upstreamRequest?.peer).toBe('127.0.0.1:8010')
    expect(exchange.upstreamRequest?.dropped).toEqual([
      { name: 'Connection', reason: 'replaced' },
      { name: 'Upgrade', reason: 'replaced' },
      { name: 'Host', reason: 'replaced' },
    ])
    expect(exchange.upstreamResponse?.statusLine).toBe('101 Switching Protocols')
    expect(exchange.sent?.statusLine).toBe('HTTP/1.1 101 Switching Protocols')
    expect(exchange.sent?.hidden).toEqual([{ name: 'Connection', reason: 'hop-by-hop' }])
    expect(exchange.attempts).toBe(1)
  })

  it('lists the decisions in the engine’s order, with their config lines', () => {
    const decisions = record.exchanges[0].decisions
    expect(decisions.slice(0, 4).map((d) => d.type)).toEqual(['server.selected', 'location.matched', 'upstream.selected', 'upstream.connect'])
    const map = decisions.find((d) => d.type === 'variable.evaluated' && d.name === 'connection_upgrade')
    expect(map).toMatchObject({ value: 'upgrade', found: true, file: '/etc/nginx/nginx.conf', line: 3 })
    expect(decisions.find((d) => d.type === 'location.matched')).toMatchObject({ location: '/', line: 12 })
    expect(decisions.every((d, i) => i === 0 || d.seq > decisions[i - 1].seq)).toBe(true)
  })

  it('has the frames both ways, the tunnel, the timers and the access log line', () => {
    expect(record.frames.map((f) => `${f.direction} ${f.kind}`)).toEqual([
      'upstream-to-client text',
      'client-to-upstream text',
      'upstream-to-client text',
      'client-to-upstream ping',
      'upstream-to-client pong',
      'client-to-upstream close',
      'upstream-to-client close',
    ])
    expect(record.tunnel.opened).toBeDefined()
    expect(record.tunnel.closed).toMatchObject({ by: 'upstream' })
    const read = record.timers.find((t) => t.timer === 'proxy_read_timeout')!
    expect(read.state).toBe('stopped')
    expect(read.armings).toBe(events.filter((e) => e.type === 'timer.armed' && e.timer === 'proxy_read_timeout').length)
    expect(record.timers.map((t) => t.timer)).toEqual(['client_header_timeout', 'proxy_connect_timeout', 'proxy_read_timeout'])
    expect(record.logs.map((l) => l.type)).toEqual(['log.access'])
    expect(record.logs[0].line).toContain('" 101 ')
    expect(record.closed).toBeDefined()
  })
})

describe('ConnectionLog over the failures', () => {
  it('backend down: connect refused, the error-log line on the connection, nginx’s own 502', () => {
    const [record] = fold(fixture('backend-down')).list()
    const [exchange] = record.exchanges
    expect(exchange.decisions.find((d) => d.type === 'upstream.connect')).toMatchObject({ outcome: 'refused', detail: '111: Connection refused' })
    expect(exchange.upstreamRequest).toBeUndefined()
    expect(exchange.upstreamResponse).toBeUndefined()
    expect(exchange.sent?.statusLine).toBe('HTTP/1.1 502 Bad Gateway')
    expect(exchange.sent?.hidden).toBeUndefined()
    const error = record.logs.find((l) => l.type === 'log.error')
    expect(error?.line).toContain('*1 connect() failed (111: Connection refused) while connecting to upstream')
    expect(record.tunnel.opened).toBeUndefined()
  })

  it('read timeout: the timer fired, and the tunnel closed by it', () => {
    const events = fixture('read-timeout')
    const [record] = fold(events).list()
    const read = record.timers.find((t) => t.timer === 'proxy_read_timeout')!
    expect(read.state).toBe('fired')
    expect(read.fired).toMatchObject({ ms: 3000 })
    // It fires at its last deadline, or a tick of the scaled clock later.
    expect(read.fired!.time).toBeGreaterThanOrEqual(read.armed!.deadline)
    expect(record.tunnel.closed).toMatchObject({ by: 'timeout' })
    expect(record.tunnel.closed!.durationMs).toBeGreaterThanOrEqual(3000)
  })
})

describe('ConnectionLog over two clients and a kept-alive connection', () => {
  const log = fold(fixture('two-clients-keepalive'))

  it('files interleaved connections apart: client connections 1, 3, 5 (the upstream ones take 2, 4, 6 and carry no events)', () => {
    expect(log.list().map((r) => r.connection)).toEqual([1, 3, 5])
    expect(log.byClient('203.0.113.10').map((r) => r.connection)).toEqual([1])
    expect(log.byClient('203.0.113.11').map((r) => r.connection)).toEqual([3])
    const [alice, bob] = log.list()
    expect(alice.frames.some((f) => f.direction === 'client-to-upstream' && f.truncated && f.length === 300)).toBe(true)
    expect(bob.frames.every((f) => f.connection === 3)).toBe(true)
  })

  it('keeps each request of a kept-alive connection with its own hops and decisions', () => {
    const carol = log.get(5)!
    expect(carol.exchanges).toHaveLength(2)
    const [first, second] = carol.exchanges
    expect(first.sent?.statusLine).toBe('HTTP/1.1 200 OK')
    expect(first.upstreamRequest?.dropped).toEqual([
      { name: 'Host', reason: 'replaced' },
      { name: 'Accept-Encoding', reason: 'empty' },
    ])
    expect(second.received?.headers).toEqual([['Host', 'localhost'], ['X-Block', '1']])
    expect(second.decisions.find((d) => d.type === 'if.evaluated')).toMatchObject({ condition: '($http_x_block)', result: true, line: 13 })
    expect(second.upstreamRequest).toBeUndefined()
    expect(second.sent?.statusLine).toBe('HTTP/1.1 403 Forbidden')
    expect(carol.logs).toHaveLength(2)
  })

  it('the server was chosen by name', () => {
    expect(log.get(1)!.exchanges[0].decisions[0]).toMatchObject({ type: 'server.selected', server: 'localhost', by: 'name' })
  })
})

describe('ConnectionLog bounds and ambiguity', () => {
  it('a reload numbers connections anew: the second 1 is a record of its own, both marked ambiguous', () => {
    const log = fold(fixture('reload'))
    const records = log.list()
    expect(records.map((r) => r.connection)).toEqual([1, 1])
    expect(records.map((r) => r.accepted?.client.split(':')[0])).toEqual(['203.0.113.10', '203.0.113.11'])
    expect(records.map((r) => r.ambiguous)).toEqual([true, true])
    expect(log.get(1)).toBe(records[1])
    expect(new Set(records.map((r) => r.key)).size).toBe(2)
  })

  it('keeps at most maxFrames frames per connection (the newest), counting the others', () => {
    const events = fixture('canonical')
    const frames = events.filter((e): e is FrameEvent & { seq: number } => e.type === 'frame')
    const log = fold(events, { maxFrames: 3 })
    const [record] = log.list()
    expect(record.frames).toEqual(frames.slice(-3))
    expect(record.framesDropped).toBe(frames.length - 3)
  })

  it('keeps at most maxConnections records, letting closed ones go first', () => {
    // Four copies of the canonical stream, each on its own connection number.
    const one = fixture('canonical').filter((e) => 'connection' in e)
    const log = new ConnectionLog({ maxConnections: 2 })
    let seq = 0
    for (let n = 1; n <= 4; n++) for (const event of one) log.add({ ...event, connection: n, seq: ++seq } as NumberedEvent)
    expect(log.list().map((r) => r.connection)).toEqual([3, 4])
    expect(log.connectionsDropped).toBe(2)
    expect(log.get(1)).toBeUndefined()
  })

  it('a stream joined late still files the events it has (no connection.accepted)', () => {
    const events = fixture('canonical')
    const late = events.slice(events.findIndex((e) => e.type === 'tunnel.opened'))
    const [record] = fold(late).list()
    expect(record.accepted).toBeUndefined()
    expect(record.exchanges.every((e) => e.received === undefined)).toBe(true)
    expect(record.frames.length).toBe(7)
    expect(record.logs).toHaveLength(1)
  })

  it('session events count in lastSeq and belong to no connection', () => {
    const log = new ConnectionLog()
    const applied = fixture('canonical')[0]
    expect(applied.type).toBe('session.applied')
    expect(log.add(applied)).toBeUndefined()
    expect(log.lastSeq).toBe(applied.seq)
    expect(log.list()).toEqual([])
  })
})
