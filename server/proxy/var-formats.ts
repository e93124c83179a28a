/**
 * How variables print what they hold: times ($time_local, $date_gmt, the `%T.%03M` durations),
 * addresses as bytes ($binary_remote_addr) and the TLS facts of $ssl_* (ngx_event_openssl.c).
 */
import type { TLSSocket } from 'node:tls'

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `22/Nov/2026:07:40:10 +0000`, nginx's $time_local (the lab and CI run in UTC). */
export function timeLocal(ms: number): string {
  const d = new Date(ms)
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return `${pad(d.getDate())}/${MONTHS[d.getMonth()]}/${d.getFullYear()}:${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
}

/** nginx's `%T.%03M` of a duration in milliseconds (never negative). */
export function seconds(ms: number): string {
  const whole = Math.max(0, Math.floor(ms))
  return `${Math.floor(whole / 1000)}.${pad(whole % 1000, 3)}`
}

/** An address as bytes (ngx_http_variable_binary_remote_addr), one character per byte. */
export function binaryAddress(address: string): string {
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address)
  if (v4) return String.fromCharCode(Number(v4[1]), Number(v4[2]), Number(v4[3]), Number(v4[4]))
  if (!address.includes(':')) return address
  let text = address
  let tail: number[] = []
  const dotted = /:(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    tail = [Number(dotted[1]) * 256 + Number(dotted[2]), Number(dotted[3]) * 256 + Number(dotted[4])]
    text = text.slice(0, dotted.index + 1) + '0'
  }
  const [head, rest] = text.split('::')
  const left = head ? head.split(':').map((h) => parseInt(h, 16)) : []
  let right = rest !== undefined && rest !== '' ? rest.split(':').map((h) => parseInt(h, 16)) : []
  if (dotted) right = rest !== undefined ? [...right.slice(0, -1), ...tail] : right
  let groups = rest === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right]
  if (dotted && rest === undefined) groups = [...groups.slice(0, -1), ...tail]
  let out = ''
  for (const g of groups.slice(0, 8)) out += String.fromCharCode((g >> 8) & 0xff, g & 0xff)
  return out
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** The ssi module's default timefmt `%A, %d-%b-%Y %H:%M:%S %Z`, local or GMT ($date_local, $date_gmt). */
export function ssiDate(ms: number, gmt: boolean): string {
  const d = new Date(Math.floor(ms / 1000) * 1000)
  if (gmt) {
    return `${WEEKDAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`
  }
  const offset = d.getTimezoneOffset()
  const zone = offset === 0 ? 'UTC' : (new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '')
  return `${WEEKDAYS[d.getDay()]}, ${pad(d.getDate())}-${MONTHS[d.getMonth()]}-${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone}`
}

/** The value of ssl_* for a TLS connection (ngx_ssl_get_* in ngx_event_openssl.c). */
export function sslVariable(name: string, tls: TLSSocket): string | undefined {
  switch (name) {
    case 'ssl_protocol':
      return tls.getProtocol() ?? undefined
    case 'ssl_cipher':
      return tls.getCipher()?.name
    case 'ssl_server_name': {
      const sni = (tls as TLSSocket & { servername?: string | false }).servername
      return sni ? sni : undefined
    }
    case 'ssl_alpn_protocol':
      return tls.alpnProtocol ? tls.alpnProtocol : ''
    case 'ssl_session_reused':
      return tls.isSessionReused() ? 'r' : '.'
    case 'ssl_session_id': {
      // ngx_ssl_get_session_id: SSL_SESSION_get_id as uppercase hex, read here from the DER
      // session Node gives (empty when there is none).
      const session = tls.getSession()
      return session ? sessionId(session) : ''
    }
    case 'ssl_client_verify':
      return 'NONE'
    case 'ssl_early_data':
      return ''
    default:
      return undefined
  }
}

/** The session id inside a DER SSL_SESSION (SEQUENCE { version, sslversion, cipher, id … }). */
function sessionId(der: Buffer): string {
  let i = 0
  const readLength = (): number => {
    let len = der[i++]
    if (len & 0x80) {
      const n = len & 0x7f
      len = 0
      for (let k = 0; k < n; k++) len = len * 256 + der[i++]
    }
    return len
  }
  if (der[i++] !== 0x30) return ''
  readLength()
  for (let field = 0; field < 3; field++) {
    i++
    const length = readLength()
    i += length
  }
  if (der[i++] !== 0x04) return ''
  const len = readLength()
  return der.subarray(i, i + len).toString('hex').toUpperCase()
}
