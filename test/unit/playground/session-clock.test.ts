import { describe, expect, it } from 'vitest'
import { SessionClock } from '../../../playground/src/session-clock.ts'

describe('session-clock', () => {
  it('is 0 before any event', () => {
    expect(new SessionClock().now(1000)).toBe(0)
  })

  it('runs on from the newest event at the session\'s scale', () => {
    const clock = new SessionClock()
    clock.observe(50_000, 1000)
    expect(clock.now(1000)).toBe(50_000)
    expect(clock.now(1500)).toBe(50_500)
    clock.setScale(20, 1500)
    expect(clock.now(1600)).toBe(50_500 + 100 * 20)
  })

  it('ignores an event older than the newest it saw (the stream replays in order, a late one is not news)', () => {
    const clock = new SessionClock()
    clock.observe(10_000, 0)
    clock.observe(9_000, 100)
    expect(clock.now(100)).toBe(10_100)
  })
})
