import { describe, expect, it } from 'vitest'
import { listenTargets } from '../../../components/editor/language/listen-targets.ts'
import { analyseFixture, analyseText } from './support.ts'

const wrap = (servers: string): string => `events {}\nhttp {\n${servers}\n}\n`

describe('listen-targets', () => {
  it('gives each server its first listen port and first plain name, in the config order', () => {
    const analysis = analyseText(
      wrap(`server { listen 8020; listen 8021; server_name ~^chat chat.example.com www.example.com; }
server { listen 443 ssl; server_name *.example.com secure.example.com; ssl_certificate /etc/ssl/a.pem; ssl_certificate_key /etc/ssl/a.key; }`),
    )
    expect(listenTargets(analysis.result)).toEqual([
      { port: 8020, ssl: false, host: 'chat.example.com' },
      { port: 443, ssl: true, host: 'secure.example.com' },
    ])
  })

  it('gives a server without listen port 80, and no name for `_` or none', () => {
    const analysis = analyseText(wrap('server { server_name _; }\nserver { listen 127.0.0.1:8030; }'))
    expect(listenTargets(analysis.result)).toEqual([
      { port: 80, ssl: false, host: null },
      { port: 8030, ssl: false, host: null },
    ])
  })

  it('reads servers from included files (a seed conf.d file)', () => {
    const targets = listenTargets(analyseFixture('seed-001-conf-d-fixed').result)
    expect(targets.length).toBeGreaterThan(0)
    expect(targets.every((t) => Number.isInteger(t.port) && t.port > 0)).toBe(true)
  })

  it('is empty without an http block or a result', () => {
    expect(listenTargets(analyseText('events {}\n').result)).toEqual([])
    expect(listenTargets(null)).toEqual([])
  })
})
