// The check worker's entry when the lab runs from its TypeScript sources (tests, `node --import
// ./server/bin/register.mjs`): worker threads do not inherit the main thread's module hooks, so
// it registers the project's loader itself. The compiled CLI has its own bundled
// server/dist/check-worker.mjs beside it (server/bin/build-cli.mjs).
import '../bin/register.mjs'

await import('./check-thread.ts')
