/** router.ts: nginx's server and location selection (docs/nginx-behaviour.md §5). */
import { describe, expect, it } from 'vitest'
import { compileConfig, type LabConfig } from '../../../server/nginx/compile.ts'
import { check } from '../../../server/nginx/index.ts'
import { findLocation, selectServer } from '../../../server/proxy/router.ts'

function compile(text: string): LabConfig {
  const c = compileConfig(check(text, { file: '/etc/nginx/nginx.conf' }))
  if (!c) throw new Error('config should check clean')
  return c
}

describe('findLocation', () => {
  const config = compile(`events {}
http { server { listen 80;
  location = /ws { return 200 exact; }
  location ^~ /ws/static/ { return 200 static; }
  location /ws/ { return 200 prefix; }
  location ~ ^/ws/(\\d+)$ { return 200 digits; }
  location ~ ^/ws/ { return 200 regex; }
  location ~* \\.png$ { return 200 png; }
  location / { return 200 root; }
  location /wsx { return 200 wsx; }
  location /chat/ { proxy_pass http://127.0.0.1:8010/; }
  location /outer { location /outer/inner { return 200 inner; } location ~ \\.txt$ { return 200 nested-regex; } }
} }`)
  const locations = config.servers[0].locations
  const which = (uri: string): string => {
    const r = findLocation(locations, uri)
    if (r.kind === 'none') return 'none'
    if (r.kind === 'redirect') return `redirect ${r.location.name}`
    return `${r.location.modifier} ${r.location.name}`.trim()
  }

  it.each([
    ['/ws', '= /ws'],
    ['/ws/', '~ ^/ws/'],
    ['/ws/abc', '~ ^/ws/'],
    ['/ws/123', '~ ^/ws/(\\d+)$'],
    ['/ws/static/a.png', '^~ /ws/static/'],
    ['/img/A.PNG', '~* \\.png$'],
    ['/wsx/1', '/wsx'],
    ['/other', '/'],
    ['/WS', '/'],
    ['/chat', 'redirect /chat/'],
    ['/outer/inner/x', '/outer/inner'],
    ['/outer/a.txt', '~ \\.txt$'],
  ])('%s → %s', (uri, expected) => {
    expect(which(uri)).toBe(expected)
  })

  it('gives the captures of the matching regex', () => {
    const r = findLocation(locations, '/ws/42')
    expect(r.kind === 'location' && r.captures).toEqual({ '1': '42' })
  })
})

describe('selectServer', () => {
  const config = compile(`events {}
http {
  server { listen 8080; server_name a.test; return 200 a; }
  server { listen 8080; server_name b.test *.b.test; return 200 b; }
  server { listen 8080 default_server; server_name ~^(?<sub>[a-z]+)\\.re\\.test$; return 200 re; }
  server { listen 127.0.0.1:8080; server_name a.test; return 200 specific; }
}`)
  const pick = (address: string, host: string | null): string => {
    const choice = selectServer(config, address, 8080, host)
    return choice ? `${choice.server.line} ${choice.by}` : 'none'
  }

  it('matches exact, wildcard and regex names, else the default server', () => {
    expect(pick('10.0.0.1', 'a.test')).toBe('3 name')
    expect(pick('10.0.0.1', 'x.b.test')).toBe('4 name')
    expect(pick('10.0.0.1', 'b.test')).toBe('4 name')
    expect(pick('10.0.0.1', 'chat.re.test')).toBe('5 name')
    expect(pick('10.0.0.1', 'unknown.test')).toBe('5 default')
    expect(pick('10.0.0.1', null)).toBe('5 default')
    expect(selectServer(config, '10.0.0.1', 8080, 'chat.re.test')?.captures).toMatchObject({ sub: 'chat' })
  })

  it('prefers the servers of a specific address over the wildcard ones', () => {
    expect(pick('127.0.0.1', 'b.test')).toBe('6 default')
    expect(pick('127.0.0.1', 'a.test')).toBe('6 name')
  })
})
