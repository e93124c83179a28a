/**
 * What a request knows while it runs (RequestState: nginx's ngx_http_request_t as the variables
 * see it), its upstream tries (r->upstream_states), and the request the connection is running
 * (ActiveRequest: the state with its server, location, settings and logs).
 */
import type { TLSSocket } from 'node:tls'
import type { EffectiveSettings, LabLocation, LabServer } from '../nginx/compile.ts'
import type { MapConf } from '../nginx/conf.ts'
import type { EvaluationBudget } from './budget.ts'
import type { ErrorLogTarget, Level } from './logs.ts'
import type { RequestHead } from './request-head.ts'

export interface ConnectionFacts {
  remoteAddress: string
  remotePort: number
  localAddress: string
  localPort: number
  tls: boolean
  /** nginx's connection number. */
  number: number
  requests: number
  /** When the connection was accepted (the runtime's clock), for $connection_time. */
  acceptedMs?: number
  /** Whether this request was already read when the previous one ended (r->pipeline, $pipe). */
  pipelined?: boolean
  /** The TLS socket of a connection on a `listen … ssl` port, for $ssl_*. */
  secure?: TLSSocket
  /** What the runtime knows beyond this connection. */
  server?: ServerFacts
}

/** stub_status's connection counts (ngx_stat_active, _reading, _writing, _waiting). */
export interface ConnectionCounts {
  active: number
  reading: number
  writing: number
  waiting: number
}

/** The runtime's own facts a request's variables may need. */
export interface ServerFacts {
  /** The `-p` prefix (ends with `/`): relative roots resolve against it. */
  prefix: string
  connections(): ConnectionCounts
  /** realpath(3) of a path, or null when it cannot be resolved. */
  realpath(path: string): string | null
}

/**
 * One upstream try (ngx_http_upstream_state_t): pushed when a peer is picked, filled as the
 * try goes on. Times are the runtime clock's milliseconds; -1 is "no value" (printed `-`).
 */
export interface UpstreamTry {
  /** The peer's name, or null for the mark nginx puts between two upstream groups (` : `). */
  addr: string | null
  /** The upstream status, or 0 when there was none (printed `-`). */
  status: number
  startMs: number
  connectMs: number
  headerMs: number
  responseMs: number
  bytesReceived: number
  bytesSent: number
  responseLength: number
}

/** A new try of the request, started now (ngx_http_upstream_connect). */
export function startTry(s: RequestState, addr: string | null): UpstreamTry {
  const now = s.nowMs()
  endTry(s)
  const t: UpstreamTry = { addr, status: 0, startMs: now, connectMs: -1, headerMs: -1, responseMs: -1, bytesReceived: 0, bytesSent: 0, responseLength: 0 }
  s.upstreamTries.push(t)
  return t
}

/** The last try's response time, once: when the next try begins or the upstream is finalized. */
export function endTry(s: RequestState): void {
  const last = s.upstreamTries[s.upstreamTries.length - 1]
  if (last && last.addr !== null && last.responseMs === -1) last.responseMs = s.nowMs() - last.startMs
}

/** ngx_http_variable_depth: how deep variables may nest inside each other's evaluation. */
export const VARIABLE_DEPTH = 100

/** What a request knows while it runs; the runtime fills the upstream and response parts. */
export interface RequestState {
  head: RequestHead
  connection: ConnectionFacts
  serverName: string
  nginxVersion: string
  hostname: string
  pid: number
  startMs: number
  nowMs: () => number
  /** Regex captures: `1`, `2`… and named ones (a null-prototype object: names come from configs). */
  captures: Record<string, string>
  /** `set` values of this request. */
  assigned: Map<string, string>
  maps: ReadonlyMap<string, MapConf>
  /** Told of each variable computed (first time in the request), with the map that gave it; null: nobody listens. */
  onVariable: ((name: string, value: string | undefined, map: MapConf | null) => void) | null
  /** Names already told to onVariable. */
  told?: Set<string>
  /** Variables only `set` gives values to (LabConfig.setOnlyVariables). */
  setOnly: ReadonlySet<string>
  /** uninitialized_variable_warn of the configuration the request is in now. */
  warnUninitialized: boolean
  /** Values computed once per request and kept (nginx's r->variables; internal redirects keep it). */
  cached: Map<string, string | undefined>
  /** Variables computed so far, against `budget.evaluations`. */
  evaluations: number
  /** What the request is doing, for the error log's `while …` (`logging request`), or null. */
  action: string | null
  /** Evaluations still allowed to nest (ngx_http_variable_depth, counted down and back up). */
  variableDepth: number
  /**
   * Internal redirects left (r->uri_changes): `rewrite … last`, error_page and named locations
   * count it down; at 0 nginx logs a redirection cycle and answers 500.
   */
  uriChanges: number
  /** Characters built so far by this request's values, against `budget.requestBytes`. */
  built: number
  budget: EvaluationBudget
  /** Writes an error_log line for this request (the cycle message). */
  log: (level: Level, message: string) => void
  proxyHost: string
  proxyPort: string
  /** Every upstream try of the request (r->upstream_states), group marks included. */
  upstreamTries: UpstreamTry[]
  /** The settings (location) the request runs with now: $document_root, $request_filename. */
  settings?: EffectiveSettings
  /** The request body proxy_pass read ($request_body), when nginx would hold it in memory. */
  requestBody?: Buffer
  /** Content-Length nginx sends upstream ($proxy_internal_body_length), -1 for none. */
  proxyBodyLength?: number
  status: number
  bodyBytesSent: number
  bytesSent: number
  responseHeaders: Array<[string, string]>
  upstreamHeaders: Array<[string, string]>
  /** Set when `rewrite` changed the URI (proxy_pass then sends it whole, its URI part ignored). */
  uriChanged?: boolean
}

/** A fresh captures object that visitor-chosen names cannot reach Object.prototype through. */
export function noCaptures(): Record<string, string> {
  return Object.create(null) as Record<string, string>
}

/** A request the connection is running: its state and the configuration it runs in now. */
export interface ActiveRequest {
  state: RequestState
  server: LabServer
  settings: EffectiveSettings
  location: LabLocation | null
  errorLogs: ErrorLogTarget[]
  /** Whether the client connection may be kept after the response. */
  keepalive: boolean
  /** Set once an error_page redirect happened (nginx follows one unless recursive_error_pages). */
  errorPageDone?: boolean
  /** The status an error_page imposes on whatever answers the redirected request. */
  statusOverride?: number | null
}
