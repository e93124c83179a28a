/**
 * The lab as `npm start` runs it (the bin, its #! line, the `start` command, default limits), in
 * its own process, and the two parties of a hostile test: a victim session whose clients chat
 * every 100 ms and time each round trip, and an attacker's session that is made again whenever
 * the lab stops it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { labApi } from './attacks.ts'
import { CANONICAL, LabClient } from './lab.ts'
import { REPO_ROOT } from './runtime/processes.ts'

export interface LabProcess {
  child: ChildProcess
  port: number
  /** Everything the lab wrote on stderr so far. */
  stderr: () => string
  api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>
  /** The lab process's resident memory, in bytes (from /proc). */
  rss(): number
  stop(): Promise<void>
}

/** Starts `upgrade-lab start` exactly as `npm start` does, on a free loopback port. */
export async function startLabProcess(env: Record<string, string> = {}): Promise<LabProcess> {
  const child = spawn(join(REPO_ROOT, 'server/bin/upgrade-lab.mjs'), ['start'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let errors = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const port = await new Promise<number>((resolve, reject) => {
    const look = (): void => {
      const match = /ready at http:\/\/[^:]+:(\d+)\//.exec(output)
      if (match) resolve(Number(match[1]))
    }
    child.stdout!.on('data', look)
    void exited.then((code) => reject(new Error(`the lab exited (${code}) before it was ready:\n${output}${errors}`)))
  })
  const base = `http://127.0.0.1:${port}`
  return {
    child,
    port,
    stderr: () => errors,
    api: labApi(base),
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024
    },
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** The round trips of a victim who chats every `everyMs`, and whether any of its clients closed. */
export class Victim {
  private readonly samples: number[] = []
  private timer: NodeJS.Timeout | null = null
  private sequence = 0
  private readonly sentAt = new Map<string, number>()
  closes: string[] = []

  private constructor(
    readonly alice: LabClient,
    readonly bob: LabClient,
  ) {
    for (const [name, client] of [['alice', alice], ['bob', bob]] as const) {
      void client.closed.then(({ code, reason }) => this.closes.push(`${name} closed ${code} ${reason}`))
    }
    alice.ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; text?: string }
      if (message.type !== 'message' || message.text === undefined) return
      const sent = this.sentAt.get(message.text)
      if (sent === undefined) return
      this.sentAt.delete(message.text)
      this.samples.push(performance.now() - sent)
    })
  }

  static async join(lab: LabProcess): Promise<Victim> {
    const created = await lab.api<{ id: string }>('POST', '/api/sessions')
    if (created.status !== 201) throw new Error(`victim session refused: ${JSON.stringify(created.body)}`)
    const applied = await lab.api('POST', `/api/sessions/${created.body.id}/apply`, { config: CANONICAL })
    if (applied.status !== 200) throw new Error(`victim config refused: ${JSON.stringify(applied.body)}`)
    const alice = new LabClient(lab.port, created.body.id, 'alice', 'localhost:8020', '/?room=victim&nick=alice')
    const bob = new LabClient(lab.port, created.body.id, 'bob', 'localhost:8020', '/?room=victim&nick=bob')
    await Promise.all([alice.opened, bob.opened])
    await Promise.all([alice.chat('welcome'), bob.chat('welcome')])
    return new Victim(alice, bob)
  }

  /** Chats every `everyMs` until stopped. */
  start(everyMs = 100): void {
    this.timer = setInterval(() => {
      const text = `victim ${++this.sequence}`
      this.sentAt.set(text, performance.now())
      this.alice.ws.send(text)
    }, everyMs)
  }

  /** How many round trips were measured since the last take(). */
  get measured(): number {
    return this.samples.length
  }

  /** The round trips since the last call (and those never answered, as Infinity). */
  take(): number[] {
    const now = performance.now()
    const lost = [...this.sentAt.values()].filter((sent) => now - sent > 1000)
    for (const [text, sent] of this.sentAt) if (now - sent > 1000) this.sentAt.delete(text)
    const taken = this.samples.splice(0)
    return [...taken, ...lost.map(() => Infinity)]
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.alice.close()
    this.bob.close()
  }
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
