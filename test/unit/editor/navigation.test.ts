/** Go to definition and find references, within a file and across the config's files. */
import { describe, expect, it } from 'vitest'
import { definition, references } from '../../../components/editor/language/navigation.ts'
import type { Location } from '../../../components/editor/language/types.ts'
import { analyseFixture, analyseText, fixtureFiles, MAIN, positionOf } from './support.ts'

const canonical = fixtureFiles('ok-canonical')[MAIN]

/** A location covering `needle` (its nth occurrence) in `file`. */
function locationOf(file: string, text: string, needle: string, nth = 1): Location {
  const start = positionOf(text, needle, 0, nth)
  return { file, range: { ...start, endLine: start.line, endColumn: start.column + needle.length } }
}

describe('definition', () => {
  it('goes from $connection_upgrade to its map', () => {
    const analysis = analyseFixture('ok-canonical')
    const use = positionOf(canonical, '$connection_upgrade;', 3)
    expect(definition(analysis, MAIN, use)).toEqual([locationOf(MAIN, canonical, '$connection_upgrade')])
  })

  it('goes from a proxy_pass upstream name to its upstream block, in an included file', () => {
    const files = fixtureFiles('seed-001-conf-d-as-is')
    const site = '/etc/nginx/conf.d/websocket_proxy.conf'
    const analysis = analyseFixture('seed-001-conf-d-as-is')
    const found = definition(analysis, site, positionOf(files[site], 'http://websocket', 'http://w'.length))
    expect(found).toEqual([locationOf(site, files[site], 'websocket {')].map((l) => ({ ...l, range: { ...l.range, endColumn: l.range.column + 'websocket'.length } })))
  })

  it('goes from a named capture\'s use to the capture in the regex', () => {
    const text = 'events {}\nhttp { server { server_name ~^(?<tenant>[a-z]+)\\.lab$; location / { return 200 $tenant; } } }\n'
    expect(definition(analyseText(text), MAIN, positionOf(text, '$tenant', 2))).toEqual([locationOf(MAIN, text, 'tenant')])
  })

  it('opens the files an include reads: Debian\'s stock file, a glob of the user\'s', () => {
    const text = 'events {}\nhttp {\n    include conf.d/*.conf;\n    server { location / { include proxy_params; proxy_pass http://127.0.0.1:8010; } }\n}\n'
    const analysis = analyseText(text, '1.22.1', { '/etc/nginx/conf.d/b.conf': '', '/etc/nginx/conf.d/a.conf': '' })
    const start = { line: 1, column: 1, endLine: 1, endColumn: 1 }
    expect(definition(analysis, MAIN, positionOf(text, 'proxy_params', 2))).toEqual([{ file: '/etc/nginx/proxy_params', range: start }])
    expect(definition(analysis, MAIN, positionOf(text, 'conf.d/*', 2)).map((l) => l.file)).toEqual(['/etc/nginx/conf.d/a.conf', '/etc/nginx/conf.d/b.conf'])
  })

  it('finds nothing on a plain argument', () => {
    expect(definition(analyseFixture('ok-canonical'), MAIN, positionOf(canonical, 'localhost;', 2))).toEqual([])
  })
})

describe('references', () => {
  it('lists a variable\'s definition and every use, across files', () => {
    const text = 'events {}\nhttp {\n    map $http_upgrade $connection_upgrade { default upgrade; \'\' close; }\n    include conf.d/ws.conf;\n}\n'
    const ws = 'server {\n    location /ws {\n        proxy_pass http://127.0.0.1:8010;\n        proxy_set_header Connection $connection_upgrade;\n        add_header X-C $connection_upgrade;\n    }\n}\n'
    const site = '/etc/nginx/conf.d/ws.conf'
    const analysis = analyseText(text, '1.22.1', { [site]: ws })
    const expected = [locationOf(MAIN, text, '$connection_upgrade'), locationOf(site, ws, '$connection_upgrade'), locationOf(site, ws, '$connection_upgrade', 2)]
    expect(references(analysis, site, positionOf(ws, '$connection_upgrade', 2))).toEqual(expected)
    expect(references(analysis, MAIN, positionOf(text, '$connection_upgrade', 1))).toEqual(expected)
  })

  it('lists an upstream\'s block and every proxy_pass naming it', () => {
    const text = 'events {}\nhttp {\n    upstream chat { server 127.0.0.1:8010; }\n    server {\n        location /a { proxy_pass http://chat; }\n        location /b { proxy_pass http://chat/b; }\n    }\n}\n'
    const found = references(analyseText(text), MAIN, positionOf(text, 'chat {'))
    expect(found.map((l) => l.range.line)).toEqual([3, 5, 6])
    expect(found.every((l) => l.range.endColumn - l.range.column === 'chat'.length)).toBe(true)
  })
})
