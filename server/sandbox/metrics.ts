/**
 * `GET /metrics`: the lab's metrics in Prometheus' text exposition format (prom-client, never its
 * global registry).
 *
 * Two registries make the page:
 *
 * - each lab server's own (LabMetrics), read from its SessionRegistry at every scrape: sessions
 *   open, created and expired, connections open, visitor addresses tracked, limit trips.
 *   Nothing in it outlives the lab or is shared with another lab in the same process.
 * - one for the whole process, documented as such: what belongs to the process rather than to a
 *   lab (prom-client's default process metrics — CPU, RSS, heap, handles, GC —, the event-loop
 *   delay), and the counters that code without a lab at hand records through the functions below
 *   (budget trips, sessions cut off, worker restarts). `upgrade-lab start` runs one lab per
 *   process, so for it the two are the same; tests that start several labs in one process see
 *   these counters summed over them (compare before and after).
 *
 * The event-loop delay is measured by perf_hooks.monitorEventLoopDelay (10 ms resolution) over
 * fixed windows of EVENT_LOOP_WINDOW_MS: a scrape reports p50, p99 and max of the last complete
 * window (of the time so far, before the first one completes), so scrapes do not reset it and two
 * scrapers see the same figures.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client'
import type { SessionRegistry } from './sessions.ts'

export const EVENT_LOOP_WINDOW_MS = 15_000
/** Distinct label values one process-wide counter takes at most (later ones count as `other`). */
const MAX_LABEL_VALUES = 50

const processRegistry = new Registry()

/** A counter of the process-wide registry whose label values come from callers: bounded. */
function boundedCounter(name: string, help: string, label: string): (value: string) => void {
  const counter = new Counter({ name, help, labelNames: [label], registers: [processRegistry] })
  const seen = new Set<string>()
  return (value) => {
    let text = String(value).slice(0, 64) || 'unknown'
    if (!seen.has(text)) {
      if (seen.size >= MAX_LABEL_VALUES) text = 'other'
      else seen.add(text)
    }
    counter.inc({ [label]: text })
  }
}

const budgetTrip = boundedCounter('upgrade_lab_budget_trips_total', 'Budget trips in this process, by kind of budget.', 'kind')
const sessionCut = boundedCounter('upgrade_lab_sessions_cut_total', 'Sessions the lab cut off in this process, by reason.', 'reason')
const workerRestarts = new Counter({ name: 'upgrade_lab_worker_restarts_total', help: 'Worker restarts in this process.', registers: [processRegistry] })

/** Counts a budget that tripped (process-wide: see above). */
export function recordBudgetTrip(kind: string): void {
  budgetTrip(kind)
}

/** Counts a session the lab cut off, and why (process-wide: see above). */
export function recordSessionCut(reason: string): void {
  sessionCut(reason)
}

/** Counts a worker restart (process-wide: see above). */
export function recordWorkerRestart(): void {
  workerRestarts.inc()
}

let processMetricsStarted = false

/** The process's own metrics, started once, when the first lab wants them. */
function startProcessMetrics(): void {
  if (processMetricsStarted) return
  processMetricsStarted = true
  collectDefaultMetrics({ register: processRegistry })
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  let window: DelayFigures | null = null
  const rotate = setInterval(() => {
    window = figures(delay)
    delay.reset()
  }, EVENT_LOOP_WINDOW_MS)
  rotate.unref()
  new Gauge({
    name: 'upgrade_lab_event_loop_delay_seconds',
    help: `Event-loop delay over the last complete ${EVENT_LOOP_WINDOW_MS / 1000} s window (perf_hooks.monitorEventLoopDelay): stat is p50, p99 or max.`,
    labelNames: ['stat'],
    registers: [processRegistry],
    collect() {
      const shown = window ?? figures(delay)
      this.set({ stat: 'p50' }, shown.p50)
      this.set({ stat: 'p99' }, shown.p99)
      this.set({ stat: 'max' }, shown.max)
    },
  })
}

interface DelayFigures {
  p50: number
  p99: number
  max: number
}

function figures(histogram: IntervalHistogram): DelayFigures {
  if (histogram.count === 0) return { p50: 0, p99: 0, max: 0 }
  return { p50: histogram.percentile(50) / 1e9, p99: histogram.percentile(99) / 1e9, max: histogram.max / 1e9 }
}

/** The limits a visitor can trip, shown at 0 from the start so that rates work from the first scrape. */
const KNOWN_LIMITS = ['configBytes', 'configFiles', 'sessionsPerAddress', 'sessionRatePerAddress', 'sessions', 'connectionsPerSession', 'messagesPerSecond', 'messageBytes', 'rawRequestBytes', 'subscribersPerSession'] as const

/** One lab server's metrics. */
export class LabMetrics {
  readonly registry = new Registry()

  constructor(sessions: SessionRegistry) {
    startProcessMetrics()
    const registers = [this.registry]
    new Gauge({
      name: 'upgrade_lab_sessions_open',
      help: 'Live sessions.',
      registers,
      collect() {
        this.set(sessions.size)
      },
    })
    new Counter({
      name: 'upgrade_lab_sessions_created_total',
      help: 'Sessions created.',
      registers,
      collect() {
        this.reset()
        this.inc(sessions.createdTotal)
      },
    })
    new Counter({
      name: 'upgrade_lab_sessions_expired_total',
      help: 'Sessions freed because nobody used them for idleSessionMs.',
      registers,
      collect() {
        this.reset()
        this.inc(sessions.expiredTotal)
      },
    })
    new Gauge({
      name: 'upgrade_lab_connections_open',
      help: "Open connections on the sessions' virtual networks: a visitor's client to the proxy, and the proxy's to a backend (a proxied WebSocket is two).",
      registers,
      collect() {
        this.set(sessions.openConnections)
      },
    })
    new Gauge({
      name: 'upgrade_lab_visitor_addresses_tracked',
      help: 'Visitor addresses the per-address limits remember now.',
      registers,
      collect() {
        this.set(sessions.trackedAddresses)
      },
    })
    new Counter({
      name: 'upgrade_lab_limit_trips_total',
      help: 'Requests and connections refused or closed by a limit, by limit.',
      labelNames: ['limit'],
      registers,
      collect() {
        this.reset()
        const counts = sessions.limitTripCounts()
        for (const limit of KNOWN_LIMITS) this.inc({ limit }, 0)
        for (const [limit, count] of counts) this.inc({ limit }, count)
      },
    })
  }

  get contentType(): string {
    return this.registry.contentType
  }

  /** The exposition text: this lab's metrics, then the process's. */
  async text(): Promise<string> {
    return (await this.registry.metrics()) + '\n' + (await processRegistry.metrics())
  }
}
