/**
 * nginx's value parsers (src/core/ngx_parse.c, ngx_string.c, ngx_inet.c): times, sizes,
 * numbers and addresses, with the same limits and the same error texts. BigInt keeps
 * nginx's 64-bit overflow checks exact.
 */

const MAX_INT = (1n << 63n) - 1n

/** Digit strings this short cannot overflow nginx's 64-bit checks, so plain numbers do. */
const SAFE_DIGITS = 15

/** ngx_atoi: digits only, no sign; null on anything else or overflow. */
export function atoi(text: string): number | null {
  if (text.length === 0) return null
  if (text.length <= SAFE_DIGITS) {
    let n = 0
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i) - 48
      if (c < 0 || c > 9) return null
      n = n * 10 + c
    }
    return n
  }
  let value = 0n
  for (const ch of text) {
    if (ch < '0' || ch > '9') return null
    value = value * 10n + BigInt(ch.charCodeAt(0) - 48)
    if (value > MAX_INT) return null
  }
  return Number(value)
}

const TIME_UNITS: Record<string, { step: number; seconds: bigint }> = {
  y: { step: 1, seconds: 365n * 24n * 3600n },
  M: { step: 2, seconds: 30n * 24n * 3600n },
  w: { step: 3, seconds: 7n * 24n * 3600n },
  d: { step: 4, seconds: 24n * 3600n },
  h: { step: 5, seconds: 3600n },
  m: { step: 6, seconds: 60n },
  s: { step: 7, seconds: 1n },
}
const STEP_MSEC = 8

/**
 * ngx_parse_time: `1h 30m`, `500ms`, `60` (seconds). Returns milliseconds (or seconds when
 * `isSec`), or null where nginx says "invalid value". Units must come largest first.
 */
export function parseTime(text: string, isSec: boolean): number | null {
  const simple = /^(\d{1,9})(ms|s|m|h|d)?$/.exec(text)
  if (simple) {
    // The common shapes (`60s`, `500ms`, `5m`), which cannot overflow, without BigInt.
    const n = Number(simple[1])
    const unit = simple[2] ?? 's'
    if (unit === 'ms') return isSec ? null : n
    const seconds = n * (unit === 's' ? 1 : unit === 'm' ? 60 : unit === 'h' ? 3600 : 86400)
    return isSec ? seconds : seconds * 1000
  }
  let valid = false
  let value = 0n
  let total = 0n
  let step = isSec ? 0 : 2 // nginx: step = is_sec ? st_start : st_month, so `M` is only for seconds
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch >= '0' && ch <= '9') {
      value = value * 10n + BigInt(ch.charCodeAt(0) - 48)
      if (value > MAX_INT) return null
      valid = true
      i++
      continue
    }
    i++
    let scale: bigint
    let max: bigint
    if (ch === 'm' && text[i] === 's') {
      if (isSec || step >= STEP_MSEC) return null
      i++
      step = STEP_MSEC
      scale = 1n
      max = MAX_INT
    } else {
      const unit = ch === ' ' ? { step: 9, seconds: 1n } : TIME_UNITS[ch]
      if (!unit) return null
      // A bare number followed by a space counts as seconds, and must come last.
      const limit = ch === 'y' ? 1 : ch === ' ' ? 7 : unit.step
      if (step >= limit) return null
      step = unit.step
      scale = unit.seconds
      max = MAX_INT / unit.seconds
      if (!isSec) {
        scale *= 1000n
        max /= 1000n
      }
    }
    if (value > max) return null
    value *= scale
    if (total > MAX_INT - value) return null
    total += value
    value = 0n
    while (text[i] === ' ') i++
  }
  if (!valid) return null
  if (!isSec) {
    if (value > MAX_INT / 1000n) return null
    value *= 1000n
  }
  if (total > MAX_INT - value) return null
  return Number(total + value)
}

/** ngx_parse_size: `64k`, `1m`, `4096`; null where nginx says "invalid value". */
export function parseSize(text: string): number | null {
  return parseScaled(text, SIZE_UNITS)
}

/** ngx_parse_offset: like sizes, with `g` too. */
export function parseOffset(text: string): number | null {
  return parseScaled(text, OFFSET_UNITS)
}

const SIZE_UNITS: Record<string, bigint> = { k: 1024n, m: 1024n * 1024n }
const OFFSET_UNITS: Record<string, bigint> = { ...SIZE_UNITS, g: 1024n * 1024n * 1024n }

/**
 * The unit suffixes each parser takes, for the editor's completion: times (`ms` and
 * ngx_parse_time's letters, largest first; `M` and `y` only where seconds are read), sizes and
 * offsets (nginx takes these in upper case too).
 */
export const UNIT_SUFFIXES = {
  time: ['ms', ...Object.keys(TIME_UNITS)],
  size: Object.keys(SIZE_UNITS),
  offset: Object.keys(OFFSET_UNITS),
} as const satisfies Record<string, readonly string[]>

function parseScaled(text: string, units: Record<string, bigint>): number | null {
  if (text.length === 0) return null
  const unit = units[text[text.length - 1].toLowerCase()]
  const digits = unit ? text.slice(0, -1) : text
  const n = atoi(digits)
  if (n === null) return null
  const scale = unit ?? 1n
  const value = BigInt(n)
  if (value > MAX_INT / scale) return null
  return Number(value * scale)
}

/** ngx_inet_addr: a dotted IPv4 address with four parts of at most 255, else null. */
export function inetAddr(text: string): number[] | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const bytes: number[] = []
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return null
    const n = Number(p)
    if (n > 255) return null
    bytes.push(n)
  }
  return bytes
}

/** An IPv6 address as ngx_inet6_addr accepts it (hex groups, one `::`, an IPv4 tail). */
export function isInet6(text: string): boolean {
  if (text.length === 0 || !/^[0-9A-Fa-f:.]+$/.test(text)) return false
  const doubleColon = text.indexOf('::')
  if (doubleColon !== text.lastIndexOf('::')) return false
  let groups = text.split(':')
  let budget = 8
  const last = groups[groups.length - 1]
  if (last.includes('.')) {
    if (!inetAddr(last)) return false
    groups = groups.slice(0, -1)
    budget = 6
  }
  const filled = groups.filter((g) => g !== '')
  if (filled.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return false
  return doubleColon >= 0 ? filled.length < budget : filled.length === budget
}

export interface ParsedUrl {
  host: string
  port: number
  noPort: boolean
  uri: string
  wildcard: boolean
  ipv6: boolean
  /** Set when the host is a literal address, so nothing needs resolving. */
  literal: boolean
  lastPort: number
}

export interface UrlOptions {
  listen?: boolean
  uriPart?: boolean
  defaultPort: number
}

/** ngx_parse_url for inet and inet6 addresses; `err` carries nginx's u->err text. */
export function parseUrl(url: string, opts: UrlOptions): { ok: true; url: ParsedUrl } | { ok: false; err: string | null } {
  if (url.length >= 5 && url.slice(0, 5).toLowerCase() === 'unix:') {
    const path = url.slice(5)
    if (path.length === 0) return { ok: false, err: 'no path in the unix domain socket' }
    return {
      ok: true,
      url: { host: url, port: 0, noPort: true, uri: '', wildcard: false, ipv6: false, literal: true, lastPort: 0 },
    }
  }
  if (url.startsWith('[')) return parseInet6Url(url, opts)
  return parseInetUrl(url, opts)
}

function parsePortText(text: string, listen: boolean): { port: number; lastPort: number } | string {
  let portText = text
  let lastPort = 0
  if (listen) {
    const dash = text.indexOf('-')
    if (dash >= 0) {
      const n = atoi(text.slice(dash + 1))
      if (n === null || n < 1 || n > 65535) return 'invalid port'
      lastPort = n
      portText = text.slice(0, dash)
    }
  }
  const n = atoi(portText)
  if (n === null || n < 1 || n > 65535) return 'invalid port'
  if (lastPort && n > lastPort) return 'invalid port range'
  return { port: n, lastPort }
}

function parseInetUrl(url: string, opts: UrlOptions): ReturnType<typeof parseUrl> {
  const listen = opts.listen ?? false
  let last = url.length
  let port = url.indexOf(':')
  let uri = url.indexOf('/')
  const args = url.indexOf('?')
  if (args >= 0 && (uri < 0 || args < uri)) uri = args
  let uriText = ''
  if (uri >= 0) {
    if (listen || !opts.uriPart) return { ok: false, err: 'invalid host' }
    uriText = url.slice(uri)
    last = uri
    if (uri < port) port = -1
  }
  let portNumber = opts.defaultPort
  let lastPort = 0
  let noPort = false
  if (port >= 0) {
    const parsed = parsePortText(url.slice(port + 1, last), listen)
    if (typeof parsed === 'string') return { ok: false, err: parsed }
    portNumber = parsed.port
    lastPort = parsed.lastPort
    last = port
  } else {
    if (uri < 0 && listen) {
      // A bare number is a port on all addresses.
      const whole = url.slice(0, last)
      const dash = whole.indexOf('-')
      let head = whole
      let err: string | null = null
      let dashOk = true
      if (dash >= 0) {
        const n = atoi(whole.slice(dash + 1))
        if (n === null) dashOk = false
        else if (n < 1 || n > 65535) err = 'invalid port'
        else lastPort = n
        head = whole.slice(0, dash)
      }
      const n = dashOk ? atoi(head) : null
      if (n !== null) {
        if (err) return { ok: false, err }
        if (n < 1 || n > 65535) return { ok: false, err: 'invalid port' }
        if (lastPort && n > lastPort) return { ok: false, err: 'invalid port range' }
        return {
          ok: true,
          url: { host: '0.0.0.0', port: n, noPort: false, uri: '', wildcard: true, ipv6: false, literal: true, lastPort },
        }
      }
      lastPort = 0
    }
    noPort = true
  }
  const host = url.slice(0, last)
  if (host.length === 0) return { ok: false, err: 'no host' }
  if (listen && host === '*') {
    return {
      ok: true,
      url: { host: '0.0.0.0', port: portNumber, noPort, uri: uriText, wildcard: true, ipv6: false, literal: true, lastPort },
    }
  }
  const addr = inetAddr(host)
  return {
    ok: true,
    url: {
      host,
      port: portNumber,
      noPort,
      uri: uriText,
      wildcard: addr !== null && addr.every((b) => b === 0),
      ipv6: false,
      literal: addr !== null,
      lastPort,
    },
  }
}

function parseInet6Url(url: string, opts: UrlOptions): ReturnType<typeof parseUrl> {
  const listen = opts.listen ?? false
  const close = url.indexOf(']')
  if (close < 0) return { ok: false, err: 'invalid host' }
  let rest = url.slice(close + 1)
  let uriText = ''
  let portNumber = opts.defaultPort
  let noPort = false
  let lastPort = 0
  const slash = rest.indexOf('/')
  if (slash >= 0) {
    if (listen || !opts.uriPart) return { ok: false, err: 'invalid host' }
    uriText = rest.slice(slash)
    rest = rest.slice(0, slash)
  }
  if (rest.length > 0) {
    if (rest[0] !== ':') return { ok: false, err: 'invalid host' }
    const parsed = parsePortText(rest.slice(1), listen)
    if (typeof parsed === 'string') return { ok: false, err: parsed }
    portNumber = parsed.port
    lastPort = parsed.lastPort
  } else {
    noPort = true
  }
  const host = url.slice(1, close)
  if (host.length === 0) return { ok: false, err: 'no host' }
  if (!isInet6(host)) return { ok: false, err: 'invalid IPv6 address' }
  return {
    ok: true,
    url: {
      host,
      port: portNumber,
      noPort,
      uri: uriText,
      wildcard: /^[0:]+$/.test(host),
      ipv6: true,
      literal: true,
      lastPort,
    },
  }
}
