/**
 * Containment: whatever one session's config, requests or frames set off stays that session's
 * problem. Every way into a session's code (bytes on its virtual network, its timers, its API
 * calls, its browser clients) runs through `Session.guard`, which
 *
 * - runs the work as that session (an AsyncLocalStorage context that timers, ticks and promises
 *   started by it inherit), so even an error thrown later, outside any guard, is known to be
 *   the session's;
 * - stops the session when the work throws (its visitor is told why, the lab logs it), instead
 *   of letting the error end the process;
 * - stops it when one piece of work held the event loop longer than the block budget. The
 *   budgets (regex, value sizes, nginx's own limits) keep every known kind of work far below
 *   that; this is the net under what nobody has thought of yet.
 *
 * `installContainment` adds the process-wide net: an uncaught error or rejection is handed to
 * the session whose context it came from; one that belongs to no session is logged and counted
 * and the lab keeps serving the others.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

/** What containment needs of a session. */
export interface Contained {
  /** Stops the session for good: its connections close, its visitor reads `reason`. */
  stop(reason: string, error?: unknown): void
  /** Charges time spent in backtracking regex matches; false once the session's share is spent. */
  spendBacktracking(ms: number): boolean
}

const current = new AsyncLocalStorage<Contained>()

/** Runs `work` as `owner`: whatever it starts belongs to `owner` too. */
export function runAs<T>(owner: Contained, work: () => T): T {
  return current.run(owner, work)
}

/** The session whose work is running now, if any. */
export function currentOwner(): Contained | undefined {
  return current.getStore()
}

/**
 * The lab's backtracking runner (server/proxy/backtracking-runner.ts): one match may run this
 * long, and each session has a share of such time (Session.spendBacktracking).
 */
export const BACKTRACKING_MATCH_MS = 20

/** Charges a backtracking match to the session running it; work of no session is not limited. */
export function spendBacktracking(ms: number): boolean {
  return current.getStore()?.spendBacktracking(ms) ?? true
}

let installed = false

/**
 * Routes uncaught errors to the session they came from. `onStray` hears of the others (the lab
 * logs them); the process keeps running either way.
 */
export function installContainment(onStray: (error: unknown, origin: string) => void): void {
  if (installed) return
  installed = true
  const route = (error: unknown, origin: string): void => {
    const owner = current.getStore()
    if (owner) owner.stop('an internal error while handling this session', error)
    else onStray(error, origin)
  }
  process.on('uncaughtException', (error, origin) => route(error, origin))
  process.on('unhandledRejection', (reason) => route(reason, 'unhandledRejection'))
}
