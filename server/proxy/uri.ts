/**
 * URIs as nginx handles them: the decoded, normalized `$uri` (ngx_http_parse_complex_uri:
 * %XX decoded, `//` merged, `.` and `..` resolved) and ngx_escape_uri for what goes upstream.
 */

/** The normalized path, or null when `..` climbs above the root (nginx answers 400). */
export function normalizeUri(rawPath: string, mergeSlashes = true): string | null {
  let decoded = ''
  for (let i = 0; i < rawPath.length; i++) {
    const ch = rawPath[i]
    if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(rawPath.slice(i + 1, i + 3))) {
      decoded += String.fromCharCode(parseInt(rawPath.slice(i + 1, i + 3), 16))
      i += 2
    } else decoded += ch
  }
  const segments = decoded.split('/')
  const out: string[] = []
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]
    const last = i === segments.length - 1
    if (seg === '.') {
      if (last) out.push('')
      continue
    }
    if (seg === '..') {
      if (out.length <= 1) return null
      out.pop()
      if (last) out.push('')
      continue
    }
    if (seg === '' && mergeSlashes && i > 0 && !last) continue
    out.push(seg)
  }
  const path = out.join('/')
  return path.startsWith('/') ? path : '/' + path
}

/** ngx_escape_uri(NGX_ESCAPE_URI): space, `#`, `%`, `?`, controls and bytes ≥ 0x7F. */
export function escapeUri(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code <= 0x20 || code >= 0x7f || code === 0x23 || code === 0x25 || code === 0x3f) {
      out += '%' + code.toString(16).toUpperCase().padStart(2, '0')
    } else out += text[i]
  }
  return out
}
