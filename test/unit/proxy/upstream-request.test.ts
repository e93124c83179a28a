/**
 * upstream-request.ts: the Connection header nginx sends upstream, per modelled version
 * (ngx_http_proxy_headers: `Connection: close` until 1.29.7, an empty value — no header, and
 * the client's not passed — since).
 */
import { describe, expect, it } from 'vitest'
import { compileConfig, type LabConfig } from '../../../server/nginx/compile.ts'
import { check } from '../../../server/nginx/index.ts'
import { parseRequestHead } from '../../../server/proxy/request-parser.ts'
import type { RequestState } from '../../../server/proxy/request-state.ts'
import { buildUpstreamRequest, upstreamUri } from '../../../server/proxy/upstream-request.ts'
import { requestState } from '../../support/request-state.ts'
import { FILE } from '../helpers.ts'
import { DEFAULT_HEAD_LIMITS } from './head-limits.ts'

const CONFIG = `events {}
http {
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 8020;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;
    location /inherits { proxy_pass http://127.0.0.1:8010; }
    location /replaces { proxy_pass http://127.0.0.1:8010; proxy_set_header X-Own yes; }
  }
}
`

function compile(version: string): LabConfig {
  const config = compileConfig(check(CONFIG, { file: FILE, nginxVersion: version }))
  if (!config) throw new Error('the config should check clean')
  return config
}

function stateFor(config: LabConfig, request: string): RequestState {
  const parsed = parseRequestHead(request, DEFAULT_HEAD_LIMITS)
  if (parsed.kind !== 'ok') throw new Error('bad request')
  return requestState({
    head: parsed.head,
    connection: { remoteAddress: '127.0.0.1', remotePort: 50000, localAddress: '127.0.0.1', localPort: 8020, tls: false, number: 1, requests: 1 },
    nginxVersion: config.version.name,
    maps: new Map(config.maps.map((m) => [m.variable, m])),
    setOnly: config.setOnlyVariables,
    proxyHost: '127.0.0.1:8010',
    proxyPort: '8010',
  })
}

function connectionSent(version: string, path: string, clientHeaders: string): string[] {
  const config = compile(version)
  const location = config.servers[0].locations.find((l) => l.name === path)!
  const state = stateFor(config, `GET ${path} HTTP/1.1\r\nHost: chat.test\r\n${clientHeaders}\r\n`)
  const sent = buildUpstreamRequest(location.settings, config.proxyHeaders, state, upstreamUri(location.settings, location, state, null), null)
  return sent.headers.filter(([name]) => name.toLowerCase() === 'connection').map(([, value]) => value)
}

describe('the Connection header sent upstream', () => {
  it('is the map value wherever proxy_set_header Connection applies, in both versions', () => {
    for (const version of ['1.22.1', '1.30.4']) {
      expect(connectionSent(version, '/inherits', 'Connection: Upgrade\r\nUpgrade: websocket\r\n')).toEqual(['upgrade'])
      expect(connectionSent(version, '/inherits', 'Connection: keep-alive\r\n')).toEqual(['close'])
    }
  })

  it('is nginx 1.22.1\'s default "close" where a location\'s own list replaced it', () => {
    expect(connectionSent('1.22.1', '/replaces', 'Connection: Upgrade\r\nUpgrade: websocket\r\n')).toEqual(['close'])
    expect(connectionSent('1.22.1', '/replaces', 'Connection: keep-alive\r\n')).toEqual(['close'])
  })

  it('is absent under nginx 1.30.4 where no proxy_set_header Connection applies: neither keep-alive nor the client\'s', () => {
    expect(connectionSent('1.30.4', '/replaces', 'Connection: Upgrade\r\nUpgrade: websocket\r\n')).toEqual([])
    expect(connectionSent('1.30.4', '/replaces', 'Connection: keep-alive\r\n')).toEqual([])
  })
})

describe('the client headers not passed upstream, and why', () => {
  const REASONS = `events {}
http {
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 8020;
    location /ws {
      proxy_pass http://127.0.0.1:8010;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Accept-Encoding "";
      proxy_set_header X-Forwarded-For $http_x_missing;
    }
    location /plain { proxy_pass http://127.0.0.1:8010; }
    location /none { proxy_pass http://127.0.0.1:8010; proxy_pass_request_headers off; }
  }
}
`
  function dropped(version: string, path: string, clientHeaders: string, bodyLength: number | null = null): Array<{ name: string; reason: string }> {
    const config = compileConfig(check(REASONS, { file: FILE, nginxVersion: version }))
    if (!config) throw new Error('the config should check clean')
    const location = config.servers[0].locations.find((l) => l.name === path)!
    const state = stateFor(config, `GET ${path} HTTP/1.1\r\nHost: chat.test\r\n${clientHeaders}\r\n`)
    return buildUpstreamRequest(location.settings, config.proxyHeaders, state, upstreamUri(location.settings, location, state, null), bodyLength).dropped
  }
  const CLIENT = 'Connection: Upgrade\r\nUpgrade: websocket\r\nKeep-Alive: 5\r\nTE: trailers\r\nExpect: 100-continue\r\nContent-Length: 0\r\nAccept-Encoding: gzip\r\nX-Forwarded-For: 192.0.2.1\r\nX-Kept: yes\r\n'

  it('names the hop-by-hop ones, the ones nginx writes itself, and the ones a proxy_set_header replaced or emptied', () => {
    for (const version of ['1.22.1', '1.30.4']) {
      expect(dropped(version, '/ws', CLIENT, 0)).toEqual([
        { name: 'Host', reason: 'replaced' },
        { name: 'Connection', reason: 'replaced' },
        { name: 'Upgrade', reason: 'replaced' },
        { name: 'Keep-Alive', reason: 'hop-by-hop' },
        { name: 'TE', reason: 'hop-by-hop' },
        { name: 'Expect', reason: 'hop-by-hop' },
        { name: 'Content-Length', reason: 'replaced' },
        // `""`, and a variable with no value: nothing sent, and not the client's either.
        { name: 'Accept-Encoding', reason: 'empty' },
        { name: 'X-Forwarded-For', reason: 'empty' },
      ])
      expect(dropped(version, '/plain', CLIENT + 'Transfer-Encoding: chunked\r\n', 0)).toEqual([
        { name: 'Host', reason: 'replaced' },
        { name: 'Connection', reason: 'hop-by-hop' },
        { name: 'Upgrade', reason: 'hop-by-hop' },
        { name: 'Keep-Alive', reason: 'hop-by-hop' },
        { name: 'TE', reason: 'hop-by-hop' },
        { name: 'Expect', reason: 'hop-by-hop' },
        { name: 'Content-Length', reason: 'replaced' },
        { name: 'Transfer-Encoding', reason: 'hop-by-hop' },
      ])
    }
  })

  it('names every client header "not-passed" under proxy_pass_request_headers off, in the client\'s order and spelling', () => {
    expect(dropped('1.22.1', '/none', 'x-kept: yes\r\nConnection: keep-alive\r\n')).toEqual([
      { name: 'Host', reason: 'not-passed' },
      { name: 'x-kept', reason: 'not-passed' },
      { name: 'Connection', reason: 'not-passed' },
    ])
  })
})
