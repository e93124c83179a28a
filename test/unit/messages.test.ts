/**
 * nginx's messages, pinned verbatim: each case is a config and the exact line `nginx -t`
 * prints first for it (nginx 1.22.1; the differential suites check the same against the
 * real binary). In server bodies the first directive is on line 5, in http bodies on line 3.
 */
import { describe, expect, it } from 'vitest'
import { FILE, firstLine, inHttp, inServer } from './helpers.ts'

const at = (line: number): string => ` in ${FILE}:${line}`
const emerg = (message: string, line?: number): string => `nginx: [emerg] ${message}${line === undefined ? '' : at(line)}`
const warn = (message: string, line?: number): string => `nginx: [warn] ${message}${line === undefined ? '' : at(line)}`

const CANONICAL_MAP = 'map $http_upgrade $connection_upgrade { default upgrade; \'\' close; }'

const cases: Array<[string, string, string]> = [
  // Lexer and parser (ngx_conf_read_token, ngx_conf_parse)
  ['a } with no block open', 'events {}\n}\n', emerg('unexpected "}"', 2)],
  ['a missing ; before }', inServer('location / { proxy_pass http://127.0.0.1:8010 }'), emerg('unexpected "}"', 5)],
  ['a stray {', 'events {}\n{\n}\n', emerg('unexpected "{"', 2)],
  ['a stray ;', 'events {};\n', emerg('unexpected ";"', 1)],
  ['text right after a closing quote', 'events {}\nhttp { server_name "a"b; }\n', emerg('unexpected "b"', 2)],
  ['the end of the file inside a block', 'events {}\nhttp {\n', emerg('unexpected end of file, expecting "}"', 3)],
  ['the end of the file inside a directive', 'events {}\nhttp {\nserver_tokens off', emerg('unexpected end of file, expecting ";" or "}"', 3)],
  ['an unterminated quote', 'events {}\nhttp {\nserver_tokens "off;\n}\n', emerg('unexpected end of file, expecting ";" or "}"', 5)],
  ['a token of 4096 bytes', `events {}\n# ${'x'.repeat(5000)}\n`, emerg('too long parameter "# xxxxxxxx..." started', 2)],

  // Generic checks (ngx_conf_handler), in nginx's order
  ['an unknown directive', inServer('proxy_http_versoin 1.1;'), emerg('unknown directive "proxy_http_versoin"', 5)],
  ['a directive in the wrong block', inServer(CANONICAL_MAP), emerg('"map" directive is not allowed here', 5)],
  ['location at http level', inHttp('location / { }'), emerg('"location" directive is not allowed here', 3)],
  ['a simple directive followed by {', inServer('location / { proxy_pass http://x {\n} }'), emerg('directive "proxy_pass" is not terminated by ";"', 5)],
  ['a block directive without {', inServer('location /ws;'), emerg('directive "location" has no opening "{"', 5)],
  ['too few arguments', inServer('location / { proxy_set_header Upgrade; }'), emerg('invalid number of arguments in "proxy_set_header" directive', 5)],
  ['two directives merged by a missing ;', inServer('location / {\nproxy_http_version 1.1\nproxy_set_header Upgrade $http_upgrade;\n}'), emerg('invalid number of arguments in "proxy_http_version" directive', 7)],
  ['a flag that is not on or off', inServer('location / { proxy_buffering yes; }'), emerg('invalid value "yes" in "proxy_buffering" directive, it must be "on" or "off"', 5)],
  ['a bad time', inServer('location / { proxy_read_timeout 10x; }'), emerg('"proxy_read_timeout" directive invalid value', 5)],
  ['a bad enum value', inServer('location / { proxy_http_version 2.0; }'), emerg('invalid value "2.0"', 5)],
  ['a repeated single-valued directive', inServer('location / { proxy_read_timeout 1s; proxy_read_timeout 2s; }'), emerg('"proxy_read_timeout" directive is duplicate', 5)],
  ['a bad bitmask value', inServer('location / { proxy_next_upstream sometimes; }'), emerg('invalid value "sometimes"', 5)],
  ['a bad number', 'events { worker_connections 1k; }\n', emerg('invalid number "1k"', 1)],

  // Variables
  ['a variable nothing defines', inServer('location / { proxy_set_header Connection $connection_upgrade; proxy_pass http://127.0.0.1:8010; }'), emerg('unknown "connection_upgrade" variable')],
  ['a lone $', inServer('add_header X $;'), emerg('invalid variable name', 5)],
  ['an unclosed ${', inServer('add_header X ${host;'), emerg('the closing bracket in "host" variable is missing', 5)],
  ['set on a read-only variable', inServer('set $host x;'), emerg('the duplicate "host" variable', 5)],
  ['set without $', inServer('set host x;'), emerg('invalid variable name "host"', 5)],

  // map
  ['a map entry without a value', inHttp("map $http_upgrade $c {\ndefault upgrade;\n'';\n}"), emerg('invalid number of the map parameters', 5)],
  ['two default entries', inHttp('map $a $b {\ndefault 1;\ndefault 2;\n}'), emerg('duplicate default map parameter', 5)],
  ['a key given twice', inHttp('map $a $b {\nWebSocket 1;\nwebsocket 2;\n}'), emerg('conflicting parameter "websocket"', 5)],
  ['a map target without $', inHttp('map $a b { }'), emerg('invalid variable name "b"', 3)],
  ['a bad regex key', inHttp('map $a $b {\n~^(x 1;\n}'), emerg('pcre2_compile() failed: missing closing parenthesis in "^(x"', 4)],

  // server, listen, server_name
  ['a bad port', inHttp('server { listen 127.0.0.1:99999; }'), emerg('invalid port in "127.0.0.1:99999" of the "listen" directive', 3)],
  ['an unknown listen parameter', inHttp('server { listen 80 fast; }'), emerg('invalid parameter "fast"', 3)],
  ['two default servers', inHttp('server { listen 80 default_server; }\nserver { listen 80 default_server; }'), emerg('a duplicate default server for 0.0.0.0:80', 4)],
  ['one address twice in a server', inHttp('server { listen 80; listen 80; }'), emerg('a duplicate listen 0.0.0.0:80', 3)],
  ['a bad wildcard name', inServer('server_name *app.test;'), emerg('server name "*app.test" is invalid', 5)],
  ['two servers with one name', inHttp('server { listen 80; server_name a.test; }\nserver { listen 80; server_name a.test; }'), warn('conflicting server name "a.test" on 0.0.0.0:80, ignored')],
  ['a name with a slash', inServer('server_name a.test/x;'), warn('server name "a.test/x" has suspicious symbols', 5)],

  // location
  ['an unknown modifier', inServer('location ~~ /x { }'), emerg('invalid location modifier "~~"', 5)],
  ['a location twice', inServer('location /ws { }\nlocation /ws { }'), emerg(`duplicate location "/ws" in ${FILE}:6`)],
  ['a nested location outside its parent', inServer('location /a {\nlocation /b { }\n}'), emerg('location "/b" is outside location "/a"', 6)],
  ['a location inside an exact one', inServer('location = /a {\nlocation /a/b { }\n}'), emerg('location "/a/b" cannot be inside the exact location "/a"', 6)],
  ['a nested named location', inServer('location /a {\nlocation @b { }\n}'), emerg('named location "@b" can be on the server level only', 6)],
  ['proxy_pass with a URI in a regex location', inServer('location ~ ^/ws { proxy_pass http://127.0.0.1:8010/x; }'), emerg('"proxy_pass" cannot have URI part in location given by regular expression, or inside named location, or inside "if" statement, or inside "limit_except" block', 5)],
  ['root after alias', inServer('location /a/ { alias /x/; root /y; }'), emerg('"root" directive is duplicate, "alias" directive was specified earlier', 5)],

  // upstream and proxy_pass
  ['an empty upstream', inHttp('upstream backend {\n}'), emerg('no servers are inside upstream', 4)],
  ['an upstream twice', inHttp('upstream b { server 127.0.0.1:1; }\nupstream b { server 127.0.0.1:2; }'), emerg('duplicate upstream "b"', 4)],
  ['an upstream name that is not defined', inServer('location / { proxy_pass http://backend; }'), emerg(`host not found in upstream "backend" in ${FILE}:5`)],
  ['a placeholder port', inHttp('upstream u { server ip:port; }'), emerg('invalid port in upstream "ip:port"', 3)],
  ['an unknown server parameter', inHttp('upstream u { server 127.0.0.1:1 slow_start=10s; }'), emerg('invalid parameter "slow_start=10s"', 3)],
  ['backup with ip_hash', inHttp('upstream u { ip_hash; server 127.0.0.1:1 backup; }'), emerg('balancing method does not support parameter "backup"', 3)],
  ['two balancing methods', inHttp('upstream u { least_conn; ip_hash; server 127.0.0.1:1; }'), warn('load balancing method redefined', 3)],
  ['keepalive 0', inHttp('upstream u { server 127.0.0.1:1; keepalive 0; }'), emerg('invalid value "0" in "keepalive" directive', 3)],
  ['hash with a bad flag', inHttp('upstream u { hash $remote_addr fast; server 127.0.0.1:1; }'), emerg('invalid parameter "fast"', 3)],
  ['proxy_pass without a scheme', inServer('location / { proxy_pass 127.0.0.1:8010; }'), emerg('invalid URL prefix', 5)],
  ['proxy_redirect default before proxy_pass', inServer('location / { proxy_redirect default; proxy_pass http://127.0.0.1:1; }'), emerg('"proxy_redirect default" should be placed after the "proxy_pass" directive', 5)],
  ['too few proxy_buffers', inServer('location / { proxy_buffers 1 4k; }'), emerg('there must be at least 2 "proxy_buffers"', 7)],

  // rewrite module
  ['a bad return code', inServer('return ok;'), emerg('invalid return code "ok"', 5)],
  ['a bad rewrite flag', inServer('rewrite ^ /x perm;'), emerg('invalid parameter "perm"', 5)],
  ['if without parentheses', inServer('location / { if $http_upgrade { } }'), emerg('invalid condition "$http_upgrade"', 5)],
  ['if with ==', inServer('location / { if ($a == b) { } }'), emerg('unexpected "==" in condition', 5)],

  // logs
  ['an undefined log format', inServer('access_log logs/a.log main;'), emerg('unknown log format "main"', 5)],
  ['a log format twice', inHttp('log_format f x;\nlog_format f y;'), emerg('duplicate "log_format" name "f"', 4)],
  ['a bad access_log parameter', inServer('access_log a.log combined rotate=1d;'), emerg('invalid parameter "rotate=1d"', 5)],
  ['a bad error_log level', 'error_log logs/error.log loud;\nevents {}\n', emerg('invalid log level "loud"', 1)],
  ['two error_log levels', 'error_log logs/error.log warn info;\nevents {}\n', emerg('duplicate log level "info"', 1)],

  // headers, error_page, index, types
  ['add_header with a bad flag', inServer('add_header X y sometimes;'), emerg('invalid parameter "sometimes"', 5)],
  ['an error_page code below 300', inServer('error_page 200 /x;'), emerg('value "200" must be between 300 and 599', 5)],
  ['an error_page code that is not a number', inServer('error_page 5xx /x;'), emerg('invalid value "5xx"', 5)],
  ['an empty index', inServer('index a.html "";'), emerg('index "a.html" in "index" directive is invalid', 5)],
  ['an extension in two types', inServer('types {\ntext/html html;\ntext/plain html;\n}'), warn('duplicate extension "html", content type: "text/plain", previous content type: "text/html"', 7)],

  // ssl
  ['ssl on', inServer('ssl on;'), warn('the "ssl" directive is deprecated, use the "listen ... ssl" directive instead', 5)],
  ['listen ssl without a certificate', inHttp('server {\nlisten 443 ssl;\n}'), emerg(`no "ssl_certificate" is defined for the "listen ... ssl" directive in ${FILE}:3`)],
  ['a session cache of 1k', inServer('ssl_session_cache shared:SSL:1k;'), emerg('session cache "shared:SSL:1k" is too small', 5)],
  ['a bad session cache', inServer('ssl_session_cache memory;'), emerg('invalid session cache "memory"', 5)],

  // main context
  ['worker_processes that is not a number', 'worker_processes many;\nevents {}\n', emerg('"worker_processes" directive invalid value', 1)],
  ['events twice', 'events {}\nevents {}\n', emerg('"events" directive is duplicate', 2)],
  ['no events block', 'http {}\n', emerg('no "events" section in configuration')],
  ['an include that is not there', 'events {}\ninclude conf.d/ws.conf;\n', emerg('open() "/etc/nginx/conf.d/ws.conf" failed (2: No such file or directory)', 2)],
]

describe('nginx messages', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(firstLine(text)).toBe(expected)
  })

  it('accepts the canonical WebSocket config', () => {
    const text = inServer(`location /ws {
proxy_pass http://127.0.0.1:8010;
proxy_http_version 1.1;
proxy_set_header Upgrade $http_upgrade;
proxy_set_header Connection $connection_upgrade;
}`).replace('http {\n', `http {\n${CANONICAL_MAP}\n`)
    expect(firstLine(text)).toBe('ok')
  })
})

describe('diagnostic codes', () => {
  it('are listed in docs/diagnostics.md exactly as in DIAGNOSTIC_CODES, each with its voice', async () => {
    const { readFileSync } = await import('node:fs')
    const { DIAGNOSTIC_CODES } = await import('../../server/nginx/diagnostics.ts')
    const doc = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8')
    const listed = [...doc.matchAll(/^\| `([A-Z0-9_]+)` \| (nginx|Upgrade Lab) \|/gm)].map((m) => [m[1], m[2]])
    const codes = Object.entries(DIAGNOSTIC_CODES).map(([code, text]) => [code, text.startsWith('nginx:') ? 'nginx' : 'Upgrade Lab'])
    expect(listed).toEqual(codes)
    for (const [code, voice] of codes) expect(code.startsWith(voice === 'nginx' ? 'NGINX_' : 'LAB_'), code).toBe(true)
  })
})
