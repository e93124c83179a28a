/**
 * nginx's timers as the trace shows them: each one says when it is armed (and re-armed by
 * traffic) with its deadline on the runtime's clock, when it stops without firing, and when it
 * fires, so a countdown can be drawn from events instead of guessed.
 */
import type { Clock, Timer } from './clock.ts'
import { noTrace, type TraceSink } from './trace.ts'

export type TimerName =
  | 'client_header_timeout'
  | 'client_body_timeout'
  | 'keepalive_timeout'
  | 'send_timeout'
  | 'proxy_connect_timeout'
  | 'proxy_send_timeout'
  | 'proxy_read_timeout'

export interface TimerContext {
  clock: Clock
  trace: TraceSink
  /** nginx's connection number (`*N`). */
  connection: number
}

/** Starts `name` for `ms`; `fire` runs when it expires, after the `timeout` event. */
export function startTimer(cx: TimerContext, name: TimerName, ms: number, fire: () => void): Timer {
  const { clock, trace, connection } = cx
  // Nobody reads the trace (`serve` without --trace): the bare timer, nothing per re-arm.
  if (trace === noTrace) return clock.after(ms, fire)
  let live = true
  const armed = (rearmed: boolean): void => {
    const time = clock.now()
    trace({ type: 'timer.armed', timer: name, ms, deadline: time + ms, ...(rearmed ? { rearmed } : {}), time, connection })
  }
  armed(false)
  const inner = clock.after(ms, () => {
    live = false
    trace({ type: 'timeout', timer: name, ms, time: clock.now(), connection })
    fire()
  })
  return {
    cancel(): void {
      if (!live) return
      live = false
      inner.cancel()
      trace({ type: 'timer.stopped', timer: name, time: clock.now(), connection })
    },
    restart(): void {
      if (!live) return
      inner.restart()
      armed(true)
    },
  }
}
