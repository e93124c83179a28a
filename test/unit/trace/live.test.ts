/**
 * The fixtures stay true to the runtime: a lab in this process, a real `ws` chat through it, and
 * its event stream folded by ConnectionLog gives the hops and marks the fixture tests expect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { ConnectionLog } from '../../../components/trace/connections.ts'
import { headerDiff } from '../../../components/trace/header-diff.ts'
import type { NumberedEvent } from '../../../server/sandbox/session.ts'
import { CANONICAL, LabClient, startTestLab, type TestLab } from '../../support/lab.ts'

let lab: TestLab
beforeAll(async () => {
  lab = await startTestLab()
})
afterAll(() => lab.close())

describe('ConnectionLog on a live session', () => {
  it('folds a chat through the canonical config as the fixtures show it', async () => {
    const id = await lab.session(CANONICAL)
    const log = new ConnectionLog()
    const stream = new WebSocket(`ws://127.0.0.1:${lab.port}/api/sessions/${id}/events`)
    const closed = new Promise<void>((resolve) => {
      stream.on('message', (data) => {
        const message = JSON.parse(String(data)) as NumberedEvent
        if (message.seq === undefined) return
        log.add(message)
        if (message.type === 'connection.closed') resolve()
      })
    })
    await new Promise((resolve) => stream.once('open', resolve))
    const alice = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/?room=r&nick=alice')
    await alice.opened
    await alice.chat('welcome')
    alice.ws.send('hello')
    await alice.chat('message', 'hello')
    alice.close()
    await closed
    stream.close()

    const [record] = log.byClient('203.0.113.10')
    expect(record.connection).toBe(1)
    const [exchange] = record.exchanges
    const marks = Object.fromEntries(headerDiff(exchange, 'browser-proxy').map((row) => [row.name, `${row.mark} ${row.reason ?? ''}`.trim()]))
    expect(marks).toEqual({ 'Sec-WebSocket-Version': 'passed', 'Sec-WebSocket-Key': 'passed', Connection: 'rewritten replaced', Upgrade: 'dropped replaced', Host: 'rewritten replaced' })
    expect(exchange.sent?.statusLine).toBe('HTTP/1.1 101 Switching Protocols')
    expect(record.frames.filter((f) => f.kind === 'text').map((f) => f.direction)).toEqual(['upstream-to-client', 'client-to-upstream', 'upstream-to-client'])
    expect(record.tunnel.closed).toBeDefined()
    expect(record.logs.map((l) => l.type)).toEqual(['log.access'])
  })
})
