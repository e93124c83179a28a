/**
 * What one visitor may use of a shared lab server. Every limit trips with a clear error
 * (LimitError: an HTTP status for the API, a close code for WebSockets) and is configurable
 * (`upgrade-lab start` reads them from the environment; the load bench raises the per-address one).
 *
 * A visitor is an address (behind a reverse proxy, the one LAB_TRUST_PROXY lets the lab see:
 * visitor-address.ts), so a classroom behind one NAT is one visitor: the per-address limits are
 * sized for that (40 people × a playground and a page of three live examples = 160 sessions).
 */

export interface LabLimits {
  /** Largest config accepted by check/apply (bytes): the main text and its files' texts together. */
  configBytes: number
  /** Files a config may bring beside its main text (check/apply's `files`). */
  configFiles: number
  /**
   * Live sessions one visitor address may hold: a share of `sessions` (5 % by default, 250), so
   * that one address can never take the lab, while a classroom behind one NAT fits.
   */
  sessionsPerAddress: number
  /**
   * Sessions one address may open at once (a token bucket's size; by default its whole share,
   * `sessionsPerAddress`), and then per second (the bucket's refill): bounds how fast one address
   * can make the lab create and free sessions.
   */
  sessionBurstPerAddress: number
  sessionRatePerAddress: number
  /** Live sessions in all (the server's memory bound). */
  sessions: number
  /** Open client connections (chat clients, raw requests) per session. */
  connectionsPerSession: number
  /** Messages a session's clients may send per second (averaged over a sliding second). */
  messagesPerSecond: number
  /** Largest WebSocket message a client may send (bytes). */
  messageBytes: number
  /** A session nobody used for this long is freed (ms). */
  idleSessionMs: number
  /** Largest raw request (bytes) and how long the raw endpoint waits for its answer (ms). */
  rawRequestBytes: number
  rawWaitMs: number
  /** Event-stream subscribers per session. */
  subscribersPerSession: number
  /** How much faster than real time a session clock may run. */
  maxClockScale: number
  /**
   * Event-loop time a session's accepted configs may take to compile, per second (ms; three
   * seconds' worth at once). A refused config costs none: it is checked in the check worker.
   */
  applyMsPerSecond: number
}

/** The share of `sessions` one address may hold when LAB_SESSIONS_PER_ADDRESS is not set. */
export const SESSIONS_PER_ADDRESS_SHARE = 0.05

/** `sessionsPerAddress` for a lab of `sessions`: its share, at least one. */
export function sessionsShare(sessions: number): number {
  return Math.max(1, Math.floor(sessions * SESSIONS_PER_ADDRESS_SHARE))
}

export const DEFAULT_LIMITS: LabLimits = {
  configBytes: 64 * 1024,
  configFiles: 32,
  sessionsPerAddress: sessionsShare(5_000),
  sessionBurstPerAddress: sessionsShare(5_000),
  sessionRatePerAddress: 5,
  sessions: 5_000,
  connectionsPerSession: 32,
  messagesPerSecond: 50,
  messageBytes: 16 * 1024,
  idleSessionMs: 10 * 60_000,
  rawRequestBytes: 16 * 1024,
  rawWaitMs: 3_000,
  subscribersPerSession: 8,
  maxClockScale: 100,
  applyMsPerSecond: 100,
}

/** The environment variable of a limit: LAB_CONFIG_BYTES, LAB_SESSIONS_PER_ADDRESS… */
export function limitVariable(key: keyof LabLimits): string {
  return 'LAB_' + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase()
}

/**
 * The limits with those the environment sets. The derived defaults follow what was set: without
 * LAB_SESSIONS_PER_ADDRESS an address's share is 5 % of LAB_SESSIONS, and without
 * LAB_SESSION_BURST_PER_ADDRESS the burst is that share.
 */
export function limitsFromEnv(env: Record<string, string | undefined>, base: LabLimits = DEFAULT_LIMITS): LabLimits {
  const limits = { ...base }
  const given = new Set<keyof LabLimits>()
  for (const key of Object.keys(base) as Array<keyof LabLimits>) {
    const name = limitVariable(key)
    const raw = Object.hasOwn(env, name) ? env[name] : undefined
    if (raw === undefined || raw === '') continue
    const value = Number(raw)
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, not "${raw}"`)
    limits[key] = value
    given.add(key)
  }
  if (given.has('sessions') && !given.has('sessionsPerAddress')) limits.sessionsPerAddress = sessionsShare(limits.sessions)
  if (limits.sessionsPerAddress !== base.sessionsPerAddress && !given.has('sessionBurstPerAddress')) limits.sessionBurstPerAddress = limits.sessionsPerAddress
  if (limits.sessionBurstPerAddress < 1) {
    throw new RangeError(`${limitVariable('sessionBurstPerAddress')} must be at least 1, not "${limits.sessionBurstPerAddress}"`)
  }
  return limits
}

export class LimitError extends Error {
  constructor(
    message: string,
    /** The HTTP status for the API (413 too large, 429 too many). */
    readonly status: 413 | 429,
    readonly limit: keyof LabLimits,
    /** For a rate: when trying again can succeed (the API's Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }
}

/**
 * A token bucket: holds up to `capacity` tokens, refilled at `perSecond`; each event takes one.
 * Time is passed in (ms); a clock that steps back refills nothing.
 */
export class TokenBucket {
  private tokens: number
  private stamp: number

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity
    this.stamp = now
  }

  /** Takes a token at `now`; false when there is none. */
  take(now: number): boolean {
    this.refill(now)
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Whether the bucket is full again at `now` (it then holds nothing worth remembering). */
  isFull(now: number): boolean {
    this.refill(now)
    return this.tokens >= this.capacity
  }

  /** Seconds from `now` until a token is there (0 when one is). */
  secondsUntilToken(now: number): number {
    this.refill(now)
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.perSecond
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.stamp)
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.perSecond)
    this.stamp = now
  }
}

/** Counts events in a sliding one-second window. */
export class RateWindow {
  private stamps: number[] = []

  constructor(private readonly perSecond: number) {}

  /** Records one event at `now`; false when the rate is over the limit. */
  take(now: number): boolean {
    while (this.stamps.length && this.stamps[0] <= now - 1000) this.stamps.shift()
    if (this.stamps.length >= this.perSecond) return false
    this.stamps.push(now)
    return true
  }
}
