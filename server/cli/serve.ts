/**
 * `upgrade-lab serve FILE`: the config's http servers on 127.0.0.1 at their listen ports,
 * proxying to the real addresses it names (docs/architecture.md "CLI contract"). Logs go where the config
 * says (relative paths against its folder); without an access_log, to stdout; without an
 * error_log, to stderr. `--trace` prints every trace event on stdout: a JSON line each, or a line
 * in words (trace-pretty.ts).
 */
import { createWriteStream, readFileSync, realpathSync, statSync, type WriteStream } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, resolve } from 'node:path'
import { compileConfig } from '../nginx/compile.ts'
import type { ErrorLogTarget } from '../proxy/logs.ts'
import { realNetwork, type ProxyNetwork } from '../proxy/network.ts'
import { installBacktrackingRunner } from '../proxy/backtracking-runner.ts'
import { ProxyRuntime, type StaticFiles } from '../proxy/runtime.ts'
import { systemClock } from '../proxy/clock.ts'
import { noTrace, type TraceEvent, type TraceSink } from '../proxy/trace.ts'
import { prettyTrace } from './trace-pretty.ts'
import { runCheck } from './check.ts'

/** How long one backtracking regex match may run under `serve`. */
const SERVE_BACKTRACKING_MATCH_MS = 1000

export interface ServeOptions {
  nginxVersion?: string
  /** Print every trace event: `true` or 'json' as JSON lines, 'pretty' in words, `pretty-colour` in words with colour. */
  trace?: boolean | 'json' | 'pretty' | 'pretty-colour'
  /** Decode WebSocket frames passing through tunnels for the trace (on by default). */
  inspectFrames?: boolean
  stdout?: (text: string) => void
  stderr?: (text: string) => void
  /** Where wildcard listens bind (127.0.0.1 by the contract). */
  bindAddress?: string
  network?: ProxyNetwork
}

export interface RunningServer {
  runtime: ProxyRuntime
  stop(): Promise<void>
}

/** The real file system for `root`, with errno as nginx reports it. */
export const realFiles: StaticFiles = {
  read(path) {
    try {
      const stat = statSync(path)
      if (stat.isDirectory()) return { ok: false, errno: 21, text: 'Is a directory', directory: true }
      return { ok: true, data: readFileSync(path), mtimeMs: stat.mtimeMs }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EACCES') return { ok: false, errno: 13, text: 'Permission denied' }
      return { ok: false, errno: 2, text: 'No such file or directory' }
    }
  },
  stat(path) {
    try {
      const stat = statSync(path)
      // ngx_is_exec: any of the three execute bits.
      return { kind: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other', executable: (stat.mode & 0o111) !== 0 }
    } catch {
      return null
    }
  },
  realpath(path) {
    try {
      return realpathSync(path)
    } catch {
      return null
    }
  },
}

/** Checks, compiles and starts the config; null (after printing nginx's output) when it fails the check. */
export async function serve(file: string, options: ServeOptions = {}): Promise<RunningServer | null> {
  const out = options.stdout ?? ((t: string) => void process.stdout.write(t))
  const err = options.stderr ?? ((t: string) => void process.stderr.write(t))
  const path = resolve(file)
  const checked = runCheck(path, { nginxVersion: options.nginxVersion })
  const config = checked.result ? compileConfig(checked.result) : null
  if (!checked.result || !config) {
    err(checked.stderr)
    return null
  }
  const prefix = dirname(path) + '/'
  const streams = new Map<string, WriteStream>()
  const writeLog = (target: string, line: string): void => {
    if (target === 'stderr') return err(line + '\n')
    if (target === 'stdout') return out(line + '\n')
    let stream = streams.get(target)
    if (!stream) {
      stream = createWriteStream(target, { flags: 'a' })
      stream.on('error', (e) => err(`upgrade-lab: cannot write ${target}: ${e.message}\n`))
      streams.set(target, stream)
    }
    stream.write(line + '\n')
  }
  // nginx's default access log (none configured) goes to stdout here.
  for (const server of config.servers) {
    const redirect = (list: typeof server.settings.accessLogs): void => {
      for (const log of list) if (log.implicit) log.path = 'stdout'
    }
    redirect(server.settings.accessLogs)
    const walk = (locations: typeof server.locations): void => {
      for (const l of locations) {
        redirect(l.settings.accessLogs)
        walk(l.children)
      }
    }
    walk(server.locations)
    walk([...server.namedLocations.values()])
  }
  const mainLogs = checked.result.main.get('error_log')?.value
  const errorLogs: ErrorLogTarget[] = mainLogs?.length ? mainLogs : [{ target: 'stderr', level: 'error' }]
  const bind = options.bindAddress ?? '127.0.0.1'
  const network = options.network ?? realNetwork()
  const localNetwork: ProxyNetwork = {
    listen: (spec, onConnection) => network.listen({ ...spec, host: spec.host === '0.0.0.0' || spec.host === '::' ? bind : spec.host, ipv6: false }, onConnection),
    connect: (host, port) => network.connect(host, port),
  }
  // A backtracking regex (backreferences, lookaround) gives up after a second, as PCRE2 does at
  // its match limit; serve is one person's tool, so there is no share to keep between visitors.
  installBacktrackingRunner({ timeoutMs: SERVE_BACKTRACKING_MATCH_MS })
  const runtime = new ProxyRuntime({
    config,
    network: localNetwork,
    clock: systemClock,
    trace: traceSink(options.trace, out),
    writeLog,
    prefix,
    files: realFiles,
    errorLogs,
    tlsFor: (server) => {
      const [cert] = server.settings.sslCertificates
      const [key] = server.settings.sslCertificateKeys
      if (!cert || !key) return null
      const full = (p: string): string => (p.startsWith('/') ? p : prefix + p)
      return { cert: readFileSync(full(cert)), key: readFileSync(full(key)) }
    },
    pid: process.pid,
    hostname: hostname(),
    inspectFrames: options.inspectFrames ?? true,
  })
  if (!(await bindAsNginx(runtime, err))) {
    await runtime.stop()
    return null
  }
  const addresses = runtime.listenSpecs().map(({ spec }) => `${spec.host === '0.0.0.0' ? bind : spec.host}:${spec.port}${spec.tls ? ' (ssl)' : ''}`)
  // nginx runs without a server too (its master and workers wait, listening nowhere); so does serve.
  const where = addresses.length ? `listening on ${addresses.join(', ')}` : 'listening nowhere (the config has no server; nginx runs so too)'
  out(`upgrade-lab: ready, nginx ${config.version.name} config ${path} ${where}\n`)
  return {
    runtime,
    async stop() {
      await runtime.stop()
      await Promise.all([...streams.values()].map((s) => new Promise<void>((done) => s.end(done))))
    },
  }
}

/** nginx's errno text for the bind() failures a listening socket meets. */
const BIND_ERRNO: Record<string, string> = {
  EADDRINUSE: '98: Address already in use',
  EACCES: '13: Permission denied',
  EADDRNOTAVAIL: '99: Cannot assign requested address',
}

/**
 * Opens the listening sockets as nginx does (ngx_open_listening_sockets): an address in use is
 * tried again every 500 ms, five times in all, each failure said as nginx says it, then
 * `still could not bind()`; any other bind() error ends at once. True when all are open.
 */
async function bindAsNginx(runtime: ProxyRuntime, err: (text: string) => void): Promise<boolean> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const failures = await runtime.openListeners()
    if (failures.length === 0) return true
    for (const { spec, error } of failures) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      const address = spec.ipv6 ? `[${spec.host}]:${spec.port}` : `${spec.host}:${spec.port}`
      err(`nginx: [emerg] bind() to ${address} failed (${BIND_ERRNO[code] ?? error.message})\n`)
      if (code !== 'EADDRINUSE') return false
    }
    if (attempt < 5) await new Promise((resolve) => setTimeout(resolve, 500))
  }
  err('nginx: [emerg] still could not bind()\n')
  return false
}

function traceSink(format: ServeOptions['trace'], out: (text: string) => void): TraceSink {
  if (!format) return noTrace
  if (format === 'pretty' || format === 'pretty-colour') {
    const line = prettyTrace(format === 'pretty-colour')
    return (event: TraceEvent) => out(line(event))
  }
  return (event: TraceEvent) => out(JSON.stringify(event) + '\n')
}
