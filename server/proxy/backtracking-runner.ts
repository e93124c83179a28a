/**
 * The Node runner for config regex matches that may take long (regex-match.ts): those only a
 * backtracking engine can run (backreferences, lookahead, atomic groups), and large RE2
 * programs on long subjects. Each runs in a vm context with a time limit: V8's
 * TerminateExecution interrupts a RegExp in the middle of its backtracking (and any JavaScript,
 * re2js included), so `^(a|aa)+\1$` on a long subject stops at the limit instead of holding
 * the event loop; the caller gets RegexMatchLimitError, nginx's `pcre2_match() failed: -47`
 * (its match limit). A timed run costs about 70 µs more than a plain one (a watchdog thread).
 */
import vm from 'node:vm'
import { RegexMatchLimitError, setBacktrackingRunner, type BacktrackingRunner, type Matcher } from '../nginx/regex-match.ts'

export interface BacktrackingRunnerOptions {
  /** The longest one match may run. */
  timeoutMs: number
  /**
   * Told how long each match took (0 before a match, to ask whether any budget is left);
   * false when the caller's budget is spent, and the match fails with RegexMatchLimitError.
   */
  spend?: (ms: number) => boolean
}

/** A runner with a time limit; one reusable context, so a match costs no context creation. */
export function backtrackingRunner(options: BacktrackingRunnerOptions): BacktrackingRunner {
  // vm takes whole milliseconds, at least one.
  const timeout = Math.max(1, Math.ceil(options.timeoutMs))
  const sandbox: { re: Matcher | null; s: string } = { re: null, s: '' }
  const context = vm.createContext(sandbox)
  const script = new vm.Script('re.exec(s)')
  return (matcher, subject, pattern) => {
    if (options.spend && !options.spend(0)) throw new RegexMatchLimitError(pattern, subject)
    sandbox.re = matcher
    sandbox.s = subject
    const start = performance.now()
    let result: RegExpExecArray | null
    try {
      result = script.runInContext(context, { timeout }) as RegExpExecArray | null
    } catch (error) {
      options.spend?.(performance.now() - start)
      if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new RegexMatchLimitError(pattern, subject)
      throw error
    } finally {
      // Hold neither the pattern nor the visitor's text between matches.
      sandbox.re = null
      sandbox.s = ''
    }
    if (options.spend && !options.spend(performance.now() - start)) throw new RegexMatchLimitError(pattern, subject)
    return result
  }
}

/** Makes every backtracking config regex of this process run with these limits. */
export function installBacktrackingRunner(options: BacktrackingRunnerOptions): void {
  setBacktrackingRunner(backtrackingRunner(options))
}
