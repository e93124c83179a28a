/**
 * What one request may build while it runs. nginx leaves the size of a value to its operator
 * (it allocates whatever `set $a $a$a` doubles to); a lab shared by strangers cannot, so values
 * have a size budget. Past it the request fails as nginx fails an allocation: `malloc() failed`
 * in the error log and a 500 — never the process.
 */

export interface EvaluationBudget {
  /** Largest single value (a variable, a `return` or `add_header` text, a log line), in characters. */
  valueBytes: number
  /** All the values one request builds together, in characters. */
  requestBytes: number
  /** A request body held in memory (nginx would spill the rest to a temporary file). */
  bodyBytes: number
  /** Variables one request may compute (a cycle of volatile maps is exponential in nginx too). */
  evaluations: number
}

/**
 * 1 MiB per value, 8 MiB per request, 8 MiB of body: far above any config a person writes, far
 * below harm. The lab uses a smaller one (server/sandbox/session.ts).
 */
export const DEFAULT_BUDGET: EvaluationBudget = { valueBytes: 1 << 20, requestBytes: 8 << 20, bodyBytes: 8 << 20, evaluations: 1_000_000 }

/** Which budget stopped a request (the `budget` trace event, the lab's metrics). */
export type BudgetKind = 'value-size' | 'evaluations' | 'regex' | 'body'

/** A request went over its budget while building a value. */
export class EvaluationBudgetError extends Error {
  constructor(
    /** How big the value (or the request's total) had grown when it was stopped. */
    readonly bytes: number,
    readonly limit: 'valueBytes' | 'requestBytes' | 'evaluations',
  ) {
    super(
      limit === 'evaluations'
        ? `${bytes} variable evaluations in one request is over the budget`
        : `a value of ${bytes} bytes is over the ${limit === 'valueBytes' ? 'per-value' : 'per-request'} budget`,
    )
  }
}
