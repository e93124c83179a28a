/**
 * The live sessions of a lab server: created per browser tab with an unguessable id (128
 * random bits), limited per visitor address and in all, freed when idle (no API call, message or
 * open connection for `idleSessionMs`; six times that with connections open but silent). A freed session frees everything it held.
 *
 * Per visitor address (visitor-address.ts: an IPv4 address or an IPv6 /64) the registry keeps how
 * many sessions it holds (at most `sessionsPerAddress`) and a token bucket of session creations
 * (`sessionBurstPerAddress` at once, then `sessionRatePerAddress` a second). That bookkeeping is
 * bounded: an address with no session and a full bucket is forgotten (it would start the same
 * way anew), and never more than `maxTrackedAddresses` are kept (past that the oldest without a
 * session are forgotten first, which only gives them a fresh burst).
 */
import { randomBytes } from 'node:crypto'
import type { CheckPool } from './check-pool.ts'
import { labLog } from './lab-log.ts'
import { LimitError, TokenBucket, type LabLimits } from './limits.ts'
import { recordBudgetTrip, recordSessionCut } from './metrics.ts'
import { Session } from './session.ts'

/** Stopped sessions remembered (id → why), so that their visitor is told why, not "not found". */
const STOPPED_REMEMBERED = 1_000

interface Visitor {
  /** Live sessions held. */
  sessions: number
  creations: TokenBucket
}

export interface SessionRegistryOptions {
  /** Addresses remembered at most (default: four times `sessions`, at least 1,000). */
  maxTrackedAddresses?: number
  /** Where the sessions' configs are checked (the lab's worker); without it, on the event loop. */
  checks?: CheckPool
}

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>()
  private readonly owners = new Map<string, string>()
  /** By visitor key, least recently creating first. */
  private readonly visitors = new Map<string, Visitor>()
  private readonly sweeper: NodeJS.Timeout
  readonly maxTrackedAddresses: number
  private readonly checks: CheckPool | undefined
  /** Counts for the lab's metrics (metrics.ts reads them at each scrape). */
  createdTotal = 0
  expiredTotal = 0
  private readonly limitTrips = new Map<keyof LabLimits, number>()
  /** Why the lab stopped the most recent sessions it stopped (containment), oldest first. */
  private readonly stopped = new Map<string, string>()

  constructor(
    readonly limits: LabLimits,
    options: SessionRegistryOptions = {},
  ) {
    this.maxTrackedAddresses = options.maxTrackedAddresses ?? Math.max(1_000, 4 * limits.sessions)
    this.checks = options.checks
    this.sweeper = setInterval(() => {
      this.sweep().catch((error: unknown) => labLog('error', 'sessions.sweep_failed', { error: String(error) }))
    }, Math.max(50, Math.min(30_000, limits.idleSessionMs / 4)))
    this.sweeper.unref()
  }

  /**
   * A new session for a visitor (`address`: their key from visitor-address.ts, used for the
   * limits only). Throws LimitError (429) when the lab is full, the address holds its share, or
   * it opens sessions faster than its bucket allows.
   */
  create(address: string, now = Date.now()): Session {
    if (this.sessions.size >= this.limits.sessions) {
      throw new LimitError(`the lab is full (${this.limits.sessions} sessions); try again in a few minutes`, 429, 'sessions')
    }
    let visitor = this.visitors.get(address)
    if (visitor && visitor.sessions >= this.limits.sessionsPerAddress) {
      throw new LimitError(
        `too many sessions from your address (limit ${this.limits.sessionsPerAddress}); close some lab tabs, or wait for unused ones to expire (after ${formatMinutes(this.limits.idleSessionMs)}). Everyone behind the same network address shares this limit.`,
        429,
        'sessionsPerAddress',
      )
    }
    if (!visitor) {
      this.makeRoom(now)
      visitor = { sessions: 0, creations: new TokenBucket(this.limits.sessionBurstPerAddress, this.limits.sessionRatePerAddress, now) }
    }
    if (!visitor.creations.take(now)) {
      const wait = Math.max(1, Math.ceil(visitor.creations.secondsUntilToken(now)))
      throw new LimitError(
        `sessions are being opened too fast from your address (${this.limits.sessionBurstPerAddress} at once, then ${this.limits.sessionRatePerAddress} a second); wait ${wait} second${wait === 1 ? '' : 's'} and try again`,
        429,
        'sessionRatePerAddress',
        wait,
      )
    }
    visitor.sessions++
    // Most recent last: the eviction order when the table is full.
    this.visitors.delete(address)
    this.visitors.set(address, visitor)
    const id = randomBytes(16).toString('base64url')
    const session = new Session(id, this.limits, {
      onStopped: (stoppedSession, reason, error) => this.onStopped(stoppedSession, reason, error),
      onBudgetTrip: (kind) => recordBudgetTrip(kind),
      checks: this.checks,
    })
    this.sessions.set(id, session)
    this.owners.set(id, address)
    this.createdTotal++
    return session
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id)
  }

  /** Why the lab stopped a session it no longer holds, if it did (and still remembers). */
  stopReason(id: string): string | undefined {
    return this.stopped.get(id)
  }

  /**
   * Containment stopped a session (session.ts `guard`): the lab's log says so (with the error's
   * stack, for the operator), the metrics count it, the id is remembered with the reason, and
   * the session is forgotten like a deleted one.
   */
  private onStopped(session: Session, reason: string, error?: unknown): void {
    const fields: Record<string, string> = { reason }
    if (error !== undefined) fields.error = error instanceof Error ? (error.stack ?? error.message) : String(error)
    labLog('warn', 'session.stopped', fields)
    recordSessionCut(error === undefined ? 'blocked' : 'error')
    this.stopped.set(session.id, reason)
    if (this.stopped.size > STOPPED_REMEMBERED) this.stopped.delete(this.stopped.keys().next().value!)
    void this.delete(session.id)
  }

  get size(): number {
    return this.sessions.size
  }

  /** The visitor key a session was created for. */
  ownerOf(id: string): string | undefined {
    return this.owners.get(id)
  }

  /** Live sessions a visitor key holds. */
  heldBy(address: string): number {
    return this.visitors.get(address)?.sessions ?? 0
  }

  /** Visitor addresses remembered now (bounded by `maxTrackedAddresses`). */
  get trackedAddresses(): number {
    return this.visitors.size
  }

  /** Open connections on all sessions' virtual networks (client to proxy, proxy to backend). */
  get openConnections(): number {
    let open = 0
    for (const session of this.sessions.values()) open += session.openConnections
    return open
  }

  /**
   * Counts a limit that tripped in this lab, for the metrics: whatever answers a visitor with a
   * LimitError (the API, the event streams, the client endpoint) calls it once for that error.
   */
  recordLimitTrip(limit: keyof LabLimits): void {
    this.limitTrips.set(limit, (this.limitTrips.get(limit) ?? 0) + 1)
  }

  /** How many times each limit tripped. */
  limitTripCounts(): ReadonlyMap<keyof LabLimits, number> {
    return this.limitTrips
  }

  async delete(id: string, now = Date.now()): Promise<boolean> {
    const session = this.sessions.get(id)
    if (!session) return false
    this.sessions.delete(id)
    const owner = this.owners.get(id)
    this.owners.delete(id)
    if (owner !== undefined) {
      const visitor = this.visitors.get(owner)
      if (visitor) {
        visitor.sessions--
        if (visitor.sessions <= 0 && visitor.creations.isFull(now)) this.visitors.delete(owner)
      }
    }
    await session.close()
    return true
  }

  /** Frees the sessions idle for longer than the limit, and forgets the addresses with nothing to remember. */
  async sweep(now = Date.now()): Promise<number> {
    // Open connections keep a session alive, but not forever: a silent one goes at 6× the limit.
    const idle = [...this.sessions.values()].filter((s) => {
      if (s.isBusy) return false
      const quiet = now - s.lastActive
      return quiet > this.limits.idleSessionMs * (s.openConnections === 0 ? 1 : 6)
    })
    const freed = (await Promise.all(idle.map((s) => this.delete(s.id, now)))).filter(Boolean).length
    this.expiredTotal += freed
    this.forgetSettled(now)
    return freed
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper)
    await Promise.all([...this.sessions.keys()].map((id) => this.delete(id)))
    this.visitors.clear()
  }

  /** Forgets the addresses that hold no session and whose bucket is full again. */
  private forgetSettled(now: number): void {
    for (const [address, visitor] of this.visitors) {
      if (visitor.sessions <= 0 && visitor.creations.isFull(now)) this.visitors.delete(address)
    }
  }

  /** Keeps the table under its bound before a new address is added. */
  private makeRoom(now: number): void {
    if (this.visitors.size < this.maxTrackedAddresses) return
    this.forgetSettled(now)
    // Still full: the least recently creating addresses without a session go (they hold at most
    // `sessions` entries between them, fewer than the bound, so there is always one to forget).
    for (const [address, visitor] of this.visitors) {
      if (this.visitors.size < this.maxTrackedAddresses) break
      if (visitor.sessions <= 0) this.visitors.delete(address)
    }
  }
}

function formatMinutes(ms: number): string {
  const minutes = ms / 60_000
  if (minutes >= 1 && Number.isInteger(minutes)) return `${minutes} minute${minutes === 1 ? '' : 's'}`
  return `${Math.round(ms / 1000)} seconds`
}
