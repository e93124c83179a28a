/**
 * The lab server (`upgrade-lab start`): one port for the docs site, the playground, the API
 * (http-api.ts), the sessions' event streams and the client endpoint (client-endpoint.ts), and
 * for the operator `/healthz` and `/metrics` (metrics.ts).
 */
import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import sirv from 'sirv'
import { WebSocketServer, type WebSocket } from 'ws'
import { CheckPool } from './check-pool.ts'
import { bridgeClient } from './client-endpoint.ts'
import { installRegexBudget } from './containment.ts'
import { serveEventStream } from './event-stream.ts'
import { handleApi } from './http-api.ts'
import { labLog } from './lab-log.ts'
import { DEFAULT_LIMITS, type LabLimits } from './limits.ts'
import { LabMetrics, recordWorkerRestart } from './metrics.ts'
import { SessionRegistry } from './sessions.ts'
import { parseTrustProxy, visitorAddress, visitorKey } from './visitor-address.ts'

export interface LabServerOptions {
  limits?: LabLimits
  /** The built site: docs at /, the playground at /playground/ (where they exist). */
  siteRoot?: string
  /**
   * The reverse proxies trusted to say who the visitor is (X-Forwarded-For), as LAB_TRUST_PROXY
   * gives them: addresses or CIDR ranges separated by commas (visitor-address.ts). Without
   * them the socket's peer is the visitor. An invalid list throws a RangeError.
   */
  trustProxy?: string
}

/** A config check running longer than this restarts the check worker (the engine never should). */
const CHECK_TIMEOUT_MS = 5_000

export interface LabServer {
  http: Server
  sessions: SessionRegistry
  metrics: LabMetrics
  /** The key a request's visitor is counted under (their address, as LAB_TRUST_PROXY lets it be seen). */
  visitorOf(req: IncomingMessage): string
  listen(port: number, host?: string): Promise<number>
  /**
   * From now on /healthz answers 503, so that a load balancer sends no new visitors, while
   * everything else still works; close() begins with it.
   */
  drain(): void
  close(): Promise<void>
}

export function createLabServer(options: LabServerOptions = {}): LabServer {
  // Config regexes: every match and compilation charged to the visitor's share, backtracking
  // ones stopped after BACKTRACKING_MATCH_MS; compiled programs bounded process-wide.
  installRegexBudget()
  const trust = parseTrustProxy(options.trustProxy)
  // Configs are checked in a worker thread: a 64 KiB config costs the event loop nothing until it passes.
  const checks = new CheckPool({ timeoutMs: CHECK_TIMEOUT_MS, onRestart: recordWorkerRestart })
  checks.warm()
  const sessions = new SessionRegistry(options.limits ?? DEFAULT_LIMITS, { checks })
  const metrics = new LabMetrics(sessions)
  const visitorOf = (req: IncomingMessage): string => visitorKey(visitorAddress(req, trust))
  const startedAt = Date.now()
  let draining = false
  const root = options.siteRoot ?? join(import.meta.dirname, '../..')
  const mounts = [
    { prefix: '/playground', dir: join(root, 'playground/dist') },
    { prefix: '', dir: join(root, 'docs/.vitepress/dist') },
  ]
    .filter((m) => existsSync(m.dir))
    .map((m) => ({ prefix: m.prefix, serve: sirv(m.dir, { dev: false, etag: true, single: false }) }))

  const events = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 1024 })
  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      labLog('error', 'http.error', { method: req.method ?? '', error: String(error) })
      if (res.headersSent) res.destroy()
      else {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': 15 })
        res.end('internal error\n')
      }
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (await handleApi(sessions, req, res, { visitor: visitorOf })) return
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/healthz' || path === '/metrics') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Length': 0 })
        return void res.end()
      }
      if (path === '/healthz') return health(res)
      const text = await metrics.text()
      res.writeHead(200, { 'Content-Type': metrics.contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' })
      return void res.end(text)
    }
    for (const mount of mounts) {
      if (!path.startsWith(mount.prefix)) continue
      const original = req.url
      req.url = (req.url ?? '/').slice(mount.prefix.length) || '/'
      return mount.serve(req, res, () => {
        req.url = original
        notFound(res, mounts.length === 0)
      })
    }
    if (path === '/') return landing(res)
    notFound(res, mounts.length === 0)
  }

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0]
    if (path.startsWith('/lab/')) return bridgeClient(sessions, req, socket, head)
    const m = /^\/api\/sessions\/([A-Za-z0-9_-]{10,64})\/events$/.exec(path)
    const session = m ? sessions.get(m[1]) : undefined
    if (!session) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
      return
    }
    const url = req.url ?? ''
    const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : ''
    events.handleUpgrade(req, socket, head, (ws: WebSocket) => serveEventStream(ws, session, query, (limit) => sessions.recordLimitTrip(limit)))
  })
  http.on('clientError', (_error, socket: Duplex) => socket.destroy())

  function health(res: ServerResponse): void {
    const ready = !draining && http.listening
    const body = JSON.stringify(ready ? { status: 'ok', sessions: sessions.size, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) } : { status: draining ? 'shutting down' : 'starting' })
    res.writeHead(ready ? 200 : 503, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' })
    res.end(body)
  }

  return {
    http,
    sessions,
    metrics,
    visitorOf,
    drain() {
      draining = true
    },
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        http.once('error', reject)
        http.listen(port, host, () => {
          http.off('error', reject)
          const address = http.address()
          resolve(typeof address === 'object' && address ? address.port : port)
        })
      })
    },
    async close() {
      draining = true
      for (const client of events.clients) client.terminate()
      await sessions.close()
      await checks.close()
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}

function notFound(res: ServerResponse, siteMissing: boolean): void {
  const body = siteMissing ? 'Not found (the site is not built: `npm start` builds it)\n' : 'Not found\n'
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

/** Served at / until the docs site is built there. */
function landing(res: ServerResponse): void {
  const body = `<!doctype html>
<meta charset="utf-8">
<title>Upgrade Lab</title>
<h1>Upgrade Lab</h1>
<p><a href="/playground/">Open the playground</a>: an nginx config editor that checks as you type, as <code>nginx -t</code> would.</p>
<p>The lab server is running. The API is described in <code>docs/lab-api.md</code>:
start a session with <code>POST /api/sessions</code>, apply a config with
<code>POST /api/sessions/&lt;id&gt;/apply</code>, and connect a WebSocket to
<code>/lab/&lt;id&gt;/alice@localhost:8020/</code>.</p>
`
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}
