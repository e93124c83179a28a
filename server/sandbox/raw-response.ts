/**
 * When the raw request endpoint has the whole answer: the head, then a body of the length the
 * head announces (Content-Length, chunked, or none for 1xx/204/304 and HEAD-like bodies of
 * zero). A 101 means the connection became a tunnel. An answer without any length ends only
 * when the connection closes.
 */

export function responseComplete(bytes: Buffer): boolean | 'upgraded' {
  const headEnd = bytes.indexOf('\r\n\r\n')
  if (headEnd < 0) return false
  const head = bytes.subarray(0, headEnd).toString('latin1')
  const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(head)?.[1] ?? NaN)
  if (!Number.isFinite(status)) return false
  if (status === 101) return 'upgraded'
  const body = bytes.subarray(headEnd + 4)
  if ((status >= 100 && status < 200) || status === 204 || status === 304) return true
  const length = /^content-length:\s*(\d+)\s*$/im.exec(head)
  if (length) return body.length >= Number(length[1])
  if (/^transfer-encoding:.*\bchunked\b/im.test(head)) return /(^|\r\n)0\r\n(.*\r\n)*\r\n$/s.test(body.toString('latin1'))
  return false
}
