// The check worker's thread (check-pool.ts): runs `nginx -t` jobs off the lab's event loop.
// Worker threads do not inherit the main thread's module hooks, so this plain .mjs entry
// registers the project's TypeScript loader itself before loading the engine.
import { parentPort } from 'node:worker_threads'
import '../bin/register.mjs'

const { runCheck } = await import('./check-job.ts')

parentPort.on('message', (job) => {
  parentPort.postMessage({ id: job.id, answer: runCheck(job.request) })
})
parentPort.postMessage({ ready: true })
