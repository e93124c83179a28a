/**
 * One request's way to its upstream (nginx's ngx_http_upstream_t): the tries of its peers
 * (balancer.ts), each a connect within proxy_connect_timeout or a kept connection, handed to
 * upstream-response.ts; a failed try is counted against its peer, then retried on the next one
 * as proxy_next_upstream allows, or answered with nginx's 502/504. While no head has come, a
 * client that goes away ends the request (499).
 */
import type { Attempt, Peer } from './balancer.ts'
import { guard } from './budget-failure.ts'
import type { HttpConnection } from './http-connection.ts'
import { endTry, startTry, type ActiveRequest, type UpstreamTry } from './request-state.ts'
import { evaluate } from './request-vars.ts'
import { sendError } from './responses.ts'
import { startTimer } from './timers.ts'
import { exchange } from './upstream-response.ts'
import type { Target } from './proxy-pass.ts'

/** Why a try failed, as proxy_next_upstream names it. */
export type FailureKind = 'error' | 'timeout' | 'invalid_header'

export class UpstreamAttempt {
  /** The balancer's count of tries left and peers tried. */
  readonly tries: Attempt
  /** The peer of the try now running (null before the first). */
  peer: Peer | null = null
  /** `http://peer/uri`, as error_log lines name the upstream. */
  upstreamUrl = ''

  constructor(
    readonly conn: HttpConnection,
    readonly request: ActiveRequest,
    readonly target: Target,
    /** The URI sent upstream (upstream-request.ts `upstreamUri`). */
    readonly uri: string,
    /** The request body read before (request-body.ts), null for none. */
    readonly body: Buffer | null,
  ) {
    this.tries = target.balancer.newAttempt()
  }

  /** The try now running: the request's last r->upstream_states entry. */
  get thisTry(): UpstreamTry | undefined {
    const tries = this.request.state.upstreamTries
    return tries[tries.length - 1]
  }

  /** ngx_http_upstream_connect: the next peer, or nginx's 502 when none is left. */
  connectNext(): void {
    const { conn, request, target } = this
    const { runtime } = conn
    const { clock, trace, network } = runtime.options
    const upstream = target.balancer.upstream
    const key = upstream.balancer.kind === 'hash' ? evaluate(upstream.balancer.key, request.state) : conn.info.remoteAddress
    const peer = this.tries.tries > 0 ? target.balancer.pick(this.tries, key) : null
    if (!peer) {
      conn.logErrorFor(request, 'error', 'no live upstreams', 'connecting to upstream', `${target.scheme}://${target.groupName}${this.uri}`)
      startTry(request.state, target.groupName).status = 502
      endTry(request.state)
      return sendError(conn, request, 502)
    }
    this.tries.tries--
    this.peer = peer
    this.upstreamUrl = `${target.scheme}://${peer.name}${this.uri}`
    const where = upstream.file ? { file: upstream.file, line: upstream.node.nginxLine } : {}
    trace({ type: 'upstream.selected', upstream: target.groupName, peer: peer.name, tries: this.tries.tried.size, ...where, time: clock.now(), connection: conn.number })
    startTry(request.state, peer.name)
    const reused = runtime.takeIdle(upstream, peer.name)
    if (reused) {
      trace({ type: 'upstream.connect', peer: peer.name, outcome: 'connected', detail: 'kept-alive connection reused', time: clock.now(), connection: conn.number })
      return guard(conn, request, () => exchange(this, reused))
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
    const connectTimer = startTimer({ clock, trace, connection: conn.number }, 'proxy_connect_timeout', request.settings.proxyConnectTimeoutMs, () => {
      if (!abandon()) return
      this.fail('timeout', 504, 'connecting to upstream', 'upstream timed out (110: Connection timed out)')
    })
    this.watchClient(abandon, 'connecting to upstream')
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (settled) return
      settled = true
      connectTimer.cancel()
      const errno = error.code === 'ECONNREFUSED' ? '111: Connection refused' : error.code === 'EHOSTUNREACH' ? '113: No route to host' : error.code === 'ETIMEDOUT' ? '110: Connection timed out' : `${error.code}`
      trace({ type: 'upstream.connect', peer: peer.name, outcome: error.code === 'ECONNREFUSED' ? 'refused' : 'error', detail: errno, time: clock.now(), connection: conn.number })
      this.fail('error', 502, 'connecting to upstream', `connect() failed (${errno})`)
    })
    socket.once('connect', () => {
      if (settled) return
      settled = true
      connectTimer.cancel()
      trace({ type: 'upstream.connect', peer: peer.name, outcome: 'connected', time: clock.now(), connection: conn.number })
      guard(conn, request, () => exchange(this, socket))
    })
  }

  /**
   * Until the upstream's head is in, a client that closes (or half-closes) ends the request:
   * `stop` drops the upstream side (false when it was over already), then nginx's [info] line,
   * 499 in the access log and the client connection closed. proxy_ignore_client_abort on lets
   * the request run on.
   */
  watchClient(stop: () => boolean, action: string): void {
    const { conn, request } = this
    if (request.settings.proxyIgnoreClientAbort) return
    conn.onClientGone(() => {
      if (!stop()) return
      conn.runtime.options.trace({ type: 'request.aborted', time: conn.runtime.options.clock.now(), connection: conn.number })
      conn.logErrorFor(request, 'info', 'epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too', action, this.upstreamUrl)
      this.target.balancer.release(this.peer!, false)
      endTry(request.state)
      request.state.status = 499
      request.keepalive = false
      conn.finish(request)
    })
  }

  /** The try failed: count it against its peer, maybe try the next one, else answer with nginx's error status. */
  fail(kind: FailureKind, status: number, action: string, message: string | null): void {
    const { conn, request } = this
    conn.onClientGone(null)
    const failedTry = this.thisTry
    if (failedTry) failedTry.status = status
    endTry(request.state)
    // nginx frees the peer before logging a timeout, after logging any other failure.
    if (kind !== 'timeout' && message !== null) conn.logErrorFor(request, 'error', message, action, this.upstreamUrl)
    if (this.target.balancer.release(this.peer!, true)) {
      conn.logErrorFor(request, 'warn', 'upstream server temporarily disabled', action, this.upstreamUrl)
    }
    if (kind === 'timeout' && message !== null) conn.logErrorFor(request, 'error', message, action, this.upstreamUrl)
    const next = request.settings.proxyNextUpstream
    if (!next.includes('off') && next.includes(kind) && this.tries.tries > 0 && !conn.isClosed) return this.connectNext()
    sendError(conn, request, status)
  }
}
