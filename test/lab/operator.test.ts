/**
 * The lab as an operator runs it for strangers: behind a reverse proxy (LAB_TRUST_PROXY and how
 * the visitor's address is chosen), a classroom behind one address, the per-address share and
 * creation rate, bounded bookkeeping, /healthz, /metrics, the lab's own log lines, and
 * `upgrade-lab start` refusing a bad LAB_TRUST_PROXY.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import type { IncomingMessage } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { startCommand } from '../../server/cli/start.ts'
import { formatLabLog, labLog, LOG_VALUE_CHARS, setLabLogWriter } from '../../server/sandbox/lab-log.ts'
import { DEFAULT_LIMITS, LimitError, limitsFromEnv } from '../../server/sandbox/limits.ts'
import { recordBudgetTrip, recordSessionCut, recordWorkerRestart } from '../../server/sandbox/metrics.ts'
import { SessionRegistry } from '../../server/sandbox/sessions.ts'
import { parseTrustProxy, visitorAddress, visitorKey } from '../../server/sandbox/visitor-address.ts'
import { CANONICAL, LabClient, startTestLab, type TestLab } from '../support/lab.ts'
import { UPGRADE_LAB_BIN } from '../support/runtime/processes.ts'

const labs: TestLab[] = []
const children = new Set<ChildProcess>()
const cleanups: Array<() => void> = []
afterEach(async () => {
  for (const undo of cleanups.splice(0)) undo()
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  children.clear()
  await Promise.all(labs.splice(0).map((lab) => lab.close()))
})

async function lab(...args: Parameters<typeof startTestLab>): Promise<TestLab> {
  const started = await startTestLab(...args)
  labs.push(started)
  return started
}

interface Created {
  id: string
}
interface Refused {
  error: string
  limit: string
}

/** POST /api/sessions with an X-Forwarded-For header (or none). */
function createFrom(lab: TestLab, xff?: string): ReturnType<TestLab['request']> {
  return lab.request('POST', '/api/sessions', { headers: xff === undefined ? {} : { 'X-Forwarded-For': xff } })
}

/** A request as the lab server sees it, for visitorAddress() alone. */
function fakeRequest(peer: string | undefined, xff?: string): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } } as unknown as IncomingMessage
}

describe('behind a reverse proxy (LAB_TRUST_PROXY)', () => {
  it('takes the rightmost untrusted address of X-Forwarded-For when the peer is a trusted proxy', async () => {
    const proxied = await lab({}, { trustProxy: '127.0.0.1, 10.0.0.0/8' })
    const owner = async (xff: string): Promise<string | undefined> => {
      const created = await createFrom(proxied, xff)
      expect(created.status).toBe(201)
      return proxied.lab.sessions.ownerOf((created.body as unknown as Created).id)
    }
    // 10.1.2.3 is a trusted proxy that reported 203.0.113.9; what stands left of that was written by the visitor.
    expect(await owner('198.51.100.7, 203.0.113.9, 10.1.2.3')).toBe('203.0.113.9')
    // Every address trusted: the leftmost, as nginx's real_ip_recursive.
    expect(await owner('10.9.9.9, 10.1.2.3')).toBe('10.9.9.9')
    // An entry that is not an address stops at the proxy that reported it.
    expect(await owner('not-an-address, 10.1.2.3')).toBe('10.1.2.3')
    // An IPv6 visitor is counted by its /64.
    expect(await owner('2001:DB8:1:2:aaaa::1, 10.1.2.3')).toBe('2001:db8:1:2::/64')
  })

  it('does not let spoofed leftmost entries take an attacker past the per-address cap', async () => {
    const proxied = await lab({ sessionsPerAddress: 3 }, { trustProxy: '127.0.0.1' })
    // The attacker at 203.0.113.66 writes what it likes; the trusted proxy appends the address it saw.
    for (let i = 0; i < 3; i++) expect((await createFrom(proxied, `192.0.2.${i}, 203.0.113.66`)).status).toBe(201)
    const refused = await createFrom(proxied, '198.51.100.99, 192.0.2.200, 203.0.113.66')
    expect(refused.status).toBe(429)
    expect((refused.body as unknown as Refused).limit).toBe('sessionsPerAddress')
    expect((await createFrom(proxied, '203.0.113.66')).status).toBe(429)
    expect(proxied.lab.sessions.heldBy('203.0.113.66')).toBe(3)
    expect(proxied.lab.sessions.heldBy('192.0.2.0')).toBe(0)
    // Someone else behind the same proxy is not held back.
    expect((await createFrom(proxied, '203.0.113.67')).status).toBe(201)
  })

  it('ignores X-Forwarded-For from a peer that is not trusted, and without LAB_TRUST_PROXY', async () => {
    const elsewhere = await lab({}, { trustProxy: '10.0.0.0/8' })
    const plain = await lab()
    for (const target of [elsewhere, plain]) {
      const created = await createFrom(target, '203.0.113.9')
      expect(created.status).toBe(201)
      expect(target.lab.sessions.ownerOf((created.body as unknown as Created).id)).toBe('127.0.0.1')
    }
  })

  it('reads IPv6, IPv4-mapped and port forms as nginx does', () => {
    const trust = parseTrustProxy('127.0.0.1, fd00::/8')
    // A dual-stack socket shows an IPv4 peer as ::ffff:a.b.c.d: still the trusted 127.0.0.1.
    expect(visitorAddress(fakeRequest('::ffff:127.0.0.1', '203.0.113.5'), trust)).toBe('203.0.113.5')
    expect(visitorAddress(fakeRequest('fd00::1', '203.0.113.5'), trust)).toBe('203.0.113.5')
    expect(visitorAddress(fakeRequest('fd00::1', '[2001:db8::5]:443'), trust)).toBe('2001:db8::5')
    expect(visitorAddress(fakeRequest('127.0.0.1', '192.0.2.4:5000'), trust)).toBe('192.0.2.4')
    expect(visitorAddress(fakeRequest('127.0.0.1', '203.0.113.5, fd12::7'), trust)).toBe('203.0.113.5')
    expect(visitorAddress(fakeRequest('198.51.100.1', '203.0.113.5'), trust)).toBe('198.51.100.1')
    expect(visitorAddress(fakeRequest('::ffff:203.0.113.5'), null)).toBe('203.0.113.5')
    expect(visitorAddress(fakeRequest(undefined, '203.0.113.5'), trust)).toBe('unknown')
    expect(visitorKey('203.0.113.5')).toBe('203.0.113.5')
    expect(visitorKey('2001:db8:0:1:ffff::1')).toBe('2001:db8:0:1::/64')
    expect(visitorKey('2001:db8::1')).toBe('2001:db8::/64')
  })

  it('accepts addresses, CIDR ranges and proxy-addr names, and refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toBeNull()
    expect(parseTrustProxy('  ')).toBeNull()
    expect(parseTrustProxy('10.0.0.0/8, ::1, fd00::/8, loopback')).toBeTypeOf('function')
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/"10\.0\.0\.0\/33" is not an address or a CIDR range/)
    expect(() => parseTrustProxy('proxy.internal')).toThrow(/"proxy\.internal" is not an address or a CIDR range/)
    // Trusting every address would let anyone choose their own.
    expect(() => parseTrustProxy('0.0.0.0/0')).toThrow(RangeError)
    expect(() => parseTrustProxy('10.0.0.1,,10.0.0.2')).toThrow(/empty entry/)
  })
})

describe('sessions per address', () => {
  it('takes a classroom behind one NAT (160 sessions) with the defaults, then trips the share cap with 429', async () => {
    expect(DEFAULT_LIMITS.sessionsPerAddress).toBe(DEFAULT_LIMITS.sessions * 0.05)
    const proxied = await lab({}, { trustProxy: '127.0.0.1' })
    const classroom = '198.51.100.40'
    const ids: string[] = []
    // 40 people, each with the playground and a page of three live examples, all at once.
    for (let person = 0; person < 40; person++) {
      const tabs = await Promise.all([0, 1, 2, 3].map(() => createFrom(proxied, classroom)))
      for (const tab of tabs) {
        expect(tab.status).toBe(201)
        ids.push((tab.body as unknown as Created).id)
      }
    }
    expect(proxied.lab.sessions.heldBy(classroom)).toBe(160)
    // The last of them works like any other.
    const last = ids[ids.length - 1]
    expect((await proxied.api('POST', `/api/sessions/${last}/apply`, { config: CANONICAL })).status).toBe(200)
    const client = new LabClient(proxied.port, last, 'alice', 'localhost:8020', '/echo')
    await client.opened
    client.ws.send('from the back row')
    expect(await client.next((m) => m.includes('back row'))).toBe('Server received from client: from the back row')
    client.close()

    for (let n = 160; n < DEFAULT_LIMITS.sessionsPerAddress; n++) expect((await createFrom(proxied, classroom)).status).toBe(201)
    const refused = await createFrom(proxied, classroom)
    expect(refused.status).toBe(429)
    expect((refused.body as unknown as Refused).limit).toBe('sessionsPerAddress')
    expect((refused.body as unknown as Refused).error).toContain('too many sessions from your address (limit 250); close some lab tabs')
    expect((await createFrom(proxied, '198.51.100.41')).status).toBe(201)
  })

  it('trips the creation rate with 429 and says when to try again', async () => {
    const limited = await lab({ sessionBurstPerAddress: 3, sessionRatePerAddress: 0.01 })
    const ids: string[] = []
    for (let i = 0; i < 3; i++) ids.push(await limited.session())
    const refused = await limited.request<Refused>('POST', '/api/sessions')
    expect(refused.status).toBe(429)
    expect(refused.body.limit).toBe('sessionRatePerAddress')
    expect(refused.body.error).toBe('sessions are being opened too fast from your address (3 at once, then 0.01 a second); wait 100 seconds and try again')
    expect(refused.headers.get('retry-after')).toBe('100')
    // Freeing a session does not give the burst back.
    expect((await limited.api('DELETE', `/api/sessions/${ids[0]}`)).status).toBe(200)
    expect((await limited.api('POST', '/api/sessions')).status).toBe(429)
  })

  it('refills the bucket with time and keeps its bookkeeping of addresses bounded', async () => {
    const limits = { ...DEFAULT_LIMITS, sessionBurstPerAddress: 2, sessionRatePerAddress: 1 }
    const registry = new SessionRegistry(limits, { maxTrackedAddresses: 10 })
    try {
      const t = Date.now()
      registry.create('a', t)
      registry.create('a', t)
      let tripped: unknown
      try {
        registry.create('a', t + 500)
      } catch (error) {
        tripped = error
      }
      expect(tripped).toBeInstanceOf(LimitError)
      expect((tripped as LimitError).limit).toBe('sessionRatePerAddress')
      expect((tripped as LimitError).retryAfterSeconds).toBe(1)
      // One token a second.
      expect(registry.create('a', t + 1000).id).toBeTypeOf('string')
      // 100 addresses that each open and free a session: never more than 10 remembered, and
      // never the one that holds sessions.
      for (let i = 0; i < 100; i++) {
        const session = registry.create(`198.51.100.${i}`, t + 1000)
        await registry.delete(session.id, t + 1000)
        expect(registry.trackedAddresses).toBeLessThanOrEqual(10)
      }
      expect(registry.heldBy('a')).toBe(3)
      expect(registry.trackedAddresses).toBe(10)
      // Once their buckets are full again, addresses without sessions are forgotten.
      await registry.sweep(t + 5000)
      expect(registry.trackedAddresses).toBe(1)
      expect(registry.heldBy('a')).toBe(3)
    } finally {
      await registry.close()
    }
    expect(registry.trackedAddresses).toBe(0)
  })

  it('derives the per-address defaults from what LAB_ variables set', () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS)
    expect(limitsFromEnv({ LAB_SESSIONS: '1000' })).toMatchObject({ sessions: 1000, sessionsPerAddress: 50, sessionBurstPerAddress: 50, sessionRatePerAddress: 5 })
    expect(limitsFromEnv({ LAB_SESSIONS_PER_ADDRESS: '1010' })).toMatchObject({ sessions: 5000, sessionsPerAddress: 1010, sessionBurstPerAddress: 1010 })
    expect(limitsFromEnv({ LAB_SESSION_BURST_PER_ADDRESS: '40', LAB_SESSION_RATE_PER_ADDRESS: '0.5' })).toMatchObject({ sessionsPerAddress: 250, sessionBurstPerAddress: 40, sessionRatePerAddress: 0.5 })
    expect(() => limitsFromEnv({ LAB_SESSION_BURST_PER_ADDRESS: '0.5' })).toThrow('LAB_SESSION_BURST_PER_ADDRESS must be at least 1, not "0.5"')
  })
})

/** The samples of a Prometheus text exposition, keyed `name{label=value,…}` (labels sorted). */
function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>()
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!m) throw new Error(`not an exposition line: ${JSON.stringify(line)}`)
    const labels = [...(m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => `${k}=${v}`)
    samples.set(`${m[1]}{${labels.sort().join(',')}}`, Number(m[3]))
  }
  return samples
}

function sample(samples: Map<string, number>, name: string, labels: Record<string, string> = {}): number | undefined {
  const key = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(',')
  return samples.get(`${name}{${key}}`)
}

async function scrape(target: TestLab): Promise<{ type: string | null; text: string; samples: Map<string, number> }> {
  const res = await fetch(`http://127.0.0.1:${target.port}/metrics`)
  expect(res.status).toBe(200)
  const text = await res.text()
  return { type: res.headers.get('content-type'), text, samples: parseExposition(text) }
}

describe('/healthz and /metrics', () => {
  it('answers /healthz 200 when ready and 503 while shutting down', async () => {
    const target = await lab()
    const health = async (): Promise<{ status: number; body: Record<string, unknown> }> => {
      const res = await fetch(`http://127.0.0.1:${target.port}/healthz`)
      expect(res.headers.get('cache-control')).toBe('no-store')
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    }
    const ready = await health()
    expect(ready.status).toBe(200)
    expect(ready.body).toMatchObject({ status: 'ok', sessions: 0 })
    expect((await fetch(`http://127.0.0.1:${target.port}/healthz`, { method: 'POST' })).status).toBe(405)
    target.lab.drain()
    expect(await health()).toEqual({ status: 503, body: { status: 'shutting down' } })
    // Draining only turns the load balancer away: visitors already here go on.
    expect((await target.api('POST', '/api/sessions')).status).toBe(201)
  })

  it('exposes sessions, connections, limit trips and the process in Prometheus text, per lab', async () => {
    const target = await lab({ sessionsPerAddress: 2, subscribersPerSession: 1 })
    const other = await lab()
    const before = await scrape(target)
    expect(before.type).toBe('text/plain; version=0.0.4; charset=utf-8')
    expect(before.text).toContain('# TYPE upgrade_lab_sessions_open gauge')
    expect(before.text).toContain('# TYPE upgrade_lab_limit_trips_total counter')
    expect(sample(before.samples, 'upgrade_lab_sessions_open')).toBe(0)
    expect(sample(before.samples, 'upgrade_lab_limit_trips_total', { limit: 'sessionsPerAddress' })).toBe(0)
    const budgetBefore = sample(before.samples, 'upgrade_lab_budget_trips_total', { kind: 'operator-test' }) ?? 0
    const cutsBefore = sample(before.samples, 'upgrade_lab_sessions_cut_total', { reason: 'operator-test' }) ?? 0
    const restartsBefore = sample(before.samples, 'upgrade_lab_worker_restarts_total')
    expect(restartsBefore).toBeTypeOf('number')

    const first = await target.session(CANONICAL)
    await target.session()
    expect((await target.api('POST', '/api/sessions')).status).toBe(429)
    const client = new LabClient(target.port, first, 'alice', 'localhost:8020', '/echo')
    await client.opened
    // A second event stream on a session that allows one: closed 1008, counted.
    const stream = new WebSocket(`ws://127.0.0.1:${target.port}/api/sessions/${first}/events`)
    const extra = new WebSocket(`ws://127.0.0.1:${target.port}/api/sessions/${first}/events`)
    const closedExtra = await new Promise<number>((resolve) => extra.once('close', (code) => resolve(code)))
    expect(closedExtra).toBe(1008)
    recordBudgetTrip('operator-test')
    recordSessionCut('operator-test')

    const after = await scrape(target)
    expect(sample(after.samples, 'upgrade_lab_sessions_open')).toBe(2)
    expect(sample(after.samples, 'upgrade_lab_sessions_created_total')).toBe(2)
    // alice to the proxy, the proxy to backend A.
    expect(sample(after.samples, 'upgrade_lab_connections_open')).toBe(2)
    expect(sample(after.samples, 'upgrade_lab_visitor_addresses_tracked')).toBe(1)
    expect(sample(after.samples, 'upgrade_lab_limit_trips_total', { limit: 'sessionsPerAddress' })).toBe(1)
    expect(sample(after.samples, 'upgrade_lab_limit_trips_total', { limit: 'subscribersPerSession' })).toBe(1)
    expect(sample(after.samples, 'upgrade_lab_budget_trips_total', { kind: 'operator-test' })).toBe(budgetBefore + 1)
    expect(sample(after.samples, 'upgrade_lab_sessions_cut_total', { reason: 'operator-test' })).toBe(cutsBefore + 1)
    expect(sample(after.samples, 'upgrade_lab_worker_restarts_total')).toBe(restartsBefore)
    const [p50, p99, max] = ['p50', 'p99', 'max'].map((stat) => sample(after.samples, 'upgrade_lab_event_loop_delay_seconds', { stat }))
    expect(p50).toBeGreaterThanOrEqual(0)
    expect(p99).toBeGreaterThanOrEqual(p50!)
    expect(max).toBeGreaterThanOrEqual(p99!)
    expect(sample(after.samples, 'process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024)
    expect(sample(after.samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0)

    // Another lab in the same process counts its own.
    const elsewhere = await scrape(other)
    expect(sample(elsewhere.samples, 'upgrade_lab_sessions_open')).toBe(0)
    expect(sample(elsewhere.samples, 'upgrade_lab_sessions_created_total')).toBe(0)
    expect(sample(elsewhere.samples, 'upgrade_lab_limit_trips_total', { limit: 'sessionsPerAddress' })).toBe(0)
    recordWorkerRestart()
    expect(sample((await scrape(other)).samples, 'upgrade_lab_worker_restarts_total')).toBe(restartsBefore! + 1)
    client.close()
    stream.close()
  })
  it('counts the sessions freed unused', async () => {
    const target = await lab({ idleSessionMs: 200, sessionRatePerAddress: 10 })
    const id = await target.session()
    expect(sample((await scrape(target)).samples, 'upgrade_lab_sessions_expired_total')).toBe(0)
    // The sweeper runs every 50 ms at this limit; the test's own timeout bounds the wait.
    while (target.lab.sessions.get(id)) await new Promise((resolve) => setTimeout(resolve, 25))
    const after = await scrape(target)
    expect(sample(after.samples, 'upgrade_lab_sessions_expired_total')).toBe(1)
    expect(sample(after.samples, 'upgrade_lab_sessions_open')).toBe(0)
    // Its address holds nothing now and its bucket has refilled (10 a second, over 200 ms): forgotten.
    expect(sample(after.samples, 'upgrade_lab_visitor_addresses_tracked')).toBe(0)
  })
})

describe('the lab log', () => {
  it('writes one line per event, quoting and escaping what could forge or hide a line', () => {
    const line = formatLabLog(
      'warn',
      'limit.tripped',
      {
        limit: 'sessionsPerAddress',
        count: 3,
        ok: false,
        path: '/api/sessions',
        message: 'too many sessions',
        forged: 'x\nupgrade-lab: 2026-01-01T00:00:00.000Z error forged=1',
        quote: 'say "hi" \\ bye',
        empty: '',
        eq: 'a=b',
        hidden: 'abc\u202edef\u2028\x7f',
        'bad key!': 'v',
      },
      new Date('2026-11-22T10:15:00.123Z'),
    )
    expect(line).toBe(
      'upgrade-lab: 2026-11-22T10:15:00.123Z warn limit.tripped limit=sessionsPerAddress count=3 ok=false path=/api/sessions message="too many sessions" ' +
        'forged="x\\nupgrade-lab: 2026-01-01T00:00:00.000Z error forged=1" quote="say \\"hi\\" \\\\ bye" empty="" eq="a=b" hidden="abc\\u202edef\\u2028\\u007f" bad_key_=v\n',
    )
    const long = formatLabLog('info', 'e', { v: 'y'.repeat(10_000) })
    expect(long).toMatch(new RegExp(`^upgrade-lab: \\S+ info e v="y{${LOG_VALUE_CHARS}}…"\\n$`))
  })

  it('goes to an injectable writer, one call per line, with the time in ISO 8601', () => {
    const lines: string[] = []
    cleanups.push(setLabLogWriter((text) => lines.push(text)))
    labLog('info', 'test.event', { a: 1 })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^upgrade-lab: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info test\.event a=1\n$/)
  })

  it("logs the API's internal errors in that format, without the session id", async () => {
    const lines: string[] = []
    cleanups.push(setLabLogWriter((text) => lines.push(text)))
    const target = await lab()
    const id = await target.session()
    const session = target.lab.sessions.get(id)!
    vi.spyOn(session, 'logFiles').mockImplementation(() => {
      throw new Error('boom\nupgrade-lab: forged line')
    })
    const answer = await target.api('GET', `/api/sessions/${id}/logs`)
    expect(answer).toEqual({ status: 500, body: { error: 'internal error' } })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^upgrade-lab: \S+ error api\.error method=GET path=\/api\/sessions\/:id\/logs error="Error: boom\\nupgrade-lab: forged line" stack="[^"\n]*"\n$/)
    expect(lines[0]).not.toContain(id)
  })
})

describe('upgrade-lab start', () => {
  it('refuses an invalid LAB_TRUST_PROXY with exit status 2 and says why', async () => {
    for (const value of ['10.0.0.0/33', 'proxy.internal', '0.0.0.0/0', '10.0.0.1,,10.0.0.2']) {
      let stdout = ''
      let stderr = ''
      const status = await startCommand({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, { PORT: '0', HOST: '127.0.0.1', LAB_TRUST_PROXY: value })
      expect(status).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).toMatch(/^upgrade-lab start: LAB_TRUST_PROXY: .*expected addresses or CIDR ranges separated by commas, such as 10\.0\.0\.0\/8,::1\n$/)
    }
  })

  it('passes a valid LAB_TRUST_PROXY to the lab', async () => {
    const child = spawn(UPGRADE_LAB_BIN, ['start'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LAB_TRUST_PROXY: '127.0.0.1', LAB_SESSIONS_PER_ADDRESS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    children.add(child)
    let output = ''
    let errors = ''
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk
        const m = /ready at http:\/\/[^/]+:(\d+)\//.exec(output)
        if (m) resolve(Number(m[1]))
      })
      void exited.then((code) => reject(new Error(`upgrade-lab start exited (${code}): ${errors}`)))
    })
    const create = (xff: string): Promise<number> => fetch(`http://127.0.0.1:${port}/api/sessions`, { method: 'POST', headers: { 'X-Forwarded-For': xff } }).then((res) => res.status)
    expect(await create('203.0.113.1')).toBe(201)
    expect(await create('192.0.2.1, 203.0.113.1')).toBe(429)
    expect(await create('203.0.113.2')).toBe(201)
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(errors).toBe('')
  })
})
