/**
 * The upstream's answer (ngx_http_upstream_process_header, ngx_http_upstream_send_response):
 * the request sent and the head read (`exchange`), then the client's head written as
 * ngx_http_header_filter writes it (response-head.ts, proxy_redirect) and the body relayed
 * (upstream-body.ts) — or, for a 101 the client asked for, the tunnel (tunnel.ts).
 */
import type { Balancer, Peer } from './balancer.ts'
import { guard } from './budget-failure.ts'
import type { HttpConnection } from './http-connection.ts'
import type { Stream } from './network.ts'
import { headerOf } from './request-head.ts'
import { endTry, type ActiveRequest } from './request-state.ts'
import { clientHead, httpDate, parseUpstreamHead, passedHeaders, type UpstreamHead } from './response-head.ts'
import { absoluteLocation, addHeaders, clientSpeaksHttp09, sendError } from './responses.ts'
import { rewriteRedirect } from './proxy-redirect.ts'
import { statusText } from './status.ts'
import { startTimer } from './timers.ts'
import { runTunnel } from './tunnel.ts'
import type { UpstreamAttempt } from './upstream-attempt.ts'
import { HTTP09_BODY, relayBody } from './upstream-body.ts'
import { buildUpstreamRequest } from './upstream-request.ts'

/**
 * ngx_http_upstream_send_request and _process_header: the request (upstream-request.ts) and its
 * body go to the peer, then its head is read within proxy_read_timeout. A failure goes back to
 * the attempt (`fail`), which may try the next peer.
 */
export function exchange(a: UpstreamAttempt, socket: Stream): void {
  const { conn, request, target, uri, body, upstreamUrl } = a
  const peer = a.peer!
  const { runtime } = conn
  const { clock, trace } = runtime.options
  const settings = request.settings
  const built = buildUpstreamRequest(settings, runtime.config.proxyHeaders, request.state, uri, body ? body.length : null)
  trace({ type: 'upstream.request', peer: peer.name, requestLine: built.requestLine, headers: built.headers, dropped: built.dropped, time: clock.now(), connection: conn.number })
  const requestBytes = Buffer.concat([Buffer.from(built.head, 'latin1'), body ?? Buffer.alloc(0)])
  // ngx_http_upstream_send_request: connected (or a kept connection taken) — the connect time.
  const thisTry = a.thisTry
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
    a.fail('timeout', 504, 'reading response header from upstream', 'upstream timed out (110: Connection timed out)')
  })
  // nginx's action stays "sending request to upstream" until response bytes arrive.
  a.watchClient(stopWaiting, 'sending request to upstream')
  const onData = (chunk: Buffer): void => {
    if (done) return
    if (data.length === 0) a.watchClient(stopWaiting, 'reading response header from upstream')
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
      return a.fail('invalid_header', 502, 'reading response header from upstream', `upstream sent invalid header: "${parsed.shown}"`)
    }
    if (parsed.kind === 'invalid') {
      // ngx_http_proxy_process_status_line: not HTTP, so an HTTP/0.9 answer, relayed raw.
      conn.logErrorFor(request, 'error', 'upstream sent no valid HTTP/1.0 header', 'reading response header from upstream', upstreamUrl)
      if (thisTry) thisTry.status = 200
      request.state.status = 9
      const release = releaser(target.balancer, peer)
      return relayBody(a, socket, HTTP09_BODY, data, release)
    }
    guard(conn, request, () => {
      try {
        respond(a, socket, parsed.head, data.subarray(parsed.head.headLength))
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
    a.fail('error', 502, 'reading response header from upstream', 'upstream prematurely closed connection')
  }
  socket.once('end', prematureClose)
  socket.once('close', prematureClose)
  socket.on('error', () => prematureClose())
}

/** The upstream answered: relay it, or open the tunnel for a 101 the client asked for. */
function respond(a: UpstreamAttempt, socket: Stream, head: UpstreamHead, rest: Buffer): void {
  const { conn, request, target, upstreamUrl } = a
  const peer = a.peer!
  const { runtime } = conn
  const { clock, trace } = runtime.options
  const settings = request.settings
  const thisTry = a.thisTry
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
  const passed = passedHeaders(head.headers, settings.proxyHideHeaders, settings.proxyPassHeaders, (v) => rewriteRedirect(v, request))
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
  relayBody(a, socket, {
    length: passed.contentLength,
    upstreamChunked: passed.chunked,
    none: noBody,
    chunkedToClient,
    wholeAtClose: unsolicited101,
    head: headLater ? headBytes : null,
    keep,
  }, rest, release)
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
      const tries = request.state.upstreamTries
      const tunnelTry = tries[tries.length - 1]
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
