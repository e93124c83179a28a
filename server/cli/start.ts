/**
 * `upgrade-lab start`: the lab server (docs, playground, API, client endpoint) on one port,
 * `PORT` (default 8080). Limits come from LAB_* variables (server/sandbox/limits.ts).
 */
import type { CliIo } from '../cli.ts'
import { createLabServer } from '../sandbox/lab-server.ts'
import { limitsFromEnv } from '../sandbox/limits.ts'
import { untilSignal } from './until-signal.ts'

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
  const lab = createLabServer({ limits })
  let bound
  try {
    bound = await lab.listen(port, env.HOST ?? '0.0.0.0')
  } catch (error) {
    io.stderr(`upgrade-lab start: ${(error as Error).message}\n`)
    await lab.close()
    return 1
  }
  io.stdout(`upgrade-lab: ready at http://localhost:${bound}/\n`)
  await untilSignal(() => lab.close())
  return 0
}
