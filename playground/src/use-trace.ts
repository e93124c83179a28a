/**
 * What the lab's trace says, kept by the page: per-connection records (hops, frames, timers),
 * the access and error log lines, and the session clock the timers count down on. Everything is
 * bounded: the records by ConnectionLog, the log lines here (the newest kept, the rest counted).
 */
import { ref, shallowRef } from 'vue'
import type { ErrorLine } from '@components/panels/LogPanel.vue'
import { ConnectionLog } from '@components/trace/connections.ts'
import type { NumberedEvent } from '../../server/sandbox/session.ts'
import { SessionClock } from './session-clock.ts'

/** Log lines kept per log (the newest). */
const LOG_LINES_KEPT = 1000

export function useTrace() {
  const connections = new ConnectionLog()
  /** Bumped (at most once a frame) when a record changed: ConnectionLog fills its records in place. */
  const version = shallowRef(0)
  const access = shallowRef<string[]>([])
  const errors = shallowRef<ErrorLine[]>([])
  const accessDropped = ref(0)
  const errorsDropped = ref(0)
  const clock = new SessionClock()

  function keep<T>(lines: T[], line: T, dropped: { value: number }): T[] {
    const full = lines.length >= LOG_LINES_KEPT
    if (full) dropped.value++
    const next = full ? lines.slice(1) : lines.slice()
    next.push(line)
    return next
  }

  // A chat at full speed brings hundreds of events a second: the views hear of them once a frame.
  let bumpQueued = false
  function changed(): void {
    if (bumpQueued) return
    bumpQueued = true
    requestAnimationFrame(() => {
      bumpQueued = false
      version.value++
    })
  }

  function add(event: NumberedEvent): void {
    clock.observe(event.time)
    if (event.type === 'session.applied') clock.setScale(event.clockScale)
    if (event.type === 'log.access') access.value = keep(access.value, event.line, accessDropped)
    if (event.type === 'log.error') errors.value = keep(errors.value, { level: event.level, line: event.line }, errorsDropped)
    if (connections.add(event)) changed()
  }

  /** A new session: its connections are numbered from 1 again. */
  function clearConnections(): void {
    connections.clear()
    version.value++
  }

  return { connections, version, access, errors, accessDropped, errorsDropped, now: () => clock.now(), add, clearConnections }
}
