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
import { setLinearAnswerHook, setMatchCostHook } from '../nginx/regex-match.ts'
import { installBacktrackingRunner } from '../proxy/backtracking-runner.ts'

/** What containment needs of a session. */
export interface Contained {
  /** Stops the session for good: its connections close, its visitor reads `reason`. */
  stop(reason: string, error?: unknown): void
  /**
   * Charges time spent on config regexes (matches, backtracking or not, and compiling them);
   * false once the session's share is spent. 0 only asks.
   */
  spendRegexTime(ms: number): boolean
  /** The linear engine answered "no match" where nginx's PCRE2 may have given up (regex-match.ts). */
  noteLinearAnswer(pattern: string, subject: string): void
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
 * long, and each session has a share of regex time (Session.spendRegexTime).
 */
export const BACKTRACKING_MATCH_MS = 20


/**
 * Regex time not yet told to the session it belongs to. Session.spendRegexTime reads the
 * clock (50 ns), as long as a cheap match takes; so a session's cheap matches are added up here
 * and told in one go: when they reach REGEX_BATCH_MS, when another session's regex work comes,
 * and at the end of the current piece of work (a microtask). A session can so run this much
 * past its share, no more.
 */
const REGEX_BATCH_MS = 0.25
let batchOwner: Contained | null = null
let batchMs = 0
let batchOk = true
let flushQueued = false

function flushBatch(): void {
  flushQueued = false
  if (batchOwner !== null && batchMs > 0) batchOwner.spendRegexTime(batchMs)
  batchOwner = null
  batchMs = 0
}

/**
 * Charges config regex work (regex-match.ts's cost hook, the backtracking runner's spend) to
 * the session running it, from its one share of regex time (Session.spendRegexTime); false
 * once that is spent. Work of no session is not limited.
 */
export function spendRegex(ms: number): boolean {
  const owner = current.getStore()
  if (owner === undefined) return true
  if (owner === batchOwner) {
    batchMs += ms
    if (batchOk && batchMs < REGEX_BATCH_MS) return true
  } else {
    if (batchOwner !== null && batchMs > 0) batchOwner.spendRegexTime(batchMs)
    batchOwner = owner
    batchMs = ms
    if (!flushQueued) {
      flushQueued = true
      queueMicrotask(flushBatch)
    }
  }
  batchOk = owner.spendRegexTime(batchMs)
  batchMs = 0
  return batchOk
}

/**
 * The lab's regex limits, for the whole process (lab-server.ts calls it once; again is
 * harmless): every match of a config regex, linear or not, and every compilation is charged
 * to the session running it (spendRegex), whose matches fail as nginx's do at PCRE2's match
 * limit once its share is spent; a match only a backtracking engine can run also stops after
 * BACKTRACKING_MATCH_MS. Compiled programs are bounded process-wide by regex-match.ts itself
 * (DEFAULT_COMPILED_REGEX_BYTES), for `serve` too.
 */
export function installRegexBudget(): void {
  setLinearAnswerHook((pattern, subject) => current.getStore()?.noteLinearAnswer(pattern, subject))
  setMatchCostHook(spendRegex)
  installBacktrackingRunner({ timeoutMs: BACKTRACKING_MATCH_MS, spend: spendRegex })
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
