/**
 * The lab never touches what a user's config names: configs whose proxy_pass, upstream, listen,
 * include, error_log, access_log and ssl_certificate point at a real canary listener on
 * 127.0.0.1, at /etc/passwd, at files that must not be created, and at link-local addresses
 * are applied and driven with traffic, while the canary counts connections and every outgoing
 * connect this process makes is recorded.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, Socket, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LabClient, startTestLab, type TestLab } from '../support/lab.ts'

let lab: TestLab
let canary: Server
let canaryPort: number
let canaryConnections = 0
const outgoing: string[] = []
const realConnect = Socket.prototype.connect

beforeAll(async () => {
  canary = createServer((socket) => {
    canaryConnections++
    socket.destroy()
  })
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve))
  canaryPort = (canary.address() as { port: number }).port
  lab = await startTestLab()
  // Every TCP connect this process makes from here on (the test's own clients to the lab included).
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    // net.connect() hands its normalized arguments over as one array.
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0]
    const options = first as { port?: number; host?: string; path?: string } | number
    outgoing.push(typeof options === 'object' ? (options.path ?? `${options.host ?? ''}:${options.port ?? ''}`) : String(options))
    return (realConnect as (...a: unknown[]) => Socket).apply(this, args)
  } as typeof Socket.prototype.connect
})

afterAll(async () => {
  Socket.prototype.connect = realConnect
  await lab.close()
  await new Promise<void>((resolve) => canary.close(() => resolve()))
})

describe('a config naming real hosts, ports and paths', () => {
  it('never opens, reads, writes or connects to any of them', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ul-canary-'))
    const config = `error_log ${scratch}/main-error.log info;
events {}
http {
    access_log ${scratch}/access.log;
    upstream canary {
        server 127.0.0.1:${canaryPort};
        server 169.254.169.254:80;
    }
    server {
        listen ${canaryPort};
        listen 443 ssl;
        ssl_certificate /etc/passwd;
        ssl_certificate_key /etc/shadow;
        error_log ${scratch}/server-error.log debug;
        location / {
            proxy_pass http://canary;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
        }
        location /direct {
            proxy_pass http://127.0.0.1:${canaryPort};
        }
        location /metadata {
            proxy_pass http://169.254.169.254/latest/meta-data/;
        }
        location /files {
            root /etc;
        }
    }
}
`
    const id = await lab.session()
    const applied = await lab.api<{ applied: boolean; diagnostics: unknown[] }>('POST', `/api/sessions/${id}/apply`, { config })
    expect(applied.body).toMatchObject({ applied: true })

    const requests = ['/', '/direct', '/metadata', '/files/passwd']
    for (const path of requests) {
      for (const port of [canaryPort, 443]) {
        const raw = await lab.api<{ response: string }>('POST', `/api/sessions/${id}/raw`, { port, request: `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n` })
        expect(raw.status).toBe(200)
        expect(raw.body.response).toMatch(/^HTTP\/1\.1 (502|404) /)
        expect(raw.body.response).not.toContain('root:')
      }
    }
    const ws = new LabClient(lab.port, id, 'alice', `localhost:${canaryPort}`, '/')
    ws.ws.on('error', () => {})
    expect((await ws.unexpected).status).toBe(502)

    // An include of a real file is a missing file in the lab.
    const included = await lab.api<{ ok: boolean; diagnostics: Array<{ message: string }> }>('POST', `/api/sessions/${id}/check`, {
      config: 'events {}\nhttp { include /etc/passwd; }\n',
    })
    expect(included.body.ok).toBe(false)
    expect(included.body.diagnostics[0].message).toBe('open() "/etc/passwd" failed (2: No such file or directory)')

    expect(canaryConnections).toBe(0)
    // The spy works: it saw the test's own connections to the lab.
    expect(outgoing.some((target) => target.endsWith(`:${lab.port}`))).toBe(true)
    const unexpected = outgoing.filter((target) => !target.endsWith(`:${lab.port}`))
    expect(unexpected).toEqual([])
    for (const file of ['main-error.log', 'access.log', 'server-error.log']) expect(existsSync(join(scratch, file))).toBe(false)
    // The logs went to the session instead, under the names the config gave.
    const logs = await lab.api<{ files: Record<string, string[]> }>('GET', `/api/sessions/${id}/logs`)
    expect(Object.keys(logs.body.files)).toContain(`${scratch}/access.log`)
    rmSync(scratch, { recursive: true, force: true })
  })
})
