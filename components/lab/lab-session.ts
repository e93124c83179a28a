/**
 * The playground's one object for "my session": a LabApi, the session it is using, the last
 * config the lab accepted, the backend settings changed so far, and the session's event stream.
 *
 * A session does not live for ever (it expires unused, the lab may stop it): when a call
 * answers 404 or 410, LabSession starts a new session, applies the last accepted config and the
 * backend settings again, reopens the events, tells the owner (`onRenewed`), and retries the
 * call once. When the lab cannot be reached it says so (`onReachability(false)`), keeps trying
 * with a backoff, and says so again when it is back.
 *
 * No Vue here: the playground wraps the callbacks in refs.
 */
import type { BackendSettings, CheckVerdict, NumberedEvent, RawRequest, RawResult } from '../../server/sandbox/session.ts'
import { EventStream, type EventSocketConstructor, type LostEvents, type StreamState } from './event-stream.ts'
import { LabApi, type ApplyAnswer, type ApplyRequest, type CheckRequest, type LabLogs, type SessionDescription } from './lab-api.ts'
import { LabError } from './lab-errors.ts'

export interface LabSessionOptions {
  /** The lab's API (`new LabApi({ base: location.origin })` in the playground). */
  api: LabApi
  /** The WebSocket constructor for the event stream (default: the browser's). */
  WebSocket?: EventSocketConstructor
  onEvent?: (event: NumberedEvent) => void
  onLost?: (lost: LostEvents) => void
  onStreamState?: (state: StreamState) => void
  /**
   * The session was replaced by a new one (`why`: the 404 or 410, or the stream's end), with
   * the last accepted config applied again. Events from now on are the new session's (seq 1…).
   */
  onRenewed?: (description: SessionDescription, why: LabError | StreamState) => void
  /** The lab stopped or started answering. */
  onReachability?: (reachable: boolean) => void
  /** First and largest delay between attempts to reach the lab (ms): 500 doubling to 10000 by default. */
  initialDelayMs?: number
  maxDelayMs?: number
}

/** What the lab last accepted, to apply again in a new session. */
export type AcceptedConfig = ApplyRequest

/** One visitor's session of the lab, renewed when it goes away. */
export class LabSession {
  readonly api: LabApi
  private readonly options: LabSessionOptions
  private described: SessionDescription | null = null
  private accepted: AcceptedConfig | null = null
  /** Each backend's settings changed so far, merged (what a new session must be told again). */
  private readonly backends = new Map<string, BackendSettings>()
  private stream: EventStream | null = null
  /** How many streams were opened: the number of the current one. */
  private streams = 0
  private reachable = true
  private disposed = false
  /** The renewal under way: concurrent calls that fail wait for the same one. */
  private renewing: Promise<SessionDescription> | null = null
  /** A probe for the lab's return under way (after a call found it unreachable). */
  private watching = false
  /** Pending waits, cancelled by dispose(). */
  private readonly waits = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: () => void }>()

  constructor(options: LabSessionOptions) {
    this.api = options.api
    this.options = options
  }

  /** The session in use (null before start()). */
  get description(): SessionDescription | null {
    return this.described
  }

  /** The session's id (null before start()). */
  get id(): string | null {
    return this.described?.id ?? null
  }

  /** The last config the lab accepted (null before one was). */
  get lastAccepted(): AcceptedConfig | null {
    return this.accepted
  }

  /** Whether the lab answered the last time it was asked. */
  get isReachable(): boolean {
    return this.reachable
  }

  /**
   * Creates the session and opens its events. While the lab cannot be reached it keeps trying
   * (reporting it); other failures (a limit…) are thrown.
   */
  async start(): Promise<SessionDescription> {
    this.described = await this.createSession()
    this.openStream()
    return this.described
  }

  /** Applies a config; an accepted one is remembered, to be applied again in a new session. */
  async apply(request: ApplyRequest): Promise<ApplyAnswer> {
    const answer = await this.call((id) => this.api.apply(id, request))
    this.described = answer.session
    // What the session now runs, as it says: an apply without nginxVersion or clockScale keeps
    // the session's, which a new session would not have.
    if (answer.applied) {
      const { config, files, nginxVersion, clockScale } = answer.session
      this.accepted = { config: config ?? request.config, files, nginxVersion, clockScale }
    }
    return answer
  }

  check(request: CheckRequest): Promise<CheckVerdict> {
    return this.call((id) => this.api.check(id, request))
  }

  raw(request: RawRequest): Promise<RawResult> {
    return this.call((id) => this.api.raw(id, request))
  }

  /** Changes a sample backend; remembered, to be changed again in a new session. */
  async setBackend(name: string, settings: BackendSettings): Promise<SessionDescription> {
    const description = await this.call((id) => this.api.setBackend(id, name, settings))
    this.backends.set(name, { ...this.backends.get(name), ...settings })
    this.described = description
    return description
  }

  logs(): Promise<LabLogs> {
    return this.call((id) => this.api.logs(id))
  }

  /** The session as the lab describes it now (renewed first if it is gone). */
  async refresh(): Promise<SessionDescription> {
    this.described = await this.call((id) => this.api.getSession(id))
    return this.described
  }

  /** Stops every timer and socket, and frees the session on the lab (best effort). */
  async dispose(): Promise<void> {
    if (this.disposed) return
    this.disposed = true
    this.closeStream()
    for (const wait of this.waits) {
      clearTimeout(wait.timer)
      wait.resolve()
    }
    this.waits.clear()
    const id = this.id
    if (id !== null) await this.api.deleteSession(id).catch(() => {})
  }

  /**
   * One call with the session's id. A session gone (404, 410) is renewed and the call tried
   * once more; a lab that cannot be reached is reported, watched for, and the error thrown.
   */
  private async call<T>(work: (id: string) => Promise<T>): Promise<T> {
    const id = this.id
    if (id === null) throw new Error('LabSession: call start() first')
    this.assertLive()
    try {
      return this.answered(await work(id))
    } catch (error) {
      if (!(error instanceof LabError)) throw error
      if (error.kind === 'unreachable') {
        this.unreachable()
        this.watch()
        throw error
      }
      if (error.kind !== 'not-found' && error.kind !== 'gone') throw this.answered(error)
      this.answered(null)
      // Another call may be renewing it, or have renewed it already.
      const renewed = this.renewing ? await this.renewing : this.id !== id ? this.described! : await this.renew(error)
      return this.answered(await work(renewed.id))
    }
  }

  /** Something came back from the lab: it is reachable. Passes `value` through. */
  private answered<T>(value: T): T {
    if (!this.reachable) {
      this.reachable = true
      this.options.onReachability?.(true)
    }
    return value
  }

  private unreachable(): void {
    if (!this.reachable) return
    this.reachable = false
    this.options.onReachability?.(false)
  }

  /** A new session with the last accepted config and backend settings, its events, and the owner told. */
  private renew(why: LabError | StreamState): Promise<SessionDescription> {
    this.renewing ??= (async () => {
      this.closeStream()
      let description = await this.createSession()
      if (this.accepted) description = (await this.api.apply(description.id, this.accepted)).session
      for (const [name, settings] of this.backends) description = await this.api.setBackend(description.id, name, settings)
      if (this.disposed) await this.abandon(description.id)
      this.described = description
      this.options.onRenewed?.(description, why)
      this.openStream()
      return description
    })().finally(() => {
      this.renewing = null
    })
    return this.renewing
  }

  /** Creates a session, trying again with a backoff while the lab cannot be reached. */
  private async createSession(): Promise<SessionDescription> {
    for (let attempt = 1; ; attempt++) {
      this.assertLive()
      try {
        const description = this.answered(await this.api.createSession())
        if (this.disposed) await this.abandon(description.id)
        return description
      } catch (error) {
        if (!(error instanceof LabError) || error.kind !== 'unreachable') throw error
        this.unreachable()
        await this.wait(this.delay(attempt))
      }
    }
  }

  /** After a call found the lab unreachable: asks it with a backoff until it answers. */
  private watch(): void {
    if (this.watching) return
    this.watching = true
    void (async () => {
      for (let attempt = 1; !this.disposed && !this.reachable; attempt++) {
        await this.wait(this.delay(attempt))
        if (this.disposed || this.reachable) break
        // Any answer will do, "no such session" too: call() renews the session then.
        await this.refresh().catch(() => {})
      }
    })().finally(() => {
      this.watching = false
    })
  }

  private openStream(): void {
    const id = this.id
    if (id === null || this.disposed) return
    // The stream's callbacks speak only while it is the session's current one.
    const generation = ++this.streams
    this.stream = new EventStream({
      url: (after) => this.api.eventsUrl(id, after),
      WebSocket: this.options.WebSocket,
      onEvent: (event) => {
        if (generation === this.streams) this.options.onEvent?.(event)
      },
      onLost: (lost) => {
        if (generation === this.streams) this.options.onLost?.(lost)
      },
      onState: (state) => {
        if (generation !== this.streams) return
        this.options.onStreamState?.(state)
        if (state.state === 'gone') void this.renew(state).catch(() => {})
        // A stream that cannot get through may be a session gone (the lab answers its
        // handshake 404, which a browser does not show): the API says which.
        else if (state.state === 'retrying' && !state.opened) void this.refresh().catch(() => {})
      },
    })
  }

  /** Closes the current stream, silencing its callbacks (its 'closed' state included). */
  private closeStream(): void {
    this.streams++
    this.stream?.close()
    this.stream = null
  }

  /** Exponential backoff with jitter, as the event stream's, slower: the lab is down or far. */
  private delay(attempt: number): number {
    const initial = this.options.initialDelayMs ?? 500
    const max = this.options.maxDelayMs ?? 10_000
    const ceiling = Math.min(max, initial * 2 ** Math.min(attempt - 1, 30))
    return Math.round(ceiling / 2 + (ceiling / 2) * Math.random())
  }

  /** Resolves after `ms`, or at once when disposed. */
  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wait = {
        timer: setTimeout(() => {
          this.waits.delete(wait)
          resolve()
        }, ms),
        resolve,
      }
      this.waits.add(wait)
    })
  }

  /** A session created while the owner disposed of this one is nobody's: freed, and the work stops. */
  private async abandon(id: string): Promise<never> {
    await this.api.deleteSession(id).catch(() => {})
    throw new Error('LabSession: disposed')
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('LabSession: disposed')
  }
}
