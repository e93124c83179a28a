/**
 * `serve --trace` in words: the format chosen by the terminal unless forced, one line per step
 * with the time since the first, the connection and the step, colour only when asked.
 */
import { spawn } from 'node:child_process'
import { get } from 'node:http'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../server/cli.ts'
import { prettyTrace, traceFormat } from '../../server/cli/trace-pretty.ts'
import type { TraceEvent } from '../../server/proxy/trace.ts'

const T0 = 1_764_000_000_000
const event = (ms: number, e: Record<string, unknown>): TraceEvent => ({ time: T0 + ms, connection: 3, ...e }) as TraceEvent

describe('trace-pretty', () => {
  it('chooses pretty on a terminal and JSON lines elsewhere, unless forced', () => {
    expect(traceFormat('auto', true)).toBe('pretty')
    expect(traceFormat('auto', false)).toBe('json')
    expect(traceFormat('json', true)).toBe('json')
    expect(traceFormat('pretty', false)).toBe('pretty')
    expect(traceFormat('yaml', false)).toBeNull()
  })

  it('says each step in words, with the time since the first event and the connection', () => {
    const line = prettyTrace(false)
    expect(line(event(0, { type: 'location.matched', location: '= /ws', file: '/x/nginx.conf', line: 12 }))).toBe('+0.000s *3 location = /ws (line 12)\n')
    expect(line(event(4, { type: 'variable.evaluated', name: 'connection_upgrade', value: 'upgrade', found: true, file: '/x/nginx.conf', line: 7 }))).toBe(
      '+0.004s *3 $connection_upgrade = "upgrade" (line 7)\n',
    )
    expect(
      line(event(6, { type: 'upstream.request', peer: '127.0.0.1:8010', requestLine: 'GET /ws HTTP/1.1', headers: [], dropped: [{ name: 'Connection', reason: 'hop-by-hop' }, { name: 'Upgrade', reason: 'hop-by-hop' }] })),
    ).toBe('+0.006s *3 → upstream 127.0.0.1:8010 GET /ws HTTP/1.1, dropped: Connection (hop-by-hop), Upgrade (hop-by-hop)\n')
    expect(line(event(1500, { type: 'frame', direction: 'upstream-to-client', fin: true, opcode: 1, kind: 'text', masked: false, length: 12, preview: 'hello', truncated: false }))).toBe(
      '+1.500s *3 frame ← text 12 B "hello"\n',
    )
    expect(line(event(61_500, { type: 'timeout', timer: 'proxy_read_timeout', ms: 60_000 }))).toBe('+61.500s *3 proxy_read_timeout fired after 60000 ms\n')
  })

  it('colours only when asked', () => {
    const plain = prettyTrace(false)(event(0, { type: 'tunnel.opened' }))
    const coloured = prettyTrace(true)(event(0, { type: 'tunnel.opened' }))
    expect(plain).not.toContain('\u001b[')
    expect(coloured).toContain('\u001b[32mtunnel open')
  })

  it('refuses another --trace format with one line and status 2', async () => {
    let stderr = ''
    const status = await main(['serve', '--trace=yaml', 'nginx.conf'], { stdout: () => {}, stderr: (t) => (stderr += t) })
    expect(status).toBe(2)
    expect(stderr).toBe('upgrade-lab serve: --trace takes json or pretty, not "yaml" (see upgrade-lab serve --help)\n')
  })

  it('serve --trace=pretty prints a request in words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ul-trace-pretty-'))
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const { port } = probe.address() as { port: number }
    await new Promise((resolve) => probe.close(resolve))
    const conf = join(dir, 'nginx.conf')
    writeFileSync(conf, `events {}\nhttp {\n    access_log ${dir}/access.log;\n    error_log ${dir}/error.log;\n    server {\n        listen 127.0.0.1:${port};\n        location /hello { return 200 "hi"; }\n    }\n}\n`)
    const child = spawn(join(import.meta.dirname, '../../server/bin/upgrade-lab.mjs'), ['serve', '--trace=pretty', conf], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const seen = (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => (out.includes(text) ? resolve() : undefined)
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          check()
        })
        check()
      })
    try {
      await seen('ready')
      await new Promise<void>((resolve, reject) => get(`http://127.0.0.1:${port}/hello`, (res) => res.resume().on('end', resolve)).on('error', reject))
      await seen('access_log:')
      expect(out).toMatch(/\+\d+\.\d{3}s \*1 location \/hello \(line 7\)/)
      expect(out).toMatch(/\*1 → HTTP\/1\.1 200 OK \(2 B body\)/)
      expect(out).not.toContain('{"')
      expect(out).not.toContain('\u001b[')
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve))
      child.kill('SIGTERM')
      await exited
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
