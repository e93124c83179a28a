/**
 * The two proxies under comparison, run as child processes in their own process group:
 *
 * - real nginx: `nginx -p DIR/ -c CONF -e DIR/logs/startup.log -g 'daemon off; …'`, ready when
 *   every listen port is in LISTEN state in /proc/net/tcp (never probed with a connection: a probe
 *   would show in nginx's logs and in its connection numbers);
 * - `upgrade-lab serve CONF`, ready when it prints a line containing `ready` on stdout.
 *
 * Also a connect holder: a listening socket that never accepts and whose accept queue is full,
 * so that a connect() to it stays pending (for proxy_connect_timeout).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { NGINX_BINARY } from '../nginx.ts'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const UPGRADE_LAB_BIN = join(REPO_ROOT, 'server/bin/upgrade-lab.mjs')
/** `node --import REGISTER_TS file.ts` runs one of the project's TypeScript files. */
export const REGISTER_TS = join(REPO_ROOT, 'server/bin/register.mjs')

const START_TIMEOUT_MS = 10_000
const STOP_TIMEOUT_MS = 5_000
const POLL_MS = 15
/**
 * Every process runs under coreutils `timeout -s KILL`, so that nothing outlives a test runner
 * that was killed before it could stop its processes (a scenario takes seconds, not minutes).
 */
const HARD_LIMIT_S = 180

/** A started proxy process (nginx master or upgrade-lab, under `timeout`). */
export interface RunningProcess {
  /** The pid of `timeout`, which leads the process group and passes SIGTERM on to its child. */
  readonly pid: number
  readonly child: ChildProcess
  /** stdout and stderr seen so far. */
  output(): { stdout: string; stderr: string }
  /** SIGTERM, wait for the exit (bounded), then SIGKILL the whole process group. */
  stop(): Promise<void>
  /** SIGKILL the whole process group at once. */
  kill(): void
}

const liveGroups = new Set<number>()
process.once('exit', () => {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL')
})

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // already gone
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function spawnGroup(command: string, args: string[], cwd: string): RunningProcess {
  const child = spawn('timeout', ['-s', 'KILL', String(HARD_LIMIT_S), command, ...args], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  if (child.pid === undefined) throw new Error(`could not start ${command}`)
  const pid = child.pid
  liveGroups.add(pid)
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  child.on('error', () => undefined)
  return {
    pid,
    child,
    output: () => ({ stdout, stderr }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM to the proxy itself (the child of `timeout`), not to `timeout`: timeout would
        // pass it on to the whole group, and an nginx worker hit by a signal logs
        // "epoll_wait() failed (4: Interrupted system call)", which nginx's own stop never does.
        for (const target of childPidsOf(pid)) {
          try {
            process.kill(target, 'SIGTERM')
          } catch {
            // gone
          }
        }
        await Promise.race([exited, delay(STOP_TIMEOUT_MS)])
      }
      killGroup(pid, 'SIGKILL')
      liveGroups.delete(pid)
    },
    kill() {
      killGroup(pid, 'SIGKILL')
      liveGroups.delete(pid)
    },
  }
}

/** Pids whose parent is `pid`, from /proc/<pid>/stat. */
export function childPidsOf(pid: number): number[] {
  const children: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[1]) === pid) children.push(Number(entry))
    } catch {
      // exited meanwhile
    }
  }
  return children
}

/** Loopback ports in LISTEN state right now, from /proc/net/tcp (127.0.0.1 and 0.0.0.0). */
export function listeningPorts(): Set<number> {
  const ports = new Set<number>()
  const text = readFileSync('/proc/net/tcp', 'utf8')
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/)
    if (fields.length < 4 || fields[3] !== '0A') continue
    const [addr, portHex] = (fields[1] ?? '').split(':')
    if (addr !== '0100007F' && addr !== '00000000') continue
    ports.add(parseInt(portHex ?? '0', 16))
  }
  return ports
}

/** Waits until every port is in LISTEN state, or the process exits, or the timeout passes. */
export async function waitForListen(ports: number[], proc: RunningProcess | null, what: string, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const listening = listeningPorts()
    const missing = ports.filter((p) => !listening.has(p))
    if (missing.length === 0) return
    if (proc && (proc.child.exitCode !== null || proc.child.signalCode !== null)) {
      throw new Error(`${what} exited before listening on ${missing.join(', ')}`)
    }
    if (Date.now() > deadline) throw new Error(`${what} did not listen on ${missing.join(', ')} within ${timeoutMs} ms`)
    await delay(POLL_MS)
  }
}

/** The ports of the `listen` directives of a config (address:port or port forms). */
export function listenPortsOf(configText: string): number[] {
  const ports = new Set<number>()
  const re = /^\s*listen\s+(?:\[[^\]]*\]:|[\w.-]+:)?(\d+)\b/gm
  for (let m = re.exec(configText); m; m = re.exec(configText)) ports.add(Number(m[1]))
  return [...ports]
}

const TEMP_PATHS = ['client_body_temp_path', 'proxy_temp_path', 'fastcgi_temp_path', 'uwsgi_temp_path', 'scgi_temp_path']

/**
 * What nginx needs to run a config from a test folder (docs/nginx-behaviour.md §10): the five
 * `*_temp_path` directives pointed into the prefix, inserted on the `http {` line itself so
 * that the config's line numbers stay unchanged. Idempotent.
 */
export function withTempPaths(configText: string): string {
  if (/\bproxy_temp_path\b/.test(configText)) return configText
  const inserted = TEMP_PATHS.map((d) => `${d} tmp/${d.replace('_temp_path', '')};`).join(' ')
  return configText.replace(/^(\s*http\s*\{)/m, `$1 ${inserted}`)
}

/**
 * Prepares DIR as nginx's prefix: mode 755 (workers run as `nobody` when root), `logs/`, `tmp/`,
 * and the temp paths in the config (rewritten in place when missing).
 */
export function preparePrefix(dir: string, confPath: string): void {
  chmodSync(dir, 0o755)
  for (const sub of ['logs', 'tmp']) {
    mkdirSync(join(dir, sub), { recursive: true })
    chmodSync(join(dir, sub), 0o755)
  }
  const text = readFileSync(confPath, 'utf8')
  const prepared = withTempPaths(text)
  if (prepared !== text) writeFileSync(confPath, prepared)
}

/**
 * Starts real nginx on a config with DIR as its prefix, in the foreground and in its own process
 * group; resolves once every `listen` port is in LISTEN state.
 */
export async function startNginx(dir: string, confPath: string, listenPorts?: number[]): Promise<RunningProcess> {
  preparePrefix(dir, confPath)
  const text = readFileSync(confPath, 'utf8')
  // Without an access_log nginx appends to the system's /var/log/nginx/access.log: tests write
  // only inside their own folders.
  if (/^\s*http\s*\{/m.test(text) && !/^\s*access_log\s/m.test(text)) {
    throw new Error(`${confPath}: a test's nginx config must name its own access_log (else nginx writes /var/log/nginx/access.log)`)
  }
  const globals = ['daemon off;']
  if (!/^\s*pid\s/m.test(text)) globals.push(`pid ${join(dir, 'logs/nginx.pid')};`)
  if (!/^\s*worker_processes\s/m.test(text)) globals.push('worker_processes 1;')
  const prefix = dir.endsWith('/') ? dir : `${dir}/`
  const args = ['-p', prefix, '-c', confPath, '-e', join(dir, 'logs/startup.log'), '-g', globals.join(' ')]
  const proc = spawnGroup(NGINX_BINARY, args, dir)
  try {
    await waitForListen(listenPorts ?? listenPortsOf(text), proc, 'nginx')
  } catch (error) {
    proc.kill()
    const startup = existsSync(join(dir, 'logs/startup.log')) ? readFileSync(join(dir, 'logs/startup.log'), 'utf8') : ''
    throw new Error(`${(error as Error).message}\n${startup}${proc.output().stderr}`)
  }
  return proc
}

/**
 * Starts `upgrade-lab serve CONF` in its own process group; resolves when it prints a line
 * containing `ready` on stdout, rejects after 10 s (or when it exits) with its stdout and stderr.
 * It runs from the repository root, as `npx upgrade-lab` would, not from DIR (the run folder
 * holding CONF): relative paths in the config must resolve against the config's folder.
 */
export async function startUpgradeLab(dir: string, confPath: string): Promise<RunningProcess> {
  if (!existsSync(join(dir, 'logs'))) mkdirSync(join(dir, 'logs'), { recursive: true })
  // The bin itself, as `npx upgrade-lab` runs it: its #! line carries the node flags it wants.
  const proc = spawnGroup(UPGRADE_LAB_BIN, ['serve', confPath], REPO_ROOT)
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(`upgrade-lab serve did not print "ready" within ${START_TIMEOUT_MS} ms`))
      }, START_TIMEOUT_MS)
      const onData = (): void => {
        if (/ready/.test(proc.output().stdout)) {
          cleanup()
          resolve()
        }
      }
      const onExit = (code: number | null, signal: string | null): void => {
        cleanup()
        reject(new Error(`upgrade-lab serve exited (${signal ?? code}) before printing "ready"`))
      }
      const cleanup = (): void => {
        clearTimeout(timer)
        proc.child.stdout?.off('data', onData)
        proc.child.off('exit', onExit)
      }
      proc.child.stdout?.on('data', onData)
      proc.child.once('exit', onExit)
      onData()
    })
  } catch (error) {
    proc.kill()
    const { stdout, stderr } = proc.output()
    throw new Error(`${(error as Error).message}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`)
  }
  return proc
}

/** A port whose connect() hangs: listening (backlog 0), never accepting, accept queue full. */
export interface ConnectHolder {
  close(): Promise<void>
}

/**
 * Holds connects on 127.0.0.1:PORT. Node's listening sockets always accept, so the listener is a
 * small perl process (perl-base is essential on Debian) that listens with backlog 0 and sleeps;
 * one filler connection fills the accept queue, after which the kernel drops further SYNs.
 */
export async function holdConnects(port: number): Promise<ConnectHolder> {
  const script =
    'use Socket; socket(my $s, PF_INET, SOCK_STREAM, 0) or die "socket: $!"; ' +
    'setsockopt($s, SOL_SOCKET, SO_REUSEADDR, 1) or die "setsockopt: $!"; ' +
    'bind($s, pack_sockaddr_in($ARGV[0], inet_aton("127.0.0.1"))) or die "bind: $!"; ' +
    'listen($s, 0) or die "listen: $!"; alarm 60; sleep 60;'
  const proc = spawnGroup('perl', ['-e', script, String(port)], '/')
  let filler: Socket | undefined
  try {
    await waitForListen([port], proc, 'connect holder', 5_000)
    filler = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port })
      const timer = setTimeout(() => reject(new Error('filler connection timed out')), 3_000)
      s.once('connect', () => {
        clearTimeout(timer)
        resolve(s)
      })
      s.once('error', (e) => {
        clearTimeout(timer)
        reject(e)
      })
    })
  } catch (error) {
    proc.kill()
    throw error
  }
  const held = filler
  return {
    async close() {
      held.destroy()
      proc.kill()
    },
  }
}
