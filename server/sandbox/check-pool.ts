/**
 * The lab's config checks, off the event loop. The engine needs 50–140 ms for a 64 KiB config
 * (more with tens of thousands of errors); on the event loop, a visitor applying such configs
 * back to back would hold up every other visitor's chat. So checks run in a worker thread, one
 * at a time in arrival order (a session has at most one waiting: a visitor cannot fill the
 * queue), and a check that runs past its time limit gets the worker restarted — the engine
 * never loops, this is the net under a bug.
 *
 * Only configs that pass come back to the event loop to be compiled for the runtime (compiled
 * objects do not cross threads); a passing config costs at most a few tens of ms there.
 */
import { Worker } from 'node:worker_threads'
import type { CheckAnswer, CheckRequest } from './check-job.ts'

export interface CheckPoolOptions {
  /** A check running longer than this restarts the worker and fails (ms). */
  timeoutMs: number
  /** Told of each restart (the lab counts them). */
  onRestart?: () => void
}

interface Job {
  request: CheckRequest
  owner: string
  resolve: (answer: CheckAnswer) => void
}

/** A check refused because its owner already has one waiting. */
export class CheckBusyError extends Error {}

export class CheckPool {
  private worker: Worker | null = null
  private ready: Promise<void> | null = null
  private readonly queue: Job[] = []
  private running: { id: number; job: Job; timer: NodeJS.Timeout } | null = null
  private nextId = 0
  private closed = false

  constructor(private readonly options: CheckPoolOptions) {}

  /** Starts the worker now, so that the first visitor does not wait for it to load the engine. */
  warm(): void {
    if (!this.worker && !this.closed) this.start()
  }

  /** Checks `request` for `owner` (a session id); one waiting check per owner. */
  check(owner: string, request: CheckRequest): Promise<CheckAnswer> {
    if (this.closed) return Promise.resolve({ error: 'the lab is shutting down', range: false })
    if (this.queue.some((job) => job.owner === owner)) {
      return Promise.reject(new CheckBusyError('a check of this session is already waiting; wait for its answer'))
    }
    return new Promise((resolve) => {
      this.queue.push({ request, owner, resolve })
      this.pump()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) job.resolve({ error: 'the lab is shutting down', range: false })
    if (this.running) {
      clearTimeout(this.running.timer)
      this.running.job.resolve({ error: 'the lab is shutting down', range: false })
      this.running = null
    }
    const worker = this.worker
    this.worker = null
    await worker?.terminate()
  }

  private start(): void {
    const worker = new Worker(new URL('./check-worker.mjs', import.meta.url))
    // Idle, the worker must not keep the lab's process alive.
    worker.unref()
    this.worker = worker
    this.ready = new Promise((resolve) => {
      const onReady = (message: { ready?: boolean }): void => {
        if (!message.ready) return
        worker.off('message', onReady)
        resolve()
      }
      worker.on('message', onReady)
    })
    worker.on('message', (message: { id?: number; answer?: CheckAnswer }) => {
      if (message.id === undefined || this.running?.id !== message.id) return
      clearTimeout(this.running.timer)
      this.running.job.resolve(message.answer!)
      this.running = null
      this.pump()
    })
    worker.on('error', () => this.restart('the check failed'))
    worker.on('exit', () => {
      if (this.worker === worker && !this.closed) this.restart('the check failed')
    })
  }

  /** Drops the worker (stuck or dead): the running check fails, the queue goes on in a new one. */
  private restart(reason: string): void {
    const worker = this.worker
    this.worker = null
    this.ready = null
    void worker?.terminate()
    if (this.running) {
      clearTimeout(this.running.timer)
      this.running.job.resolve({ error: reason, range: false })
      this.running = null
    }
    this.options.onRestart?.()
    this.pump()
  }

  private pump(): void {
    if (this.running || this.closed || this.queue.length === 0) return
    if (!this.worker) this.start()
    const job = this.queue.shift()!
    const id = ++this.nextId
    const timer = setTimeout(() => this.restart(`the check ran for more than ${this.options.timeoutMs} ms and was stopped`), this.options.timeoutMs)
    timer.unref()
    this.running = { id, job, timer }
    const worker = this.worker!
    void this.ready!.then(() => {
      if (this.running?.id === id && this.worker === worker) worker.postMessage({ id, request: job.request })
    })
  }
}
