/** ngx_http_ssl_module: certificates, protocols and sessions for `listen … ssl` servers. */
import type { DirectiveSpec, Handler } from '../directive-spec.ts'
import { bitmaskSlot, flagSlot, secSlot, strArraySlot, strSlot } from '../slots.ts'
import { atoi, parseSize } from '../values.ts'
import { docs, row } from './row.ts'

/** `ssl on;` works but warns until nginx 1.25.1, which removed it (nginx-version.ts). */
const sslEnable: Handler = (cx) => {
  const result = flagSlot(cx)
  if (result !== undefined) return result
  cx.warn('the "ssl" directive is deprecated, use the "listen ... ssl" directive instead')
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

export const sslDirectives: DirectiveSpec[] = [
  row(SSL, 'ssl', 'flag', sslEnable, {
    default: 'off',
    syntax: 'ssl on | off;',
    docs: docs('Old way to make a server TLS; deprecated, and gone in nginx 1.25.1: use `listen … ssl`.', 'ngx_http_ssl_module.html#ssl', 'wss'),
  }),
  row(SSL, 'ssl_certificate', [1], strArraySlot, {
    syntax: 'ssl_certificate file;',
    docs: docs('The PEM certificate (with its chain) a TLS server presents.', 'ngx_http_ssl_module.html#ssl_certificate', 'wss'),
  }),
  row(SSL, 'ssl_certificate_key', [1], strArraySlot, {
    syntax: 'ssl_certificate_key file;',
    docs: docs('The private key that goes with ssl_certificate.', 'ngx_http_ssl_module.html#ssl_certificate_key', 'wss'),
  }),
  row(SSL, 'ssl_protocols', '1more', bitmaskSlot(PROTOCOLS), {
    default: 'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3',
    syntax: 'ssl_protocols [SSLv2] [SSLv3] [TLSv1] [TLSv1.1] [TLSv1.2] [TLSv1.3];',
    docs: docs('Which TLS versions the server accepts.', 'ngx_http_ssl_module.html#ssl_protocols', 'wss'),
  }),
  row(SSL, 'ssl_ciphers', [1], strSlot, {
    default: 'HIGH:!aNULL:!MD5',
    syntax: 'ssl_ciphers ciphers;',
    docs: docs('The cipher list, in OpenSSL\'s syntax.', 'ngx_http_ssl_module.html#ssl_ciphers', 'wss'),
  }),
  row(SSL, 'ssl_prefer_server_ciphers', 'flag', flagSlot, {
    default: 'off',
    syntax: 'ssl_prefer_server_ciphers on | off;',
    docs: docs('Whether the server\'s cipher order wins over the client\'s.', 'ngx_http_ssl_module.html#ssl_prefer_server_ciphers', 'wss'),
  }),
  row(SSL, 'ssl_session_cache', [1, 2], sessionCache, {
    default: 'none',
    syntax: 'ssl_session_cache off | none | [builtin[:size]] [shared:name:size];',
    docs: docs('Where TLS sessions are kept for resumption; `shared:SSL:1m` holds about 4000.', 'ngx_http_ssl_module.html#ssl_session_cache', 'wss'),
  }),
  row(SSL, 'ssl_session_timeout', [1], secSlot, {
    default: '5m',
    syntax: 'ssl_session_timeout time;',
    docs: docs('How long a client may resume a TLS session.', 'ngx_http_ssl_module.html#ssl_session_timeout', 'wss'),
  }),
]

