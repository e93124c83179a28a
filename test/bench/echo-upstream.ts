/**
 * The benchmark's WebSocket echo upstream, in its own process (forked by proxy-bench.ts):
 * a bare `ws` server on 127.0.0.1:PORT (argv[2]) that sends every message back as it came
 * (binary stays binary), without permessage-deflate. The same upstream stands behind nginx and
 * behind upgrade-lab.
 *
 * Over IPC it answers `stats` (its CPU time, open and accepted WebSockets) and posts
 * `{event: 'ready', port}` once listening. It exits when the parent goes away, and in any case
 * after HARD_LIMIT_MS.
 */
import { WebSocketServer } from 'ws'
import type { Reply, Request, UpstreamStats, UpstreamTask } from './protocol.ts'

const HARD_LIMIT_MS = 600_000

const port = Number(process.argv[2])
if (!Number.isInteger(port) || port <= 0 || !process.send) {
  console.error('usage: forked with a port argument and an IPC channel')
  process.exit(2)
}
setTimeout(() => process.exit(3), HARD_LIMIT_MS).unref()
process.on('disconnect', () => process.exit(0))

const send = (reply: Reply): void => void process.send?.(reply)

let open = 0
let accepted = 0
const wss = new WebSocketServer({ host: '127.0.0.1', port, backlog: 4096, perMessageDeflate: false, clientTracking: false })
wss.on('connection', (ws) => {
  open++
  accepted++
  ws.on('message', (data, isBinary) => ws.send(data as Buffer, { binary: isBinary }))
  ws.on('error', () => undefined)
  ws.on('close', () => open--)
})
wss.on('error', (error) => {
  console.error(`echo upstream: ${error.message}`)
  process.exit(1)
})
wss.on('listening', () => send({ event: 'ready', port }))

process.on('message', (message: Request<UpstreamTask>) => {
  const stats: UpstreamStats = { kind: 'stats', cpu: process.cpuUsage(), open, accepted }
  send({ id: message.id, ok: true, result: stats })
})
