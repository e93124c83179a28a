import { describe, expect, it } from 'vitest'
import { applyEdits } from '../../../components/editor/language/text-edits.ts'
import { pointAtBackends } from '../../../components/editor/language/point-at-backends.ts'
import { check } from '../../../server/nginx/index.ts'
import { analyseFixture, analyseText, fixtureFiles, MAIN } from './support.ts'

/** The files after the edits. */
function pointed(files: Record<string, string>, version = '1.22.1'): Record<string, string> {
  const analysis = analyseText(files[MAIN], version, Object.fromEntries(Object.entries(files).filter(([p]) => p !== MAIN)))
  const edits = pointAtBackends(analysis)
  const out: Record<string, string> = {}
  for (const [path, text] of Object.entries(files)) out[path] = applyEdits(text, edits.filter((e) => e.file === path))
  return out
}

describe('point-at-backends', () => {
  it('points a proxy_pass address at backend A, over plain http', () => {
    const text = 'events {}\nhttp { server { listen 80; location / { proxy_pass https://192.168.3.140:30880/app; } } }\n'
    expect(pointed({ [MAIN]: text })[MAIN]).toContain('proxy_pass http://127.0.0.1:8010/app;')
  })

  it('points an upstream\'s servers at A, B, C in turn, and leaves proxy_pass to the upstream alone', () => {
    const text = 'events {}\nhttp { upstream chat { server 10.0.0.1:80; server 10.0.0.2:80 weight=2; server 10.0.0.3; server 10.0.0.4; } server { listen 80; location / { proxy_pass http://chat; } } }\n'
    const out = pointed({ [MAIN]: text })[MAIN]
    expect(out).toContain('upstream chat { server 127.0.0.1:8010; server 127.0.0.1:8011 weight=2; server 127.0.0.1:8012; server 127.0.0.1:8010; }')
    expect(out).toContain('proxy_pass http://chat;')
  })

  it('leaves the lab\'s own addresses, variables and unix sockets alone', () => {
    const text = 'events {}\nhttp { upstream u { server unix:/run/app.sock; server 127.0.0.1:8011; } server { listen 80; location / { proxy_pass http://127.0.0.1:8010; } location /v { proxy_pass http://$host:9000; } } }\n'
    expect(pointAtBackends(analyseText(text))).toEqual([])
  })

  it('makes seed 002 as written, whose own upstream answers like a closed port, reach backend A', () => {
    const files = fixtureFiles('seed-002-full-example-as-is')
    const out = pointed(files)
    expect(out[MAIN]).toContain('proxy_pass   http://127.0.0.1:8010;')
    expect(check(out[MAIN]).ok).toBe(true)
  })

  it('edits an included file where its address is (seed 001)', () => {
    const analysis = analyseFixture('seed-001-conf-d-fixed')
    expect(pointAtBackends(analysis)).toEqual([])
    const files = fixtureFiles('seed-001-conf-d-fixed')
    const conf = '/etc/nginx/conf.d/websocket_proxy.conf'
    const moved = { ...files, [conf]: files[conf].replace('127.0.0.1:8010', '192.0.2.7:9000') }
    expect(pointed(moved)[conf]).toContain('server 127.0.0.1:8010')
  })
})
