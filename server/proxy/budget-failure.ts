/**
 * What happens when a request goes over one of the lab's budgets (budget.ts, the regex budget of
 * server/nginx/regex-match.ts): nginx's own line for the failure it would meet (an allocation
 * that fails, a PCRE2 match limit), the lab's word in the trace, and the request failed as
 * nginx fails it — a 500, or the connection closed once the response has begun. A body too big
 * to hold gets nginx's 413.
 */
import { RegexMatchLimitError } from '../nginx/regex-match.ts'
import { EvaluationBudgetError } from './budget.ts'
import type { HttpConnection } from './http-connection.ts'
import type { ActiveRequest } from './request-state.ts'
import { sendError } from './responses.ts'

export function isBudgetError(error: unknown): error is EvaluationBudgetError | RegexMatchLimitError {
  return error instanceof EvaluationBudgetError || error instanceof RegexMatchLimitError
}

/**
 * Runs a step of a request; a budget it goes over (a value too big to build, a regex match
 * past its limit) fails this request as nginx fails it, and nothing else.
 */
export function guard(conn: HttpConnection, request: ActiveRequest, step: () => void): void {
  try {
    step()
  } catch (error) {
    if (!isBudgetError(error)) throw error
    failRequest(conn, request, error)
  }
}

/**
 * A request stopped by a budget: nginx's line for the failure, the lab's own word in the trace,
 * and a 500 — or, once the response has begun, the connection closed.
 */
function failRequest(conn: HttpConnection, request: ActiveRequest, error: EvaluationBudgetError | RegexMatchLimitError): void {
  const state = request.state
  reportBudget(conn, request, error)
  if (conn.isClosed) return
  if (state.bytesSent > 0) return conn.destroy()
  // No error_page: its target could go over the same budget again.
  state.uriChanges = 0
  request.keepalive = false
  try {
    sendError(conn, { ...request, statusOverride: null }, 500)
  } catch (again) {
    // The 500's own add_header went over too: nothing more can be said on this connection.
    if (!isBudgetError(again)) throw again
    conn.destroy()
  }
}

/** nginx's error_log line for a budget's failure, and the lab's own word in the trace. */
export function reportBudget(conn: HttpConnection, request: ActiveRequest, error: EvaluationBudgetError | RegexMatchLimitError): void {
  const { trace, clock } = conn.runtime.options
  const state = request.state
  if (error instanceof EvaluationBudgetError && error.limit === 'evaluations') {
    // nginx has no limit here (it spins); nothing nginx would log, so only the trace says it.
    trace({ type: 'budget', kind: 'evaluations', detail: `${error.message} of ${state.budget.evaluations}`, time: clock.now(), connection: conn.number })
  } else if (error instanceof EvaluationBudgetError) {
    trace({ type: 'budget', kind: 'value-size', detail: `${error.message} of ${error.limit === 'valueBytes' ? state.budget.valueBytes : state.budget.requestBytes} bytes`, time: clock.now(), connection: conn.number })
    conn.logErrorFor(request, 'emerg', `malloc(${error.bytes}) failed (12: Cannot allocate memory)`, null)
  } else {
    trace({ type: 'budget', kind: 'regex', detail: `the match of "${error.pattern}" went over the lab's regex budget (a backtracking match's time, or this session's share of regex time)`, time: clock.now(), connection: conn.number })
    conn.logErrorFor(request, 'alert', `pcre2_match() failed: -47 on "${error.subject}" using "${error.pattern}"`, null)
  }
  conn.runtime.options.onBudgetTrip?.(error instanceof EvaluationBudgetError ? (error.limit === 'evaluations' ? 'evaluations' : 'value-size') : 'regex')
}

/**
 * A body bigger than the lab holds in memory (nginx would spill it to a temporary file): the
 * lab's budget answers nginx's 413 page, and says in the trace that the lab, not nginx, refused.
 */
export function bodyOverBudget(conn: HttpConnection, request: ActiveRequest, bytes: number): void {
  const { trace, clock } = conn.runtime.options
  trace({ type: 'budget', kind: 'body', detail: `a request body of ${bytes} bytes is over the lab's ${request.state.budget.bodyBytes}-byte budget (nginx would write it to a temporary file)`, time: clock.now(), connection: conn.number })
  conn.runtime.options.onBudgetTrip?.('body')
  request.keepalive = false
  sendError(conn, request, 413)
}
