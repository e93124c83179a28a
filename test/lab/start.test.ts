/**
 * `npm start` as a user runs it: the package script, the bin and its #! line, the `start`
 * command, on a real port. A session made through the API chats with the sample backend through
 * the client endpoint; SIGTERM stops the lab cleanly; a bad PORT is refused with a clear message.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { CANONICAL, LabClient } from '../support/lab.ts'
import { REPO_ROOT } from '../support/runtime/processes.ts'

interface Started {
  child: ChildProcess
  output: () => string
  errors: () => string
  /** When npm and the lab under it have both exited: the lab holds the pipes until it goes. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

const running = new Set<ChildProcess>()
afterEach(() => {
  for (const child of running) if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
  running.clear()
})

function npmStart(env: Record<string, string>): Started {
  // Its own process group, so that the lab under npm can be signalled as a whole.
  const child = spawn('npm', ['start', '--silent'], { cwd: REPO_ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  let output = ''
  let errors = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })))
  return { child, output: () => output, errors: () => errors, closed }
}

function readyPort(started: Started): Promise<number> {
  return new Promise((resolve, reject) => {
    const look = (): void => {
      const match = /ready at http:\/\/[^/]+:(\d+)\//.exec(started.output())
      if (match) resolve(Number(match[1]))
    }
    started.child.stdout!.on('data', look)
    void started.closed.then(({ code }) => reject(new Error(`npm start exited (${code}) before ready:\n${started.output()}${started.errors()}`)))
    look()
  })
}

describe('npm start', () => {
  it('serves the lab: a session chats through the client endpoint, SIGTERM stops it', async () => {
    const started = npmStart({ PORT: '0', HOST: '127.0.0.1' })
    const port = await readyPort(started)

    const landing = await fetch(`http://127.0.0.1:${port}/`)
    expect(landing.status).toBe(200)
    expect(landing.headers.get('content-type')).toMatch(/^text\/html/)

    const created = await fetch(`http://127.0.0.1:${port}/api/sessions`, { method: 'POST' })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const applied = await fetch(`http://127.0.0.1:${port}/api/sessions/${id}/apply`, { method: 'POST', body: JSON.stringify({ config: CANONICAL }) })
    expect(applied.status).toBe(200)

    const alice = new LabClient(port, id, 'alice', 'localhost:8020', '/?nick=alice')
    await alice.opened
    await alice.chat('welcome')
    alice.ws.send('hello through npm start')
    expect(await alice.chat('message', 'hello through npm start')).toMatchObject({ nick: 'alice', instance: 'A' })

    process.kill(-started.child.pid!, 'SIGTERM')
    // Like nginx on SIGTERM (fast shutdown): open connections are cut, no close frame.
    expect((await alice.closed).code).toBe(1006)
    // npm itself dies of the signal; the lab under it stops (the pipes close only when it has
    // gone), saying nothing more.
    await started.closed
    // HOST=127.0.0.1: the line says the address it really listens on.
    expect(started.output()).toBe(`upgrade-lab: ready at http://127.0.0.1:${port}/ (listening on 127.0.0.1:${port})\n`)
    expect(started.errors()).not.toMatch(/error|upgrade-lab/i)
  })

  it('refuses a PORT that is not a port number, saying so', async () => {
    const started = npmStart({ PORT: 'eighty' })
    expect((await started.closed).code).not.toBe(0)
    expect(started.errors()).toContain('upgrade-lab start: PORT must be a port number, not "eighty"')
  })
})
