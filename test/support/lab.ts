/**
 * A lab server for tests, on a free loopback port in this process, with helpers to call its API
 * and to open real `ws` clients through its client endpoint.
 */
import WebSocket from 'ws'
import { createLabServer, type LabServer, type LabServerOptions } from '../../server/sandbox/lab-server.ts'
import { DEFAULT_LIMITS, type LabLimits } from '../../server/sandbox/limits.ts'

/** The seeds' canonical config: the map, an upstream at the sample backend, HTTP/1.1. */
export const CANONICAL = `events {}
http {
    map $http_upgrade $connection_upgrade {
        default upgrade;
        ''      close;
    }
    upstream websocket {
        server 127.0.0.1:8010;
    }
    server {
        listen 8020;
        location / {
            proxy_pass http://websocket;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }
    }
}
`

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number
  body: T
}

export interface RequestOptions {
  body?: unknown
  headers?: Record<string, string>
}

export interface FullAnswer<T = Record<string, unknown>> extends ApiAnswer<T> {
  headers: Headers
}

export interface TestLab {
  lab: LabServer
  port: number
  api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>>
  /** Like api(), with request headers (X-Forwarded-For…), and the answer's headers. */
  request<T = Record<string, unknown>>(method: string, path: string, options?: RequestOptions): Promise<FullAnswer<T>>
  /** A new session, with `config` applied when given. */
  session(config?: string): Promise<string>
  close(): Promise<void>
}

export async function startTestLab(limits: Partial<LabLimits> = {}, options: Omit<LabServerOptions, 'limits'> = {}): Promise<TestLab> {
  const lab = createLabServer({ siteRoot: '/nonexistent', ...options, limits: { ...DEFAULT_LIMITS, ...limits } })
  const port = await lab.listen(0, '127.0.0.1')
  const api = async <T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as T }
  }
  const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<FullAnswer<T>> => {
    const { body, headers } = options
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    return { status: res.status, headers: res.headers, body: (await res.json()) as T }
  }
  return {
    lab,
    port,
    api,
    request,
    async session(config) {
      const created = await api<{ id: string }>('POST', '/api/sessions')
      if (created.status !== 201) throw new Error(`session not created: ${JSON.stringify(created.body)}`)
      if (config !== undefined) {
        const applied = await api('POST', `/api/sessions/${created.body.id}/apply`, { config })
        if (applied.status !== 200) throw new Error(`config refused: ${JSON.stringify(applied.body)}`)
      }
      return created.body.id
    },
    close: () => lab.close(),
  }
}

/** A `ws` client through the lab, keeping every message and how it ended. */
export class LabClient {
  readonly ws: WebSocket
  readonly messages: string[] = []
  readonly opened: Promise<void>
  readonly closed: Promise<{ code: number; reason: string }>
  /** The handshake answer when it was not a 101. */
  unexpected: Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>
  private waiters: Array<{ test: (m: string) => boolean; resolve: (m: string) => void }> = []

  constructor(labPort: number, session: string, client: string, target: string, path = '/') {
    this.ws = new WebSocket(`ws://127.0.0.1:${labPort}/lab/${session}/${client}@${target}${path}`, { perMessageDeflate: false })
    this.ws.on('message', (data) => {
      const text = String(data)
      this.messages.push(text)
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(text)) return true
        w.resolve(text)
        return false
      })
    })
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve())
      this.ws.once('error', reject)
    })
    this.opened.catch(() => {})
    this.closed = new Promise((resolve) => this.ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })))
    this.unexpected = new Promise((resolve) => {
      this.ws.once('unexpected-response', (_req, res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      })
    })
  }

  /** The first message (already received or to come) that passes `test`. */
  next(test: (message: string) => boolean): Promise<string> {
    const seen = this.messages.find(test)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve) => this.waiters.push({ test, resolve }))
  }

  /** The next chat message of `type` (and `text`, when given) as JSON. */
  async chat(type: string, text?: string): Promise<Record<string, unknown>> {
    const raw = await this.next((m) => {
      const parsed = JSON.parse(m) as Record<string, unknown>
      return parsed.type === type && (text === undefined || parsed.text === text)
    })
    return JSON.parse(raw) as Record<string, unknown>
  }

  close(): void {
    this.ws.close()
  }
}
