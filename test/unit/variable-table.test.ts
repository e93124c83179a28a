/** The table of nginx's built-in variables: complete texts, one source for the checker, and the runtime evaluating what it says it evaluates. */
import type { TLSSocket } from 'node:tls'
import { describe, expect, it } from 'vitest'
import { compileConfig } from '../../server/nginx/compile.ts'
import { check } from '../../server/nginx/index.ts'
import { VARIABLE_TABLE, variableEntry } from '../../server/nginx/variable-table.ts'
import { BUILTIN_VARIABLES, CHANGEABLE_BUILTINS, VARIABLE_PREFIXES } from '../../server/nginx/variables.ts'
import type { RequestState } from '../../server/proxy/request-state.ts'
import { evaluate, variable } from '../../server/proxy/request-vars.ts'
import { requestState } from '../support/request-state.ts'
import { firstLine, inServer } from './helpers.ts'

const CJK = /[\u4e00-\u9fff]/

/** A TLS socket as far as $ssl_* read it. */
const fakeTls = {
  getProtocol: () => 'TLSv1.3',
  getCipher: () => ({ name: 'TLS_AES_256_GCM_SHA384', standardName: 'TLS_AES_256_GCM_SHA384', version: 'TLSv1.3' }),
  servername: 'lab.test',
  alpnProtocol: 'http/1.1',
  isSessionReused: () => false,
  // DER SSL_SESSION: SEQUENCE { version 1, TLSv1.3, cipher 13 02, session id DE AD BE EF }.
  getSession: () => Buffer.from('3011020101020203040402130204' + '04deadbeef', 'hex'),
} as unknown as TLSSocket

/** A location's settings with nginx's defaults (root html). */
const SETTINGS = compileConfig(check('events {}\nhttp { server { listen 8443; } }\n', { file: '/srv/lab/nginx.conf' }))!.servers[0].settings

/** A proxied request over TLS, answered, with everything a variable may read. */
function answeredRequest(): RequestState {
  const now = 1_700_000_000_123
  const state: RequestState = requestState({
    head: {
      method: 'POST',
      uri: '/app/page?id=7&x=1',
      requestUri: '/app/page?id=7&x=1',
      path: '/app/page',
      normalizedPath: '/app/page',
      args: 'id=7&x=1',
      major: 1,
      minor: 1,
      requestLine: 'POST /app/page?id=7&x=1 HTTP/1.1',
      headers: [
        ['Host', 'lab.test'],
        ['User-Agent', 'Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)'],
        ['Referer', 'https://lab.test/'],
        ['Via', '1.1 edge'],
        ['X-Forwarded-For', '203.0.113.7'],
        ['Cookie', 'sid=abc; theme=dark'],
        ['Content-Type', 'text/plain'],
        ['Content-Length', '5'],
        ['Authorization', 'Basic YWxpY2U6c2VjcmV0'],
        ['X-Custom', 'yes'],
      ],
      invalidLines: [],
      host: 'lab.test',
      hostHeader: 'lab.test',
      headLength: 200,
    },
    connection: {
      remoteAddress: '127.0.0.1',
      remotePort: 51234,
      localAddress: '127.0.0.1',
      localPort: 8443,
      tls: true,
      number: 3,
      requests: 1,
      acceptedMs: now - 50,
      pipelined: false,
      secure: fakeTls,
      server: { prefix: '/srv/lab/', connections: () => ({ active: 2, reading: 0, writing: 1, waiting: 1 }), realpath: (p) => p },
    },
    serverName: 'lab.test',
    nginxVersion: '1.22.1',
    hostname: 'lab-host',
    pid: 4242,
    startMs: now - 12,
    nowMs: () => now,
    settings: SETTINGS,
    proxyHost: '127.0.0.1:9001',
    proxyPort: '9001',
    upstreamTries: [
      { addr: '127.0.0.1:9000', status: 502, startMs: now - 10, connectMs: -1, headerMs: -1, responseMs: 1, bytesReceived: 0, bytesSent: 0, responseLength: 0 },
      { addr: '127.0.0.1:9001', status: 200, startMs: now - 9, connectMs: 1, headerMs: 3, responseMs: 4, bytesReceived: 120, bytesSent: 230, responseLength: 12 },
    ],
    requestBody: Buffer.from('hello'),
    proxyBodyLength: 5,
    status: 200,
    bodyBytesSent: 12,
    bytesSent: 180,
    responseHeaders: [
      ['Server', 'nginx/1.22.1'],
      ['Date', 'Tue, 14 Nov 2023 22:13:20 GMT'],
      ['Content-Type', 'text/plain'],
      ['Content-Length', '12'],
      ['Last-Modified', 'Tue, 14 Nov 2023 10:00:00 GMT'],
      ['Location', 'https://lab.test/next'],
      ['Transfer-Encoding', 'chunked'],
      ['Connection', 'keep-alive'],
      ['Keep-Alive', 'timeout=60'],
      ['Cache-Control', 'no-cache'],
      ['Link', '</a.css>; rel=preload'],
      ['X-Frame-Options', 'DENY'],
    ],
    upstreamHeaders: [
      ['Server', 'gunicorn'],
      ['Set-Cookie', 'sid=xyz; Path=/'],
    ],
  })
  return state
}

/** A name of each family, for the families' entries. */
const FAMILY_MEMBER: Record<string, string> = {
  http_: 'http_x_custom',
  sent_http_: 'sent_http_x_frame_options',
  cookie_: 'cookie_theme',
  arg_: 'arg_id',
  upstream_http_: 'upstream_http_server',
  upstream_cookie_: 'upstream_cookie_sid',
}

describe('the variable table', () => {
  it('has one entry per name, each with an English and a Chinese description', () => {
    expect(new Set(VARIABLE_TABLE.map((e) => e.name)).size).toBe(VARIABLE_TABLE.length)
    for (const e of VARIABLE_TABLE) {
      expect(e.about.en.length, e.name).toBeGreaterThan(5)
      expect(e.about.zh, e.name).toMatch(CJK)
      expect(e.module, e.name).toMatch(/^ngx_http_\w+_module$/)
      if (e.lab !== 'evaluated') {
        expect(e.why?.en.length, `${e.name}: why (en)`).toBeGreaterThan(10)
        expect(e.why?.zh, `${e.name}: why (zh)`).toMatch(CJK)
      }
    }
  })

  it("is where the checker's names come from", () => {
    const names = VARIABLE_TABLE.filter((e) => !e.prefix && !e.dynamic).map((e) => e.name)
    expect([...BUILTIN_VARIABLES].sort()).toEqual([...names].sort())
    expect([...VARIABLE_PREFIXES].sort()).toEqual(['arg_', 'cookie_', 'http_', 'sent_http_', 'sent_trailer_', 'upstream_cookie_', 'upstream_http_', 'upstream_trailer_'])
    expect([...CHANGEABLE_BUILTINS]).toContain('args')
    expect([...CHANGEABLE_BUILTINS]).toContain('limit_rate')
    expect(CHANGEABLE_BUILTINS.has('uri')).toBe(false)
    // nginx 1.22.1's names only (nginx -t: unknown "spdy" variable; $ssl_curve and $msie are known).
    expect(BUILTIN_VARIABLES.has('spdy')).toBe(false)
    expect(BUILTIN_VARIABLES.has('ssl_curve')).toBe(true)
    expect(BUILTIN_VARIABLES.has('geoip_country_code')).toBe(false)
    expect(variableEntry('upstream_http_x_thing')?.name).toBe('upstream_http_')
    expect(variableEntry('HTTP_Upgrade')?.name).toBe('http_')
  })

  it('keeps the checker answering as nginx does about variables', () => {
    expect(firstLine(inServer('return 200 "$spdy";'))).toMatch(/unknown "spdy" variable/)
    expect(firstLine(inServer('return 200 "$ssl_curve $msie $slice_range $request_id";'))).toBe('ok')
    expect(firstLine(inServer('return 200 "$geoip_country_code";'))).toMatch(/unknown "geoip_country_code" variable/)
  })

  it('evaluates every variable it says the lab evaluates', () => {
    for (const e of VARIABLE_TABLE) {
      if (e.lab !== 'evaluated') continue
      const name = e.prefix ? FAMILY_MEMBER[e.name] : e.name
      expect(name, `a member of ${e.name}`).toBeDefined()
      const value = variable(name, answeredRequest())
      expect(value, name).toBeTypeOf('string')
      expect(value, name).not.toBe('')
    }
  })

  it('leaves what nginx leaves empty here empty, and what the lab does not model unevaluated', () => {
    for (const e of VARIABLE_TABLE) {
      if (e.lab === 'evaluated' || e.prefix) continue
      expect(variable(e.name, answeredRequest()) ?? '', e.name).toBe('')
    }
  })

  it("follows nginx's formats", () => {
    const s = answeredRequest()
    expect(evaluate('$upstream_addr|$upstream_status|$upstream_connect_time|$upstream_header_time|$upstream_response_time', s)).toBe(
      '127.0.0.1:9000, 127.0.0.1:9001|502, 200|-, 0.001|-, 0.003|0.001, 0.004',
    )
    expect(evaluate('$upstream_bytes_received $upstream_bytes_sent $upstream_response_length', s)).toBe('0, 120 0, 230 0, 12')
    expect(evaluate('$msec $request_time $connection_time', s)).toBe('1700000000.123 0.012 0.050')
    expect(evaluate('$request_id', s)).toMatch(/^[0-9a-f]{32}$/)
    expect(evaluate('$binary_remote_addr', s)).toBe('\x7f\x00\x00\x01')
    expect(evaluate('$remote_user $cookie_sid $upstream_cookie_sid $arg_x', s)).toBe('alice abc xyz 1')
    expect(evaluate('$date_gmt', s)).toBe('Tuesday, 14-Nov-2023 22:13:20 GMT')
    expect(evaluate('$document_root $request_filename', s)).toBe('/srv/lab/html /srv/lab/html/app/page')
    expect(evaluate('$ssl_protocol $ssl_cipher $ssl_server_name $ssl_session_reused $ssl_alpn_protocol $ssl_client_verify', s)).toBe(
      'TLSv1.3 TLS_AES_256_GCM_SHA384 lab.test . http/1.1 NONE',
    )
    expect(evaluate('$ssl_session_id', s)).toBe('DEADBEEF')
    expect(evaluate('$connections_active/$connections_reading/$connections_writing/$connections_waiting', s)).toBe('2/0/1/1')
    s.upstreamTries.push({ addr: null, status: 0, startMs: 0, connectMs: -1, headerMs: -1, responseMs: 0, bytesReceived: 0, bytesSent: 0, responseLength: 0 })
    s.upstreamTries.push({ addr: '127.0.0.1:9002', status: 404, startMs: 0, connectMs: 0, headerMs: 1, responseMs: 2, bytesReceived: 9, bytesSent: 8, responseLength: 7 })
    expect(evaluate('$upstream_addr', s)).toBe('127.0.0.1:9000, 127.0.0.1:9001 : 127.0.0.1:9002')
  })
})
