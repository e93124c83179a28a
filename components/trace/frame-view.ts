/**
 * The frame timeline's arithmetic, apart from the component so it can be tested without a DOM:
 * which frames pass the filters, which rows of a fixed-height list are on screen, how a time
 * and a preview read, and how much of an idle timer is left.
 */
import type { FrameEvent, TimerState } from './connections.ts'

export type FrameDirection = FrameEvent['direction']

export interface FrameFilter {
  /** null: both directions. */
  direction: FrameDirection | null
  /** The kinds shown (`text`, `ping`…); empty: all. */
  kinds: readonly string[]
  /** Shown when the preview (or the close reason) contains it, any case; empty: all. */
  text: string
}

export const NO_FILTER: FrameFilter = { direction: null, kinds: [], text: '' }

/** The frames that pass `filter`, in their order (the same array when nothing filters). */
export function filterFrames(frames: readonly FrameEvent[], filter: FrameFilter): readonly FrameEvent[] {
  const needle = filter.text.toLowerCase()
  if (filter.direction === null && filter.kinds.length === 0 && needle === '') return frames
  return frames.filter(
    (frame) =>
      (filter.direction === null || frame.direction === filter.direction) &&
      (filter.kinds.length === 0 || filter.kinds.includes(frame.kind)) &&
      (needle === '' || frame.preview.toLowerCase().includes(needle) || (frame.closeReason ?? '').toLowerCase().includes(needle)),
  )
}

export interface RowWindow {
  /** The first row rendered (index into the filtered list). */
  start: number
  /** One past the last row rendered. */
  end: number
  /** Where the first rendered row sits, in pixels from the list's top. */
  offset: number
  /** The whole list's height: the spacer that gives the scrollbar its length. */
  total: number
}

/**
 * The rows of a list of `count` rows of `rowHeight` px to render when it is scrolled to
 * `scrollTop` in a viewport `viewport` px high: the visible ones and `overscan` either side, so
 * the number of rows in the DOM depends on the viewport, never on `count`.
 */
export function visibleRows(count: number, scrollTop: number, rowHeight: number, viewport: number, overscan = 8): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const start = Math.max(0, Math.min(count, first - overscan))
  const end = Math.min(count, first + Math.ceil(viewport / rowHeight) + overscan)
  return { start, end: Math.max(start, end), offset: start * rowHeight, total: count * rowHeight }
}

/** A time on the session clock relative to `origin`: `+12 ms`, `+3.020 s`. */
export function relativeTime(time: number, origin: number): string {
  const ms = time - origin
  const sign = ms < 0 ? '−' : '+'
  const abs = Math.abs(ms)
  return abs < 1000 ? `${sign}${Math.round(abs)} ms` : `${sign}${(abs / 1000).toFixed(3)} s`
}

/** A duration in ms as people read it: `56 ms`, `3.0 s`, `2 min 5 s`. */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)} min ${s % 60} s`
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' }

/**
 * A payload preview with what would not read as text made visible: line breaks and tabs as
 * `\n`, `\r`, `\t`, other control characters as `\xNN` (a binary frame has no preview at all).
 */
export function escapePreview(preview: string): string {
  return preview.replace(/[\u0000-\u001f\u007f-\u009f\\]/g, (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

/** The idle timers the timeline counts down. */
export const IDLE_TIMERS = ['proxy_read_timeout', 'proxy_send_timeout'] as const

export interface TimerView {
  timer: string
  status: 'never' | 'armed' | 'stopped' | 'fired'
  /** For `armed`: the last deadline minus `now`, at least 0. */
  remainingMs: number | null
}

/** What a timer shows at session time `now`: its last deadline minus now, or how it ended. */
export function timerView(timer: string, state: TimerState | undefined, now: number): TimerView {
  if (!state) return { timer, status: 'never', remainingMs: null }
  if (state.state === 'armed' && state.armed) return { timer, status: 'armed', remainingMs: Math.max(0, state.armed.deadline - now) }
  return { timer, status: state.state === 'armed' ? 'never' : state.state, remainingMs: state.state === 'fired' ? 0 : null }
}
