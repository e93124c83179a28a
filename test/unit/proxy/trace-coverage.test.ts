/**
 * Every event type docs/trace-events.md lists is emitted by the runtime: a run of `serve`
 * with `--trace` on the real loopback network goes through a WebSocket conversation, an `if`,
 * a map, a refused head, an abandoned request, a timer that fires and a budget, and each
 * type must show up, with file and line where the event names a decision.
 */
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { serve, type RunningServer } from '../../../server/cli/serve.ts'
import type { TraceEvent } from '../../../server/proxy/trace.ts'
import { freePort } from '../../support/runtime/ports.ts'
import { TRACE_TYPES } from '../../support/trace-types.ts'

/** $v0 = x, $vK = $v(K-1) twice: 2^21 characters at $v21, past a request's value budget. */
function doubling(levels: number): string {
  const maps = ['map $uri $v0 { default x; }']
  for (let i = 1; i <= levels; i++) maps.push(`map $uri $v${i} { default $v${i - 1}$v${i - 1}; }`)
  return maps.join('\n    ')
}

describe('the trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ul-trace-'))
  const events: TraceEvent[] = []
  let running: RunningServer
  let wss: WebSocketServer
  let silent: Server
  const held: Socket[] = []
  let port: number

  beforeAll(async () => {
    const [up, quiet] = [await freePort(), await freePort()]
    port = await freePort()
    wss = new WebSocketServer({ port: up, host: '127.0.0.1' })
    wss.on('connection', (ws) => ws.on('message', (m) => ws.send(`echo: ${m}`)))
    // Accepts and never answers: a request to it waits until its client goes.
    silent = createServer((socket) => held.push(socket)).listen(quiet, '127.0.0.1')
    await Promise.all([once(wss, 'listening'), once(silent, 'listening')])
    writeFileSync(join(dir, 'nginx.conf'), `events {}
http {
    access_log access.log;
    error_log error.log info;
    client_header_timeout 300ms;
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    ${doubling(21)}
    server {
        listen 127.0.0.1:${port};
        location /ws {
            if ($http_upgrade != "websocket") {
                return 426;
            }
            proxy_pass http://127.0.0.1:${up};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }
        location /slow {
            proxy_pass http://127.0.0.1:${quiet};
        }
        location /big {
            return 200 $v21;
        }
    }
}
`)
    const out: string[] = []
    const started = await serve(join(dir, 'nginx.conf'), {
      trace: true,
      stdout: (text) => {
        for (const line of text.split('\n')) if (line.startsWith('{')) events.push(JSON.parse(line) as TraceEvent)
        out.push(text)
      },
      stderr: (text) => out.push(text),
    })
    if (!started) throw new Error(out.join(''))
    running = started
  })

  afterAll(async () => {
    await running?.stop()
    for (const socket of held) socket.destroy()
    silent?.close()
    wss?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Waits until an event of this type has been traced. */
  const traced = (type: TraceEvent['type']) => expect.poll(() => events.some((e) => e.type === type), { timeout: 5_000 }).toBe(true)

  it('emits every event type the docs list', { timeout: 20_000 }, async () => {
    // A WebSocket conversation through the map and the `if`, closed by the client.
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`)
    await once(ws, 'open')
    ws.send('hi')
    await once(ws, 'message')
    ws.close(1000, 'bye')
    await once(ws, 'close')
    await traced('tunnel.closed')

    // A plain request the `if` refuses; a value past the budget.
    expect((await fetch(`http://127.0.0.1:${port}/ws`)).status).toBe(426)
    expect((await fetch(`http://127.0.0.1:${port}/big`)).status).toBe(500)

    // A head nginx refuses, and one that never ends (client_header_timeout fires).
    const raw = async (bytes: string): Promise<void> => {
      const socket = createConnection(port, '127.0.0.1')
      socket.on('error', () => {})
      // Read what comes (the answer), so the proxy's FIN is seen and the socket closes.
      socket.resume()
      await once(socket, 'connect')
      socket.write(bytes)
      await once(socket, 'close')
    }
    await raw('BAD REQUEST LINE\r\n\r\n')
    await raw('GET / HTTP/1.1\r\n')

    // A request the client abandons while the upstream is silent.
    const abort = new AbortController()
    const slow = fetch(`http://127.0.0.1:${port}/slow`, { signal: abort.signal }).catch(() => null)
    await traced('upstream.request')
    abort.abort()
    await slow
    await traced('request.aborted')

    const seen = new Set(events.map((e) => e.type))
    expect(TRACE_TYPES.filter((type) => !seen.has(type))).toEqual([])
  })

  it('says which file and line made each decision', () => {
    const file = join(dir, 'nginx.conf')
    const decision = (type: string) => events.filter((e) => e.type === type) as Array<TraceEvent & { file?: string; line?: number }>
    for (const type of ['server.selected', 'location.matched', 'if.evaluated', 'upstream.selected']) {
      for (const e of decision(type)) expect([type, e.file, typeof e.line]).toEqual([type, file, 'number'])
    }
    const map = decision('variable.evaluated').find((e) => 'name' in e && e.name === 'connection_upgrade')
    expect(map).toMatchObject({ value: 'upgrade', found: true, file, line: 6 })
  })
})
