/** components/trace/frame-view.ts: filters, the visible window, times, previews and timers. */
import { describe, expect, it } from 'vitest'
import { ConnectionLog } from '../../../components/trace/connections.ts'
import { escapePreview, filterFrames, NO_FILTER, relativeTime, timerView, visibleRows } from '../../../components/trace/frame-view.ts'
import { fixture } from './fixtures.ts'

const log = new ConnectionLog()
log.addAll(fixture('canonical'))
const record = log.get(1)!

describe('filterFrames', () => {
  it('by direction, kind and text', () => {
    expect(filterFrames(record.frames, NO_FILTER)).toBe(record.frames)
    expect(filterFrames(record.frames, { ...NO_FILTER, direction: 'client-to-upstream' }).map((f) => f.kind)).toEqual(['text', 'ping', 'close'])
    expect(filterFrames(record.frames, { ...NO_FILTER, kinds: ['ping', 'pong'] }).map((f) => f.kind)).toEqual(['ping', 'pong'])
    expect(filterFrames(record.frames, { ...NO_FILTER, text: 'WELCOME' })).toHaveLength(1)
  })
})

describe('visibleRows', () => {
  it('renders the viewport and the overscan, whatever the count', () => {
    expect(visibleRows(5000, 0, 20, 300, 5)).toEqual({ start: 0, end: 20, offset: 0, total: 100_000 })
    expect(visibleRows(5000, 20_000, 20, 300, 5)).toEqual({ start: 995, end: 1020, offset: 19_900, total: 100_000 })
    expect(visibleRows(5000, 1e9, 20, 300, 5).end).toBe(5000)
    expect(visibleRows(3, 0, 20, 300, 5)).toEqual({ start: 0, end: 3, offset: 0, total: 60 })
  })
})

describe('text', () => {
  it('relativeTime reads ms, then s', () => {
    expect(relativeTime(1056, 1000)).toBe('+56 ms')
    expect(relativeTime(4020, 1000)).toBe('+3.020 s')
  })

  it('escapePreview shows control characters', () => {
    expect(escapePreview('a\nb\t\u0001\\')).toBe('a\\nb\\t\\x01\\\\')
  })
})

describe('timerView', () => {
  it('counts down from the last deadline, then reads fired', () => {
    const timeout = new ConnectionLog()
    const events = fixture('read-timeout')
    const armedAt = events.findIndex((e) => e.type === 'timeout') - 1
    expect(events[armedAt]).toMatchObject({ type: 'timer.armed', timer: 'proxy_read_timeout' })
    timeout.addAll(events.slice(0, armedAt + 1))
    const state = timeout.get(1)!.timers.find((t) => t.timer === 'proxy_read_timeout')
    const deadline = state!.armed!.deadline
    expect(timerView('proxy_read_timeout', state, deadline - 1200)).toEqual({ timer: 'proxy_read_timeout', status: 'armed', remainingMs: 1200 })
    expect(timerView('proxy_read_timeout', state, deadline + 5).remainingMs).toBe(0)
    timeout.addAll(events.slice(armedAt + 1))
    expect(timerView('proxy_read_timeout', state, deadline + 50)).toMatchObject({ status: 'fired', remainingMs: 0 })
    expect(timerView('proxy_send_timeout', undefined, 0)).toMatchObject({ status: 'never', remainingMs: null })
  })
})
