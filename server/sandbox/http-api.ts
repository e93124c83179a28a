/**
 * The lab's HTTP API for the UI (documented in docs/lab-api.md). JSON in and out; every error
 * is `{ "error": "…" }` with a status that says what kind (400 bad input, 404 no such session,
 * 413/429 a limit, 422 a config the check refused).
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { parseNginxVersion, unsupportedVersion } from '../nginx/nginx-version.ts'
import { CheckBusyError } from './check-pool.ts'
import { readConfigFiles, type ConfigFiles } from './config-files.ts'
import { labLog } from './lab-log.ts'
import { LimitError, type LabLimits } from './limits.ts'
import { BACKENDS, CLIENTS, CONFIG_FILE, SessionClosedError, type Session } from './session.ts'
import type { SessionRegistry } from './sessions.ts'
import { visitorAddress, visitorKey } from './visitor-address.ts'

export interface ApiContext {
  /**
   * The key a request's visitor is counted under for the per-address limits (visitor-address.ts;
   * the lab server's follows LAB_TRUST_PROXY). Default: the socket's peer.
   */
  visitor?: (req: IncomingMessage) => string
}

const socketVisitor = (req: IncomingMessage): string => visitorKey(visitorAddress(req, null))

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

type Body = Record<string, unknown>

function send(res: ServerResponse, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify(value)
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' })
  res.end(body)
}

/** Reads a JSON object body of at most `limit` bytes. */
function readJson(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN)
    if (declared > limit) return reject(new ApiError(413, `request body over ${limit} bytes`))
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new ApiError(413, `request body over ${limit} bytes`))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('error', reject)
    req.on('end', () => {
      if (size === 0) return resolve({})
      try {
        const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object')
        resolve(value as Body)
      } catch {
        reject(new ApiError(400, 'the body must be a JSON object'))
      }
    })
  })
}

function field<T extends 'string' | 'number' | 'boolean'>(body: Body, name: string, type: T, required = false): (T extends 'string' ? string : T extends 'number' ? number : boolean) | undefined {
  // Own fields only: `{}` has no "config", but it has a "constructor".
  const value = Object.hasOwn(body, name) ? body[name] : undefined
  if (value === undefined) {
    if (required) throw new ApiError(400, `"${name}" is required`)
    return undefined
  }
  if (typeof value !== type || (type === 'number' && !Number.isFinite(value))) throw new ApiError(400, `"${name}" must be a ${type}`)
  return value as never
}

/** `nginxVersion`, when given, must be a modelled version (400 with the ones there are). */
function versionField(body: Body): string | undefined {
  const version = field(body, 'nginxVersion', 'string')
  if (version !== undefined && !parseNginxVersion(version)) throw new ApiError(400, unsupportedVersion(version))
  return version
}

/** `files`, when given: the config's other files (config-files.ts; 400 or 413 with the reason). */
function filesField(body: Body, limits: LabLimits): ConfigFiles {
  return readConfigFiles(Object.hasOwn(body, 'files') ? body.files : undefined, limits, CONFIG_FILE)
}

function describe(session: Session): Body {
  return {
    id: session.id,
    config: session.config,
    files: session.files,
    configFile: CONFIG_FILE,
    nginxVersion: session.nginxVersion,
    clockScale: session.clockScale,
    ports: session.network.ports,
    backends: BACKENDS.map((b) => {
      const server = session.backends.get(b.address)!
      return { name: b.name, address: b.address, running: server.isRunning, latencyMs: server.latencyMs, answerPings: server.answerPings, strict: server.strict, websockets: server.connectionCount }
    }),
    clients: Object.entries(CLIENTS).map(([name, address]) => ({ name, address })),
    limits: session.limits,
  }
}

/** Handles /api/… ; false when the path is not the API's. */
export async function handleApi(sessions: SessionRegistry, req: IncomingMessage, res: ServerResponse, context: ApiContext = {}): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://lab')
  const path = url.pathname
  if (!path.startsWith('/api/')) return false
  try {
    await route(sessions, req, res, path, context)
  } catch (error) {
    if (error instanceof LimitError) sessions.recordLimitTrip(error.limit)
    const known = error instanceof ApiError || error instanceof LimitError || error instanceof RangeError || error instanceof CheckBusyError || error instanceof SessionClosedError
    if (!known) {
      const stack = error instanceof Error && error.stack ? error.stack.split('\n').slice(1, 6).map((frame) => frame.trim()).join(' | ') : ''
      labLog('error', 'api.error', { method: req.method ?? '', path: redactSessionId(path), error: String(error), stack })
    }
    if (res.headersSent) res.destroy()
    else if (error instanceof ApiError) send(res, error.status, { error: error.message })
    else if (error instanceof LimitError) {
      const retry = error.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(Math.ceil(error.retryAfterSeconds)) }
      send(res, error.status, { error: error.message, limit: error.limit }, retry)
    } else if (error instanceof RangeError) send(res, 400, { error: error.message })
    else if (error instanceof CheckBusyError) send(res, 409, { error: error.message })
    else if (error instanceof SessionClosedError) send(res, 410, { error: error.message })
    else send(res, 500, { error: 'internal error' })
  }
  return true
}

/** A session id is a capability: the log keeps the path's shape, not the id. */
function redactSessionId(path: string): string {
  return path.replace(/^\/api\/sessions\/[A-Za-z0-9_-]{10,64}/, '/api/sessions/:id')
}

async function route(sessions: SessionRegistry, req: IncomingMessage, res: ServerResponse, path: string, context: ApiContext): Promise<void> {
  const limits = sessions.limits
  // The config's bytes as JSON: escapes (a tab is `\t`) can double them; the paths are short.
  const bodyLimit = 2 * limits.configBytes + limits.configFiles * 512 + 4096
  if (path === '/api/sessions') {
    if (req.method !== 'POST') throw new ApiError(405, 'use POST to start a session')
    const session = sessions.create((context.visitor ?? socketVisitor)(req))
    return send(res, 201, describe(session))
  }
  const m = /^\/api\/sessions\/([A-Za-z0-9_-]{10,64})(\/.*)?$/.exec(path)
  if (!m) throw new ApiError(404, `no API at ${path}`)
  const session = sessions.get(m[1])
  const stopped = session ? undefined : sessions.stopReason(m[1])
  if (stopped !== undefined) throw new ApiError(410, `the lab stopped this session: ${stopped}. Start a new one.`)
  if (!session) throw new ApiError(404, 'no such session (it may have expired): start a new one')
  session.touch()
  const rest = m[2] ?? ''
  const method = req.method ?? 'GET'

  if (rest === '' && method === 'GET') return send(res, 200, describe(session))
  if (rest === '' && method === 'DELETE') {
    await sessions.delete(session.id)
    return send(res, 200, { deleted: true })
  }
  if (rest === '/check' && method === 'POST') {
    const body = await readJson(req, bodyLimit)
    const config = field(body, 'config', 'string', true)!
    return send(res, 200, await session.check(config, versionField(body), filesField(body, limits)))
  }
  if (rest === '/apply' && method === 'POST') {
    const body = await readJson(req, bodyLimit)
    const result = await session.apply(field(body, 'config', 'string', true)!, {
      nginxVersion: versionField(body),
      files: filesField(body, limits),
      clockScale: field(body, 'clockScale', 'number'),
    })
    return send(res, result.applied ? 200 : 422, { ...result, session: describe(session) })
  }
  if (rest === '/raw' && method === 'POST') {
    const body = await readJson(req, limits.rawRequestBytes * 2 + 1024)
    const port = field(body, 'port', 'number', true)!
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ApiError(400, '"port" must be a port number')
    const client = field(body, 'client', 'string')
    // The client is named by the visitor: only CLIENTS' own names are clients (not "constructor").
    if (client !== undefined && !Object.hasOwn(CLIENTS, client)) throw new ApiError(400, `unknown client "${client.slice(0, 40)}" (one of ${Object.keys(CLIENTS).join(', ')})`)
    const result = await session.raw({
      request: field(body, 'request', 'string', true)!,
      port,
      client,
      tls: field(body, 'tls', 'boolean'),
    })
    return send(res, 200, result)
  }
  if (rest === '/logs' && method === 'GET') return send(res, 200, { files: session.logFiles() })
  const backend = /^\/backends\/([A-Z])$/.exec(rest)
  if (backend && method === 'POST') {
    if (!BACKENDS.some((b) => b.name === backend[1])) throw new ApiError(404, `no backend ${backend[1]} (there are ${BACKENDS.map((b) => b.name).join(', ')})`)
    const body = await readJson(req, 4096)
    session.controlBackend(backend[1], {
      running: field(body, 'running', 'boolean'),
      latencyMs: field(body, 'latencyMs', 'number'),
      answerPings: field(body, 'answerPings', 'boolean'),
      strict: field(body, 'strict', 'boolean'),
    })
    return send(res, 200, describe(session))
  }
  throw new ApiError(404, `no ${method} ${rest || '/'} on a session`)
}
