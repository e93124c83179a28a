/** Client-address rules: `allow` and `deny` (ngx_http_access_module), `set_real_ip_from` (realip). */
import type { Handler } from '../directive-spec.ts'
import { inetAddr, isInet6 } from '../values.ts'
import { row, type HandwrittenSpec } from './row.ts'

/** ngx_ptocidr: `ok`, `meaningless` (host bits set below the mask) or `invalid`. */
export function checkCidr(text: string): 'ok' | 'meaningless' | 'invalid' {
  const slash = text.indexOf('/')
  const address = slash < 0 ? text : text.slice(0, slash)
  const bitsText = slash < 0 ? null : text.slice(slash + 1)
  const v4 = inetAddr(address)
  const v6 = !v4 && isInet6(address)
  if (!v4 && !v6) return 'invalid'
  if (bitsText === null) return 'ok'
  if (!/^\d+$/.test(bitsText)) return 'invalid'
  const bits = Number(bitsText)
  if (v4) {
    if (bits > 32) return 'invalid'
    const value = ((v4[0] << 24) >>> 0) + (v4[1] << 16) + (v4[2] << 8) + v4[3]
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
    return ((value & ~mask) >>> 0) !== 0 ? 'meaningless' : 'ok'
  }
  return bits > 128 ? 'invalid' : 'ok'
}

/** One `allow`/`deny` rule, in the order written. */
export interface AccessRule {
  allow: boolean
  address: string
}

const accessRule: Handler = (cx) => {
  const value = cx.values[0]
  if (value !== 'all' && value !== 'unix:') {
    const result = checkCidr(value)
    if (result === 'invalid') return cx.error(`invalid parameter "${value}"`, 1)
    if (result === 'meaningless') cx.warn(`low address bits of ${value} are meaningless`, 1)
  }
  cx.pushTo('$access', { allow: cx.name === 'allow', address: value })
}

/** `set_real_ip_from address | CIDR | unix: | hostname` (ngx_http_realip_from). */
const setRealIpFrom: Handler = (cx) => {
  const value = cx.values[0]
  if (value !== 'unix:') {
    const result = checkCidr(value)
    if (result === 'meaningless') cx.warn(`low address bits of ${value} are meaningless`, 1)
    if (result === 'invalid' && !cx.analyzer.options.host.resolve(value)) {
      return cx.error(`host not found in set_real_ip_from "${value}"`, 1, 'NGINX_HOST_NOT_FOUND')
    }
  }
  cx.push(value)
}

const ACCESS = {
  module: 'ngx_http_access_module',
  moduleType: 'http',
  contexts: ['http', 'server', 'location', 'limit_except'],
  conf: 'loc',
} as const

export const accessDirectives: HandwrittenSpec[] = [
  row(ACCESS, 'allow', [1], accessRule),
  row(ACCESS, 'deny', [1], accessRule),
  row({ ...ACCESS, module: 'ngx_http_realip_module', contexts: ['http', 'server', 'location'] }, 'set_real_ip_from', [1], setRealIpFrom),
]
