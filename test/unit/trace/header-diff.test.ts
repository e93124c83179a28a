/**
 * components/trace/header-diff.ts marks each hop's headers from the engine's `dropped` and
 * `hidden` over real streams: the reasons are the events', and the marks pair headers by name.
 */
import { describe, expect, it } from 'vitest'
import { ConnectionLog, type Exchange } from '../../../components/trace/connections.ts'
import { headerDiff, requestDiff, responseDiff, type MarkedHeader } from '../../../components/trace/header-diff.ts'
import { fixture, type FixtureName } from './fixtures.ts'

function exchange(name: FixtureName, connection = 1, index = 0): Exchange {
  const log = new ConnectionLog()
  log.addAll(fixture(name))
  return log.get(connection)!.exchanges[index]
}

/** `Name: mark (reason)` for each row, to compare at a glance. */
const marks = (rows: MarkedHeader[]): string[] =>
  rows.map((row) => `${row.name}: ${row.mark}${row.reason ? ` (${row.reason})` : ''}${row.replaces ? ' replaces' : ''}`)

describe('headerDiff on the proxy → upstream hop', () => {
  it('canonical: the hop-by-hop pair comes back through proxy_set_header; Host rewritten to the upstream’s name', () => {
    const ex = exchange('canonical')
    expect(marks(headerDiff(ex, 'browser-proxy'))).toEqual([
      'Sec-WebSocket-Version: passed',
      'Sec-WebSocket-Key: passed',
      // "Upgrade" → "upgrade": the map's value, nginx's own header.
      'Connection: rewritten (replaced)',
      // Same value, but not the client's: nginx's own from proxy_set_header Upgrade $http_upgrade.
      'Upgrade: dropped (replaced)',
      'Host: rewritten (replaced)',
    ])
    expect(marks(headerDiff(ex, 'proxy-upstream'))).toEqual([
      'Upgrade: added replaces',
      'Connection: rewritten (replaced)',
      'Host: rewritten (replaced)',
      'Sec-WebSocket-Version: passed',
      'Sec-WebSocket-Key: passed',
    ])
    const host = headerDiff(ex, 'browser-proxy').find((row) => row.name === 'Host')!
    expect(host).toMatchObject({ value: 'localhost:8020', other: 'websocket' })
  })

  it('without proxy_set_header Upgrade: Upgrade dropped as hop-by-hop, nothing in its place', () => {
    const ex = exchange('no-upgrade')
    const client = headerDiff(ex, 'browser-proxy')
    expect(client.find((row) => row.name === 'Upgrade')).toMatchObject({ mark: 'dropped', reason: 'hop-by-hop' })
    expect(headerDiff(ex, 'proxy-upstream').some((row) => row.name.toLowerCase() === 'upgrade')).toBe(false)
  })

  it('an emptied header is dropped (empty); a header the client did not send is added', () => {
    const ex = exchange('two-clients-keepalive', 5)
    expect(marks(headerDiff(ex, 'browser-proxy'))).toEqual(['Host: rewritten (replaced)', 'Accept-Encoding: dropped (empty)', 'X-Thing: passed'])
    expect(marks(headerDiff(ex, 'proxy-upstream'))).toEqual(['X-Real-IP: added', 'Connection: added', 'Host: rewritten (replaced)', 'X-Thing: passed'])
  })

  it('compares names in any case and pairs repeated names in order', () => {
    const { client, upstream } = requestDiff(
      { headers: [['x-a', '1'], ['X-A', '2'], ['HOST', 'h']] },
      { headers: [['Host', 'up'], ['X-A', '1'], ['x-a', '2']], dropped: [{ name: 'HOST', reason: 'replaced' }] },
    )
    expect(marks(client)).toEqual(['x-a: passed', 'X-A: passed', 'HOST: rewritten (replaced)'])
    expect(marks(upstream)).toEqual(['Host: rewritten (replaced)', 'X-A: passed', 'x-a: passed'])
  })
})

describe('headerDiff on the responses', () => {
  it('canonical 101: the upstream’s Connection hidden as hop-by-hop; nginx’s Server, Date, Connection added', () => {
    const ex = exchange('canonical')
    expect(marks(headerDiff(ex, 'upstream-proxy'))).toEqual(['Upgrade: passed', 'Connection: hidden (hop-by-hop)', 'Sec-WebSocket-Accept: passed'])
    expect(marks(headerDiff(ex, 'proxy-browser'))).toEqual(['Server: added', 'Date: added', 'Connection: added', 'Upgrade: passed', 'Sec-WebSocket-Accept: passed'])
  })

  it('the 426: Date hidden by nginx’s default list, Keep-Alive as hop-by-hop', () => {
    expect(marks(headerDiff(exchange('no-upgrade'), 'upstream-proxy'))).toEqual([
      'Content-Type: passed',
      'Content-Length: passed',
      'Date: hidden (nginx-default-hidden)',
      'Connection: hidden (hop-by-hop)',
      'Keep-Alive: hidden (hop-by-hop)',
    ])
  })

  it('a passed header with another value is rewritten (proxy_redirect on Location)', () => {
    const { upstream, sent } = responseDiff(
      { headers: [['Location', 'http://127.0.0.1:8010/a'], ['Server', 'x']] },
      { headers: [['Server', 'nginx'], ['Location', 'http://localhost/a']], hidden: [{ name: 'Server', reason: 'nginx-default-hidden' }] },
    )
    expect(marks(upstream)).toEqual(['Location: rewritten', 'Server: hidden (nginx-default-hidden)'])
    expect(marks(sent)).toEqual(['Server: added', 'Location: rewritten'])
    expect(sent[1].other).toBe('http://127.0.0.1:8010/a')
  })

  it('nginx’s own answer (502, a return): the hops that did not happen are empty, the rest unmarked', () => {
    const ex = exchange('backend-down')
    expect(headerDiff(ex, 'proxy-upstream')).toEqual([])
    expect(headerDiff(ex, 'upstream-proxy')).toEqual([])
    expect(headerDiff(ex, 'browser-proxy').every((row) => row.mark === null)).toBe(true)
    expect(headerDiff(ex, 'proxy-browser').map((row) => row.mark)).toEqual([null, null, null, null, null])
  })
})
