/**
 * The check worker's thread body (check-pool.ts): runs `nginx -t` jobs off the lab's event
 * loop. The compiled CLI bundles it as server/dist/check-worker.mjs; run from the TypeScript
 * sources, check-worker.mjs registers the loader and imports it.
 */
import { parentPort } from 'node:worker_threads'
import { runCheck, type CheckRequest } from './check-job.ts'

const port = parentPort
if (!port) throw new Error('check-thread.ts runs in the lab\'s check worker thread')
port.on('message', (job: { id: number; request: CheckRequest }) => {
  port.postMessage({ id: job.id, answer: runCheck(job.request) })
})
port.postMessage({ ready: true })
