/**
 * The directive table, run: for each directive the runtime acts on, a config that writes out
 * the default the table shows behaves exactly as one without it, and a config with another
 * value behaves differently. "Behaves" is what a fixed set of probes observes through `serve`
 * on the loopback network: each answer (without its Date), what the upstream received, the
 * access and error log lines, and the timers the trace says were armed.
 */
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { createConnection } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { serve } from '../../../server/cli/serve.ts'
import { defaultText } from '../../../server/nginx/directives/defaults.ts'
import { DIRECTIVES } from '../../../server/nginx/directives/index.ts'
import { parseNginxVersion } from '../../../server/nginx/nginx-version.ts'
import type { TraceEvent } from '../../../server/proxy/trace.ts'
import { freePort } from '../../support/runtime/ports.ts'

const V122 = parseNginxVersion('1.22.1')!

/** Another value for each directive, chosen so the probes can see it. */
const OTHER: Record<string, string> = {
  root: 'elsewhere', index: 'start.html', default_type: 'application/json', types: 'text/plain html;',
  recursive_error_pages: 'on', keepalive_timeout: '5s', keepalive_requests: '1', client_header_timeout: '9s',
  client_body_timeout: '9s', client_max_body_size: '10', large_client_header_buffers: '8 16k',
  underscores_in_headers: 'on', ignore_invalid_headers: 'off', proxy_http_version: '1.1', proxy_read_timeout: '9s',
  proxy_connect_timeout: '9s', proxy_next_upstream: 'off', proxy_pass_request_headers: 'off',
  proxy_intercept_errors: 'on', uninitialized_variable_warn: 'off',
}

/**
 * Modelled directives the probes cannot make act, each shown by differential scenarios instead
 * (test/runtime/scenarios/): a timer that starts only when a side stops reading, an abort
 * halfway, a head whose buffers matter only at their limits.
 */
const SHOWN_ELSEWHERE: Record<string, string> = {
  send_timeout: 'timeout-send-client-not-reading',
  proxy_send_timeout: 'armed only when the upstream stops reading (timeouts.ts)',
  proxy_ignore_client_abort: 'client-abort-ignored',
  client_header_buffer_size: 'head-buffers-run-out',
}

const PROBED = Object.keys(OTHER)

/** Every modelled directive with a default that can be written at http level is probed or listed. */
function modelledAtHttp(): string[] {
  return [...DIRECTIVES.values()]
    .map((specs) => specs[0])
    .filter((s) => s.lab.state === 'modelled' && s.contexts.includes('http'))
    .map((s) => s.name)
    .filter((name) => {
      const text = defaultText(name, V122)
      // log_format's default is the predefined `combined`, not a line one can write.
      return text !== null && !/[|(]|\.\.\./.test(text) && name !== 'proxy_redirect' && name !== 'proxy_set_header'
    })
}

describe('the table, run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ul-table-run-'))
  let upstream: Server
  let wss: WebSocketServer
  let up: number
  let dead: number
  const received: string[] = []

  beforeAll(async () => {
    ;[up, dead] = [await freePort(), await freePort()]
    wss = new WebSocketServer({ noServer: true })
    upstream = createServer((req: IncomingMessage, res) => {
      received.push(`${req.method} ${req.url} HTTP/${req.httpVersion}\n${req.rawHeaders.join('|')}`)
      req.resume()
      req.on('end', () => {
        if (req.url === '/up404') res.writeHead(404, { 'Content-Type': 'text/plain' })
        else res.writeHead(200, { 'Content-Type': 'text/plain' })
        res.end('from upstream\n')
      })
    })
    upstream.on('upgrade', (req, socket, head) => {
      received.push(`${req.method} ${req.url} HTTP/${req.httpVersion}\n${req.rawHeaders.join('|')}`)
      wss.handleUpgrade(req, socket, head, (ws) => ws.close(1000))
    })
    upstream.listen(up, '127.0.0.1')
    await once(upstream, 'listening')
    writeFileSync(join(dir, 'index.html'), 'index\n')
    writeFileSync(join(dir, 'page.html'), 'page\n')
  })

  afterAll(async () => {
    upstream?.close()
    wss?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** One run of the probes with `line` at http level: what they observed, normalized. */
  async function observe(line: string): Promise<string[]> {
    received.length = 0
    const port = await freePort()
    const conf = join(dir, 'nginx.conf')
    for (const log of ['access.log', 'error.log']) rmSync(join(dir, log), { force: true })
    writeFileSync(conf, `events {}
http {
    access_log access.log;
    error_log error.log info;
    ${line}
    upstream group { server 127.0.0.1:${dead}; server 127.0.0.1:${up}; }
    server {
        listen 127.0.0.1:${port};
        location / { root ${dir}; }
        location /plain-static { }
        location /up { proxy_pass http://127.0.0.1:${up}; }
        location /up404 { proxy_pass http://127.0.0.1:${up}; error_page 404 = /handled; }
        location = /handled { return 200 "handled\\n"; }
        location /group { proxy_pass http://group; }
        location /r1 { error_page 404 = /r2; return 404; }
        location /r2 { error_page 403 = /r3; return 403; }
        location = /r3 { return 200 "r3\\n"; }
        location /unset {
            if ($arg_never) { set $late "x"; }
            return 200 "[$late]\\n";
        }
    }
}
`)
    const events: TraceEvent[] = []
    const out: string[] = []
    const running = await serve(conf, {
      trace: true,
      stdout: (text) => {
        for (const l of text.split('\n')) if (l.startsWith('{')) events.push(JSON.parse(l) as TraceEvent)
      },
      stderr: (text) => out.push(text),
    })
    if (!running) throw new Error(out.join(''))
    const answers: string[] = []
    /** Sends bytes on a new connection, reads until the proxy closes or the answer is complete. */
    const send = async (bytes: string): Promise<void> => {
      const socket = createConnection(port, '127.0.0.1')
      let data = ''
      socket.on('data', (chunk: Buffer) => {
        data += chunk.toString('latin1')
        // One answer with a Content-Length, then close our side (keep-alive answers do not close).
        const end = data.indexOf('\r\n\r\n')
        const length = /content-length: (\d+)/i.exec(data)
        if (end >= 0 && length && data.length >= end + 4 + Number(length[1])) socket.end()
        if (end >= 0 && data.startsWith('HTTP/1.1 101')) socket.end()
        if (end >= 0 && /transfer-encoding: chunked/i.test(data.slice(0, end)) && data.endsWith('\r\n0\r\n\r\n')) socket.end()
      })
      socket.write(bytes)
      // Every wait is bounded: a probe that gets no end says which one.
      const timer = setTimeout(() => socket.destroy(new Error(`no end to ${bytes.split('\r\n')[0]}: ${JSON.stringify(data.slice(0, 200))}`)), 5_000)
      const [error] = await Promise.race([once(socket, 'close').then(() => [null]), once(socket, 'error')])
      clearTimeout(timer)
      if (error instanceof Error && error.message.startsWith('no end')) throw error
      answers.push(data.replace(/\r\nDate: [^\r]*/g, ''))
    }
    try {
      const get = (path: string, extra = '') => send(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${extra}\r\n`)
      await get('/')
      await get('/page.html')
      await get('/plain-static')
      await get('/up', 'X_Under: u\r\nX.Dot: d\r\nUpgrade: websocket\r\nConnection: keep-alive\r\n')
      await get('/up', `X-Big: ${'b'.repeat(9000)}\r\n`)
      await get('/up', 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n')
      await send('POST /up HTTP/1.1\r\nHost: localhost\r\nContent-Length: 20\r\n\r\n01234567890123456789')
      await get('/up404')
      await get('/group')
      await get('/r1')
      await get('/unset')
    } finally {
      await running.stop()
    }
    const logs = ['access.log', 'error.log'].flatMap((log) =>
      existsSync(join(dir, log))
        ? readFileSync(join(dir, log), 'utf8').split('\n').filter((l) => l && !/\[notice\]/.test(l))
            .map((l) => l.replace(/\[\d{2}\/\w{3}\/\d{4}:[^\]]*\]/, '[TIME]').replace(/^\S+ \S+ \[(\w+)\] \d+#\d+: /, '[$1] ').replace(/:\d{4,5}\b/g, ':PORT'))
        : [],
    )
    const timers = events.filter((e) => e.type === 'timer.armed').map((e) => ('timer' in e && 'ms' in e ? `${e.timer} ${e.ms}` : ''))
    return [...answers.map((a) => a.replace(/:\d{4,5}\b/g, ':PORT')), ...received.map((r) => r.replace(/:\d{4,5}\b/g, ':PORT')), ...logs, ...new Set(timers)]
  }

  it('probes every modelled directive or says which scenario shows it', () => {
    expect(modelledAtHttp().filter((name) => !PROBED.includes(name) && !Object.hasOwn(SHOWN_ELSEWHERE, name))).toEqual([])
  })

  let baseline: string[]
  it.each(PROBED)('%s: its default written out changes nothing, another value changes what is observed', { timeout: 30_000 }, async (name) => {
    baseline ??= await observe('')
    // `types` is a block: its default and another table written as one.
    const line = (value: string) => (name === 'types' ? `types { ${value} }` : `${name} ${value};`)
    expect(await observe(line(defaultText(name, V122)!))).toEqual(baseline)
    expect(await observe(line(OTHER[name]))).not.toEqual(baseline)
  })
})
