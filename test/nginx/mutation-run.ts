/**
 * The differential mutation run shared by `differential-mutations.test.ts` (asserts) and
 * `mutation-report.ts` (prints): load fixtures, generate mutants, run real `nginx -t` and the
 * checker on each, and format what disagrees.
 *
 * Everything runs in a temp dir: every fixture folder is copied there once, and each mutant
 * gets its own folder (a copy of the fixture's support files plus the mutated nginx.conf), so
 * nginx's startup.log and any file it creates never land in the repo.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { nginxTestAsync, type NginxTestResult } from '../support/nginx.ts'
import { generateMutants, OPERATORS, type Mutant, type OperatorName } from './mutate.ts'

export const DEFAULT_SEED = 20261122
/** Mutants per run (the test requires at least 600). */
export const DEFAULT_COUNT = 650
/** nginx processes at once. */
export const NGINX_CONCURRENCY = 2

const here = dirname(fileURLToPath(import.meta.url))
export const DEFAULT_FIXTURES_ROOT = resolve(here, '../fixtures/check')

/** `UL_MUTATION_SEED` when set (decimal or 0x hex), else the fixed default. */
export function seedFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.UL_MUTATION_SEED?.trim()
  if (!raw) return DEFAULT_SEED
  const seed = Number(raw)
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`UL_MUTATION_SEED must be an integer in [0, 2^32), got "${raw}"`)
  }
  return seed
}

/** The fixtures folder: `UL_MUTATION_FIXTURES` when set, else test/fixtures/check. */
export function fixturesRootFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.UL_MUTATION_FIXTURES ? resolve(env.UL_MUTATION_FIXTURES) : DEFAULT_FIXTURES_ROOT
}

export interface Fixture {
  name: string
  /** The fixture's folder in the repo (read only). */
  dir: string
  /**
   * nginx.conf read as latin1: one char per byte, so mutants keep every byte of the fixture
   * (UTF-8 comments, stray bytes, CRLF) exactly; `readable` turns it back into text for display.
   */
  text: string
}

/** Every `<root>/<name>/nginx.conf`, sorted by name; `only` keeps the named ones. */
export function loadFixtures(root: string, only: readonly string[] = []): Fixture[] {
  if (!existsSync(root)) return []
  const names = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'nginx.conf')))
    .map((e) => e.name)
    .filter((name) => only.length === 0 || only.includes(name))
    .sort()
  return names.map((name) => ({ name, dir: join(root, name), text: readFileSync(join(root, name, 'nginx.conf'), 'latin1') }))
}

/** What the checker is asked: the same contract as `runCheck` from server/cli/check.ts. */
export type Checker = (file: string) => NginxTestResult

export interface Outcome {
  mutant: Mutant
  /** The mutant's nginx.conf (absolute; its folder is gone unless the run kept it). */
  file: string
  nginx: NginxTestResult
  /** Null in an nginx-only run. */
  ours: NginxTestResult | null
  statusAgrees: boolean
  firstLineAgrees: boolean
  /** The whole stderr agrees (reported, not asserted). */
  stderrAgrees: boolean
}

export interface RunOptions {
  fixtures: readonly Fixture[]
  seed: number
  count: number
  /** Omit for an nginx-only run (histogram of nginx's answers, no comparison). */
  checker?: Checker
  /** Keep the temp dir (its path is in the result). */
  keep?: boolean
  /** Only run the mutants with these ids (generation still sees every fixture's full list). */
  ids?: readonly string[]
  onProgress?: (done: number, total: number) => void
}

export interface RunResult {
  seed: number
  fixtures: string[]
  outcomes: Outcome[]
  /** The temp dir, when kept. */
  workDir: string | null
  millis: number
}

export const firstLine = (stderr: string): string => stderr.split('\n', 1)[0] ?? ''

/** Copies a folder (files, subfolders, symlinks as links). */
function copyDir(from: string, to: string, skip: (name: string) => boolean = () => false): void {
  mkdirSync(to, { recursive: true })
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue
    const src = join(from, entry.name)
    const dst = join(to, entry.name)
    if (entry.isDirectory()) copyDir(src, dst)
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dst)
    else copyFileSync(src, dst)
  }
}

/** Runs `fn` over the items with at most `limit` promises pending, keeping the order. */
async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

function callChecker(checker: Checker, file: string): NginxTestResult {
  try {
    const result = checker(file)
    return { stderr: String(result.stderr), status: result.status }
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
    return { stderr: `runCheck threw: ${text}\n`, status: -2 }
  }
}

export async function runMutations(options: RunOptions): Promise<RunResult> {
  let mutants = generateMutants(options.fixtures, { seed: options.seed, count: options.count })
  if (options.ids && options.ids.length > 0) {
    const ids = options.ids
    mutants = mutants.filter((m) => ids.includes(m.id))
  }
  return runCases(mutants, options)
}

/** Every fixture as it is (no mutation), through the same comparison. */
export function runFixtures(options: Omit<RunOptions, 'seed' | 'count'>): Promise<RunResult> {
  const cases = options.fixtures.map(
    (f): Mutant => ({ id: `${f.name}/none/0`, fixture: f.name, operator: 'none' as OperatorName, description: 'the fixture as it is', text: f.text, changes: [] }),
  )
  return runCases(cases, { ...options, seed: 0, count: cases.length })
}

async function runCases(mutants: readonly Mutant[], options: RunOptions): Promise<RunResult> {
  const started = Date.now()
  const workDir = mkdtempSync(join(tmpdir(), 'ul-mutations-'))
  try {
    // The fixtures' support files, copied once; nginx.conf comes from each mutant.
    const support = new Map<string, string>()
    for (const fixture of options.fixtures) {
      const copy = join(workDir, 'fixtures', fixture.name)
      copyDir(fixture.dir, copy, (name) => name === 'nginx.conf' || name === 'startup.log')
      support.set(fixture.name, copy)
    }
    let done = 0
    const outcomes = await mapPool(mutants, NGINX_CONCURRENCY, async (mutant, index) => {
      const dir = join(workDir, 'mutants', `${String(index).padStart(4, '0')}-${mutant.fixture}-${mutant.operator}`)
      copyDir(support.get(mutant.fixture) as string, dir)
      const file = join(dir, 'nginx.conf')
      writeFileSync(file, mutant.text, 'latin1')
      // The checker first, while the folder is exactly as the fixture left it.
      const ours = options.checker ? callChecker(options.checker, file) : null
      const nginx = await nginxTestAsync(file)
      if (!options.keep) rmSync(dir, { recursive: true, force: true })
      options.onProgress?.(++done, mutants.length)
      const statusAgrees = ours !== null && ours.status === nginx.status
      const firstLineAgrees = ours !== null && firstLine(ours.stderr) === firstLine(nginx.stderr)
      return { mutant, file, nginx, ours, statusAgrees, firstLineAgrees, stderrAgrees: ours !== null && ours.stderr === nginx.stderr }
    })
    return {
      seed: options.seed,
      fixtures: options.fixtures.map((f) => f.name),
      outcomes,
      workDir: options.keep ? workDir : null,
      millis: Date.now() - started,
    }
  } finally {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true })
  }
}

export const agrees = (o: Outcome): boolean => o.statusAgrees && o.firstLineAgrees

// ---------------------------------------------------------------------------------------------
// Formatting

/** The kind of a first line: file and line number dropped, quoted names (2+ chars) blanked. */
export function messageKind(line: string, file: string): string {
  return line
    .split(file)
    .join('<file>')
    .split(dirname(file))
    .join('DIR')
    .replace(/ in <file>:\d+$/, '')
    .replace(/ in (DIR\/\S+):\d+$/, ' in $1')
    .replace(/(^|[\s(])"([^"]*)"(?=$|[\s,;:)])/g, (all, before: string, inner: string) =>
      inner.length >= 2 ? `${before}"…"` : all,
    )
}

/** Text from a latin1 fixture (bytes as chars) for display: decoded as UTF-8, CR dropped. */
export const readable = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r$/gm, '')

/** A line for display, with the mutant's folder shortened. */
const shown = (line: string, file: string): string => line.split(dirname(file)).join('DIR')

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n')
}

const MAX_CHANGED_LINES = 14

/** One disagreement: fixture, operator, the mutated lines, nginx's output and ours. */
export function formatOutcome(o: Outcome): string {
  const lines: string[] = []
  lines.push(`✗ ${o.mutant.fixture}  ${o.mutant.operator}  [${o.mutant.id}]`)
  lines.push(`  ${readable(o.mutant.description)}`)
  const changes = o.mutant.changes
  const width = String(Math.max(0, ...changes.map((c) => c.line))).length
  for (const c of changes.slice(0, MAX_CHANGED_LINES)) lines.push(`    ${c.sign} ${String(c.line).padStart(width)} | ${readable(c.text)}`)
  if (changes.length > MAX_CHANGED_LINES) lines.push(`    … ${changes.length - MAX_CHANGED_LINES} more changed lines`)
  const stderr = (r: NginxTestResult | null): string =>
    r === null ? '(not run)' : r.stderr.trimEnd() === '' ? '(empty)' : shown(r.stderr.trimEnd(), o.file)
  lines.push(`  nginx (exit ${o.nginx.status}):`)
  lines.push(indent(stderr(o.nginx), '      '))
  lines.push(`  ours  (exit ${o.ours?.status ?? '-'}):`)
  lines.push(indent(stderr(o.ours), '      '))
  return lines.join('\n')
}

/** Disagreements grouped by the kind of nginx's first line, biggest group first. */
export function formatDisagreements(outcomes: readonly Outcome[]): string {
  const bad = outcomes.filter((o) => !agrees(o))
  const groups = new Map<string, Outcome[]>()
  for (const o of bad) {
    const kind = messageKind(firstLine(o.nginx.stderr), o.file)
    groups.set(kind, [...(groups.get(kind) ?? []), o])
  }
  const sections = [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([kind, list]) => [`── nginx: ${kind}  (${list.length})`, ...list.map(formatOutcome)].join('\n\n'))
  return sections.join('\n\n')
}

/** Histogram of nginx's first-line kinds, with one example each. */
export function formatHistogram(outcomes: readonly Outcome[]): string {
  const counts = new Map<string, { n: number; example: string }>()
  for (const o of outcomes) {
    const line = firstLine(o.nginx.stderr)
    const kind = `exit ${o.nginx.status}  ${messageKind(line, o.file)}`
    const entry = counts.get(kind) ?? { n: 0, example: shown(line, o.file).replace(/^nginx: /, '') }
    entry.n++
    counts.set(kind, entry)
  }
  const rows = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))
  const width = String(rows[0]?.[1].n ?? 0).length
  return rows
    .map(([kind, { n, example }]) => `${String(n).padStart(width)}  ${kind}\n${' '.repeat(width)}    e.g. ${example}`)
    .join('\n')
}

/** Mutants (and agreements, when compared) per operator. */
export function formatOperatorTable(outcomes: readonly Outcome[]): string {
  const compared = outcomes.some((o) => o.ours !== null)
  const rows = OPERATORS.map((op: OperatorName) => {
    const list = outcomes.filter((o) => o.mutant.operator === op)
    const failing = list.filter((o) => o.nginx.status !== 0).length
    const agreed = list.filter(agrees).length
    const base = `${op.padEnd(20)} ${String(list.length).padStart(4)} mutants, ${String(failing).padStart(4)} rejected by nginx`
    return compared ? `${base}, ${String(agreed).padStart(4)} agree` : base
  })
  return rows.join('\n')
}

const percent = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`)

export function formatSummary(run: RunResult): string {
  const total = run.outcomes.length
  const compared = run.outcomes.some((o) => o.ours !== null)
  const lines = [
    `seed ${run.seed}, ${total} mutants over ${run.fixtures.length} fixtures, ${(run.millis / 1000).toFixed(1)} s`,
  ]
  if (compared) {
    const agreed = run.outcomes.filter(agrees).length
    lines.push(
      `agreement (exit status + first stderr line): ${agreed}/${total} = ${percent(agreed, total)}`,
      `  exit status only: ${percent(run.outcomes.filter((o) => o.statusAgrees).length, total)}` +
        `, first line only: ${percent(run.outcomes.filter((o) => o.firstLineAgrees).length, total)}` +
        `, whole stderr: ${percent(run.outcomes.filter((o) => o.stderrAgrees).length, total)}`,
    )
  }
  return lines.join('\n')
}

/** The test's failure message: summary, then every disagreeing mutant grouped by nginx's first line. */
export function formatFailure(run: RunResult): string {
  const bad = run.outcomes.filter((o) => !agrees(o)).length
  return [
    `${bad} of ${run.outcomes.length} mutants disagree with nginx -t (one mutant: node --import ./server/bin/register.mjs test/nginx/mutation-report.ts --seed ${run.seed} --id <id>)`,
    formatSummary(run),
    '',
    formatDisagreements(run.outcomes),
  ].join('\n')
}
