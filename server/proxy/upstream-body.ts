/**
 * The response body from upstream to client (ngx_event_pipe with the proxy module's input
 * filters): exactly Content-Length bytes, a chunked body decoded (chunked.ts) — and re-chunked
 * for an HTTP/1.1 client when no length is known — or everything until the upstream closes.
 * A client that does not read gets send_timeout between two writes; a kept upstream connection
 * goes back to the runtime's idle pool.
 */
import { Chunked, ChunkedDecoder } from './chunked.ts'
import type { Stream } from './network.ts'
import { endTry } from './request-state.ts'
import { startTimer } from './timers.ts'
import type { UpstreamAttempt } from './upstream-attempt.ts'

/** How the body comes and goes. */
export interface BodyFraming {
  /** The upstream's Content-Length, null when none. */
  length: number | null
  /** The upstream sends it chunked. */
  upstreamChunked: boolean
  /** No body at all (HEAD, 204, 304, 1xx). */
  none: boolean
  /** Re-chunked to the client (HTTP/1.1, no length known). */
  chunkedToClient: boolean
  /** Held and written whole when the upstream closes (an unsolicited 101). */
  wholeAtClose: boolean
  /** The client's head, when it waits for the first read of a chunked body (upstream-response.ts). */
  head: Buffer | null
  /** At a complete end: whether the upstream connection is kept (and keeps it). */
  keep: () => boolean
}

/** An HTTP/0.9 answer: whatever comes, raw, until the upstream closes. */
export const HTTP09_BODY: Readonly<BodyFraming> = { length: null, upstreamChunked: false, none: false, chunkedToClient: false, wholeAtClose: false, head: null, keep: () => false }

/** Copies the response body: exact length, de-chunked and re-chunked, or until close. */
export function relayBody(a: UpstreamAttempt, socket: Stream, framing: BodyFraming, rest: Buffer, release: () => void): void {
  const { conn, request, upstreamUrl } = a
  const { upstreamChunked, none: noBody, chunkedToClient, wholeAtClose, keep } = framing
  const contentLength = framing.length
  let head = framing.head
  const client = conn.stream
  const held: Buffer[] = []
  let remaining = contentLength ?? Infinity
  let finished = false
  const decoder = upstreamChunked ? new ChunkedDecoder() : null
  const parts: Buffer[] = []
  const thisTry = a.thisTry
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
