/**
 * One visitor's lab (docs/architecture.md "Sessions"): its config, its proxy runtime on its own virtual
 * network, its sample chat backends, its clock, its logs and its event stream. Nothing in a
 * session can reach another session or the host: the network is virtual, files are never read
 * or written, and the visitor's real address never enters (clients have documentation-range
 * addresses).
 *
 * apply() works like `nginx -s reload`: a config that fails the check is refused and the running
 * one stays; an accepted one takes the ports over while connections already open finish on the
 * old one.
 *
 * A session is contained (containment.ts): everything that enters it runs through `guard`, and
 * what it keeps is bounded in bytes — its event history, its log files, its diagnostics — so a
 * visitor can cost the lab a session, never the process or another session's memory.
 */
import { ChatServer } from '../chat/chat-server.ts'
import { defaultValue } from '../nginx/directives/defaults.ts'
import { compileConfig } from '../nginx/compile.ts'
import { check, stockHost, type Diagnostic } from '../nginx/index.ts'
import type { BudgetKind, EvaluationBudget } from '../proxy/budget.ts'
import { scaledClock, type Clock } from '../proxy/clock.ts'
import { ProxyRuntime, type StaticFiles } from '../proxy/runtime.ts'
import type { TraceEvent } from '../proxy/trace.ts'
import { runCheck } from './check-job.ts'
import type { CheckPool } from './check-pool.ts'
import { configBytes, NO_CONFIG_FILES, type ConfigFiles } from './config-files.ts'
import { runAs, type Contained } from './containment.ts'
import { LimitError, RateWindow, type LabLimits } from './limits.ts'
import { responseComplete } from './raw-response.ts'
import type { PairEnd } from './stream-pair.ts'
import { BACKENDS, CLIENTS } from './lab-network.ts'
import { VirtualNetwork } from './virtual-network.ts'

export { BACKENDS, CLIENTS } from './lab-network.ts'

/** Where the config "lives", as nginx would see it (relative paths resolve against its folder). */
export const CONFIG_FILE = '/etc/nginx/nginx.conf'
const LOG_LINES_KEPT = 200
/** A log file keeps its last lines up to this many characters; a session keeps this many files. */
const LOG_CHARS_KEPT = 64 * 1024
const LOG_FILES_KEPT = 16
/** A longer line is kept cut (the event stream and the trace carry it whole). */
const LOG_LINE_CHARS_KEPT = 8 * 1024
const EVENTS_KEPT = 50
/** The event history replayed to a new stream is bounded in (estimated) bytes, not only in count. */
const EVENT_BYTES_KEPT = 128 * 1024
/** A refused config's event and answer carry this many diagnostics, and the count of the rest. */
const DIAGNOSTICS_KEPT = 100
/** Events a raw request's answer carries: the first ones and the last ones, this many of each. */
const RAW_EVENTS_KEPT = 250
/**
 * What one request may build in the lab: values (`set`, `return`, headers, log lines) and
 * bodies. A person's config stays far below (nginx's own request line and headers are at most
 * 8 KiB each); `set $a $a$a` thirty times does not. Kept small because whatever a request builds
 * is garbage the whole lab collects: with a thousand sessions in the heap, a visitor building
 * megabytes a second makes everyone's pauses longer.
 */
export const LAB_BUDGET: EvaluationBudget = { valueBytes: 32 * 1024, requestBytes: 256 * 1024, bodyBytes: 1 << 20, evaluations: 20_000 }
/** One step of a session's work that holds the event loop longer than this stops the session. */
export const BLOCK_BUDGET_MS = 250
/**
 * Time a session may spend on config regexes (every match and compilation, and the matches only
 * a backtracking engine can run: backreferences, lookaround): this much at once, refilled at
 * this much per second. Past it, its matches fail at once as nginx's do at PCRE2's match limit.
 */
const REGEX_BURST_MS = 100
const REGEX_MS_PER_SECOND = 50
/** Patterns a session is told about (regex.linear), at most. */
const LINEAR_NOTES_KEPT = 32
/** How many seconds' worth of `applyMsPerSecond` a session may spend at once. */
const APPLY_BURST_SECONDS = 3

/** What the event stream carries besides the runtime's trace events. */
export type SessionEvent =
  | TraceEvent
  | { type: 'session.applied'; time: number; nginxVersion: string; clockScale: number; ports: number[] }
  | { type: 'session.refused'; time: number; diagnostics: Diagnostic[]; diagnosticsOmitted: number }
  /**
   * A regex with nested quantifiers found no match on a long subject: nginx's PCRE2 may have
   * given up there (`pcre2_match() failed: -47`, a 500); the lab answered as a linear engine does.
   */
  | { type: 'regex.linear'; time: number; pattern: string; subject: string; note: string }
  /** The lab stopped the session (an error or a step over the block budget); always the last event. */
  | { type: 'session.stopped'; time: number; reason: string }
  | { type: 'backend.changed'; time: number; backend: string; running: boolean; latencyMs: number; answerPings: boolean; strict: boolean }
  | { type: 'limit'; time: number; limit: keyof LabLimits; message: string }

/**
 * An event as the session's stream carries it: numbered 1, 2, 3… per session, in the order the
 * session emitted them (docs/lab-api.md "Events").
 */
export type NumberedEvent = SessionEvent & { seq: number }

/** Where a new subscriber starts: what is about to be replayed, and what was no longer kept. */
export interface StreamStart {
  /** The seq of the last event emitted so far (0 before the first). */
  lastSeq: number
  /** How many kept events the subscriber is about to receive before live ones. */
  replay: number
  /** Events after `after` that the history no longer holds (inclusive), or null. */
  lost: { from: number; to: number } | null
}

export interface SubscribeOptions {
  /** Replay only the kept events with a greater seq (a reconnecting reader's last seq). Without it, all kept events. */
  after?: number
  onStart?: (start: StreamStart) => void
  /** The session went away (deleted, expired, stopped): the subscriber will hear nothing more. */
  onClose?: () => void
}

export interface ApplyOptions {
  nginxVersion?: string
  /** The files beside the main text (config-files.ts); none when absent. */
  files?: ConfigFiles
  /** How much faster than real time timeouts run (1 = real time). */
  clockScale?: number
}

export interface ApplyResult {
  applied: boolean
  /** The first DIAGNOSTICS_KEPT of them. */
  diagnostics: Diagnostic[]
  /** How many more the check found. */
  diagnosticsOmitted: number
}

/** What the lab server hears of a session. */
export interface SessionHooks {
  /** The session was stopped by containment (the server logs it, counts it and forgets it). */
  onStopped?: (session: Session, reason: string, error?: unknown) => void
  /** A request of the session was stopped by a budget. */
  onBudgetTrip?: (kind: BudgetKind) => void
  /** The lab's check worker; without it, checks run on the event loop (tests). */
  checks?: CheckPool
}

/** The session went away (deleted, expired, stopped) while a call of its visitor was under way. */
export class SessionClosedError extends Error {
  constructor() {
    super('this session was closed while the call was under way: start a new one')
  }
}

/** `nginx -t`'s verdict for a visitor: the first diagnostics and how many more there were. */
export interface CheckVerdict {
  ok: boolean
  diagnostics: Diagnostic[]
  diagnosticsOmitted: number
}

export interface BackendSettings {
  running?: boolean
  latencyMs?: number
  answerPings?: boolean
  strict?: boolean
}

export interface RawRequest {
  /** The exact bytes to send (latin1 text: one character per byte). */
  request: string
  port: number
  client?: string
  tls?: boolean
}

export interface RawResult {
  /** The exact bytes that came back (latin1). */
  response: string
  /** Whether the proxy closed the connection (else the lab stopped waiting). */
  closedByProxy: boolean
  /** The connection's trace: its first and last RAW_EVENTS_KEPT events. */
  events: TraceEvent[]
  /** How many events between those two parts were left out. */
  eventsOmitted: number
}

/** The lab has no files: `root` lookups fail as a missing file does. */
const NO_FILES: StaticFiles = { read: () => ({ ok: false, errno: 2, text: 'No such file or directory' }), stat: () => null }

export class Session implements Contained {
  readonly network: VirtualNetwork
  readonly backends = new Map<string, ChatServer>()
  readonly createdAt = Date.now()
  lastActive = Date.now()
  config: string | null = null
  /** The running config's files beside `config` (null-prototype, frozen). */
  files: ConfigFiles = NO_CONFIG_FILES
  nginxVersion = '1.22.1'
  clockScale = 1
  private runtime: ProxyRuntime | null = null
  /** Runtimes replaced by a reload, finishing the connections they had. */
  private readonly draining = new Set<ProxyRuntime>()
  private readonly subscribers = new Set<(event: NumberedEvent) => void>()
  /** What each subscriber asked to hear when the session goes away (subscribe's onClose). */
  private readonly closers = new Map<(event: NumberedEvent) => void, () => void>()
  /** The event history: consecutive seqs, the oldest first. */
  private readonly recent: NumberedEvent[] = []
  /** The seq of the last event emitted. */
  private seq = 0
  private recentBytes = 0
  private readonly logs = new Map<string, { lines: string[]; chars: number }>()
  private readonly messages: RateWindow
  private clients = 0
  private closed = false
  /** Why containment stopped the session, once it has. */
  stopReason: string | null = null
  /** Patterns the session was told about once (regex.linear). */
  private readonly linearNoted = new Set<string>()
  /** Checks of this session waiting for the check worker. */
  private checking = 0
  /** Event-loop time left for compiling accepted configs (limits.applyMsPerSecond). */
  private applyLeftMs: number
  private applyStamp = performance.now()
  private regexLeftMs = REGEX_BURST_MS
  private regexStamp = performance.now()

  constructor(
    readonly id: string,
    readonly limits: LabLimits,
    private readonly hooks: SessionHooks = {},
  ) {
    for (const backend of BACKENDS) this.backends.set(backend.address, new ChatServer({ instance: backend.name, maxMessageBytes: limits.messageBytes }))
    this.network = new VirtualNetwork((host, port) => this.backends.get(`${host}:${port}`), this.guard)
    this.messages = new RateWindow(limits.messagesPerSecond)
    this.applyLeftMs = APPLY_BURST_SECONDS * limits.applyMsPerSecond
  }

  /**
   * Runs a piece of the session's work (containment.ts): as this session, an error stops the
   * session instead of the process, and a step over the block budget stops it too.
   */
  readonly guard = (work: () => void): void => {
    if (this.closed) {
      // A stopped session's streams still close down; nothing they do matters any more.
      try {
        work()
      } catch {}
      return
    }
    const started = performance.now()
    try {
      runAs(this, work)
    } catch (error) {
      return this.stop('an internal error while handling this session', error)
    }
    this.checkBlocked(started)
  }

  /** Runs an API call's work as this session, timed against the block budget; errors go back to the caller. */
  private timed<T>(work: () => T): T {
    const started = performance.now()
    try {
      return runAs(this, work)
    } finally {
      this.checkBlocked(started)
    }
  }

  private checkBlocked(started: number): void {
    const took = performance.now() - started
    if (took > BLOCK_BUDGET_MS) {
      this.stop(`one step of this session held the lab for ${Math.round(took)} ms (the budget is ${BLOCK_BUDGET_MS} ms), so the lab stopped it to keep the other visitors' latency`)
    }
  }

  spendRegexTime(ms: number): boolean {
    const now = performance.now()
    this.regexLeftMs = Math.min(REGEX_BURST_MS, this.regexLeftMs + ((now - this.regexStamp) * REGEX_MS_PER_SECOND) / 1000)
    this.regexStamp = now
    this.regexLeftMs -= ms
    return this.regexLeftMs > 0
  }

  noteLinearAnswer(pattern: string, subject: string): void {
    // Once per pattern: the note explains the pattern, not each request.
    if (this.linearNoted.has(pattern) || this.linearNoted.size >= LINEAR_NOTES_KEPT) return
    this.linearNoted.add(pattern)
    this.emit({
      type: 'regex.linear',
      time: Date.now(),
      pattern,
      subject: subject.length > 200 ? `${subject.slice(0, 200)}…` : subject,
      note: 'nginx matches with PCRE2, which backtracks: on this pattern (nested quantifiers) and a subject this long it may give up at its match limit, log "pcre2_match() failed: -47" and answer 500. The lab matches in linear time and answers what the pattern means: no match.',
    })
  }

  /** Stops the session for good (containment): connections close, the visitor reads why. */
  stop(reason: string, error?: unknown): void {
    if (this.closed) return
    this.stopReason = reason
    this.emit({ type: 'session.stopped', time: Date.now(), reason })
    this.hooks.onStopped?.(this, reason, error)
    this.close().catch(() => {})
  }

  touch(): void {
    this.lastActive = Date.now()
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** Whether the session is waiting for work of its own (a config check): not idle, whatever its clock says. */
  get isBusy(): boolean {
    return this.checking > 0
  }

  /**
   * nginx -t on the text and its files, as the lab's host sees it (Debian's stock files and
   * `files`, no name but localhost): the verdict and the first DIAGNOSTICS_KEPT diagnostics. In
   * the lab's check worker when the server gave one (check-pool.ts), else here.
   */
  async check(text: string, nginxVersion = this.nginxVersion, files: ConfigFiles = NO_CONFIG_FILES): Promise<CheckVerdict> {
    this.assertConfigSize(text, files)
    const request = { text, file: CONFIG_FILE, files, nginxVersion, keep: DIAGNOSTICS_KEPT }
    let answer
    // A session waiting for its check is not idle.
    this.checking++
    try {
      answer = this.hooks.checks ? await this.hooks.checks.check(this.id, request) : this.timed(() => runCheck(request))
    } finally {
      this.checking--
      this.touch()
    }
    if (this.closed) throw new SessionClosedError()
    if ('error' in answer) {
      if (answer.range) throw new RangeError(answer.error)
      throw new Error(`the config engine failed on this config: ${answer.error}`)
    }
    return answer
  }

  async apply(text: string, options: ApplyOptions = {}): Promise<ApplyResult> {
    this.touch()
    const files = options.files ?? NO_CONFIG_FILES
    this.assertConfigSize(text, files)
    const nginxVersion = options.nginxVersion ?? this.nginxVersion
    const clockScale = options.clockScale ?? this.clockScale
    if (!(clockScale >= 1 && clockScale <= this.limits.maxClockScale)) {
      throw new RangeError(`clockScale must be between 1 and ${this.limits.maxClockScale}`)
    }
    // A refused config never costs the event loop more than this answer.
    const verdict = await this.check(text, nginxVersion, files)
    if (!verdict.ok) return this.refused(verdict)
    // It passed: checked again here for the objects the runtime needs (they cannot cross threads),
    // on the event loop, so within the session's share of it.
    this.chargeApply(0)
    const compileStarted = performance.now()
    const checked = this.timed(() => this.checkText(text, nginxVersion, files))
    const config = checked.ok ? this.timed(() => compileConfig(checked)) : null
    this.chargeApply(performance.now() - compileStarted)
    const diagnostics = checked.diagnostics.slice(0, DIAGNOSTICS_KEPT)
    const diagnosticsOmitted = checked.diagnostics.length - diagnostics.length
    if (!config) return this.refused({ diagnostics, diagnosticsOmitted })
    const clock = this.guardedClock(scaledClock(clockScale))
    const mainLogs = checked.main.get('error_log')?.value
    const runtime = new ProxyRuntime({
      config,
      network: this.network,
      clock,
      trace: (event) => this.emit(event),
      writeLog: (target, line) => this.writeLog(target, line),
      prefix: '/etc/nginx/',
      files: NO_FILES,
      errorLogs: mainLogs?.length ? mainLogs : defaultValue('error_log', checked.version),
      pid: 4242,
      hostname: 'upgrade-lab',
      inspectFrames: true,
      budget: LAB_BUDGET,
      onBudgetTrip: (kind) => this.hooks.onBudgetTrip?.(kind),
    })
    const previous = this.runtime
    if (previous) {
      await previous.stopListening()
      this.draining.add(previous)
    }
    await runtime.start()
    this.runtime = runtime
    this.config = text
    this.files = files
    this.nginxVersion = nginxVersion
    this.clockScale = clockScale
    this.emit({ type: 'session.applied', time: Date.now(), nginxVersion, clockScale, ports: this.network.ports })
    this.reapDraining()
    return { applied: true, diagnostics, diagnosticsOmitted }
  }

  /** Charges event-loop time to the session's apply share; throws LimitError once it is spent. */
  private chargeApply(ms: number): void {
    const now = performance.now()
    const perSecond = this.limits.applyMsPerSecond
    this.applyLeftMs = Math.min(APPLY_BURST_SECONDS * perSecond, this.applyLeftMs + ((now - this.applyStamp) * perSecond) / 1000) - ms
    this.applyStamp = now
    if (ms === 0 && this.applyLeftMs <= 0) {
      const wait = Math.ceil((-this.applyLeftMs / perSecond) * 10) / 10 + 0.1
      this.limitTripped('applyMsPerSecond', `this session applies large configs faster than the lab compiles them for it (${perSecond} ms a second); try again in ${wait.toFixed(1)} s`)
    }
  }

  private refused(verdict: { diagnostics: Diagnostic[]; diagnosticsOmitted: number }): ApplyResult {
    const { diagnostics, diagnosticsOmitted } = verdict
    this.emit({ type: 'session.refused', time: Date.now(), diagnostics, diagnosticsOmitted })
    return { applied: false, diagnostics, diagnosticsOmitted }
  }

  /** The session's clock, with every timer's work run through the guard. */
  private guardedClock(clock: Clock): Clock {
    return { now: clock.now, scale: clock.scale, after: (ms, fn) => clock.after(ms, () => this.guard(fn)) }
  }

  /** A virtual client's connection to a listening port; null when nothing listens there. */
  dial(port: number, clientName: string, tls?: boolean): PairEnd | null {
    this.touch()
    const address = CLIENTS[clientName]
    if (!address) throw new RangeError(`unknown client "${clientName}" (one of ${Object.keys(CLIENTS).join(', ')})`)
    if (this.clients >= this.limits.connectionsPerSession) {
      this.limitTripped('connectionsPerSession', `too many open connections in this session (limit ${this.limits.connectionsPerSession})`)
    }
    // The proxy's side of the connection starts now (timers, trace): as this session.
    const end = runAs(this, () => this.network.dial({ port, client: { address, port: this.network.ephemeralPort() }, tls }))
    if (!end) return null
    this.clients++
    end.once('close', () => {
      this.clients--
      this.reapDraining()
    })
    return end
  }

  /** Counts one message a client sends; throws LimitError past the rate or size limit. */
  countMessage(bytes: number): void {
    this.touch()
    if (bytes > this.limits.messageBytes) {
      this.limitTripped('messageBytes', `message of ${bytes} bytes is over the limit of ${this.limits.messageBytes}`)
    }
    if (!this.messages.take(Date.now())) {
      this.limitTripped('messagesPerSecond', `more than ${this.limits.messagesPerSecond} messages a second in this session`)
    }
  }

  /** Sends exact bytes to a port and returns the exact answer and the connection's trace. */
  raw(request: RawRequest): Promise<RawResult> {
    if (Buffer.byteLength(request.request, 'latin1') > this.limits.rawRequestBytes) {
      throw new LimitError(`raw request over ${this.limits.rawRequestBytes} bytes`, 413, 'rawRequestBytes')
    }
    // A raw request is a client's message like any other: it counts against the session's rate.
    if (!this.messages.take(Date.now())) {
      this.limitTripped('messagesPerSecond', `more than ${this.limits.messagesPerSecond} messages and raw requests a second in this session`)
    }
    const events: TraceEvent[] = []
    const last: TraceEvent[] = []
    let eventsOmitted = 0
    let connection = -1
    const collect = (event: NumberedEvent): void => {
      if (!('connection' in event)) return
      if (connection < 0 && event.type === 'connection.accepted') connection = event.connection
      if (event.connection !== connection) return
      if (events.length < RAW_EVENTS_KEPT) return void events.push(event)
      last.push(event)
      if (last.length > RAW_EVENTS_KEPT) {
        last.shift()
        eventsOmitted++
      }
    }
    this.subscribers.add(collect)
    const end = this.dial(request.port, request.client ?? 'alice', request.tls)
    if (!end) {
      this.subscribers.delete(collect)
      return Promise.resolve({ response: '', closedByProxy: true, events: [], eventsOmitted: 0 })
    }
    return new Promise((resolve) => {
      const chunks: Buffer[] = []
      let settled = false
      const finish = (closedByProxy: boolean): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        end.destroy()
        // Let the runtime's close events (access log, tunnel.closed) arrive before answering.
        setImmediate(() => {
          this.subscribers.delete(collect)
          resolve({ response: Buffer.concat(chunks).toString('latin1'), closedByProxy, events: [...events, ...last], eventsOmitted })
        })
      }
      const timer = setTimeout(() => finish(false), this.limits.rawWaitMs)
      end.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        const complete = responseComplete(Buffer.concat(chunks))
        // A 101 leaves the tunnel open: give the upstream a moment for its first frames.
        if (complete === 'upgraded') setTimeout(() => finish(false), Math.min(300, this.limits.rawWaitMs)).unref()
        else if (complete) finish(false)
      })
      end.on('end', () => finish(true))
      end.on('close', () => finish(true))
      end.on('error', () => finish(true))
      end.write(Buffer.from(request.request, 'latin1'))
    })
  }

  controlBackend(name: string, settings: BackendSettings): ChatServer {
    this.touch()
    const address = BACKENDS.find((b) => b.name === name)?.address
    const backend = address === undefined ? undefined : this.backends.get(address)
    if (!backend) throw new RangeError(`unknown backend "${name}" (one of ${BACKENDS.map((b) => b.name).join(', ')})`)
    if (settings.running === false && backend.isRunning) backend.stop()
    if (settings.running === true && !backend.isRunning) backend.start()
    if (settings.latencyMs !== undefined) {
      if (!(settings.latencyMs >= 0 && settings.latencyMs <= 10_000)) throw new RangeError('latencyMs must be between 0 and 10000')
      backend.latencyMs = settings.latencyMs
    }
    if (settings.answerPings !== undefined) backend.answerPings = settings.answerPings
    if (settings.strict !== undefined) backend.strict = settings.strict
    this.emit({
      type: 'backend.changed',
      time: Date.now(),
      backend: name,
      running: backend.isRunning,
      latencyMs: backend.latencyMs,
      answerPings: backend.answerPings,
      strict: backend.strict,
    })
    return backend
  }

  /** The seq of the last event the session emitted (0 before the first). */
  get lastSeq(): number {
    return this.seq
  }

  /**
   * Receives the kept events (all of them, or those after `options.after`), then every event
   * from now on; returns the unsubscribe. `onStart` hears first what is about to be replayed and
   * which events after `after` are no longer kept. An `after` past the last event is a
   * RangeError (a seq the session never sent), and so is one that is not a whole number.
   * The work is bounded by the history: at most EVENTS_KEPT events, found without a search.
   */
  subscribe(listener: (event: NumberedEvent) => void, options: SubscribeOptions = {}): () => void {
    const { after, onStart, onClose } = options
    if (after !== undefined && !(Number.isSafeInteger(after) && after >= 0)) throw new RangeError('"after" must be a whole number of 0 or more')
    if (after !== undefined && after > this.seq) throw new RangeError(`"after" is ${after}, but this session's last event is ${this.seq}`)
    if (this.subscribers.size >= this.limits.subscribersPerSession) {
      throw new LimitError(`too many event streams on this session (limit ${this.limits.subscribersPerSession})`, 429, 'subscribersPerSession')
    }
    const recent = this.recent
    // Seqs in the history are consecutive: the first kept is recent[0].seq, the rest follow.
    const firstKept = recent.length > 0 ? recent[0].seq : this.seq + 1
    const from = after === undefined ? 0 : Math.min(recent.length, Math.max(0, after + 1 - firstKept))
    const lost = after !== undefined && after + 1 < firstKept ? { from: after + 1, to: firstKept - 1 } : null
    onStart?.({ lastSeq: this.seq, replay: recent.length - from, lost })
    for (let i = from; i < recent.length; i++) listener(recent[i])
    this.subscribers.add(listener)
    if (onClose) this.closers.set(listener, onClose)
    return () => {
      this.subscribers.delete(listener)
      this.closers.delete(listener)
    }
  }

  /** The log files the config writes, as the lab keeps them (the last lines of each). */
  logFiles(): Record<string, string[]> {
    return Object.fromEntries([...this.logs].map(([target, log]) => [target, log.lines]))
  }

  get openConnections(): number {
    return this.network.openConnections
  }

  /** Frees everything: runtimes, connections, backends, subscribers. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    const runtimes = [this.runtime, ...this.draining].filter((r): r is ProxyRuntime => r !== null)
    this.runtime = null
    this.draining.clear()
    await Promise.all(runtimes.map((r) => r.stop()))
    this.network.destroyAll()
    await Promise.all([...this.backends.values()].map((b) => b.close()))
    // A reader of a session that is gone must not wait on a stream that stays silent.
    const closers = [...this.closers.values()]
    this.closers.clear()
    this.subscribers.clear()
    for (const close of closers) close()
    this.recent.length = 0
    this.recentBytes = 0
    this.logs.clear()
  }

  private checkText(text: string, nginxVersion: string, files: ConfigFiles): ReturnType<typeof check> {
    try {
      return check(text, { file: CONFIG_FILE, host: stockHost(files, { path: CONFIG_FILE, text }), nginxVersion })
    } catch (error) {
      if (error instanceof RangeError) throw error
      throw new Error(`the config engine failed on this config: ${(error as Error).message}`)
    }
  }

  /** The main text and its files, together, within configBytes; at most configFiles files. */
  private assertConfigSize(text: string, files: ConfigFiles): void {
    const count = Object.keys(files).length
    if (count > this.limits.configFiles) {
      throw new LimitError(`${count} files is over the limit of ${this.limits.configFiles} files beside the main config`, 413, 'configFiles')
    }
    const bytes = configBytes(text, files)
    if (bytes > this.limits.configBytes) {
      const what = count === 0 ? 'config' : `config with its ${count === 1 ? 'file' : `${count} files`}`
      throw new LimitError(`${what} of ${bytes} bytes is over the limit of ${this.limits.configBytes} bytes`, 413, 'configBytes')
    }
  }

  private limitTripped(limit: keyof LabLimits, message: string): never {
    this.emit({ type: 'limit', time: Date.now(), limit, message })
    throw new LimitError(message, 429, limit)
  }

  private writeLog(target: string, line: string): void {
    let log = this.logs.get(target)
    if (!log) {
      // A config may name any number of log files; the session keeps the first few.
      if (this.logs.size >= LOG_FILES_KEPT) return
      this.logs.set(target, (log = { lines: [], chars: 0 }))
    }
    const kept = line.length > LOG_LINE_CHARS_KEPT ? `${line.slice(0, LOG_LINE_CHARS_KEPT)}… [${line.length - LOG_LINE_CHARS_KEPT} more characters not kept by the lab]` : line
    log.lines.push(kept)
    log.chars += kept.length
    while (log.lines.length > LOG_LINES_KEPT || (log.chars > LOG_CHARS_KEPT && log.lines.length > 1)) log.chars -= log.lines.shift()!.length
  }

  private emit(sessionEvent: SessionEvent): void {
    if (this.closed) return
    // Numbered in place: the runtime hands each event over and keeps no reference to it.
    const event = sessionEvent as NumberedEvent
    event.seq = ++this.seq
    const recent = this.recent
    recent.push(event)
    this.recentBytes += eventBytes(event)
    while (recent.length > EVENTS_KEPT || (this.recentBytes > EVENT_BYTES_KEPT && recent.length > 1)) this.recentBytes -= eventBytes(recent.shift()!)
    for (const listener of this.subscribers) listener(event)
  }

  /** Old runtimes go once their last connection has closed. */
  private reapDraining(): void {
    for (const runtime of this.draining) {
      if (runtime.openConnections === 0) {
        this.draining.delete(runtime)
        void runtime.stop()
      }
    }
  }
}

/**
 * About how many bytes an event holds: its text fields, without serializing it (events are
 * kept as objects; JSON for every chat message would cost more than it saves).
 */
function eventBytes(event: SessionEvent): number {
  switch (event.type) {
    case 'log.access':
    case 'log.error':
      return 64 + event.line.length
    case 'request.received':
    case 'upstream.request':
    case 'upstream.response':
    case 'response.sent': {
      let bytes = 128
      for (const [name, value] of event.headers) bytes += name.length + value.length + 8
      const unpassed = event.type === 'upstream.request' ? event.dropped : event.type === 'response.sent' ? event.hidden : undefined
      for (const header of unpassed ?? []) bytes += header.name.length + 40
      return bytes
    }
    case 'frame':
      return 160 + (event.preview?.length ?? 0)
    case 'session.refused':
      return 64 + event.diagnostics.reduce((sum, d) => sum + 96 + d.message.length, 0)
    default:
      return 128
  }
}
