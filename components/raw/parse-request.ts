/**
 * Reads a raw request as far as the copy-as commands need: the request line and the headers, as
 * written (one character per byte). It does not judge the request — the proxy does, and the
 * trace says what it decided; this only tells whether another tool could send the same thing.
 */
export interface ParsedRequest {
  method: string
  target: string
  /** `HTTP/1.1`, `HTTP/1.0`… */
  version: string
  headers: Array<[string, string]>
  /** The bytes after the blank line. */
  body: string
}

const REQUEST_LINE = /^([A-Za-z]+) (\S+) (HTTP\/\d\.\d)$/
const HEADER = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/

/** null when the bytes are not a well-formed HTTP/1.x head ending in CRLF CRLF: only nc can send them. */
export function parseRequest(raw: string): ParsedRequest | null {
  const end = raw.indexOf('\r\n\r\n')
  if (end < 0) return null
  const [line, ...fields] = raw.slice(0, end).split('\r\n')
  const start = REQUEST_LINE.exec(line)
  if (!start) return null
  const headers: Array<[string, string]> = []
  for (const field of fields) {
    const header = HEADER.exec(field)
    if (!header || /[\0-\x08\x0a-\x1f\x7f]/.test(header[2])) return null
    headers.push([header[1], header[2]])
  }
  return { method: start[1], target: start[2], version: start[3], headers, body: raw.slice(end + 4) }
}

/** The value of the first header named `name` (any case), or undefined. */
export function headerValue(request: ParsedRequest, name: string): string | undefined {
  const key = name.toLowerCase()
  return request.headers.find(([n]) => n.toLowerCase() === key)?.[1]
}
