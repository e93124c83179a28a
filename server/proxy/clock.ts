/**
 * Time as the runtime sees it. The real network uses the system clock; the lab can scale it
 * (a 60 s proxy_read_timeout watched in 6 s), so the runtime never calls timers directly.
 */

export interface Timer {
  cancel(): void
  /** Starts the same wait again from now (cheaper than cancelling and making a new timer). */
  restart(): void
}

export interface Clock {
  /** Milliseconds since the epoch, for logs and `$msec`. */
  now(): number
  /** Runs `fn` after `ms` of this clock's time. */
  after(ms: number, fn: () => void): Timer
  /** How much faster than real time the clock runs (1 on the real network). */
  readonly scale: number
}

/** A Node timer that does not keep the process alive. */
class NodeTimer implements Timer {
  private readonly handle: NodeJS.Timeout
  private cancelled = false

  constructor(realMs: number, fn: () => void) {
    this.handle = setTimeout(fn, realMs)
    this.handle.unref()
  }

  cancel(): void {
    this.cancelled = true
    clearTimeout(this.handle)
  }

  restart(): void {
    // refresh() would bring a cleared Node timer back.
    if (!this.cancelled) this.handle.refresh()
  }
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after: (ms, fn) => new NodeTimer(ms, fn),
  scale: 1,
}

/** A clock running `scale` times faster than real time, starting at the real time now. */
export function scaledClock(scale: number): Clock {
  const start = Date.now()
  return {
    now: () => start + (Date.now() - start) * scale,
    after: (ms, fn) => new NodeTimer(ms / scale, fn),
    scale,
  }
}
