/**
 * Every fixture under test/fixtures/check must get exactly what real `nginx -t` prints from
 * `upgrade-lab check`: exit status and the whole of stderr (warnings, the first [emerg] with
 * its file and line, the verdict lines).
 */
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../server/cli/check.ts'
import { nginxAvailable } from '../support/nginx.ts'
import { fixturesRootFromEnv, formatFailure, loadFixtures, runFixtures } from './mutation-run.ts'

const MIN_FIXTURES = 60

describe('checker vs nginx -t on the fixtures', () => {
  it.skipIf(!nginxAvailable())(
    'prints what nginx -t prints for every fixture',
    async () => {
      const fixtures = loadFixtures(fixturesRootFromEnv())
      expect(fixtures.length).toBeGreaterThanOrEqual(MIN_FIXTURES)
      const run = await runFixtures({ fixtures, checker: (file) => runCheck(file) })
      const disagreeing = run.outcomes.filter((o) => !(o.statusAgrees && o.stderrAgrees))
      expect(disagreeing.length, formatFailure({ ...run, outcomes: disagreeing })).toBe(0)
    },
    180_000,
  )
})
