/**
 * The editor's engine client: a newer text's results always win, and a check past its budget
 * restarts the worker instead of freezing anything. The worker here is a comlink endpoint on a
 * MessageChannel serving a scripted engine, so every ordering can be forced.
 */
import { expose } from 'comlink'
import { describe, expect, it } from 'vitest'
import { createEngineClient } from '../../../components/editor/worker/engine-client.ts'
import type { CheckOutcome, ConfigInput, EngineApi } from '../../../components/editor/worker/engine-protocol.ts'

type Script = (input: ConfigInput) => Promise<CheckOutcome>

function outcome(label: string): CheckOutcome {
  return { findings: [], ok: true, engineMs: 0, refused: label, targets: [] }
}

function input(text: string): ConfigInput {
  return { main: '/etc/nginx/nginx.conf', files: { '/etc/nginx/nginx.conf': text }, version: '1.22.1' }
}

/** A fake worker: each one serves `script`; `made` counts the workers, `terminated` the ends. */
function workers(script: Script, startMs = 0) {
  const state = { made: 0, terminated: 0, seen: [] as string[] }
  const create = (): Worker => {
    state.made++
    const { port1, port2 } = new MessageChannel()
    const api = {
      check: (i: ConfigInput) => {
        state.seen.push(i.files['/etc/nginx/nginx.conf'])
        return script(i)
      },
      stockFiles: () => ({}),
      // The first answer of a worker waits for its start (fetching and compiling the engine).
      versions: () => new Promise((resolve) => setTimeout(() => resolve(['1.22.1']), state.made === 1 ? startMs : 0)),
    } as unknown as EngineApi
    expose(api, port2)
    return Object.assign(port1, {
      terminate() {
        state.terminated++
        port1.close()
        port2.close()
      },
    }) as unknown as Worker
  }
  return { state, create }
}

/** A promise with its resolve at hand. */
function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('engine-client', () => {
  it('drops a result for a text that changed, and checks only the newest of those waiting', async () => {
    const gates = new Map<string, ReturnType<typeof deferred<CheckOutcome>>>()
    const { state, create } = workers((i) => {
      const text = i.files['/etc/nginx/nginx.conf']
      const gate = deferred<CheckOutcome>()
      gates.set(text, gate)
      return gate.promise
    })
    const client = createEngineClient({ createWorker: create, budgetMs: 10_000 })
    const first = client.check(input('a'))
    await expect.poll(() => gates.has('a')).toBe(true)
    const second = client.check(input('b'))
    const third = client.check(input('c'))
    // "b" was replaced while it waited: it is never sent, and its promise says so at once.
    expect(await second).toBeNull()
    gates.get('a')!.resolve(outcome('a'))
    // "a" finished after newer texts were asked for: dropped.
    expect(await first).toBeNull()
    await expect.poll(() => gates.has('c')).toBe(true)
    gates.get('c')!.resolve(outcome('c'))
    expect((await third)?.refused).toBe('c')
    expect(state.seen).toEqual(['a', 'c'])
    client.dispose()
  })

  it('cuts a check past its budget by starting a new worker, which then serves the next text', async () => {
    const cuts: string[] = []
    const { state, create } = workers((i) =>
      i.files['/etc/nginx/nginx.conf'] === 'stuck' ? new Promise<CheckOutcome>(() => {}) : Promise.resolve(outcome('fine')),
    )
    const client = createEngineClient({ createWorker: create, budgetMs: 50, onCut: (what, ms) => cuts.push(`${what} ${ms}`) })
    expect(await client.check(input('stuck'))).toBeNull()
    expect(cuts).toEqual(['check 50'])
    expect(state).toMatchObject({ made: 2, terminated: 1 })
    expect((await client.check(input('next')))?.refused).toBe('fine')
    client.dispose()
    expect(state.terminated).toBe(2)
  })

  it('does not count a slow worker start against the budget', async () => {
    const cuts: string[] = []
    const { state, create } = workers(() => Promise.resolve(outcome('fine')), 200)
    const client = createEngineClient({ createWorker: create, budgetMs: 50, onCut: (what) => cuts.push(what) })
    expect((await client.check(input('a')))?.refused).toBe('fine')
    expect(cuts).toEqual([])
    expect(state.made).toBe(1)
    client.dispose()
  })

  it('answers a question only after the newest text was handed to the worker', async () => {
    const order: string[] = []
    const gate = deferred<CheckOutcome>()
    const { create } = workers(() => {
      order.push('check')
      return gate.promise
    })
    const client = createEngineClient({ createWorker: create, budgetMs: 10_000 })
    const checked = client.check(input('a'))
    const answer = client.ask('versions', async (api) => {
      order.push('ask')
      return api.versions()
    })
    await expect.poll(() => order.length).toBe(1)
    gate.resolve(outcome('a'))
    expect(await answer).toEqual(['1.22.1'])
    expect(order).toEqual(['check', 'ask'])
    expect(await checked).not.toBeNull()
    client.dispose()
  })
})
