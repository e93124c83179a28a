/**
 * A scenario is one situation run through a proxy: a whole nginx.conf with port tokens
 * ({{PORT}}, {{PORT2}}, {{UP1}} …, {{DEAD}}), recording upstreams with their scripts, client
 * steps, and the observation sections to compare. `runScenario` runs it against one target
 * (real nginx or `upgrade-lab serve`) in a fresh folder with fresh ports and returns the
 * normalized Observation.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { RawClient } from './client.ts'
import { normalizeObservation, splitLogLines } from './normalize.ts'
import { ALL_SECTIONS, type Observation, type Section, type Target } from './observation.ts'
import { freePort } from './ports.ts'
import { holdConnects, startNginx, startUpgradeLab, withTempPaths, type ConnectHolder, type RunningProcess } from './processes.ts'
import { RecordingUpstream, type UpstreamSpec } from './upstream.ts'

export interface StepContext {
  readonly target: Target
  /** The port behind a token (PORT, PORT2, UP1 …). */
  port(token?: string): number
  /** A new client connection to the proxy's port (token PORT by default), named c1, c2 … */
  connect(token?: string): Promise<RawClient>
  /** A scripted pause (part of the situation, e.g. traffic every 500 ms). */
  sleep(ms: number): Promise<void>
  /** Records a fact of the run under a name (compared in the `notes` section). */
  note(key: string, value: string | number | boolean): void
  upstream(name: string): RecordingUpstream
  /** The run's prefix folder. */
  readonly prefix: string
}

export interface Scenario {
  /** Kebab-case, as docs/nginx-behaviour.md lists them. */
  name: string
  /** The one concern it shows, in a sentence. */
  about: string
  /** Whole nginx.conf with port tokens. */
  config: string
  upstreams?: UpstreamSpec[]
  /** Files to create under the prefix (path → content), with a fixed mtime. */
  files?: Record<string, string>
  steps(ctx: StepContext): Promise<void>
  /** Sections to compare (default: all). */
  compare?: Section[]
  /** Upper bound for the steps (default 15 s). */
  timeoutMs?: number
  /** Log files besides logs/error.log and logs/access.log (relative to the prefix). */
  logs?: string[]
  /**
   * Keep nginx's `[info] client 127.0.0.1 closed keepalive connection` lines. They are written
   * (deterministically: each client half-closes and waits for the proxy's close) whenever a
   * client closes an idle keep-alive connection, so in most scenarios they are noise beside
   * the concern; they are dropped unless a scenario is about them (log-closed-keepalive).
   */
  keepaliveCloseLines?: boolean
}

const KEEPALIVE_CLOSE_LINE = /^\[info\] \*\d+ client \S+ closed keepalive connection$/

export interface RunOptions {
  /** Keep the run's folder (its path is in the error message or printed by the report). */
  keep?: boolean
}

/** The mtime of every scenario file, so Last-Modified and ETag are the same on every run. */
export const FIXED_MTIME = new Date('2026-01-02T03:04:05Z')

const DEFAULT_STEPS_TIMEOUT_MS = 15_000
const SETTLE_TIMEOUT_MS = 3_000

/** Tokens of a template, in order of first appearance. */
export function tokensOf(template: string, upstreams: UpstreamSpec[] = []): string[] {
  const tokens: string[] = []
  const add = (t: string): void => {
    if (!tokens.includes(t)) tokens.push(t)
  }
  add('PORT')
  for (const m of template.matchAll(/\{\{([A-Z][A-Z0-9_]*)\}\}/g)) if (m[1] !== 'PREFIX') add(m[1] as string)
  for (const u of upstreams) add(u.name)
  return tokens
}

export function fillTemplate(template: string, ports: Map<string, number>): string {
  return template.replace(/\{\{([A-Z][A-Z0-9_]*)\}\}/g, (_, token: string) => {
    const port = ports.get(token)
    if (port === undefined) throw new Error(`no port for token {{${token}}}`)
    return String(port)
  })
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path)
    const parent = dirname(full)
    mkdirSync(parent, { recursive: true })
    for (let d = parent; d.startsWith(dir) && d !== dir; d = dirname(d)) chmodSync(d, 0o755)
    writeFileSync(full, content)
    chmodSync(full, 0o644)
    utimesSync(full, FIXED_MTIME, FIXED_MTIME)
  }
}

function readLines(path: string): string[] {
  return existsSync(path) ? splitLogLines(readFileSync(path, 'utf8')) : []
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Runs a scenario against one target and returns the normalized observation. */
export async function runScenario(scenario: Scenario, target: Target, options: RunOptions = {}): Promise<Observation> {
  const dir = mkdtempSync(join(tmpdir(), `ul-rt-${scenario.name.slice(0, 40)}-${target}-`))
  chmodSync(dir, 0o755)
  mkdirSync(join(dir, 'logs'), { recursive: true })
  const upstreamSpecs = scenario.upstreams ?? []
  const portByToken = new Map<string, number>()
  for (const token of tokensOf(scenario.config, upstreamSpecs)) portByToken.set(token, await freePort())
  const tokenByPort = new Map([...portByToken].map(([t, p]) => [p, t]))

  const upstreams = new Map<string, RecordingUpstream>()
  const holders: ConnectHolder[] = []
  const clients: RawClient[] = []
  const notes: Record<string, string> = {}
  let proxy: RunningProcess | undefined
  let finished = false
  try {
    writeFiles(dir, scenario.files ?? {})
    const confPath = join(dir, 'nginx.conf')
    // {{PREFIX}}: the run folder, for what nginx takes as given (`if (-f {{PREFIX}}/html/x)`).
    writeFileSync(confPath, withTempPaths(fillTemplate(scenario.config.replaceAll('{{PREFIX}}', dir), portByToken)))
    chmodSync(confPath, 0o644)

    for (const spec of upstreamSpecs) {
      const port = portByToken.get(spec.name) as number
      upstreams.set(spec.name, await RecordingUpstream.start(spec, port))
      if (spec.mode === 'hold') holders.push(await holdConnects(port))
    }

    proxy = target === 'nginx' ? await startNginx(dir, confPath) : await startUpgradeLab(dir, confPath)

    const ctx: StepContext = {
      target,
      prefix: dir,
      port(token = 'PORT') {
        const p = portByToken.get(token)
        if (p === undefined) throw new Error(`unknown port token ${token}`)
        return p
      },
      async connect(token = 'PORT') {
        const client = await RawClient.connect(`c${clients.length + 1}`, ctx.port(token))
        clients.push(client)
        return client
      },
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      note(key, value) {
        notes[key] = String(value)
      },
      upstream(name) {
        const u = upstreams.get(name)
        if (!u) throw new Error(`unknown upstream ${name}`)
        return u
      },
    }

    await withTimeout(scenario.steps(ctx), scenario.timeoutMs ?? DEFAULT_STEPS_TIMEOUT_MS, `steps of ${scenario.name} (${target})`)

    // End of the situation: close the clients one by one, each waiting for the proxy's own close
    // (so its log lines are written and in a fixed order), then let the upstreams settle.
    for (const client of clients) await client.finish()
    await Promise.all([...upstreams.values()].map((u) => u.settled(SETTLE_TIMEOUT_MS)))
    const upstreamRecords = [...upstreams.values()].filter((u) => u.spec.mode !== 'closed' && u.spec.mode !== 'hold').map((u) => u.freeze())
    await proxy.stop()
    proxy = undefined
    finished = true

    const raw: Observation = {
      scenario: scenario.name,
      target,
      clients: clients.map((c) => c.record),
      upstreams: upstreamRecords,
      errorLog: readLines(join(dir, 'logs/error.log')),
      accessLog: readLines(join(dir, 'logs/access.log')),
      otherLogs: Object.fromEntries((scenario.logs ?? []).map((p) => [p, readLines(join(dir, p))])),
      notes,
    }
    const normalized = normalizeObservation(raw, { ports: tokenByPort, prefix: dir })
    if (!scenario.keepaliveCloseLines) normalized.errorLog = normalized.errorLog.filter((l) => !KEEPALIVE_CLOSE_LINE.test(l))
    return normalized
  } catch (error) {
    const err = error as Error
    err.message = `${scenario.name} (${target}): ${err.message}${options.keep ? `\n(run folder kept: ${dir})` : ''}`
    throw err
  } finally {
    for (const client of clients) if (!finished) await client.finish().catch(() => undefined)
    if (proxy) await proxy.stop().catch(() => proxy?.kill())
    for (const h of holders) await h.close()
    for (const u of upstreams.values()) await u.close()
    if (!options.keep) rmSync(dir, { recursive: true, force: true })
  }
}

/** The sections a scenario compares. */
export function sectionsOf(scenario: Scenario): readonly Section[] {
  return scenario.compare ?? ALL_SECTIONS
}
