/**
 * Runs runtime scenarios and prints, per scenario, whether the two targets agree and the diff
 * when they do not: the runtime author's loop.
 *
 *   node --import ./server/bin/register.mjs test/runtime/scenario-report.ts [options]
 *
 *   --only NAME...         only these scenarios (names, or prefixes ending in *: ws-*)
 *   --target T             both (default: nginx vs upgrade-lab), nginx or upgrade-lab (print
 *                          that target's observations, nothing compared)
 *   --determinism          nginx against nginx (two runs at once, as the test runs its targets):
 *                          proves that the scenarios are deterministic
 *   --runs N               repeat the whole comparison N times (default 1)
 *   --concurrency N        scenarios at once (default 1; each runs its two targets at once)
 *   --show                 print both observations, also when they agree
 *   --keep                 keep the run folders (under the system temp folder)
 *   --list                 list the scenarios and exit
 *
 * Exit status 0 when every scenario agreed on every run, 1 otherwise.
 */
import { renderObservation, runScenario, sectionsOf, type Scenario, type Target } from '../support/runtime-harness.ts'
import { agrees, describeDisagreement, runAll, type PairResult } from './runner.ts'
import { scenarios } from './scenarios/index.ts'

interface Options {
  only: string[]
  target: 'both' | Target
  determinism: boolean
  runs: number
  concurrency: number
  show: boolean
  keep: boolean
  list: boolean
}

function parse(argv: string[]): Options {
  const o: Options = { only: [], target: 'both', determinism: false, runs: 1, concurrency: 1, show: false, keep: false, list: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${arg} needs a value`)
      return v
    }
    switch (arg) {
      case '--only':
        while (argv[i + 1] !== undefined && !(argv[i + 1] as string).startsWith('--')) o.only.push(...(argv[++i] as string).split(','))
        break
      case '--target': {
        const t = value()
        if (t !== 'both' && t !== 'nginx' && t !== 'upgrade-lab') throw new Error(`--target: nginx, upgrade-lab or both, not ${t}`)
        o.target = t
        break
      }
      case '--determinism':
        o.determinism = true
        break
      case '--runs':
        o.runs = Math.max(1, Number(value()))
        break
      case '--concurrency':
        o.concurrency = Math.max(1, Number(value()))
        break
      case '--show':
        o.show = true
        break
      case '--keep':
        o.keep = true
        break
      case '--list':
        o.list = true
        break
      default:
        throw new Error(`unknown option ${arg}`)
    }
  }
  return o
}

function select(all: Scenario[], only: string[]): Scenario[] {
  if (only.length === 0) return all
  const picked = all.filter((s) => only.some((p) => (p.endsWith('*') ? s.name.startsWith(p.slice(0, -1)) : s.name === p)))
  const unknown = only.filter((p) => !p.endsWith('*') && !all.some((s) => s.name === p))
  if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')}`)
  return picked
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2))
  const chosen = select(scenarios, options.only)
  if (options.list) {
    for (const s of chosen) console.log(`${s.name.padEnd(48)} ${s.about}`)
    console.log(`${chosen.length} scenarios`)
    return 0
  }

  if (options.target !== 'both' && !options.determinism) {
    let failed = 0
    for (const s of chosen) {
      const started = performance.now()
      try {
        const obs = await runScenario(s, options.target, { keep: options.keep })
        console.log(`### ${s.name} (${options.target}, ${secs(performance.now() - started)})\n${renderObservation(obs, sectionsOf(s))}\n`)
      } catch (error) {
        failed++
        console.log(`### ${s.name} (${options.target}) FAILED\n${(error as Error).message}\n`)
      }
    }
    return failed ? 1 : 0
  }

  const a: Target = 'nginx'
  const b: Target = options.determinism ? 'nginx' : 'upgrade-lab'
  const started = performance.now()
  const failedNames = new Set<string>()
  let allResults: PairResult[] = []
  for (let run = 1; run <= options.runs; run++) {
    if (options.runs > 1) console.log(`=== run ${run} of ${options.runs}: ${a} vs ${b}`)
    const results = await runAll(chosen, {
      a,
      b,
      concurrency: options.concurrency,
      keep: options.keep,
      onResult(r) {
        const ok = agrees(r)
        if (!ok) failedNames.add(r.scenario.name)
        console.log(`${ok ? 'agree   ' : 'DIFFER  '} ${r.scenario.name} (${secs(r.ms)})`)
        if (!ok) console.log(indent(describeDisagreement(r)))
        if (options.show || !ok) {
          if (r.obsA) console.log(indent(`--- ${a} observation:\n${renderObservation(r.obsA, sectionsOf(r.scenario))}`))
          if (r.obsB && options.show) console.log(indent(`--- ${b} observation:\n${renderObservation(r.obsB, sectionsOf(r.scenario))}`))
        }
      },
    })
    allResults = allResults.concat(results)
  }
  const agreeing = allResults.filter(agrees).length
  console.log(`\n${agreeing}/${allResults.length} scenario runs agree (${a} vs ${b}), ${secs(performance.now() - started)}`)
  if (failedNames.size) console.log(`disagreeing: ${[...failedNames].join(' ')}`)
  return failedNames.size ? 1 : 0
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')
}

// Ctrl-C: exit through process.exit so that the harness's exit hook kills the process groups.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error((error as Error).message)
    process.exitCode = 2
  },
)
