/**
 * The editor's side of the engine worker. Two promises it keeps:
 *
 * - A newer text's results always win. Checks are never queued behind each other: while one
 *   runs, only the newest text waits, and a result for a text that has since changed is
 *   dropped (its promise resolves to null).
 * - Nothing the learner types can freeze the page. A call that runs past its budget is cut by
 *   terminating the worker (a worker cannot be interrupted any other way) and starting a new
 *   one; the caller hears about it through `onCut` and the call resolves to null.
 */
import { wrap, type Remote } from 'comlink'
import type { CheckOutcome, ConfigInput, EngineApi } from './engine-protocol.ts'

export interface EngineClientOptions {
  /** How long one call may run before the worker is restarted (ms). */
  budgetMs?: number
  /** Called when a call was cut: what it was, and the budget it ran past. */
  onCut?: (what: string, budgetMs: number) => void
  /** Makes the worker: a function, so tests and bundlers each say how. */
  createWorker?: () => Worker
}

export interface EngineClient {
  /** Checks `input`; null when a newer check replaced it or it was cut. */
  check(input: ConfigInput): Promise<CheckOutcome | null>
  /** Runs `call` on the worker after the newest text has been handed over; null when cut. */
  ask<T>(what: string, call: (api: Remote<EngineApi>) => Promise<T>): Promise<T | null>
  dispose(): void
}

export const DEFAULT_BUDGET_MS = 1000

function defaultWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'upgrade-lab-engine' })
}

export function createEngineClient(options: EngineClientOptions = {}): EngineClient {
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS
  const createWorker = options.createWorker ?? defaultWorker
  let worker = createWorker()
  let api = wrap<EngineApi>(worker)
  // A worker's start (fetching and compiling the engine: seconds on a slow phone) is not a
  // check running away: the budget starts once the worker has answered once.
  let started = api.versions()
  /** Bumped when the worker is replaced: answers from an old worker are ignored. */
  let generation = 0
  let disposed = false

  let latest = 0
  let running: Promise<unknown> | null = null
  let waiting: { seq: number; input: ConfigInput; settle: (outcome: CheckOutcome | null) => void } | null = null

  const restart = (what: string): void => {
    worker.terminate()
    generation++
    worker = createWorker()
    api = wrap<EngineApi>(worker)
    started = api.versions()
    options.onCut?.(what, budgetMs)
  }

  /** `call` on the current worker, or null if it ran past the budget (the worker is replaced). */
  const withBudget = async <T>(what: string, call: (remote: Remote<EngineApi>) => Promise<T>): Promise<T | null> => {
    const mine = generation
    await started
    if (generation !== mine || disposed) return null
    return new Promise<T | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (generation === mine && !disposed) restart(what)
        resolve(null)
      }, budgetMs)
      call(api).then(
        (value) => {
          clearTimeout(timer)
          resolve(generation === mine ? value : null)
        },
        (error: unknown) => {
          clearTimeout(timer)
          if (generation === mine) reject(error)
          else resolve(null)
        },
      )
    })
  }

  const runNext = (): void => {
    if (running || !waiting || disposed) return
    const { seq, input, settle } = waiting
    waiting = null
    running = withBudget('check', (remote) => remote.check(input))
      .then(
        (outcome) => settle(seq === latest ? outcome : null),
        () => settle(null),
      )
      .finally(() => {
        running = null
        runNext()
      })
  }

  return {
    check(input) {
      const seq = ++latest
      waiting?.settle(null)
      return new Promise((settle) => {
        waiting = { seq, input, settle }
        runNext()
      })
    },
    async ask(what, call) {
      // The worker answers in order, so a question asked after the newest check is about its text.
      while (running || waiting) await (running ?? Promise.resolve())
      if (disposed) return null
      return withBudget(what, call)
    },
    dispose() {
      disposed = true
      waiting?.settle(null)
      waiting = null
      worker.terminate()
    },
  }
}
