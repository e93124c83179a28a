/**
 * The client's request head, read as nginx reads it (ngx_http_parse_request_line,
 * ngx_http_parse_header_line, ngx_http_process_request_headers): the same limits, the same
 * answers (400, 414, 494, 505) and the same error_log texts.
 *
 * Hand-written because Node's HTTP parser accepts and rejects different things than nginx
 * (underscores in names, bare LF, repeated Host…), and the lab must show what nginx does.
 * What it gives (RequestHead, HeadError) and the limits it reads under are in request-head.ts.
 */
import type { HeadError, HeadLimits, HeadResult } from './request-head.ts'
import { normalizeUri } from './uri.ts'

/** Where nginx ran out of header buffers: the stream offset the buffer ended at, and whether a line was in progress there. */
interface Declined {
  end: number
  midLine: boolean
}

/**
 * nginx's header buffers (ngx_http_alloc_large_header_buffer): a head is read into one
 * client_header_buffer_size buffer; each time a buffer is full before the head ends, the
 * line in progress moves to a new large buffer, at most `largeBuffers` of them. A line in
 * progress as long as a large buffer, or one buffer too many, and nginx refuses the head.
 * Simulated over the bytes as they arrived, since reads fill each buffer to its end.
 */
class HeaderBuffers {
  private start = 0
  private size: number
  private busy = 0

  constructor(private readonly limits: HeadLimits) {
    this.size = limits.clientBufferSize
  }

  /** Room for the line from `lineStart` to `lineEnd` (after its LF; null while unfinished), with `available` bytes read. */
  fit(lineStart: number, lineEnd: number | null, available: number): 'ok' | 'incomplete' | Declined {
    for (;;) {
      const end = this.start + this.size
      if (lineEnd !== null && lineEnd <= end) return 'ok'
      if (available < end) return 'incomplete'
      const midLine = lineStart < end
      if (midLine && end - lineStart >= this.limits.largeBufferSize) return { end, midLine }
      if (this.busy >= this.limits.largeBuffers) return { end, midLine }
      this.busy++
      this.start = midLine ? lineStart : end
      this.size = this.limits.largeBufferSize
    }
  }
}

const METHOD = /^[A-Z_-]+$/
const NAME = /^[A-Za-z0-9-]+$/
const NAME_WITH_UNDERSCORES = /^[A-Za-z0-9_-]+$/

/** A line without its CR, when it ends with one. */
function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line
}

/** Parses a head from the bytes received so far (latin1: one char per byte, as nginx sees bytes). */
export function parseRequestHead(data: string, limits: HeadLimits): HeadResult {
  const buffers = new HeaderBuffers(limits)
  // Empty lines before the request line are skipped, as nginx does.
  let start = 0
  while (data[start] === '\r' || data[start] === '\n') start++
  if (start >= data.length) return { kind: 'incomplete' }
  const firstEnd = data.indexOf('\n', start)
  const requestLineFits = buffers.fit(start, firstEnd < 0 ? null : firstEnd + 1, data.length)
  if (requestLineFits === 'incomplete') return { kind: 'incomplete' }
  if (requestLineFits !== 'ok') return lineError(414, 'client sent too long URI', data.slice(start, requestLineFits.end))
  const rawLine = withoutCr(data.slice(start, firstEnd))

  const line = parseRequestLine(rawLine)
  if ('status' in line) return { kind: 'error', error: { ...line, inRequestLine: true } }
  if (line.major === 0) {
    // HTTP/0.9: a request line and nothing else.
    const normalized = normalizeUri(line.path)
    if (normalized === null) return error(400, 'client sent invalid request', rawLine)
    return {
      kind: 'ok',
      head: { ...line, requestUri: line.uri, normalizedPath: normalized, requestLine: rawLine, headers: [], invalidLines: [], host: null, hostHeader: null, headLength: firstEnd + 1 },
    }
  }

  // Headers up to the empty line.
  const headers: Array<[string, string]> = []
  const invalidLines: string[] = []
  let pos = firstEnd + 1
  // nginx's r->header_name_start: where the last header line (valid or not) began.
  let lastLineStart: number | null = null
  for (;;) {
    const end = data.indexOf('\n', pos)
    const fits = buffers.fit(pos, end < 0 ? null : end + 1, data.length)
    if (fits === 'incomplete') return { kind: 'incomplete' }
    if (fits !== 'ok') {
      // nginx quotes from the line in progress (or the last one begun) to the buffer's end.
      const from = fits.midLine ? pos : lastLineStart
      if (from === null) return error(494, 'client sent too large request', rawLine)
      const shown = data.slice(from, Math.min(fits.end, from + LONG_HEADER_SHOWN))
      return error(494, `client sent too long header line: "${shown}..."`, rawLine, firstHost(headers))
    }
    const text = withoutCr(data.slice(pos, end))
    lastLineStart = pos
    pos = end + 1
    if (text === '') break
    if (text.includes('\0')) return error(400, `client sent invalid header line: "${text.split('\0')[0]}\\x00..."`, rawLine)
    const colon = text.indexOf(':')
    const name = colon < 0 ? text : text.slice(0, colon)
    const value = colon < 0 ? '' : text.slice(colon + 1).trim()
    const validName = (limits.underscoresInHeaders ? NAME_WITH_UNDERSCORES : NAME).test(name)
    if (!validName) {
      if (limits.ignoreInvalidHeaders) {
        invalidLines.push(text)
        continue
      }
    }
    headers.push([name, value])
  }

  // The headers nginx checks, in one pass.
  const hosts: Array<[string, string]> = []
  const lengths: Array<[string, string]> = []
  const te: Array<[string, string]> = []
  for (const header of headers) {
    const lower = header[0].toLowerCase()
    if (lower === 'host') hosts.push(header)
    else if (lower === 'content-length') lengths.push(header)
    else if (lower === 'transfer-encoding') te.push(header)
  }
  if (hosts.length > 1) {
    return error(400, `client sent duplicate host header: "Host: ${hosts[1][1]}", previous value: "Host: ${hosts[0][1]}"`, rawLine, hosts[0][1])
  }
  let host: string | null = line.uriHost
  const hostHeader = hosts[0]?.[1] ?? null
  if (host === null && hostHeader !== null) {
    host = validateHost(hostHeader)
    if (host === null) return error(400, 'client sent invalid host header', rawLine, hostHeader)
  }
  if (line.major === 1 && line.minor >= 1 && hostHeader === null && line.uriHost === null) {
    return error(400, 'client sent HTTP/1.1 request without "Host" header', rawLine)
  }
  if (lengths.length > 1) {
    return error(400, `client sent duplicate header line: "Content-Length: ${lengths[1][1]}", previous value: "Content-Length: ${lengths[0][1]}"`, rawLine)
  }
  if (lengths.length === 1 && !/^\d+$/.test(lengths[0][1])) {
    return error(400, 'client sent invalid "Content-Length" header', rawLine)
  }
  if (te.length > 0 && (line.major < 1 || (line.major === 1 && line.minor === 0))) {
    return error(400, 'client sent HTTP/1.0 request with "Transfer-Encoding" header', rawLine)
  }
  if (te.length > 0 && te[0][1].toLowerCase() !== 'chunked') {
    return error(501, `client sent unknown "Transfer-Encoding": "${te[0][1]}"`, rawLine)
  }

  const normalizedPath = normalizeUri(line.path)
  if (normalizedPath === null) return error(400, 'client sent invalid request', rawLine)

  return {
    kind: 'ok',
    head: {
      method: line.method,
      uri: line.uri,
      requestUri: line.uri,
      path: line.path,
      normalizedPath,
      args: line.args,
      major: line.major,
      minor: line.minor,
      requestLine: rawLine,
      headers,
      invalidLines,
      host,
      hostHeader,
      headLength: pos,
    },
  }
}

/** nginx shows at most NGX_MAX_ERROR_STR - 300 bytes of a header line that is too long. */
const LONG_HEADER_SHOWN = 2048 - 300

function firstHost(headers: Array<[string, string]>): string | null {
  return headers.find((h) => h[0].toLowerCase() === 'host')?.[1] ?? null
}

function error(status: number, log: string, requestLine: string | null, hostHeader: string | null = null): HeadResult {
  return { kind: 'error', error: { status, log, requestLine, hostHeader } }
}

function lineError(status: number, log: string, requestLine: string): HeadResult {
  return { kind: 'error', error: { status, log, requestLine, inRequestLine: true } }
}

interface RequestLine {
  method: string
  uri: string
  path: string
  args: string
  major: number
  minor: number
  uriHost: string | null
}

function parseRequestLine(line: string): RequestLine | HeadError {
  const invalid = (log: string): HeadError => ({ status: 400, log, requestLine: line })
  const m = /^(\S+) +(\S+)(?: +(\S+))? *$/.exec(line)
  if (!m) return invalid('client sent invalid request')
  const [, method, target, version] = m
  if (!METHOD.test(method)) return invalid('client sent invalid method')
  let uri = target
  let uriHost: string | null = null
  const absolute = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/.exec(target)
  if (absolute) {
    const host = validateHost(absolute[2])
    if (host === null) return invalid('client sent invalid host in request line')
    uriHost = host
    uri = absolute[3] === '' ? '/' : absolute[3]
  } else if (!target.startsWith('/')) {
    return invalid('client sent invalid request')
  }
  let major = 0
  let minor = 9
  if (version !== undefined) {
    const v = /^HTTP\/(\d{1,3})\.(\d{1,3})$/.exec(version)
    if (!v) return invalid('client sent invalid request')
    major = Number(v[1])
    minor = Number(v[2])
    if (major > 1) return { status: 505, log: 'client sent invalid version', requestLine: line }
  } else if (method !== 'GET') {
    return invalid('client sent invalid request')
  }
  const q = uri.indexOf('?')
  return {
    method,
    uri,
    path: q < 0 ? uri : uri.slice(0, q),
    args: q < 0 ? '' : uri.slice(q + 1),
    major,
    minor,
    uriHost,
  }
}

/** ngx_http_validate_host: lowercased, port and trailing dot dropped; null when invalid. */
export function validateHost(value: string): string | null {
  let host = value
  if (host.startsWith('[')) {
    const close = host.indexOf(']')
    if (close < 0) return null
    host = host.slice(0, close + 1)
  } else {
    const colon = host.indexOf(':')
    if (colon >= 0) host = host.slice(0, colon)
  }
  if (host.endsWith('.')) host = host.slice(0, -1)
  if (host.length === 0 || host.includes('..') || host.includes('/') || host.includes('\\') || host.startsWith('.')) return null
  return host.toLowerCase()
}
