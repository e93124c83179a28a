/**
 * The live sessions of a lab server: created per browser tab with an unguessable id (128
 * random bits), limited per client address and in all, freed when idle (no API call, message or
 * open connection for `idleSessionMs`; six times that with connections open but silent). A freed session frees everything it held.
 */
import { randomBytes } from 'node:crypto'
import { LimitError, type LabLimits } from './limits.ts'
import { Session } from './session.ts'

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>()
  private readonly owners = new Map<string, string>()
  private readonly sweeper: NodeJS.Timeout

  constructor(readonly limits: LabLimits) {
    this.sweeper = setInterval(() => void this.sweep(), Math.max(50, Math.min(30_000, limits.idleSessionMs / 4)))
    this.sweeper.unref()
  }

  /** A new session for a visitor at `address` (their real address, used for the limit only). */
  create(address: string): Session {
    if (this.sessions.size >= this.limits.sessions) {
      throw new LimitError(`the lab is full (${this.limits.sessions} sessions); try again in a few minutes`, 429, 'sessions')
    }
    let held = 0
    for (const owner of this.owners.values()) if (owner === address) held++
    if (held >= this.limits.sessionsPerAddress) {
      throw new LimitError(`too many sessions from your address (limit ${this.limits.sessionsPerAddress}); close some tabs or wait for idle ones to expire`, 429, 'sessionsPerAddress')
    }
    const id = randomBytes(16).toString('base64url')
    const session = new Session(id, this.limits)
    this.sessions.set(id, session)
    this.owners.set(id, address)
    return session
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id)
  }

  get size(): number {
    return this.sessions.size
  }

  async delete(id: string): Promise<boolean> {
    const session = this.sessions.get(id)
    if (!session) return false
    this.sessions.delete(id)
    this.owners.delete(id)
    await session.close()
    return true
  }

  /** Frees the sessions idle for longer than the limit. */
  async sweep(now = Date.now()): Promise<number> {
    // Open connections keep a session alive, but not forever: a silent one goes at 6× the limit.
    const idle = [...this.sessions.values()].filter((s) => {
      const quiet = now - s.lastActive
      return quiet > this.limits.idleSessionMs * (s.openConnections === 0 ? 1 : 6)
    })
    await Promise.all(idle.map((s) => this.delete(s.id)))
    return idle.length
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper)
    await Promise.all([...this.sessions.keys()].map((id) => this.delete(id)))
  }
}
