/**
 * Differential mutation fuzzing: every fixture under test/fixtures/check, mutated hundreds of
 * ways (mutate.ts), must get the same exit status and the same first stderr line from the
 * checker as from real `nginx -t`. The seed is fixed; set UL_MUTATION_SEED to explore others.
 * `node --import ./server/bin/register.mjs test/nginx/mutation-report.ts` prints the same run as a report.
 */
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../server/cli/check.ts'
import { nginxAvailable } from '../support/nginx.ts'
import { agrees, DEFAULT_COUNT, fixturesRootFromEnv, formatFailure, loadFixtures, runMutations, seedFromEnv } from './mutation-run.ts'

const MIN_MUTANTS = 600
const seed = seedFromEnv()

describe('checker vs nginx -t on mutated fixtures', () => {
  // Skips only without nginx outside CI: nginxAvailable() throws when CI=true and nginx is missing.
  it.skipIf(!nginxAvailable())(
    `agrees on exit status and first stderr line for ${DEFAULT_COUNT} mutants (seed ${seed})`,
    async () => {
      const root = fixturesRootFromEnv()
      const fixtures = loadFixtures(root)
      expect(fixtures.length, `no fixture folders with an nginx.conf under ${root}`).toBeGreaterThan(0)

      const run = await runMutations({ fixtures, seed, count: DEFAULT_COUNT, checker: (file) => runCheck(file) })

      expect(run.outcomes.length, 'too few distinct mutants: the fixtures are too small').toBeGreaterThanOrEqual(MIN_MUTANTS)
      const disagreeing = run.outcomes.filter((o) => !agrees(o))
      expect(disagreeing.length, formatFailure(run)).toBe(0)
    },
    180_000,
  )
})
