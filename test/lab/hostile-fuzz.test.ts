/**
 * Hostile configs from a grammar, each run with a request through a real lab session: cycles of
 * maps, chains of doublings, fan-outs, regexes with nested quantifiers (in location,
 * server_name, rewrite and map), long log formats, huge timeouts, redirect loops and prototype
 * names — seeded with every attack of test/support/attacks.ts. No case may throw out of the
 * session (containment would stop it: the fuzzer counts that as a failure, it is a bug), and
 * the event loop is never held longer than the lab's block budget. Prints the cases per class.
 */
import fc from 'fast-check'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, describe, expect, it } from 'vitest'
import { installRegexBudget } from '../../server/sandbox/containment.ts'
import { DEFAULT_LIMITS } from '../../server/sandbox/limits.ts'
import { BLOCK_BUDGET_MS, Session } from '../../server/sandbox/session.ts'
import { ATTACKS, wrap } from '../support/attacks.ts'

const RUNS = Number(process.env.UL_HOSTILE_RUNS ?? 2000)
const limits = { ...DEFAULT_LIMITS, messagesPerSecond: 1e9 }

interface Case {
  kind: string
  config: string
  /** The raw request sent through the session. */
  request: string
}

const get = (path: string, host = 'localhost', extra = ''): string => `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n${extra}\r\n`
const PROTO_NAMES = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']
const name = fc.constantFrom(...PROTO_NAMES, 'a', 'b', 'v', 'x1')

/** Regexes with nested quantifiers, and a subject that makes a backtracking engine explode. */
const atom = fc.constantFrom('a', '\\w', '.', '(a|aa)', '[ab]', '(a|a)', 'a?')
const quantifier = fc.constantFrom('+', '*', '{1,9}', '+?')
const nested: fc.Arbitrary<string> = fc.letrec<{ re: string }>((tie) => ({
  re: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(atom, quantifier).map(([a, q]) => a + q),
    fc.tuple(tie('re'), quantifier).map(([r, q]) => `(${r})${q}`),
    fc.tuple(tie('re'), tie('re')).map(([a, b]) => a + b),
  ),
})).re
const subject = fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.constantFrom('!', 'b', '')).map(([n, end]) => 'a'.repeat(n) + end)

const mapCycle = fc.tuple(fc.array(name, { minLength: 1, maxLength: 5 }), fc.constantFrom('return', 'header', 'log')).map(([names, use]): Case => {
  const maps = names.map((n, i) => `    map $${names[(i + 1) % names.length]}_${i} $${n}_${(i + 1) % names.length} { default $${names[(i + 1) % names.length]}_${i}; }`)
  // Names are made distinct by their index; the chain closes on itself.
  const first = `$${names[1 % names.length]}_${1 % names.length}`
  const location =
    use === 'return' ? `return 200 "[${first}]";` : use === 'header' ? `proxy_pass http://127.0.0.1:8010; proxy_set_header X-C "${first}";` : `access_log /var/log/nginx/c.log c; return 200 ok;`
  const http = maps.join('\n') + (use === 'log' ? `\n    log_format c '${first}';` : '')
  return { kind: 'map cycle', config: wrap(`        location / { ${location} }`, http), request: get('/') }
})

const doublings = fc.tuple(fc.integer({ min: 1, max: 45 }), fc.constantFrom('return', 'add_header', 'header', 'log')).map(([n, use]): Case => {
  const sets = Array.from({ length: n }, () => 'set $a $a$a;').join(' ')
  const usage =
    use === 'return' ? 'return 200 $a;' : use === 'add_header' ? 'add_header X-A $a always; return 204;' : use === 'header' ? 'proxy_pass http://127.0.0.1:8010; proxy_set_header X-A $a;' : 'access_log /var/log/nginx/a.log a; return 200 ok;'
  return { kind: 'doubling', config: wrap(`        location / { set $a x; ${sets} ${usage} }`, use === 'log' ? "    log_format a '$a$a';" : ''), request: get('/') }
})

const fanOut = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 2, max: 4 }), fc.boolean()).map(([depth, width, volatile]): Case => {
  const maps = Array.from({ length: depth }, (_, i) => `    map $uri $f${i + 1} { ${volatile ? 'volatile; ' : ''}default ${`$f${i}`.repeat(width)}; }`)
  return { kind: 'fan-out', config: wrap(`        location / { return 200 "$f${depth}"; }`, `    map $uri $f0 { default x; }\n${maps.join('\n')}`), request: get('/') }
})

const regexes = fc.tuple(nested, subject, fc.constantFrom('location', 'server_name', 'rewrite', 'map', 'if')).map(([re, text, where]): Case => {
  const pattern = `^(${re})$`
  switch (where) {
    case 'location':
      return { kind: 'regex', config: wrap(`        location ~ "${pattern}" { return 200 hit; }\n        location / { return 404; }`), request: get('/' + text) }
    case 'server_name':
      return { kind: 'regex', config: wrap(`        server_name "~${pattern}";\n        location / { return 200 ok; }`), request: get('/', text.slice(0, 250)) }
    case 'rewrite':
      return { kind: 'regex', config: wrap(`        rewrite "${pattern}" /x;\n        location / { return 200 ok; }`), request: get('/' + text) }
    case 'if':
      return { kind: 'regex', config: wrap(`        location / { if ($uri ~ "${pattern}") { return 200 hit; } return 404; }`), request: get('/' + text) }
    default:
      return { kind: 'regex', config: wrap('        location / { return 200 "$m"; }', `    map $http_x_probe $m { "~${pattern}" yes; default no; }`), request: get('/', 'localhost', `X-Probe: ${text}\r\n`) }
  }
})

const logFormats = fc.tuple(fc.integer({ min: 1, max: 6000 }), fc.integer({ min: 1, max: 5 }), fc.constantFrom('$request', '$http_user_agent', '$uri$args', '$time_local')).map(([repeat, logs, variable]): Case => {
  // Parameters of at most 200 variables each (nginx takes parameters up to 4 KB).
  const params = Array.from({ length: Math.ceil(repeat / 200) }, (_, i) => `'${Array.from({ length: Math.min(200, repeat - i * 200) }, () => variable).join(' ')} '`)
  const format = `    log_format big escape=${repeat % 2 ? 'json' : 'default'} ${params.join(' ')};`
  const accessLogs = Array.from({ length: logs }, (_, i) => `access_log /var/log/nginx/${i}.log big;`).join(' ')
  return { kind: 'log format', config: wrap(`        location / { ${accessLogs} return 200 ok; }`, format), request: get('/' + 'u'.repeat(3000), 'localhost', `User-Agent: ${'x'.repeat(2000)}\r\n`) }
})

const timeouts = fc.tuple(fc.constantFrom('proxy_read_timeout', 'proxy_send_timeout', 'proxy_connect_timeout', 'send_timeout', 'keepalive_timeout', 'client_header_timeout'), fc.constantFrom('30d', '365d', '2147483648ms', '25d', '1y', '9999999s', '0')).map(([directive, value]): Case => ({
  kind: 'huge timeout',
  config: wrap(`        location / { proxy_pass http://127.0.0.1:8010; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection upgrade; ${directive} ${value}; }`),
  request: 'GET /?room=t HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
}))

const redirects = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('uri', 'named'), fc.boolean()).map(([rewrites, target, recursive]): Case => {
  const chain = Array.from({ length: rewrites }, (_, i) => `        location = /r${i} { rewrite ^ /r${i + 1} last; }`).join('\n')
  const page = target === 'named' ? 'error_page 404 @e;\n        location @e { return 404; }' : 'error_page 404 /e;\n        location = /e { return 404; }'
  return { kind: 'redirect loop', config: wrap(`        recursive_error_pages ${recursive ? 'on' : 'off'};\n        ${page}\n${chain}\n        location = /r${rewrites} { return 404; }`), request: get('/r0') }
})

const prototypeNames = fc.tuple(name, name, name).map(([variable, capture, upstream]): Case => ({
  kind: 'prototype name',
  config: wrap(
    `        location ~ ^/(?<${capture}>[a-z]+)$ { set $${variable} "$${capture}"; add_header X-V "$${variable}" always; proxy_pass http://${upstream}; }`,
    `    upstream ${upstream} { server 127.0.0.1:8010; }\n    map $uri $${variable}_map { default $${capture}; }\n    log_format ${variable} '$${variable}';`,
  ),
  request: get(`/${capture.replace(/[^a-z]/gi, '') || 'p'}`, variable),
}))

const seeds: Case[] = ATTACKS.filter((a) => a.config !== null).map((a) => ({ kind: 'seed', config: a.config!, request: get('/' + 'a'.repeat(40) + '!') }))

const hostileCase = fc.oneof(mapCycle, doublings, fanOut, regexes, logFormats, timeouts, redirects, prototypeNames)

// As the lab server installs it.
installRegexBudget()

const counts = new Map<string, number>()
const delay = monitorEventLoopDelay({ resolution: 10 })

afterAll(() => {
  delay.disable()
  console.log(`hostile configs run: ${[...counts].map(([kind, n]) => `${kind} ${n}`).join(', ')}; event-loop delay max ${(delay.max / 1e6).toFixed(1)} ms`)
})

/** A long text shortened for a failure message (the cases are up to 64 KiB). */
const short = (text: string): string => JSON.stringify(text.length > 400 ? `${text.slice(0, 300)}…(${text.length} chars)` : text)

/** Applies the case's config in a fresh session and sends its request; asserts containment was never needed. */
async function run(testCase: Case): Promise<void> {
  counts.set(testCase.kind, (counts.get(testCase.kind) ?? 0) + 1)
  const session = new Session(`fuzz${counts.size}`, limits)
  try {
    // A config over the lab's size limit is refused before the engine sees it: nothing to run.
    if (Buffer.byteLength(testCase.config) > limits.configBytes) return
    const about = `${testCase.kind}: ${short(testCase.config)} / ${short(testCase.request)}`
    const started = performance.now()
    const applied = await session.apply(testCase.config)
    expect(performance.now() - started, about).toBeLessThan(BLOCK_BUDGET_MS)
    if (!applied.applied) return
    const answer = await session.raw({ request: testCase.request, port: 8020 })
    expect(session.stopReason, about).toBeNull()
    // The proxy took the connection and traced what it did with it (an answer may still be on its way).
    expect(answer.events.some((e) => e.type === 'connection.accepted'), about).toBe(true)
  } finally {
    await session.close()
  }
}

describe('hostile configs through a lab session', () => {
  it('every attack of the hostile suite, as a seed', async () => {
    delay.enable()
    for (const seed of seeds) await run(seed)
  }, 120_000)

  it(`${RUNS} configs from the grammar: contained, and never holding the loop past the budget`, async () => {
    delay.enable()
    delay.reset()
    await fc.assert(fc.asyncProperty(hostileCase, run), {
      numRuns: RUNS,
      seed: Number(process.env.UL_HOSTILE_SEED ?? 20261205),
      // The failure's own message names the case, shortened; the whole case would be 64 KiB.
      reporter: (details) => {
        if (details.failed) throw new Error(`hostile case failed (seed ${details.seed}, path ${details.counterexamplePath}): ${String(details.errorInstance)}`.slice(0, 3000))
      },
    })
    expect(delay.max / 1e6).toBeLessThan(BLOCK_BUDGET_MS)
  }, 600_000)
})
