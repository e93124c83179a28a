/**
 * `proxy_pass` (ngx_http_upstream.c with the proxy module): pick a peer, connect, send the
 * request, read the response head within proxy_read_timeout, then either relay the response
 * or — for a 101 to a client that asked to upgrade — open the tunnel. Failures give nginx's
 * 502/504, error_log lines and next-upstream retries.
 */
import type { UpstreamConf } from '../nginx/conf.ts'
import { toJsRegExp } from '../nginx/regex.ts'
import type { ConfigRegex } from '../nginx/regex-match.ts'
import { parseUrl } from '../nginx/values.ts'
import type { Attempt, Balancer, Peer } from './balancer.ts'
import { guard } from './budget-failure.ts'
import type { HttpConnection } from './http-connection.ts'
import { headerOf } from './request-head.ts'
import { absoluteLocation, addHeaders, clientSpeaksHttp09, sendError } from './responses.ts'
import type { Stream } from './network.ts'
import { evaluate } from './request-vars.ts'
import { endTry, startTry, type ActiveRequest, type RequestState, type UpstreamTry } from './request-state.ts'
import { clientHead, httpDate, parseUpstreamHead, passedHeaders, type UpstreamHead } from './response-head.ts'
import { capturesOf } from './router.ts'
import { startTimer } from './timers.ts'
import { runTunnel } from './tunnel.ts'
import { statusText } from './status.ts'
import { buildUpstreamRequest, upstreamUri } from './upstream-request.ts'
import { readRequestBody } from './request-body.ts'
import { Chunked, ChunkedDecoder } from './chunked.ts'

interface Target {
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
    port,
    servers: [{ address: `${host}:${port}`, weight: 1, maxFails: 1, failTimeoutMs: 10_000, backup: false, down: false, node: template?.node, file: '' } as never],
    balancer: { kind: 'round-robin' },
    keepalive: null,
  }
  groups.set(key, group)
  return group
}

export function proxyRequest(conn: HttpConnection, request: ActiveRequest): void {
  const target = resolveTarget(conn, request)
  if (!target) return
  request.state.proxyHost = target.proxyHost
  request.state.proxyPort = target.proxyPort
  readRequestBody(conn, request, (body) =>
    guard(conn, request, () => {
      noteBody(request.state, body)
      const uri = upstreamUri(request.settings, request.location, request.state, target.dynamicUri)
      const attempt = target.balancer.newAttempt()
      tryPeer(conn, request, target, attempt, uri, body)
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

/** The try now running (the last one). */
function currentTry(state: RequestState): UpstreamTry | undefined {
  return state.upstreamTries[state.upstreamTries.length - 1]
}

function tryPeer(conn: HttpConnection, request: ActiveRequest, target: Target, attempt: Attempt, uri: string, body: Buffer | null): void {
  const { runtime } = conn
  const { clock, trace, network } = runtime.options
  const settings = request.settings
  const key = target.balancer.upstream.balancer.kind === 'hash' ? evaluate((target.balancer.upstream.balancer as { key: string }).key, request.state) : conn.info.remoteAddress
  const peer = attempt.tries > 0 ? target.balancer.pick(attempt, key) : null
  if (!peer) {
    conn.logErrorFor(request, 'error', 'no live upstreams', 'connecting to upstream', `${target.scheme}://${target.groupName}${uri}`)
    startTry(request.state, target.groupName).status = 502
    endTry(request.state)
    return sendError(conn, request, 502)
  }
  attempt.tries--
  trace({ type: 'upstream.selected', upstream: target.groupName, peer: peer.name, tries: attempt.tried.size, time: clock.now(), connection: conn.number })
  const upstreamUrl = `${target.scheme}://${peer.name}${uri}`
  startTry(request.state, peer.name)
  const reused = runtime.takeIdle(target.balancer.upstream, peer.name)
  if (reused) {
    trace({ type: 'upstream.connect', peer: peer.name, outcome: 'connected', detail: 'kept-alive connection reused', time: clock.now(), connection: conn.number })
    return guard(conn, request, () => exchange(conn, request, target, attempt, peer, uri, body, reused, upstreamUrl))
  }
  runtime.nextConnectionNumber()
  const socket = network.connect(peer.host, peer.port)
  let settled = false
  /** Gives the connect up (timeout, client gone); false when it had settled already. */
  const abandon = (): boolean => {
    if (settled) return false
    settled = true
    connectTimer.cancel()
    socket.destroy()
    return true
  }
  const connectTimer = startTimer({ clock, trace, connection: conn.number }, 'proxy_connect_timeout', settings.proxyConnectTimeoutMs, () => {
    if (!abandon()) return
    failed(conn, request, target, attempt, peer, uri, body, 'timeout', 504, 'connecting to upstream', 'upstream timed out (110: Connection timed out)')
  })
  watchClient(conn, request, abandon, target, peer, uri, 'connecting to upstream')
  socket.once('error', (error: NodeJS.ErrnoException) => {
    if (settled) return
    settled = true
    connectTimer.cancel()
    const errno = error.code === 'ECONNREFUSED' ? '111: Connection refused' : error.code === 'EHOSTUNREACH' ? '113: No route to host' : error.code === 'ETIMEDOUT' ? '110: Connection timed out' : `${error.code}`
    trace({ type: 'upstream.connect', peer: peer.name, outcome: error.code === 'ECONNREFUSED' ? 'refused' : 'error', detail: errno, time: clock.now(), connection: conn.number })
    failed(conn, request, target, attempt, peer, uri, body, 'error', 502, 'connecting to upstream', `connect() failed (${errno})`)
  })
  socket.once('connect', () => {
    if (settled) return
    settled = true
    connectTimer.cancel()
    trace({ type: 'upstream.connect', peer: peer.name, outcome: 'connected', time: clock.now(), connection: conn.number })
    guard(conn, request, () => exchange(conn, request, target, attempt, peer, uri, body, socket, upstreamUrl))
  })
}

/**
 * Until the upstream's head is in, a client that closes (or half-closes) ends the request:
 * `stop` drops the upstream side (false when it was over already), then nginx's [info] line,
 * 499 in the access log and the client connection closed. proxy_ignore_client_abort on lets
 * the request run on.
 */
function watchClient(conn: HttpConnection, request: ActiveRequest, stop: () => boolean, target: Target, peer: Peer, uri: string, action: string): void {
  if (request.settings.proxyIgnoreClientAbort) return
  conn.onClientGone(() => {
    if (!stop()) return
    conn.runtime.options.trace({ type: 'request.aborted', time: conn.runtime.options.clock.now(), connection: conn.number })
    conn.logErrorFor(request, 'info', 'epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too', action, `${target.scheme}://${peer.name}${uri}`)
    target.balancer.release(peer, false)
    endTry(request.state)
    request.state.status = 499
    request.keepalive = false
    conn.finish(request)
  })
}

/** A peer failed: count it, maybe try the next one, else answer with nginx's error status. */
function failed(
  conn: HttpConnection,
  request: ActiveRequest,
  target: Target,
  attempt: Attempt,
  peer: Peer,
  uri: string,
  body: Buffer | null,
  kind: 'error' | 'timeout' | 'invalid_header',
  status: number,
  action: string,
  message: string | null,
): void {
  conn.onClientGone(null)
  const failedTry = currentTry(request.state)
  if (failedTry) failedTry.status = status
  endTry(request.state)
  const upstreamUrl = `${target.scheme}://${peer.name}${uri}`
  const logError = (): void => {
    if (message !== null) conn.logErrorFor(request, 'error', message, action, upstreamUrl)
  }
  // nginx frees the peer before logging a timeout, after logging any other failure.
  if (kind !== 'timeout') logError()
  if (target.balancer.release(peer, true)) {
    conn.logErrorFor(request, 'warn', 'upstream server temporarily disabled', action, upstreamUrl)
  }
  if (kind === 'timeout') logError()
  const next = request.settings.proxyNextUpstream
  if (!next.includes('off') && next.includes(kind) && attempt.tries > 0 && !conn.isClosed) {
    return tryPeer(conn, request, target, attempt, uri, body)
  }
  sendError(conn, request, status)
}

function exchange(
  conn: HttpConnection,
  request: ActiveRequest,
  target: Target,
  attempt: Attempt,
  peer: Peer,
  uri: string,
  body: Buffer | null,
  socket: Stream,
  upstreamUrl: string,
): void {
  const { runtime } = conn
  const { clock, trace } = runtime.options
  const settings = request.settings
  const built = buildUpstreamRequest(settings, runtime.config.proxyHeaders, request.state, uri, body ? body.length : null)
  trace({ type: 'upstream.request', peer: peer.name, requestLine: built.requestLine, headers: built.headers, dropped: built.dropped, time: clock.now(), connection: conn.number })
  const requestBytes = Buffer.concat([Buffer.from(built.head, 'latin1'), body ?? Buffer.alloc(0)])
  // ngx_http_upstream_send_request: connected (or a kept connection taken) — the connect time.
  const thisTry = currentTry(request.state)
  if (thisTry) {
    thisTry.connectMs = clock.now() - thisTry.startMs
    thisTry.bytesSent += requestBytes.length
  }
  socket.write(requestBytes)

  let data = Buffer.alloc(0)
  let done = false
  /** Gives the upstream up before its head (timeout, client gone); false when it was over already. */
  const stopWaiting = (): boolean => {
    if (done) return false
    done = true
    readTimer.cancel()
    socket.destroy()
    return true
  }
  const readTimer = startTimer({ clock, trace, connection: conn.number }, 'proxy_read_timeout', settings.proxyReadTimeoutMs, () => {
    if (!stopWaiting()) return
    failed(conn, request, target, attempt, peer, uri, body, 'timeout', 504, 'reading response header from upstream', 'upstream timed out (110: Connection timed out)')
  })
  // nginx's action stays "sending request to upstream" until response bytes arrive.
  watchClient(conn, request, stopWaiting, target, peer, uri, 'sending request to upstream')
  const onData = (chunk: Buffer): void => {
    if (done) return
    if (data.length === 0) watchClient(conn, request, stopWaiting, target, peer, uri, 'reading response header from upstream')
    if (thisTry) thisTry.bytesReceived += chunk.length
    data = Buffer.concat([data, chunk])
    const parsed = parseUpstreamHead(data.toString('latin1'))
    if (parsed.kind === 'incomplete') return
    done = true
    readTimer.cancel()
    conn.onClientGone(null)
    socket.off('data', onData)
    if (thisTry && parsed.kind !== 'invalid-header') thisTry.headerMs = clock.now() - thisTry.startMs
    if (parsed.kind === 'invalid-header') {
      socket.destroy()
      return failed(conn, request, target, attempt, peer, uri, body, 'invalid_header', 502, 'reading response header from upstream', `upstream sent invalid header: "${parsed.shown}"`)
    }
    if (parsed.kind === 'invalid') {
      // ngx_http_proxy_process_status_line: not HTTP, so an HTTP/0.9 answer, relayed raw.
      conn.logErrorFor(request, 'error', 'upstream sent no valid HTTP/1.0 header', 'reading response header from upstream', upstreamUrl)
      if (thisTry) thisTry.status = 200
      request.state.status = 9
      const release = releaser(target.balancer, peer)
      return relayBody(conn, request, socket, null, false, false, false, data, false, release)
    }
    guard(conn, request, () => {
      try {
        respond(conn, request, target, peer, socket, parsed.head, data.subarray(parsed.head.headLength), upstreamUrl)
      } catch (error) {
        // Stopped while answering (a budget): the upstream connection goes, its peer is free.
        socket.destroy()
        target.balancer.release(peer, false)
        throw error
      }
    })
  }
  socket.on('data', onData)
  const prematureClose = (): void => {
    if (done) return
    done = true
    readTimer.cancel()
    failed(conn, request, target, attempt, peer, uri, body, 'error', 502, 'reading response header from upstream', 'upstream prematurely closed connection')
  }
  socket.once('end', prematureClose)
  socket.once('close', prematureClose)
  socket.on('error', () => prematureClose())
}

/** The upstream answered: relay it, or open the tunnel for a 101 the client asked for. */
function respond(
  conn: HttpConnection,
  request: ActiveRequest,
  target: Target,
  peer: Peer,
  socket: Stream,
  head: UpstreamHead,
  rest: Buffer,
  upstreamUrl: string,
): void {
  const { runtime } = conn
  const { clock, trace } = runtime.options
  const settings = request.settings
  const thisTry = currentTry(request.state)
  if (thisTry) thisTry.status = head.status
  request.state.upstreamHeaders = head.headers
  if (settings.proxyInterceptErrors && head.status >= 300 && settings.errorPages.some((p) => p.codes.includes(head.status))) {
    // The upstream's error answer is dropped for this location's error_page.
    socket.destroy()
    target.balancer.release(peer, false)
    endTry(request.state)
    return sendError(conn, request, head.status)
  }
  if (request.statusOverride !== undefined && request.statusOverride !== null) head = { ...head, status: request.statusOverride, statusLine: statusText(request.statusOverride) }
  trace({ type: 'upstream.response', peer: peer.name, statusLine: head.statusLine, headers: head.headers, time: clock.now(), connection: conn.number })
  const passed = passedHeaders(head.headers, settings.proxyHideHeaders, settings.proxyPassHeaders, (v) => rewriteRedirect(v, request, target))
  // ngx_http_header_filter makes nginx's own Location absolute (absolute_redirect on).
  if (passed.location !== null && passed.location.startsWith('/')) passed.location = absoluteLocation(conn, request.state, passed.location)
  const clientAskedUpgrade = headerOf(request.state.head, 'upgrade') !== undefined
  const upgrade = head.status === 101 && clientAskedUpgrade
  // A 101 nobody asked for is relayed as a response without length, whole, once the upstream
  // closes (docs/nginx-behaviour.md §4), and nginx's header filter still says "Connection: upgrade".
  const unsolicited101 = head.status === 101 && !upgrade
  const noBody = request.state.head.method === 'HEAD' || head.status === 204 || head.status === 304 || (head.status >= 100 && head.status < 200 && !unsolicited101)
  const clientHttp11 = request.state.head.major === 1 && request.state.head.minor >= 1
  const lengthKnown = passed.contentLength !== null
  const chunkedToClient = !upgrade && !unsolicited101 && !noBody && !lengthKnown && clientHttp11
  if (!upgrade && !noBody && !lengthKnown && !clientHttp11) request.keepalive = false
  // The peer stays busy (least_conn counts it) until the request is over.
  const release = releaser(target.balancer, peer)
  // u->keepalive: an HTTP/1.1 answer without `Connection: close`, read to its end, not upgraded.
  const reusable =
    head.major === 1 && head.minor >= 1 && head.status !== 101 &&
    !head.headers.some(([n, v]) => n.toLowerCase() === 'connection' && /\bclose\b/i.test(v)) &&
    (passed.contentLength !== null || passed.chunked || request.state.head.method === 'HEAD' || head.status === 204 || head.status === 304)
  const keep = (): boolean => {
    if (!reusable || runtime.keepaliveFor(target.balancer.upstream) <= 0) return false
    runtime.keepIdle(target.balancer.upstream, peer.name, socket)
    return true
  }

  const { text, headers } = clientHead({
    statusLine: head.statusLine,
    nginxVersion: runtime.config.version.name,
    date: httpDate(clock.now()),
    contentType: passed.contentType,
    contentLength: upgrade ? null : passed.contentLength,
    lastModified: passed.lastModified,
    location: passed.location,
    chunked: chunkedToClient,
    connection: head.status === 101 ? 'upgrade' : request.keepalive ? 'keep-alive' : 'close',
    keepAliveHeader: null,
    extra: [...passed.passed, ...addHeaders(request, head.status)],
    serverPassed: passed.serverPassed,
    datePassed: passed.datePassed,
  })
  request.state.status = head.status
  request.state.responseHeaders = headers
  trace({ type: 'response.sent', statusLine: `HTTP/1.1 ${head.statusLine}`, headers, bodyBytes: 0, hidden: passed.hidden, time: clock.now(), connection: conn.number })
  const headBytes = clientSpeaksHttp09(request) ? Buffer.alloc(0) : Buffer.from(text, 'latin1')
  request.state.bytesSent += headBytes.length
  // A chunked body that came with the head is read before the head goes out: nginx's header
  // waits in its output buffer, and a bad chunk there means the client gets nothing at all.
  const headLater = !unsolicited101 && !upgrade && passed.chunked && !noBody && rest.length > 0
  if (!unsolicited101 && !headLater) conn.stream.write(headBytes)

  if (upgrade) return openTunnel(conn, request, socket, rest, release, upstreamUrl)

  if (unsolicited101) {
    socket.once('end', () => conn.stream.write(headBytes))
  }
  relayBody(conn, request, socket, passed.contentLength, passed.chunked, noBody, chunkedToClient, rest, unsolicited101, release, keep, headLater ? headBytes : null, upstreamUrl)
}

/** Frees the peer once the request is over (made apart, so it holds nothing else alive). */
function releaser(balancer: Balancer, peer: Peer): () => void {
  return () => void balancer.release(peer, false)
}

/**
 * A 101 the client asked for: what already arrived either way goes through first, then the
 * tunnel copies both ways until one side closes. Only what the access and error logs need
 * stays referenced for the tunnel's lifetime.
 */
function openTunnel(conn: HttpConnection, request: ActiveRequest, socket: Stream, rest: Buffer, release: () => void, upstreamUrl: string): void {
  const { runtime } = conn
  const settings = request.settings
  const restLength = rest.length
  if (restLength) conn.stream.write(rest)
  const pendingFromClient = conn.takeInput(null)
  if (pendingFromClient.length) socket.write(pendingFromClient)
  conn.stream.removeAllListeners('data')
  socket.removeAllListeners('end')
  socket.removeAllListeners('close')
  socket.removeAllListeners('error')
  runTunnel(
    {
      client: conn.stream,
      upstream: socket,
      clock: runtime.options.clock,
      connection: conn.number,
      readTimeoutMs: settings.proxyReadTimeoutMs,
      sendTimeoutMs: settings.sendTimeoutMs,
      proxySendTimeoutMs: settings.proxySendTimeoutMs,
      trace: runtime.options.trace,
      inspectFrames: runtime.options.inspectFrames ?? true,
    },
    (result) => {
      request.state.bodyBytesSent = result.bytesToClient + restLength
      request.state.bytesSent += result.bytesToClient + restLength
      const tunnelTry = currentTry(request.state)
      if (tunnelTry) {
        // ngx_http_upstream_process_upgraded counts what the upstream sent; c->sent what it got.
        tunnelTry.bytesReceived += result.bytesToClient
        tunnelTry.bytesSent += result.bytesToUpstream + pendingFromClient.length
      }
      endTry(request.state)
      if (result.by === 'timeout') {
        const who = result.timer === 'send_timeout' ? 'client' : 'upstream'
        conn.logErrorFor(request, 'info', `${who} timed out (110: Connection timed out)`, 'proxying upgraded connection', upstreamUrl)
      }
      request.keepalive = false
      release()
      conn.finish(request, 'tunnel')
    },
  )
}

const redirectRegexes = new WeakMap<object, ConfigRegex>()

/** A `proxy_redirect ~…` pattern, compiled once per rule (the rule lives as long as its config). */
function redirectRegex(rule: { from: string }): ConfigRegex {
  let regex = redirectRegexes.get(rule)
  if (!regex) {
    const caseless = rule.from.startsWith('~*')
    regex = toJsRegExp(rule.from.slice(caseless ? 2 : 1), caseless)
    redirectRegexes.set(rule, regex)
  }
  return regex
}

/**
 * proxy_redirect: `default` replaces the proxy_pass URL (with its URI part) by the location's
 * name, or `URL/` by `/`; explicit pairs replace a prefix, or the whole value when their regex
 * matches; `off` keeps all.
 */
function rewriteRedirect(value: string, request: ActiveRequest, target: Target): string {
  const rules = request.settings.proxyRedirect
  const pass = request.settings.proxyPass
  if (rules === false || !pass) return value
  for (const rule of rules ?? [{ from: 'default', to: null }]) {
    if (rule.from === 'default') {
      if (pass.dynamic) continue
      const [pattern, replacement] = pass.uri ? [pass.url, request.location?.name ?? '/'] : [pass.url + '/', '/']
      if (value.startsWith(pattern)) return replacement + value.slice(pattern.length)
      continue
    }
    if (rule.from.startsWith('~')) {
      const m = redirectRegex(rule).exec(value)
      if (!m) continue
      // ngx_http_proxy_rewrite_regex_handler: the replacement takes the place of the whole value.
      const captures: Record<string, string> = Object.assign(Object.create(null), request.state.captures, capturesOf(m))
      return evaluate(rule.to ?? '', { ...request.state, captures })
    }
    const from = evaluate(rule.from, request.state)
    if (value.startsWith(from)) return evaluate(rule.to ?? '', request.state) + value.slice(from.length)
  }
  void target
  return value
}

/** Copies the response body: exact length, de-chunked and re-chunked, or until close. */
function relayBody(
  conn: HttpConnection,
  request: ActiveRequest,
  socket: Stream,
  contentLength: number | null,
  upstreamChunked: boolean,
  noBody: boolean,
  chunkedToClient: boolean,
  rest: Buffer,
  wholeAtClose: boolean,
  release: () => void,
  keep: () => boolean = () => false,
  head: Buffer | null = null,
  upstreamUrl = '',
): void {
  const client = conn.stream
  const held: Buffer[] = []
  let remaining = contentLength ?? Infinity
  let finished = false
  const decoder = upstreamChunked ? new ChunkedDecoder() : null
  const parts: Buffer[] = []
  const thisTry = currentTry(request.state)
  const end = (complete = true): void => {
    if (finished) return
    finished = true
    endTry(request.state)
    for (const chunk of held.splice(0)) writeOut(chunk)
    release()
    socket.removeListener('data', fromSocket)
    if (!(complete && keep())) socket.destroy()
    if (chunkedToClient) {
      client.write('0\r\n\r\n')
      request.state.bodyBytesSent += 5
      request.state.bytesSent += 5
    }
    conn.finish(request)
  }
  /** ngx_http_proxy_chunked_filter: the response ends as an upstream error, the client closed. */
  const invalid = (): void => {
    finished = true
    endTry(request.state)
    release()
    socket.removeListener('data', fromSocket)
    socket.destroy()
    conn.logErrorFor(request, 'error', 'upstream sent invalid chunked response', 'reading upstream', upstreamUrl)
    request.keepalive = false
    conn.finish(request)
  }
  const writeOut = (framed: Buffer): void => {
    request.state.bodyBytesSent += framed.length
    request.state.bytesSent += framed.length
    if (!client.write(framed) && !finished) {
      // A client that does not read: stop reading the upstream (no unbounded buffering) and
      // give it send_timeout to make room, as nginx does between two writes.
      socket.pause()
      const { clock, trace } = conn.runtime.options
      const timer = startTimer({ clock, trace, connection: conn.number }, 'send_timeout', request.settings.sendTimeoutMs, () => {
        conn.logErrorFor(request, 'info', 'client timed out (110: Connection timed out)', 'sending to client')
        socket.destroy()
        conn.destroy()
      })
      client.once('drain', () => {
        timer.cancel()
        socket.resume()
      })
    }
  }
  const send = (chunk: Buffer): void => {
    if (chunk.length === 0) return
    if (wholeAtClose) {
      held.push(chunk)
      return
    }
    // $body_bytes_sent counts what went on the wire, chunk framing included.
    writeOut(chunkedToClient ? Buffer.concat([Buffer.from(chunk.length.toString(16) + '\r\n'), chunk, Buffer.from('\r\n')]) : chunk)
  }
  const onData = (chunk: Buffer): void => {
    if (finished) return
    // $upstream_response_length: the body's bytes as read (the pipe's read_length).
    if (thisTry) thisTry.responseLength += chunk.length
    if (noBody) return end()
    if (decoder) {
      // One read is used whole or not at all: a bad chunk drops what came with it.
      parts.length = 0
      const result = decoder.decode(chunk, parts)
      if (result === Chunked.Invalid) return invalid()
      if (head) {
        client.write(head)
        head = null
      }
      send(parts.length === 1 ? parts[0] : Buffer.concat(parts))
      if (result === Chunked.Done) end()
      return
    }
    const take = chunk.subarray(0, Math.min(chunk.length, remaining))
    remaining -= take.length
    send(take)
    if (remaining <= 0) end()
  }
  /** What the upstream sends after its head ($upstream_bytes_received; the head's were counted). */
  const fromSocket = (chunk: Buffer): void => {
    if (thisTry && !finished) thisTry.bytesReceived += chunk.length
    onData(chunk)
  }
  if (noBody || contentLength === 0) return end()
  if (rest.length) onData(rest)
  if (finished) return
  socket.on('data', fromSocket)
  // A close before the length was reached ends the response (the connection cannot be kept).
  socket.once('end', () => end(false))
  socket.once('close', () => end(false))
}
