/**
 * compile.ts: the effective settings the runtime gets, inherited as nginx merges them
 * (docs/nginx-behaviour.md §1 "Inheritance").
 */
import { describe, expect, it } from 'vitest'
import { compileConfig, type LabConfig } from '../../server/nginx/compile.ts'
import { check } from '../../server/nginx/index.ts'
import { FILE } from './helpers.ts'

function compile(text: string, nginxVersion?: string): LabConfig {
  const config = compileConfig(check(text, { file: FILE, nginxVersion }))
  if (!config) throw new Error('the config should check clean')
  return config
}

const config = `events {}
http {
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  proxy_read_timeout 90s;
  upstream backend { least_conn; server 127.0.0.1:8010 weight=3; server 127.0.0.1:8011 backup; keepalive 4; }
  server {
    listen 8020;
    server_name chat.test;
    proxy_http_version 1.1;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;
    proxy_set_header X-Server-Level yes;
    location /inherits { proxy_pass http://backend; }
    location /replaces {
      proxy_pass http://127.0.0.1:8010/;
      proxy_set_header X-Loc ws;
      proxy_read_timeout 5s;
      location /replaces/nested { proxy_pass http://127.0.0.1:8011; }
    }
    location = /health { return 200 "ok"; }
  }
}
`

describe('compileConfig', () => {
  const lab = compile(config)
  const [server] = lab.servers
  const byName = (name: string) => server.locations.find((l) => l.name === name)!

  it('gives a location without proxy_set_header the whole inherited list', () => {
    expect(byName('/inherits').settings.proxySetHeaders.map((h) => h.name)).toEqual(['Upgrade', 'Connection', 'X-Server-Level'])
  })

  it('lets a location with any proxy_set_header replace the whole list, nested ones inherit it', () => {
    const replaces = byName('/replaces')
    expect(replaces.settings.proxySetHeaders.map((h) => `${h.name}: ${h.value}`)).toEqual(['X-Loc: ws'])
    expect(replaces.children[0].settings.proxySetHeaders.map((h) => h.name)).toEqual(['X-Loc'])
  })

  it('inherits single values from the nearest block, and nginx defaults elsewhere', () => {
    expect(byName('/replaces').settings.proxyHttpVersion).toBe('1.1')
    expect(byName('/replaces').settings.proxyReadTimeoutMs).toBe(5000)
    expect(byName('/replaces').children[0].settings.proxyReadTimeoutMs).toBe(5000)
    expect(byName('/inherits').settings.proxyReadTimeoutMs).toBe(90_000)
    expect(byName('/inherits').settings.proxySendTimeoutMs).toBe(60_000)
    expect(byName('/inherits').settings.proxyBuffering).toBe(true)
  })

  it('keeps proxy_pass, return and the URI part per location', () => {
    expect(byName('/inherits').settings.proxyPass).toMatchObject({ upstream: 'backend', uri: '' })
    expect(byName('/replaces').settings.proxyPass).toMatchObject({ upstream: '127.0.0.1', uri: '/' })
    expect(byName('/health').settings.rewrites).toEqual([{ return: { status: 200, text: 'ok' } }])
    expect(byName('/health').modifier).toBe('=')
  })

  it('carries upstreams, maps and listens for the runtime', () => {
    const backend = lab.upstreams.find((u) => u.name === 'backend')!
    expect(backend.balancer).toEqual({ kind: 'least_conn' })
    expect(backend.keepalive).toBe(4)
    expect(backend.servers.map((s) => [s.address, s.weight, s.backup])).toEqual([['127.0.0.1:8010', 3, false], ['127.0.0.1:8011', 1, true]])
    expect(lab.maps[0]).toMatchObject({ source: '$http_upgrade', variable: 'connection_upgrade', defaultValue: 'upgrade' })
    expect(lab.maps[0].entries).toMatchObject([{ key: '', value: 'close', kind: 'exact' }])
    expect(server.listens[0]).toMatchObject({ host: '0.0.0.0', port: 8020 })
    expect(server.serverNames.map((n) => n.name)).toEqual(['chat.test'])
  })

  it('takes version-dependent defaults from the modelled version', () => {
    const text = 'events {}\nhttp { server { listen 80; location / { proxy_pass http://127.0.0.1:1; } } }\n'
    expect(compile(text).servers[0].locations[0].settings.proxyHttpVersion).toBe('1.0')
    expect(compile(text, '1.30.4').servers[0].locations[0].settings.proxyHttpVersion).toBe('1.1')
  })

  it('gives nothing for a config nginx would refuse', () => {
    expect(compileConfig(check('events {}\nhttp { bogus; }\n', { file: FILE }))).toBeNull()
  })
})
