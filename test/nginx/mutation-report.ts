/**
 * Differential mutation report: real `nginx -t` against the checker on mutated fixtures.
 *
 *   node --import ./server/bin/register.mjs test/nginx/mutation-report.ts [--seed N] [--count N] [--fixture NAME]...
 *
 * Options:
 *   --seed N          PRNG seed (default: UL_MUTATION_SEED, else the test's fixed seed)
 *   --count N         number of mutants (default: the test's count)
 *   --fixture NAME    only this fixture (repeatable)
 *   --fixtures DIR    fixtures folder (default: UL_MUTATION_FIXTURES, else test/fixtures/check)
 *   --id ID           only the mutant with this id (repeatable) and its whole config; ids come
 *                     from the full list, so use the --seed/--count/--fixture of the run that
 *                     reported it
 *   --nginx-only      run nginx only: the mutation mix and nginx's answers, no checker needed
 *   --keep            keep the temp folder with every mutant
 *
 * Prints agreement per operator, the histogram of nginx's first lines, and the disagreements
 * grouped by nginx's first line. Exits 1 when anything disagrees.
 */
import { parseArgs } from 'node:util'
import { nginxAvailable } from '../support/nginx.ts'
import {
  agrees,
  DEFAULT_COUNT,
  fixturesRootFromEnv,
  formatDisagreements,
  formatHistogram,
  formatOperatorTable,
  formatOutcome,
  formatSummary,
  loadFixtures,
  readable,
  runMutations,
  seedFromEnv,
  type Checker,
} from './mutation-run.ts'

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    count: { type: 'string' },
    fixture: { type: 'string', multiple: true },
    fixtures: { type: 'string' },
    id: { type: 'string', multiple: true },
    'nginx-only': { type: 'boolean' },
    keep: { type: 'boolean' },
  },
})

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`)
  return n
}

if (!nginxAvailable()) {
  console.error('nginx is not available (set NGINX_BINARY to its path)')
  process.exit(2)
}

const seed = values.seed === undefined ? seedFromEnv() : integer('seed', values.seed, 0)
const count = integer('count', values.count, DEFAULT_COUNT)
const root = values.fixtures ?? fixturesRootFromEnv()
const fixtures = loadFixtures(root, values.fixture ?? [])
if (fixtures.length === 0) {
  console.error(`no fixtures found: expected ${root}/<name>/nginx.conf${values.fixture ? ` for ${values.fixture.join(', ')}` : ''}`)
  process.exit(2)
}

let checker: Checker | undefined
if (!values['nginx-only']) {
  // Imported here so that --nginx-only works before the checker exists.
  const { runCheck } = await import('../../server/cli/check.ts')
  checker = (file) => runCheck(file)
}

const run = await runMutations({
  fixtures,
  seed,
  count,
  checker,
  keep: values.keep,
  ids: values.id,
  onProgress: (done, total) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total}`)
  },
})
if (process.stderr.isTTY) process.stderr.write('\r')

const print = (s = ''): void => {
  process.stdout.write(`${s}\n`)
}

if (values.id && values.id.length > 0) {
  if (run.outcomes.length === 0) print(`no mutant with id ${values.id.join(', ')} among ${count} mutants of seed ${seed}`)
  for (const o of run.outcomes) {
    print(formatOutcome(o).replace(/^✗/, agrees(o) ? '✓' : '✗'))
    print('  config:')
    readable(o.mutant.text)
      .split('\n')
      .forEach((line, i) => print(`    ${String(i + 1).padStart(3)} | ${line}`))
    print()
  }
}

const names = run.fixtures.length <= 8 ? run.fixtures.join(', ') : `${run.fixtures.length} from ${root}`
print(`== Mutation report (fixtures: ${names})`)
print(formatSummary(run))
if (run.workDir) print(`mutants kept in ${run.workDir}`)
print()
print('== Per operator')
print(formatOperatorTable(run.outcomes))
print()
print("== nginx's first lines")
print(formatHistogram(run.outcomes))
const bad = run.outcomes.filter((o) => o.ours !== null && !agrees(o))
if (bad.length > 0) {
  print()
  print(`== Disagreements (${bad.length}), grouped by nginx's first line`)
  print()
  print(formatDisagreements(run.outcomes))
}
process.exitCode = bad.length > 0 ? 1 : 0
