/** ngx_http_ssl_module: certificates, protocols and sessions for `listen … ssl` servers. */
import type { Handler } from '../directive-spec.ts'
import { bitmaskSlot, flagSlot, secSlot, strArraySlot, strSlot } from '../slots.ts'
import { atoi, parseSize } from '../values.ts'
import { row, type HandwrittenSpec } from './row.ts'

/** `ssl on;` works but warns until nginx 1.25.1, which removed it (nginx-version.ts). */
const sslEnable: Handler = (cx) => {
  const result = flagSlot(cx)
  if (result !== undefined) return result
  cx.warn('the "ssl" directive is deprecated, use the "listen ... ssl" directive instead', undefined, 'NGINX_DEPRECATED')
}

/** `ssl_session_cache off | none | [builtin[:size]] [shared:name:size]`. */
const sessionCache: Handler = (cx) => {
  for (let i = 0; i < cx.args.length; i++) {
    const value = cx.values[i]
    if (value === 'off' || value === 'none' || value === 'builtin') continue
    if (value.startsWith('builtin:')) {
      if (atoi(value.slice(8)) === null) return cx.error(`invalid session cache "${value}"`, i + 1)
      continue
    }
    if (value.startsWith('shared:')) {
      const rest = value.slice(7)
      const colon = rest.indexOf(':')
      if (colon <= 0) return cx.error(`invalid session cache "${value}"`, i + 1)
      const size = parseSize(rest.slice(colon + 1))
      if (size === null) return cx.error(`invalid session cache "${value}"`, i + 1)
      if (size < 8 * 4096) return cx.error(`session cache "${value}" is too small`, i + 1)
      continue
    }
    return cx.error(`invalid session cache "${value}"`, i + 1)
  }
  // A second ssl_session_cache is no error in nginx: the last one wins.
  cx.set(cx.values)
}

const PROTOCOLS = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']

const SSL = { module: 'ngx_http_ssl_module', moduleType: 'http', contexts: ['http', 'server'], conf: 'srv' } as const

export const sslDirectives: HandwrittenSpec[] = [
  row(SSL, 'ssl', 'flag', sslEnable),
  row(SSL, 'ssl_certificate', [1], strArraySlot),
  row(SSL, 'ssl_certificate_key', [1], strArraySlot),
  row(SSL, 'ssl_protocols', '1more', bitmaskSlot(PROTOCOLS)),
  row(SSL, 'ssl_ciphers', [1], strSlot),
  row(SSL, 'ssl_prefer_server_ciphers', 'flag', flagSlot),
  row(SSL, 'ssl_session_cache', [1, 2], sessionCache),
  row(SSL, 'ssl_session_timeout', [1], secSlot),
]

