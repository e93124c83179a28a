/**
 * The request's and the response's fields as variables find them: headers by variable name
 * (`X-Real-IP` → `http_x_real_ip`), joined lists, cookies, arguments, the Basic user.
 */

/** Whether a header name gives this variable suffix (`X-Real-IP` → `x_real_ip`), compared in place. */
function namesVariable(header: string, suffix: string): boolean {
  if (header.length !== suffix.length) return false
  for (let i = 0; i < header.length; i++) {
    let c = header.charCodeAt(i)
    if (c >= 65 && c <= 90) c += 32
    else if (c === 45) c = 95
    if (c !== suffix.charCodeAt(i)) return false
  }
  return true
}

export function headerValues(headers: Array<[string, string]>, name: string): string[] {
  const values: string[] = []
  for (const header of headers) if (namesVariable(header[0], name)) values.push(header[1])
  return values
}

/** Every value of a header, joined as ngx_http_variable_headers_internal joins them. */
export function joined(headers: Array<[string, string]>, name: string, separator: string): string | undefined {
  const values = headerValues(headers, name)
  return values.length === 0 ? undefined : values.join(separator)
}

/**
 * The response headers nginx keeps in its r->headers_out.headers list: those after the ones
 * its header filter writes itself (Server, Date, Content-Type…, Connection, Keep-Alive).
 */
export function listedResponseHeaders(sent: Array<[string, string]>): Array<[string, string]> {
  let i = sent.findIndex((h) => h[0] === 'Connection')
  if (i < 0) return sent
  i++
  if (sent[i]?.[0] === 'Keep-Alive') i++
  return sent.slice(i)
}

/** ngx_http_parse_multi_header_lines: a cookie of the request's Cookie headers, by name. */
export function requestCookie(headers: Array<[string, string]>, name: string): string | undefined {
  const key = name.toLowerCase()
  for (const value of headerValues(headers, 'cookie')) {
    if (key.length > value.length) continue
    let i = 0
    const end = value.length
    while (i < end) {
      let matched = value.slice(i, i + key.length).toLowerCase() === key
      if (matched) {
        let p = i + key.length
        while (p < end && value[p] === ' ') p++
        if (p < end && value[p] === '=') {
          p++
          while (p < end && value[p] === ' ') p++
          let last = p
          while (last < end && value[last] !== ';') last++
          return value.slice(p, last)
        }
        matched = false
        i = p
      }
      // skip to the next cookie: past a ';' or ',' and the spaces after it
      while (i < end) {
        const ch = value[i++]
        if (ch === ';' || ch === ',') break
      }
      while (i < end && value[i] === ' ') i++
    }
  }
  return undefined
}

/** ngx_http_parse_set_cookie_lines: the value of the first cookie of a Set-Cookie, by name. */
export function setCookie(headers: Array<[string, string]>, name: string): string | undefined {
  const key = name.toLowerCase()
  for (const value of headerValues(headers, 'set_cookie')) {
    if (key.length >= value.length || value.slice(0, key.length).toLowerCase() !== key) continue
    let p = key.length
    while (p < value.length && value[p] === ' ') p++
    if (p === value.length || value[p] !== '=') continue
    p++
    while (p < value.length && value[p] === ' ') p++
    const end = value.indexOf(';', p)
    return value.slice(p, end < 0 ? value.length : end)
  }
  return undefined
}

/**
 * ngx_http_arg: the first `name=` (without case) at the start of the arguments or after `&`,
 * its value up to the next `&`, as sent (nothing decoded). A name without `=` is not found.
 */
export function argument(args: string, name: string): string | undefined {
  if (name.length === 0 || args.length === 0) return undefined
  const lower = args.toLowerCase()
  for (let from = 0; ; from++) {
    const p = lower.indexOf(name, from)
    if (p < 0 || p + name.length >= args.length) return undefined
    if ((p === 0 || args[p - 1] === '&') && args[p + name.length] === '=') {
      const end = args.indexOf('&', p)
      return args.slice(p + name.length + 1, end < 0 ? args.length : end)
    }
    from = p
  }
}

/** ngx_http_auth_basic_user: the user of `Authorization: Basic …`, when it decodes to `user:…`. */
export function basicUser(headers: Array<[string, string]>): string | undefined {
  const auth = headerValues(headers, 'authorization')[0]
  if (auth === undefined || auth.length < 6 || auth.slice(0, 6).toLowerCase() !== 'basic ') return undefined
  const encoded = auth.slice(6).replace(/^ +/, '')
  // ngx_decode_base64: the standard alphabet, '=' padding optional, nothing else.
  if (encoded.length === 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.replace(/=+$/, '').length % 4 === 1) return undefined
  const decoded = Buffer.from(encoded, 'base64').toString('latin1')
  const colon = decoded.indexOf(':')
  return colon <= 0 ? undefined : decoded.slice(0, colon)
}
