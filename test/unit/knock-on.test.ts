/**
 * Knock-ons (server/nginx/knock-on*.ts): each rule with a cause and what follows from it,
 * findings that only look related left unmarked, and every check fixture's marks pinned.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeHost } from '../../server/cli/node-host.ts'
import { check, virtualHost, type CheckOptions } from '../../server/nginx/index.ts'
import { describeFindings } from '../../server/nginx/findings.ts'
import { knockOns } from '../../server/nginx/knock-on.ts'
import { KNOCK_ON_RULES } from '../../server/nginx/knock-on-rules.ts'
import { FILE } from './helpers.ts'

/** Each knock-on as `LINE:COL message <- LINE:COL (rule)`, in nginx's order. */
function marks(text: string, options: CheckOptions = {}): string[] {
  const result = check(text, { file: FILE, ...options })
  const rules = knockOns(result.diagnostics, result.files)
  return describeFindings(result.diagnostics, result.files).flatMap((f, i) =>
    f.causedBy ? [`${f.line}:${f.column} ${f.text} <- ${f.causedBy.file === f.file ? '' : f.causedBy.file + ':'}${f.causedBy.line}:${f.causedBy.column} (${rules[i]?.rule})`] : [],
  )
}

const lines = (...list: string[]): string => list.join('\n') + '\n'
const tested = new Set<string>()
function rule(name: string, fn: () => void): void {
  tested.add(name)
  it(name, fn)
}

describe('knock-on rules', () => {
  rule('unclosed-quote', () => {
    // The quote swallows the rest of the file: the events block and the map defined there are lost.
    expect(marks(lines('http {', '    server { listen 8080; return 200 "unclosed; }', '}', 'events {}'))).toEqual([
      '1:1 no "events" section in configuration <- 2:38 (unclosed-quote)',
    ])
    expect(marks(lines('events {}', 'http {', '    server { listen 8080; return 200 "oops; }', '    map $http_upgrade $connection_upgrade { default upgrade; }', '    server { listen 8081; location / { proxy_set_header Connection $connection_upgrade; } }', '}'))).toEqual([
      '3:38 unknown "connection_upgrade" variable <- 3:38 (unclosed-quote)',
    ])
    // The statement whose quote swallowed the rest: its words are not what was written.
    expect(marks(lines('events {}', 'http { server { listen 8080; location / {', "    proxy_pass 'http://backend;", '} } }')).map((m) => m.replace(/"backend;[^"]*"/, '"backend;…"'))).toEqual([
      '3:5 host not found in upstream "backend;…" in /etc/nginx/nginx.conf:5 <- 3:16 (unclosed-quote)',
    ])
  })

  rule('split-word', () => {
    // `"upgrade"d`: nginx reports the "d", then reads it as a word of its own.
    expect(marks(lines('events {}', 'http { server { listen 8080; add_header X-A "upgrade"d; } }'))).toEqual(['2:54 invalid parameter "d" <- 2:54 (split-word)'])
    expect(marks(lines('events {}', 'http { server { listen 8080; return 200 "x"y; } }'))).toEqual([
      '2:30 invalid number of arguments in "return" directive <- 2:44 (split-word)',
    ])
    // `"a"}`: the "}" is reported twice, once glued to the quote and once as a "}" after words.
    expect(marks(lines('events {}', 'http { server { listen 8080; location / { add_header X "a"} } }'))).toEqual(['2:59 unexpected "}" <- 2:59 (split-word)'])
  })

  rule('missing-brace', () => {
    // The "}" meant for the location closes the server: the next location lands in http, and the last "}" is one too many.
    expect(
      marks(lines('events {}', 'http {', '    server { listen 8080;', '        location /a', '            return 200;', '        }', '        location /b { return 201; }', '    }', '}')),
    ).toEqual(['7:9 "location" directive is not allowed here <- 4:9 (missing-brace)', '9:1 unexpected "}" <- 4:9 (missing-brace)'])
  })

  rule('brace-in-word', () => {
    // `{2}` unquoted: "{" opens the location's block early and "2}$ {" opens another.
    expect(marks(lines('events {}', 'http { server { listen 8080;', '    location ~ ^/ws/[0-9]{2}$ {', '        return 204;', '    }', '} }'))).toEqual([
      '7:1 unexpected end of file, expecting "}" <- 3:27 (brace-in-word)',
    ])
  })

  rule('empty-upstream', () => {
    // The one server line is refused, so the upstream is empty, which nginx says again when http closes.
    expect(marks(lines('events {}', 'http {', '    upstream b { server 127.0.0.1:8010 weight=0; }', '    server { listen 8080; location / { proxy_pass http://b; } }', '}'))).toEqual([
      '3:14 no servers are inside upstream <- 3:40 (empty-upstream)',
      '3:5 no servers in upstream "b" <- 3:40 (empty-upstream)',
    ])
    // A misspelt server line.
    expect(marks(lines('events {}', 'http {', '    upstream b { sever 127.0.0.1:8010; }', '}'))).toEqual([
      '3:14 no servers are inside upstream <- 3:18 (empty-upstream)',
      '3:5 no servers in upstream "b" <- 3:18 (empty-upstream)',
    ])
    // A missing ";" merges two server lines into one refused line.
    expect(marks(lines('events {}', 'http {', '    upstream b {', '        server 127.0.0.1:8010', '        server 127.0.0.1:8011;', '    }', '}'))).toEqual([
      '3:14 no servers are inside upstream <- 5:9 (empty-upstream)',
      '3:5 no servers in upstream "b" <- 5:9 (empty-upstream)',
    ])
  })

  rule('refused-variable-definition', () => {
    expect(marks(lines('events {}', 'http { server { listen 8080;', '    map $http_upgrade $connection_upgrade { default upgrade; }', '    location / { proxy_set_header Connection $connection_upgrade; }', '} }'))).toEqual([
      '4:46 unknown "connection_upgrade" variable <- 3:5 (refused-variable-definition)',
    ])
    expect(marks(lines('events {}', 'http { server { listen 8080; set $x 1 2; return 200 $x; } }'))).toEqual([
      '2:53 unknown "x" variable <- 2:30 (refused-variable-definition)',
    ])
    // Misspelt: an unknown directive one letter off "map", defining the same variable.
    expect(marks(lines('events {}', 'http {', '    mpa $http_upgrade $connection_upgrade { default upgrade; }', '    server { listen 8080; location / { proxy_set_header Connection $connection_upgrade; } }', '}'))).toEqual([
      '4:68 unknown "connection_upgrade" variable <- 3:5 (refused-variable-definition)',
    ])
  })

  rule('refused-capture', () => {
    expect(marks(lines('events {}', 'http {', '    map $uri $room {', '        ~^/chat/(?<r>[a-z0-9+)$ room-$r;', '    }', '}'))).toEqual([
      '4:33 unknown "r" variable <- 4:9 (refused-capture)',
    ])
  })

  rule('refused-upstream', () => {
    expect(marks(lines('events {}', 'http { server { listen 8080;', '    upstream b { server 127.0.0.1:8010; }', '    location / { proxy_pass http://b; }', '} }'))).toEqual([
      '4:18 host not found in upstream "b" <- 3:5 (refused-upstream)',
    ])
    expect(marks(lines('events {}', 'http {', '    upstrem b { server 127.0.0.1:8010; }', '    server { listen 8080; location / { proxy_pass http://b; } }', '}'))).toEqual([
      '4:40 host not found in upstream "b" <- 3:5 (refused-upstream)',
    ])
  })

  rule('refused-events', () => {
    expect(marks(lines('http {', '    events {}', '}'))).toEqual(['1:1 no "events" section in configuration <- 2:5 (refused-events)'])
    expect(marks(lines('event {}', 'http {}'))).toEqual(['1:1 no "events" section in configuration <- 1:1 (refused-events)'])
  })

  rule('refused-certificate', () => {
    const host = virtualHost({ '/etc/nginx/a.crt': 'x', '/etc/nginx/a.key': 'x' })
    expect(marks(lines('events {}', 'http { server {', '    listen 8443 ssl;', '    ssl_certificate a.crt a.key;', '} }'), { host })).toEqual([
      '2:8 no "ssl_certificate" is defined for the "listen ... ssl" directive <- 4:5 (refused-certificate)',
    ])
  })

  it('has a test for every rule', () => {
    expect([...tested].sort()).toEqual(KNOCK_ON_RULES.map((r) => r.name).sort())
  })
})

describe('findings that only look related stay unmarked', () => {
  it.each([
    ['a map entry without its value, then the map\'s "}" without a ";"', lines('events {}', 'http {', '    map $http_upgrade $connection_upgrade {', "        ''", '    }', '}')],
    ['a log format nothing defines, then a "}" without a ";"', lines('events {}', 'http { server { listen 8080; access_log /tmp/a.log main', '} }')],
    ['wrong arguments, then the end of the file without a ";"', 'events {}\nhttp { server { listen 8080; } }\nworker_processes 1 2'],
  ])('%s: two mistakes in one statement, each there whatever the other', (_name, text) => {
    expect(marks(text)).toEqual([])
    expect(check(text, { file: FILE }).diagnostics.filter((d) => d.severity === 'emerg').length).toBeGreaterThan(1)
  })

  it('an unknown variable beside an empty upstream', () => {
    expect(marks(lines('events {}', 'http {', '    upstream b { }', '    server { listen 8080; return 200 $nothing; }', '}'))).toEqual([
      '3:5 no servers in upstream "b" <- 3:14 (empty-upstream)',
    ])
  })

  it('a "}" glued to a quote, and a "}" too many later', () => {
    // The glued "}" closes the location as written: the last "}" is one too many whatever the first was meant to be.
    expect(marks(lines('events {}', 'http { server { listen 8080; location / { add_header X "a"}', '    }', '}', '}'))).toEqual([
      '2:59 unexpected "}" <- 2:59 (split-word)',
    ])
  })

  it.each([
    ['two misspelt directives', lines('events {}', 'http { server { listen 8080; location / {', '    proxy_http_versoin 1.1;', '    proxy_set_heder Upgrade $http_upgrade;', '} } }')],
    ['an undefined variable beside a refused map that defines another', lines('events {}', 'http {', '    map $a { default 1; }', '    server { listen 8080; return 200 $connection_upgrade; }', '}')],
    ['an undefined variable in a refused if', lines('events {}', 'http { server { listen 8080; if ($a ~~ b) { return 200; } } }')],
    ['an undefined variable in a statement cut short by the end of the file', 'events {}\nhttp { server { listen 8080; set $x $undefined'],
    ['an undefined variable in a statement split at a quote', lines('events {}', 'http { log_format main "a"$undefined; server { listen 8080; } }')],
  ])('%s', (_name, text) => {
    const result = check(text, { file: FILE })
    const findings = describeFindings(result.diagnostics, result.files).filter((f) => f.severity !== 'lab')
    expect(findings.length).toBeGreaterThan(1)
    expect(findings.filter((f) => f.causedBy).map((f) => f.text)).toEqual([])
  })
})

// Every fixture's knock-ons, found by running `check --all` on them: the rest have none.
const FIXTURE_MARKS: Record<string, string[]> = {
  'dir-events-bad-argument': ['1:1 <- 2:1'],
  'dir-events-bad-inside-http': ['1:1 <- 3:5'],
  'dir-map-bad-regex': ['6:33 <- 6:9'],
  'dir-ssl-certificate-bad-args': ['5:5 <- 7:9'],
  'dir-upstream-server-bad-fail-timeout': ['5:14 <- 6:31', '5:5 <- 6:31'],
  'dir-upstream-server-bad-max-fails': ['5:14 <- 6:31', '5:5 <- 6:31'],
  'dir-upstream-server-bad-no-address': ['5:14 <- 6:9', '5:5 <- 6:9'],
  'dir-upstream-server-bad-param': ['5:14 <- 6:31', '5:5 <- 6:31'],
  'dir-upstream-server-bad-port': ['5:14 <- 6:16', '5:5 <- 6:16'],
  'dir-upstream-server-bad-scheme': ['5:14 <- 6:16', '5:5 <- 6:16'],
  'dir-upstream-server-bad-weight': ['5:14 <- 6:31', '5:5 <- 6:31'],
  'err-location-without-brace': ['22:1 <- 15:9'],
  'err-map-inside-server': ['22:41 <- 14:9'],
  'err-upstream-empty': ['12:5 <- 12:14'],
  'lex-quote-then-char-bad': ['8:37 <- 8:37'],
  'lex-quote-then-close-brace-bad': ['8:31 <- 8:31'],
  'lex-quote-then-quote-bad': ['8:32 <- 8:32'],
  'lex-regex-brace-unquoted-bad': ['12:1 <- 7:31'],
  'lex-single-quote-then-char-bad': ['8:32 <- 8:32'],
  'multi-empty-upstream-vs-unknown-variable': ['5:5 <- 5:14'],
  'seed-003-ws-as-is': ['4:10 <- 4:27', '4:1 <- 4:27'],
  'seed-003-wss-as-is': ['4:10 <- 4:27', '4:1 <- 4:27'],
}

describe('on the check fixtures', () => {
  const root = join(import.meta.dirname, '../fixtures/check')
  const names = readdirSync(root).filter((name) => existsSync(join(root, name, 'nginx.conf'))).sort()
  it.each(names)('%s: the knock-ons found by experiment, and no other', (name) => {
    const file = join(root, name, 'nginx.conf')
    const result = check(readFileSync(file, 'utf8'), { file, host: nodeHost() })
    const marked = describeFindings(result.diagnostics, result.files).flatMap((f) => (f.causedBy ? [`${f.line}:${f.column} <- ${f.causedBy.line}:${f.causedBy.column}`] : []))
    expect(marked).toEqual(FIXTURE_MARKS[name] ?? [])
  })

  it('pins only fixtures that exist', () => {
    expect(Object.keys(FIXTURE_MARKS).filter((name) => !names.includes(name))).toEqual([])
  })
})
