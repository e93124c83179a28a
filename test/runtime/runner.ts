/**
 * Runs scenarios against two targets and compares them: the two runs of a scenario go at the
 * same time (two processes, fresh ports each), scenarios one after another unless told.
 */
import { compare, runScenario, sectionsOf, type Comparison, type Observation, type Scenario, type Target } from '../support/runtime-harness.ts'

export interface PairResult {
  scenario: Scenario
  a: Target
  b: Target
  obsA?: Observation
  obsB?: Observation
  /** Errors of either run (start failure, steps timeout …). */
  errors: string[]
  comparison?: Comparison
  ms: number
}

export interface PairOptions {
  keep?: boolean
}

export function agrees(result: PairResult): boolean {
  return result.errors.length === 0 && result.comparison?.equal === true
}

/** Runs one scenario on both targets at once and compares the observations. */
export async function runPair(scenario: Scenario, a: Target, b: Target, options: PairOptions = {}): Promise<PairResult> {
  const started = performance.now()
  const [ra, rb] = await Promise.allSettled([runScenario(scenario, a, options), runScenario(scenario, b, options)])
  const errors: string[] = []
  for (const r of [ra, rb]) if (r.status === 'rejected') errors.push(String((r.reason as Error)?.message ?? r.reason))
  const obsA = ra.status === 'fulfilled' ? ra.value : undefined
  const obsB = rb.status === 'fulfilled' ? rb.value : undefined
  const comparison = obsA && obsB ? compare(obsA, obsB, sectionsOf(scenario)) : undefined
  return { scenario, a, b, obsA, obsB, errors, comparison, ms: performance.now() - started }
}

export interface RunAllOptions extends PairOptions {
  a: Target
  b: Target
  /** Scenarios at once (each runs its two targets at once): 1 by default. */
  concurrency?: number
  onResult?: (result: PairResult) => void
}

export async function runAll(scenarios: Scenario[], options: RunAllOptions): Promise<PairResult[]> {
  const results: PairResult[] = new Array(scenarios.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < scenarios.length) {
      const index = next++
      const result = await runPair(scenarios[index] as Scenario, options.a, options.b, options)
      results[index] = result
      options.onResult?.(result)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker))
  return results
}

/** A failure message: errors, then the diff. */
export function describeDisagreement(result: PairResult): string {
  const parts = [`scenario ${result.scenario.name}: ${result.scenario.about}`]
  if (result.errors.length) parts.push(...result.errors.map((e) => `error: ${e}`))
  if (result.comparison && !result.comparison.equal) parts.push(result.comparison.diff)
  return parts.join('\n')
}
