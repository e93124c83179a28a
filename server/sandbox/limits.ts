/**
 * What one visitor may use of a shared lab server. Every limit trips with a clear error
 * (LimitError: an HTTP status for the API, a close code for WebSockets) and is configurable
 * (`upgrade-lab start` reads them from the environment; the load bench raises the per-address one).
 */

export interface LabLimits {
  /** Largest config text accepted by check/apply (bytes). */
  configBytes: number
  /** Live sessions one client address may hold. */
  sessionsPerAddress: number
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
}

export const DEFAULT_LIMITS: LabLimits = {
  configBytes: 64 * 1024,
  sessionsPerAddress: 20,
  sessions: 5_000,
  connectionsPerSession: 32,
  messagesPerSecond: 50,
  messageBytes: 16 * 1024,
  idleSessionMs: 10 * 60_000,
  rawRequestBytes: 16 * 1024,
  rawWaitMs: 3_000,
  subscribersPerSession: 8,
  maxClockScale: 100,
}

/** The environment variable of each limit: LAB_CONFIG_BYTES, LAB_SESSIONS_PER_ADDRESS… */
export function limitsFromEnv(env: Record<string, string | undefined>, base: LabLimits = DEFAULT_LIMITS): LabLimits {
  const limits = { ...base }
  for (const key of Object.keys(base) as Array<keyof LabLimits>) {
    const name = 'LAB_' + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase()
    const raw = env[name]
    if (raw === undefined || raw === '') continue
    const value = Number(raw)
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, not "${raw}"`)
    limits[key] = value
  }
  return limits
}

export class LimitError extends Error {
  constructor(
    message: string,
    /** The HTTP status for the API (413 too large, 429 too many). */
    readonly status: 413 | 429,
    readonly limit: keyof LabLimits,
  ) {
    super(message)
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
