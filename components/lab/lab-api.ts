/**
 * The lab server's HTTP API (docs/lab-api.md), typed, for the browser: one method per call, and
 * the `ws://` URLs of the event stream and of a session's clients. Every failure is a LabError
 * (lab-errors.ts), never a raw TypeError: a status other than the call's answers, a body that
 * is not JSON, a lab that cannot be reached.
 *
 * Types come from the server where it declares them (type-only imports: nothing of the server
 * runs in the browser); what it answers without a declared type is declared once here.
 */
import type { LabLimits } from '../../server/sandbox/limits.ts'
import type { ApplyOptions, ApplyResult, BackendSettings, CheckVerdict, RawRequest, RawResult } from '../../server/sandbox/session.ts'
import { isLimitName, kindOfStatus, LabError } from './lab-errors.ts'

/** A sample backend as a session describes it: its settings and how many WebSockets it holds. */
export type BackendDescription = { name: string; address: string; websockets: number } & Required<BackendSettings>

/** A session as `GET /api/sessions/<id>` describes it. */
export interface SessionDescription {
  id: string
  /** The running config's main text, or null before the first accepted apply. */
  config: string | null
  /** The running config's other files, path → text. */
  files: Record<string, string>
  /** Where the main text lives (`/etc/nginx/nginx.conf`): relative paths resolve against it. */
  configFile: string
  nginxVersion: string
  clockScale: number
  /** The virtual ports something listens on. */
  ports: number[]
  backends: BackendDescription[]
  /** The virtual clients and their addresses (`alice` 203.0.113.10…). */
  clients: Array<{ name: string; address: string }>
  limits: LabLimits
}

/** A config to check: the main text, its files, the nginx release to model. */
export type CheckRequest = { config: string } & Pick<ApplyOptions, 'files' | 'nginxVersion'>

/** A config to apply: as for a check, and the session clock's speed-up. */
export type ApplyRequest = { config: string } & ApplyOptions

/** The answer to an apply, accepted (200) or refused (422) alike. */
export type ApplyAnswer = ApplyResult & { session: SessionDescription }

/** The last lines of each log file the running config writes. */
export interface LabLogs {
  files: Record<string, string[]>
}

/** Where a client WebSocket connects: `<client>@<host>:<port>` and the path (query included). */
export interface ClientTarget {
  /** A virtual client's name (`alice`…; the session description lists them). */
  client: string
  /** The host the request names (`Host:`), as if DNS pointed it at the proxy. */
  host: string
  /** The virtual port (the config's `listen`). */
  port: number
  /** The path and query the proxy receives, starting with `/`. */
  path: string
}

export interface LabApiOptions {
  /** The lab's origin: `http://127.0.0.1:8080`, or `location.origin` in the playground. */
  base: string
  /** The fetch to call (default: the global one). */
  fetch?: typeof fetch
}

/** What the lab's session ids look like (sessions.ts: 128 random bits, base64url). */
const SESSION_ID = /^[A-Za-z0-9_-]{10,64}$/
/** A host the client endpoint accepts: a name or an IPv4 address, or an IPv6 address in brackets. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\])$/

/** The lab's HTTP API. One instance per lab; it holds no session state. */
export class LabApi {
  /** `http(s)://host[:port]`, and the path the lab is mounted at (usually none), without a trailing `/`. */
  private readonly origin: string
  private readonly path: string
  private readonly secure: boolean
  private readonly fetch: typeof fetch

  constructor(options: LabApiOptions) {
    const base = new URL(options.base)
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new TypeError(`the lab's base must be an http or https URL, not ${options.base}`)
    this.origin = base.origin
    this.path = base.pathname.replace(/\/+$/, '')
    this.secure = base.protocol === 'https:'
    // Bound: a browser's fetch called as a method of another object throws "Illegal invocation".
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  }

  /** Starts a session (`POST /api/sessions`, 201). */
  createSession(): Promise<SessionDescription> {
    return this.call('POST', '/api/sessions', undefined, [201])
  }

  getSession(id: string): Promise<SessionDescription> {
    return this.call('GET', sessionPath(id))
  }

  /** Frees the session now. */
  async deleteSession(id: string): Promise<void> {
    await this.call('DELETE', sessionPath(id))
  }

  /** `nginx -t` on a config, without applying it. */
  check(id: string, request: CheckRequest): Promise<CheckVerdict> {
    return this.call('POST', `${sessionPath(id)}/check`, request)
  }

  /**
   * Applies a config like `nginx -s reload`. A refused config is an answer, not an error:
   * `applied: false` and the diagnostics (the running config keeps serving).
   */
  apply(id: string, request: ApplyRequest): Promise<ApplyAnswer> {
    return this.call('POST', `${sessionPath(id)}/apply`, request, [200, 422])
  }

  /** Sends exact bytes (latin1: one character per byte) to a virtual port; the exact answer and its trace. */
  raw(id: string, request: RawRequest): Promise<RawResult> {
    return this.call('POST', `${sessionPath(id)}/raw`, request)
  }

  /** Changes a sample backend (`A`, `B`, `C`): killed, started, slowed… */
  setBackend(id: string, name: string, settings: BackendSettings): Promise<SessionDescription> {
    return this.call('POST', `${sessionPath(id)}/backends/${encodeURIComponent(name)}`, settings)
  }

  logs(id: string): Promise<LabLogs> {
    return this.call('GET', `${sessionPath(id)}/logs`)
  }

  /** The session's event stream; `after`: the seq of the last event the reader has. */
  eventsUrl(id: string, after?: number): string {
    if (after !== undefined && !(Number.isSafeInteger(after) && after >= 0)) badInput(`"after" must be the seq of an event, a whole number of 0 or more, not ${after}`)
    const url = this.wsUrl(`${this.path}${sessionPath(id)}/events`)
    return after === undefined ? url : `${url}?after=${after}`
  }

  /**
   * Where a browser WebSocket reaches the session's proxy as `target.client` (docs/lab-api.md
   * "Connecting a client"): `ws://<lab>/lab/<id>/<client>@<host>:<port>/<path>?<query>`.
   * Characters a URL cannot carry as they are are percent-encoded, as a browser would send
   * them; what a browser cannot send at all (a fragment, `.` and `..` segments, which it
   * resolves first) is refused with a LabError of kind `bad-input`.
   */
  clientUrl(id: string, target: ClientTarget): string {
    if (!SESSION_ID.test(id)) badInput(`not a session id: "${id}"`)
    if (!/^[a-z]+$/.test(target.client)) badInput(`a client is named in lowercase letters (alice, bob…), not "${target.client}"`)
    if (!HOST.test(target.host)) {
      badInput(`the host "${target.host}" cannot be used: a name of letters, digits, dots and hyphens (an international name in its xn-- form), an IPv4 address, or an IPv6 address in brackets`)
    }
    if (!(Number.isInteger(target.port) && target.port >= 1 && target.port <= 65535)) badInput(`"${target.port}" is not a port number (1 to 65535)`)
    const requested = `${this.path}/lab/${id}/${target.client}@${target.host}:${target.port}${encodeTarget(target.path)}`
    const url = this.wsUrl(requested)
    // What the browser will request must be what the proxy is said to receive: a URL parser
    // that changed it (by a rule not foreseen in encodeTarget) would make the lesson lie.
    const parsed = new URL(url)
    if (parsed.pathname + parsed.search !== requested) {
      badInput(`the path "${target.path}" cannot be sent by a browser as written (it would send "${parsed.pathname + parsed.search}")`)
    }
    return url
  }

  /** A path on the lab's host (its mount path included) as a ws(s) URL. */
  private wsUrl(path: string): string {
    return `${this.secure ? 'wss' : 'ws'}${this.origin.slice(this.origin.indexOf(':'))}${path}`
  }

  /** One call: the parsed JSON answer when the status is one of `answers`, else a LabError. */
  private async call<T>(method: string, path: string, body?: unknown, answers: readonly number[] = [200]): Promise<T> {
    let response: Response
    try {
      response = await this.fetch(`${this.origin}${this.path}${path}`, {
        method,
        headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch (error) {
      throw new LabError({ kind: 'unreachable', status: 0, serverMessage: error instanceof Error ? error.message : String(error), cause: error })
    }
    let text: string
    try {
      text = await response.text()
    } catch (error) {
      // The connection broke in the middle of the answer.
      throw new LabError({ kind: 'unreachable', status: response.status, serverMessage: error instanceof Error ? error.message : String(error), cause: error })
    }
    const json = parseJson(text)
    if (answers.includes(response.status)) {
      if (json === undefined || typeof json !== 'object' || json === null) {
        throw new LabError({ kind: 'protocol', status: response.status, serverMessage: `the answer is not a JSON object: ${text.slice(0, 200)}` })
      }
      return json as T
    }
    throw errorOf(response, json, text)
  }
}

function sessionPath(id: string): string {
  return `/api/sessions/${encodeURIComponent(id)}`
}

function badInput(message: string): never {
  throw new LabError({ kind: 'bad-input', status: 0, serverMessage: message })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** The LabError a non-answer status means, with the server's `error` and `limit` when it sent them. */
function errorOf(response: Response, json: unknown, text: string): LabError {
  const fields = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}
  const serverMessage = typeof fields.error === 'string' ? fields.error : text.trim().slice(0, 200) || response.statusText || `HTTP ${response.status}`
  const retry = Number(response.headers.get('Retry-After') ?? NaN)
  return new LabError({
    kind: kindOfStatus(response.status),
    status: response.status,
    serverMessage,
    limit: isLimitName(fields.limit) ? fields.limit : undefined,
    retryAfterSeconds: Number.isFinite(retry) && retry >= 0 ? retry : undefined,
  })
}

/**
 * A client's path and query, percent-encoded where a URL cannot carry a character as it is
 * (WHATWG URL's path and special-query encode sets, and `\`, which ws: URLs read as `/`); a `%`
 * that starts no escape becomes `%25`. Refuses what a browser cannot send.
 */
function encodeTarget(target: string): string {
  if (!target.startsWith('/')) badInput(`the path must start with "/", not "${target}"`)
  if (target.includes('#')) badInput(`the path "${target}" has a "#": what follows it (a fragment) is never sent; write %23 for a "#" the proxy should see`)
  const query = target.indexOf('?')
  const path = query < 0 ? target : target.slice(0, query)
  const search = query < 0 ? '' : target.slice(query)
  // A browser resolves these before sending (and here they would climb out of the /lab/ prefix).
  if (path.split('/').some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment))) {
    badInput(`the path "${path}" has a "." or ".." segment: a browser resolves those before sending, so the proxy would never see them (a raw request can send them)`)
  }
  return encodeChars(path, /[^\x21-\x7e]|["<>`{}\\^]/) + (search && '?' + encodeChars(search.slice(1), /[^\x21-\x7e]|["<>']/))
}

/** Percent-encodes (as UTF-8) every character `unsafe` matches, and every `%` that starts no escape. */
function encodeChars(text: string, unsafe: RegExp): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '%' && !/^%[0-9A-Fa-f]{2}/.test(text.slice(i, i + 3))) out += '%25'
    else if (!unsafe.test(c)) out += c
    else {
      // A surrogate pair is one character: encode both halves together.
      const code = text.codePointAt(i)!
      const char = String.fromCodePoint(code)
      try {
        out += encodeURIComponent(char)
      } catch {
        badInput(`the path has a character that is not valid Unicode (a lone surrogate at ${i})`)
      }
      i += char.length - 1
    }
  }
  return out
}
