/**
 * ngx_http_rewrite_module at run time: a block's `set`, `rewrite`, `return`, `break` and `if`
 * steps in the order written (nginx compiles them into one code array per block and runs it
 * in the server-rewrite and rewrite phases).
 *
 * An `if` whose condition holds runs the steps inside it and, in a location, switches the
 * request to the block's own configuration (ngx_http_script_if_code sets r->loc_conf), so
 * the last `if` that held decides which proxy_pass, add_header, proxy_set_header… apply:
 * nginx's "if is evil" behaviour, shown as it is.
 */
import type { RuntimeRewriteStep } from '../nginx/compile.ts'
import type { IfCondition } from '../nginx/directives/rewrite.ts'
import type { HttpConnection } from './http-connection.ts'
import type { ActiveRequest, RequestState } from './request-state.ts'
import { evaluate } from './request-vars.ts'
import { absoluteLocation, sendError, sendReturn } from './responses.ts'
import { clearCaptures, setCaptures } from './router.ts'

export type RewriteOutcome = 'answered' | 'continue' | 'relocate'

/**
 * Runs the steps; `request.settings` may change (an `if` in a location that held). 'relocate'
 * means the URI changed and the locations must be searched again (the post-rewrite phase).
 */
export function runRewrites(connection: HttpConnection, request: ActiveRequest, steps: readonly RuntimeRewriteStep[]): RewriteOutcome {
  const phase = { changed: false }
  switch (runSteps(connection, request, steps, phase)) {
    case 'answered': return 'answered'
    case 'last': return 'relocate'
    // `break` and `rewrite … break` keep the location already chosen, changed URI or not
    // (ngx_http_script_break_code clears r->uri_changed).
    case 'break': return 'continue'
    case 'end': return phase.changed ? 'relocate' : 'continue'
  }
}

/** How a list of steps ended: answered, `rewrite … last`, a break, or its end. */
type StepsOutcome = 'answered' | 'last' | 'break' | 'end'

function runSteps(connection: HttpConnection, request: ActiveRequest, steps: readonly RuntimeRewriteStep[], phase: { changed: boolean }): StepsOutcome {
  const state = request.state
  for (const step of steps) {
    if ('set' in step) state.assigned.set(step.set.name, evaluate(step.set.value, state))
    else if ('return' in step) {
      sendReturn(connection, request, step.return.status, step.return.text)
      return 'answered'
    } else if ('break' in step) return 'break'
    else if ('rewrite' in step) {
      const outcome = rewrite(connection, request, step.rewrite)
      if (outcome === 'no-match') continue
      if (outcome === 'answered') return 'answered'
      phase.changed = true
      if (outcome === 'last' || outcome === 'break') return outcome
    } else {
      const { condition, text, line, file, level } = step.if
      const result = holds(connection, condition, state)
      const { trace, clock } = connection.runtime.options
      trace({ type: 'if.evaluated', condition: text, result, line, file, time: clock.now(), connection: connection.number })
      if (!result) continue
      if (level.settings) connection.useSettings(request, level.settings)
      const inner = runSteps(connection, request, level.steps, phase)
      if (inner !== 'end') return inner
    }
  }
  return 'end'
}

type RewriteResult = 'no-match' | 'answered' | 'changed' | 'last' | 'break'

function rewrite(
  connection: HttpConnection,
  request: ActiveRequest,
  step: Extract<RuntimeRewriteStep, { rewrite: unknown }>['rewrite'],
): RewriteResult {
  const state = request.state
  const { regex, replacement, flag } = step
  const m = regex.exec(state.head.normalizedPath)
  if (!m) {
    clearCaptures(state.captures)
    return 'no-match'
  }
  setCaptures(state.captures, m)
  const target = evaluate(replacement, state)
  const q = target.indexOf('?')
  const path = q < 0 ? target : target.slice(0, q)
  const args = q < 0 ? state.head.args : target.slice(q + 1)
  if (flag === 'redirect' || flag === 'permanent' || /^(https?:)?\/\//.test(target)) {
    const status = flag === 'permanent' ? 301 : 302
    const url = args && q < 0 ? `${path}?${args}` : target.endsWith('?') ? path : target
    if (url.startsWith('/')) sendError(connection, request, status, absoluteLocation(connection, state, url))
    else sendError(connection, request, status, null, [['Location', url]])
    return 'answered'
  }
  state.head = { ...state.head, path, normalizedPath: path, args, uri: args ? `${path}?${args}` : path }
  state.uriChanged = true
  if (flag === 'last') return 'last'
  if (flag === 'break') return 'break'
  return 'changed'
}

/** ngx_http_script_if_code and the codes before it: whether an `if` condition holds. */
function holds(connection: HttpConnection, condition: IfCondition, state: RequestState): boolean {
  switch (condition.kind) {
    case 'variable': {
      // True unless empty or "0".
      const value = evaluate(condition.variable, state)
      return value !== '' && value !== '0'
    }
    case 'equals':
      return (evaluate(condition.variable, state) === evaluate(condition.value, state)) !== condition.negate
    case 'regex': {
      const m = condition.regex.exec(evaluate(condition.variable, state))
      // A match sets the captures even when the condition is negated (ngx_http_regex_exec);
      // no match empties them, as a failed `rewrite` does.
      if (m) setCaptures(state.captures, m)
      else clearCaptures(state.captures)
      return (m !== null) !== condition.negate
    }
    case 'file': {
      const found = connection.runtime.options.files.stat(evaluate(condition.path, state))
      const result =
        found !== null &&
        (condition.test === 'f' ? found.kind === 'file'
          : condition.test === 'd' ? found.kind === 'directory'
          : condition.test === 'x' ? found.executable
          : true)
      return result !== condition.negate
    }
  }
}
