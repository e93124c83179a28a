/**
 * The lab server (`upgrade-lab start`): one port for the docs site, the playground, the API
 * (http-api.ts), the sessions' event streams and the client endpoint (client-endpoint.ts).
 */
import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import sirv from 'sirv'
import { WebSocketServer, type WebSocket } from 'ws'
import { bridgeClient } from './client-endpoint.ts'
import { handleApi } from './http-api.ts'
import { DEFAULT_LIMITS, LimitError, type LabLimits } from './limits.ts'
import { SessionRegistry } from './sessions.ts'

export interface LabServerOptions {
  limits?: LabLimits
  /** The built site: docs at /, the playground at /playground/ (where they exist). */
  siteRoot?: string
}

/** An event stream whose reader has fallen this far behind is closed (bytes). */
const EVENT_BACKLOG_BYTES = 4 * 1024 * 1024

export interface LabServer {
  http: Server
  sessions: SessionRegistry
  listen(port: number, host?: string): Promise<number>
  close(): Promise<void>
}

export function createLabServer(options: LabServerOptions = {}): LabServer {
  const sessions = new SessionRegistry(options.limits ?? DEFAULT_LIMITS)
  const root = options.siteRoot ?? join(import.meta.dirname, '../..')
  const mounts = [
    { prefix: '/playground', dir: join(root, 'playground/dist') },
    { prefix: '', dir: join(root, 'docs/.vitepress/dist') },
  ]
    .filter((m) => existsSync(m.dir))
    .map((m) => ({ prefix: m.prefix, serve: sirv(m.dir, { dev: false, etag: true, single: false }) }))

  const events = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 1024 })
  const http = createServer((req, res) => void handle(req, res))

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (await handleApi(sessions, req, res)) return
    const path = (req.url ?? '/').split('?')[0]
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
    events.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      let unsubscribe: (() => void) | null = null
      try {
        unsubscribe = session.subscribe((event) => {
          if (ws.bufferedAmount > EVENT_BACKLOG_BYTES) return ws.close(1008, 'event stream not read')
          ws.send(JSON.stringify(event))
        })
      } catch (error) {
        if (error instanceof LimitError) return ws.close(1008, error.message.slice(0, 120))
        throw error
      }
      ws.on('close', () => unsubscribe?.())
      ws.on('error', () => ws.terminate())
      // The stream is one way; anything the client sends only keeps the session alive.
      ws.on('message', () => session.touch())
    })
  })
  http.on('clientError', (_error, socket: Duplex) => socket.destroy())

  return {
    http,
    sessions,
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
      for (const client of events.clients) client.terminate()
      await sessions.close()
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
<p>The lab server is running. The API is described in <code>docs/lab-api.md</code>:
start a session with <code>POST /api/sessions</code>, apply a config with
<code>POST /api/sessions/&lt;id&gt;/apply</code>, and connect a WebSocket to
<code>/lab/&lt;id&gt;/alice@localhost:8020/</code>.</p>
`
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}
