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

/** setTimeout's longest wait (2^31 - 1 ms, 24.8 days); Node turns anything longer into 1 ms. */
const MAX_NODE_DELAY_MS = 2 ** 31 - 1

/**
 * A Node timer that does not keep the process alive. Waits longer than Node's maximum (nginx
 * takes `proxy_read_timeout 30d`) are chained: the timer re-arms for what is left.
 */
class NodeTimer implements Timer {
  private handle: NodeJS.Timeout
  private cancelled = false
  private deadline = 0

  constructor(
    private readonly realMs: number,
    private readonly fn: () => void,
  ) {
    if (realMs > MAX_NODE_DELAY_MS) this.handle = this.arm(realMs)
    else {
      // The common case calls fn directly: no extra closure per timer (idle tunnels hold one each).
      this.handle = setTimeout(fn, realMs)
      this.handle.unref()
    }
  }

  private arm(ms: number): NodeJS.Timeout {
    this.deadline = Date.now() + ms
    const handle = setTimeout(() => this.fire(), Math.min(ms, MAX_NODE_DELAY_MS))
    handle.unref()
    return handle
  }

  private fire(): void {
    if (this.cancelled) return
    const left = this.deadline - Date.now()
    if (left > 0) this.handle = this.arm(left)
    else this.fn()
  }

  cancel(): void {
    this.cancelled = true
    clearTimeout(this.handle)
  }

  restart(): void {
    if (this.cancelled) return
    // refresh() would bring a cleared Node timer back; a chained wait starts its whole length again.
    if (this.realMs <= MAX_NODE_DELAY_MS) this.handle.refresh()
    else {
      clearTimeout(this.handle)
      this.handle = this.arm(this.realMs)
    }
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
