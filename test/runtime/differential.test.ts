/**
 * The proxy runtime against real nginx: every scenario in test/runtime/scenarios runs through
 * nginx 1.22.1 and through `upgrade-lab serve` (both at once, fresh ports and folders each), and
 * what the client, the upstreams and the logs observed must be the same once normalized
 * (test/support/runtime/normalize.ts says what is normalized and why).
 *
 * RUNTIME_TARGET_B=nginx runs nginx on both sides: the harness's own check (must agree 100%).
 * `node --import ./server/bin/register.mjs test/runtime/scenario-report.ts` prints the same comparison as a report.
 */
import { describe, expect, it } from 'vitest'
import type { Target } from '../support/runtime-harness.ts'
import { nginxAvailable } from '../support/nginx.ts'
import { describeDisagreement, runPair } from './runner.ts'
import { scenarios } from './scenarios/index.ts'

const MIN_SCENARIOS = 60
const TARGET_B: Target = process.env.RUNTIME_TARGET_B === 'nginx' ? 'nginx' : 'upgrade-lab'
const available = nginxAvailable()

describe(`runtime scenarios: nginx vs ${TARGET_B}`, () => {
  it('has at least 60 scenarios, each with a unique name', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(MIN_SCENARIOS)
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length)
  })

  for (const scenario of scenarios) {
    it.skipIf(!available)(
      `${scenario.name}: ${scenario.about}`,
      async () => {
        const result = await runPair(scenario, 'nginx', TARGET_B)
        expect(result.errors, describeDisagreement(result)).toEqual([])
        expect(result.comparison?.equal, describeDisagreement(result)).toBe(true)
      },
      (scenario.timeoutMs ?? 15_000) + 30_000,
    )
  }
})
