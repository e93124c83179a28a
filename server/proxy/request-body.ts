/**
 * The client's request body, read in full before the upstream is contacted, as nginx does
 * with proxy_request_buffering on: Content-Length bodies, chunked ones (sent upstream with a
 * Content-Length), `Expect: 100-continue`, and client_max_body_size.
 */
import { headerOf, type ActiveRequest, type HttpConnection } from './http-connection.ts'
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
    conn.sendError(request, 413)
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
  if (expected !== null && expected > inMemory) return conn.bodyOverBudget(request, expected)
  const chunks: Buffer[] = []
  let size = 0
  /** For a chunked body: what was received, merged only when a chunk could have ended. */
  let received: Buffer = Buffer.alloc(0)
  const { clock, trace } = conn.runtime.options
  const timers = { clock, trace, connection: conn.number }
  // client_body_timeout: between two reads of the body, not for the whole of it.
  const timer = startTimer(timers, 'client_body_timeout', request.settings.clientBodyTimeoutMs, () => conn.bodyTimedOut(request))
  const finish = (body: Buffer, rest: Buffer): void => {
    timer.cancel()
    conn.takeInput(null)
    conn.returnInput(rest)
    done(body)
  }
  const onChunk = (chunk: Buffer): void => {
    timer.restart()
    chunks.push(chunk)
    size += chunk.length
    if (expected !== null) {
      if (size < expected) return
      const all = Buffer.concat(chunks)
      return finish(all.subarray(0, expected), all.subarray(expected))
    }
    if (size > inMemory) {
      timer.cancel()
      conn.takeInput(null)
      return conn.bodyOverBudget(request, size)
    }
    // A chunked body can only be complete once a line has ended.
    if (!chunk.includes(0x0a)) return
    received = Buffer.concat(chunks)
    chunks.length = 0
    chunks.push(received)
    const decoded = decodeChunked(received)
    if (decoded) finish(decoded.body, received.subarray(decoded.consumed))
  }
  const pending = conn.takeInput(onChunk)
  if (pending.length) onChunk(pending)
}

/** A complete chunked body, or null while more bytes are needed. */
function decodeChunked(data: Buffer): { body: Buffer; consumed: number } | null {
  const parts: Buffer[] = []
  let pos = 0
  for (;;) {
    const eol = data.indexOf('\r\n', pos)
    if (eol < 0) return null
    const size = parseInt(data.subarray(pos, eol).toString('latin1').split(';')[0], 16)
    if (!Number.isFinite(size)) return null
    pos = eol + 2
    if (size === 0) {
      const end = data.indexOf('\r\n', pos)
      if (end < 0) return null
      return { body: Buffer.concat(parts), consumed: end + 2 }
    }
    if (data.length < pos + size + 2) return null
    parts.push(data.subarray(pos, pos + size))
    pos += size + 2
  }
}
