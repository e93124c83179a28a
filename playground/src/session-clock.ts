/**
 * The session's clock, as the page can read it between events: the trace's timestamps are on
 * the session clock (scaled by `clockScale`), so "now" is the newest event's time plus the real
 * time since it arrived, times the scale. Timer countdowns read it; nothing else is computed
 * from it.
 */
export class SessionClock {
  private eventTime = 0
  private seenAt = 0
  private scale = 1

  /** An event arrived with `time` (ms on the session clock). */
  observe(time: number, realNow = performance.now()): void {
    if (time < this.eventTime) return
    this.eventTime = time
    this.seenAt = realNow
  }

  /** The session applied a config with this clock scale. */
  setScale(scale: number, realNow = performance.now()): void {
    this.eventTime = this.now(realNow)
    this.seenAt = realNow
    this.scale = scale
  }

  /** ms on the session clock; 0 before any event. */
  now(realNow = performance.now()): number {
    if (this.eventTime === 0) return 0
    return this.eventTime + (realNow - this.seenAt) * this.scale
  }
}
