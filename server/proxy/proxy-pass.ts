/**
 * `proxy_pass` (ngx_http_upstream.c with the proxy module): where the request goes (its URL,
 * evaluated when it has variables, to an `upstream {}` group, an implicit one, or a one-peer
 * group for a literal address; a name nothing resolves answers 502 as nginx does without a
 * resolver), its body read first (request-body.ts), then its attempt on the peers
 * (upstream-attempt.ts), the answer read and relayed (upstream-response.ts, upstream-body.ts)
 * or the tunnel opened (tunnel.ts). Failures give nginx's 502/504, error_log lines and
 * next-upstream retries.
 */
import type { UpstreamConf } from '../nginx/conf.ts'
import { parseUrl } from '../nginx/values.ts'
import type { Balancer } from './balancer.ts'
import { guard } from './budget-failure.ts'
import type { HttpConnection } from './http-connection.ts'
import { readRequestBody } from './request-body.ts'
import type { ActiveRequest, RequestState } from './request-state.ts'
import { evaluate } from './request-vars.ts'
import { sendError } from './responses.ts'
import { UpstreamAttempt } from './upstream-attempt.ts'
import { upstreamUri } from './upstream-request.ts'

export function proxyRequest(conn: HttpConnection, request: ActiveRequest): void {
  const target = resolveTarget(conn, request)
  if (!target) return
  request.state.proxyHost = target.proxyHost
  request.state.proxyPort = target.proxyPort
  readRequestBody(conn, request, (body) =>
    guard(conn, request, () => {
      noteBody(request.state, body)
      const uri = upstreamUri(request.settings, request.location, request.state, target.dynamicUri)
      new UpstreamAttempt(conn, request, target, uri, body).connectNext()
    }),
  )
}

/** client_body_buffer_size (16k on 64-bit): a bigger body nginx writes to a temporary file. */
const BODY_IN_MEMORY = 16 * 1024

/**
 * ngx_http_upstream_init_request for the request's body variables and upstream states: a
 * second upstream (an internal redirect proxied again) starts a new group (` : `).
 */
function noteBody(state: RequestState, body: Buffer | null): void {
  if (state.upstreamTries.length) state.upstreamTries.push({ addr: null, status: 0, startMs: 0, connectMs: -1, headerMs: -1, responseMs: 0, bytesReceived: 0, bytesSent: 0, responseLength: 0 })
  state.proxyBodyLength = body ? body.length : -1
  if (body && body.length > 0 && body.length <= BODY_IN_MEMORY) state.requestBody = body
}

export interface Target {
  balancer: Balancer
  /** For `no live upstreams` lines: the group's name. */
  groupName: string
  proxyHost: string
  proxyPort: string
  scheme: 'http' | 'https'
  dynamicUri: string | null
}

/** A proxy_pass without variables always names the same place: resolved once per runtime. */
const staticTargets = new WeakMap<object, WeakMap<object, Target>>()

/** Where the request goes; null after answering 502 for a name nothing resolves. */
function resolveTarget(conn: HttpConnection, request: ActiveRequest): Target | null {
  const pass = request.settings.proxyPass!
  if (pass.dynamic) return findTarget(conn, request)
  let known = staticTargets.get(conn.runtime)
  if (!known) staticTargets.set(conn.runtime, (known = new WeakMap()))
  let target = known.get(pass) ?? null
  if (!target) {
    target = findTarget(conn, request)
    if (target) known.set(pass, target)
  }
  return target
}

function findTarget(conn: HttpConnection, request: ActiveRequest): Target | null {
  const pass = request.settings.proxyPass!
  const url = pass.dynamic ? evaluate(pass.url, request.state) : pass.url
  const m = /^(https?):\/\/([^/?]*)(.*)$/i.exec(url)
  if (!m) {
    conn.logErrorFor(request, 'error', `invalid URL prefix in "${url}"`, null)
    sendError(conn, request, 500)
    return null
  }
  const scheme = m[1].toLowerCase() as 'http' | 'https'
  const hostPort = m[2]
  const parsed = parseUrl(hostPort, { defaultPort: scheme === 'https' ? 443 : 80 })
  const host = parsed.ok ? parsed.url.host : hostPort
  const port = parsed.ok ? parsed.url.port : 80
  const upstreams = conn.runtime.config.upstreams
  let upstream: UpstreamConf | undefined
  if (parsed.ok && parsed.url.noPort) upstream = upstreams.find((u) => !u.implicit && u.name.toLowerCase() === host.toLowerCase())
  if (!upstream) upstream = upstreams.find((u) => u.implicit && u.name.toLowerCase() === host.toLowerCase() && u.port === port)
  if (!upstream) {
    if (!parsed.ok || !parsed.url.literal) {
      conn.logErrorFor(request, 'error', `no resolver defined to resolve ${host}`, null)
      sendError(conn, request, 502)
      return null
    }
    upstream = adHocUpstream(conn, upstreams, host, port)
  }
  return {
    balancer: conn.runtime.balancerFor(upstream),
    groupName: upstream.name,
    proxyHost: hostPort,
    proxyPort: String(port),
    scheme,
    dynamicUri: pass.dynamic ? (m[3] === '' ? null : m[3]) : null,
  }
}

/** Ad-hoc groups per runtime, so a variable address keeps one balancer instead of one per request. */
const adHocGroups = new WeakMap<object, Map<string, UpstreamConf>>()

/** A one-peer group for a literal address built from variables. */
function adHocUpstream(conn: HttpConnection, upstreams: UpstreamConf[], host: string, port: number): UpstreamConf {
  let groups = adHocGroups.get(conn.runtime)
  if (!groups) adHocGroups.set(conn.runtime, (groups = new Map()))
  const key = `${host}:${port}`
  const known = groups.get(key)
  if (known) return known
  const template = upstreams[0]
  const group: UpstreamConf = {
    ...(template ?? ({} as UpstreamConf)),
    name: host,
    implicit: true,
    // Made at run time from variables: no line of the config defines it.
    file: '',
    port,
    servers: [{ address: `${host}:${port}`, weight: 1, maxFails: 1, failTimeoutMs: 10_000, backup: false, down: false, node: template?.node, file: '' } as never],
    balancer: { kind: 'round-robin' },
    keepalive: null,
  }
  groups.set(key, group)
  return group
}
