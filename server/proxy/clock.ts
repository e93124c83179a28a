/**
 * Time as the runtime sees it. The real network uses the system clock; the lab can scale it
 * (a 60 s proxy_read_timeout watched in 6 s), so the runtime never calls timers directly.
 */

export interface Timer {
  cancel(): void
}

export interface Clock {
  /** Milliseconds since the epoch, for logs and `$msec`. */
  now(): number
  /** Runs `fn` after `ms` of this clock's time. */
  after(ms: number, fn: () => void): Timer
  /** How much faster than real time the clock runs (1 on the real network). */
  readonly scale: number
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const handle = setTimeout(fn, ms)
    handle.unref?.()
    return { cancel: () => clearTimeout(handle) }
  },
  scale: 1,
}

/** A clock running `scale` times faster than real time, starting at the real time now. */
export function scaledClock(scale: number): Clock {
  const start = Date.now()
  return {
    now: () => start + (Date.now() - start) * scale,
    after(ms, fn) {
      const handle = setTimeout(fn, ms / scale)
      handle.unref?.()
      return { cancel: () => clearTimeout(handle) }
    },
    scale,
  }
}
