/**
 * The client's request body, read in full before the upstream is contacted, as nginx does
 * with proxy_request_buffering on: Content-Length bodies, chunked ones (decoded by chunked.ts,
 * sent upstream with a Content-Length; a broken one gets nginx's 400), `Expect: 100-continue`,
 * client_max_body_size and client_body_timeout.
 */
import { writeAccessLog } from './access-log.ts'
import { bodyOverBudget } from './budget-failure.ts'
import type { HttpConnection } from './http-connection.ts'
import { headerOf } from './request-head.ts'
import type { ActiveRequest } from './request-state.ts'
import { sendError } from './responses.ts'
import { Chunked, ChunkedDecoder } from './chunked.ts'
import { startTimer } from './timers.ts'

/** Calls `done` with the body (null when there is none), or answers an error itself. */
export function readRequestBody(conn: HttpConnection, request: ActiveRequest, done: (body: Buffer | null) => void): void {
  const head = request.state.head
  const length = headerOf(head, 'content-length')
  const chunked = headerOf(head, 'transfer-encoding')?.toLowerCase() === 'chunked'
  if (!chunked && (length === undefined || length === '0')) return done(length === '0' ? Buffer.alloc(0) : null)
  const expected = chunked ? null : Number(length)
  const limit = request.settings.clientMaxBodySize
  if (expected !== null && limit > 0 && expected > limit) {
    conn.logErrorFor(request, 'error', `client intended to send too large body: ${expected} bytes`, null)
    request.keepalive = false
    sendError(conn, request, 413)
    return
  }
  if (headerOf(head, 'expect')?.toLowerCase() === '100-continue' && head.major === 1 && head.minor >= 1) {
    const line = 'HTTP/1.1 100 Continue\r\n\r\n'
    conn.stream.write(line)
    request.state.bodyBytesSent += line.length
    request.state.bytesSent += line.length
  }
  // nginx keeps client_body_buffer_size in memory and writes the rest to a temporary file; the
  // lab has no files, so a body is held in memory up to the budget and refused beyond it.
  const inMemory = conn.runtime.budget.bodyBytes
  if (expected !== null && expected > inMemory) return bodyOverBudget(conn, request, expected)
  const chunks: Buffer[] = []
  let size = 0
  /** For a chunked body: the decoder, and the data it found so far (views of what arrived). */
  const decoder = expected === null ? new ChunkedDecoder() : null
  const { clock, trace } = conn.runtime.options
  const timers = { clock, trace, connection: conn.number }
  // client_body_timeout: between two reads of the body, not for the whole of it.
  const timer = startTimer(timers, 'client_body_timeout', request.settings.clientBodyTimeoutMs, () => bodyTimedOut(conn, request))
  const finish = (body: Buffer, rest: Buffer): void => {
    timer.cancel()
    conn.takeInput(null)
    conn.returnInput(rest)
    done(body)
  }
  const onChunk = (chunk: Buffer): void => {
    timer.restart()
    size += chunk.length
    if (decoder === null) {
      chunks.push(chunk)
      if (size < expected!) return
      const all = Buffer.concat(chunks)
      return finish(all.subarray(0, expected!), all.subarray(expected!))
    }
    if (size > inMemory) {
      timer.cancel()
      conn.takeInput(null)
      return bodyOverBudget(conn, request, size)
    }
    const result = decoder.decode(chunk, chunks)
    if (result === Chunked.Done) return finish(Buffer.concat(chunks), chunk.subarray(decoder.end))
    if (result === Chunked.Invalid) {
      // ngx_http_request_body_chunked_filter: 400, and the connection closes after it.
      timer.cancel()
      conn.takeInput(null)
      conn.logErrorFor(request, 'error', 'client sent invalid chunked body', null)
      request.keepalive = false
      sendError(conn, request, 400)
    }
  }
  const pending = conn.takeInput(onChunk)
  if (pending.length) onChunk(pending)
}

/** client_body_timeout: the request is dropped (408 in the access log), without an answer. */
function bodyTimedOut(conn: HttpConnection, request: ActiveRequest): void {
  request.state.status = 408
  writeAccessLog(conn, request)
  conn.stream.end()
  conn.destroy()
}
