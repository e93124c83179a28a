/**
 * `upgrade-lab start`: the lab server (docs, playground, API, client endpoint) on one port,
 * `PORT` (default 8080). Limits come from LAB_* variables (server/sandbox/limits.ts); behind a
 * reverse proxy, LAB_TRUST_PROXY names the proxies trusted to say who the visitor is
 * (server/sandbox/visitor-address.ts).
 */
import { setFlagsFromString } from 'node:v8'
import type { CliIo } from '../cli.ts'
import { installContainment } from '../sandbox/containment.ts'
import { labLog } from '../sandbox/lab-log.ts'
import { createLabServer } from '../sandbox/lab-server.ts'
import { limitsFromEnv } from '../sandbox/limits.ts'
import { parseTrustProxy } from '../sandbox/visitor-address.ts'
import { warmUp } from '../sandbox/warm-up.ts'
import { untilSignal, waitForSignal } from './until-signal.ts'

export async function startCommand(io: CliIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`upgrade-lab start: PORT must be a port number, not "${env.PORT}"\n`)
    return 2
  }
  let limits
  try {
    limits = limitsFromEnv(env)
  } catch (error) {
    io.stderr(`upgrade-lab start: ${(error as Error).message}\n`)
    return 2
  }
  const trustProxy = env.LAB_TRUST_PROXY
  try {
    parseTrustProxy(trustProxy)
  } catch (error) {
    io.stderr(`upgrade-lab start: LAB_TRUST_PROXY: ${(error as Error).message}\n`)
    return 2
  }
  // Chat traffic turns the event rings over steadily, so old-generation garbage is made all the
  // time; V8's default lets the heap grow up to 4× its live size before it collects, which over
  // a minute of 1,000 sessions measured 149–263 KiB per session. Growing 25 % at a time keeps it
  // near 108 KiB for a few % more CPU (npm run bench:load). V8 reads it at each heap-limit
  // computation, so setting it here works for every way the lab is started.
  setFlagsFromString('--heap-growing-percent=25')
  // An error no guard caught goes to the session it came from; one that belongs to no session
  // is logged, and the lab goes on serving everyone else (server/sandbox/containment.ts).
  installContainment((error, origin) => labLog('error', 'uncaught', { origin, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
  const signal = waitForSignal()
  const lab = createLabServer({ limits, trustProxy })
  const host = env.HOST ?? '0.0.0.0'
  let bound
  try {
    bound = await lab.listen(port, host)
  } catch (error) {
    signal.cancel()
    io.stderr(`upgrade-lab start: ${(error as Error).message}\n`)
    await lab.close()
    return 1
  }
  io.stdout(readyLine(host, bound))
  // After the ready line: start-up time stays nginx's, and the first visitor meets warm code.
  void warmUp().catch((error: unknown) => labLog('warn', 'warm-up.failed', { error: error instanceof Error ? error.message : String(error) }))
  await untilSignal(() => lab.close(), signal)
  return 0
}

/** Where to open the lab, and where it really listens (every interface unless HOST says). */
export function readyLine(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::') {
    return `upgrade-lab: ready at http://localhost:${port}/ (listening on every interface, ${host === '::' ? `[::]:${port}` : `0.0.0.0:${port}`}; HOST=127.0.0.1 for this machine only)\n`
  }
  const shown = host.includes(':') ? `[${host}]` : host
  return `upgrade-lab: ready at http://${shown}:${port}/ (listening on ${shown}:${port})\n`
}
