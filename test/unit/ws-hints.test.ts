/**
 * The WebSocket hints (server/nginx/hints/, docs/diagnostics.md): for each, a config where it
 * fires (code, range, both messages) and near misses where it does not; none but the advice on
 * the canonical recipe; exactly the true ones on every seed fixture; the version they model.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeHost } from '../../server/cli/node-host.ts'
import { check, virtualHost, type Diagnostic } from '../../server/nginx/index.ts'
import type { Range } from '../../server/nginx/source.ts'
import { FILE } from './helpers.ts'

const FIXTURES = join(import.meta.dirname, '../fixtures/check')

const MAP = `    map $http_upgrade $connection_upgrade {
        default upgrade;
        '' close;
    }`

/**
 * A whole config: the map (or `http`) on lines 3-6, a server from line 7, `server` lines after
 * its listen, then `location /ws` with these lines.
 */
function ws(location: string[], options: { http?: string; server?: string[] } = {}): string {
  return [
    'events {}',
    'http {',
    options.http ?? MAP,
    '    server {',
    '        listen 8080;',
    ...(options.server ?? []).map((l) => `        ${l}`),
    '        location /ws {',
    ...location.map((l) => `            ${l}`),
    '        }',
    '    }',
    '}',
    '',
  ].join('\n')
}

/** The recipe, with nothing to hint: proxy_http_version 1.1, both headers, a read timeout written out. */
const RECIPE = [
  'proxy_pass http://127.0.0.1:8010;',
  'proxy_http_version 1.1;',
  'proxy_set_header Upgrade $http_upgrade;',
  'proxy_set_header Connection $connection_upgrade;',
  'proxy_read_timeout 1h;',
]

/** The recipe with its line starting with `start` replaced (or removed, with no replacement). */
function recipe(start: string, ...replacement: string[]): string[] {
  const i = RECIPE.findIndex((l) => l.startsWith(start))
  if (i < 0) throw new Error(`no line ${start}`)
  return [...RECIPE.slice(0, i), ...replacement, ...RECIPE.slice(i + 1)]
}

function hints(text: string, nginxVersion?: string, files: Record<string, string> = {}): Diagnostic[] {
  return check(text, { file: FILE, nginxVersion, host: virtualHost(files) }).diagnostics.filter((d) => d.code.startsWith('LAB_WS_'))
}

function codes(text: string, nginxVersion?: string): string[] {
  return hints(text, nginxVersion).map((d) => d.code)
}

/** The range of the `nth` occurrence of `words` in the text (1-based columns, end exclusive, as Monaco counts). */
function rangeOf(text: string, words: string, nth = 1): Range {
  const lines = text.split('\n')
  let seen = 0
  for (let i = 0; i < lines.length; i++) {
    for (let at = lines[i].indexOf(words); at >= 0; at = lines[i].indexOf(words, at + 1)) {
      if (++seen === nth) return { line: i + 1, column: at + 1, endLine: i + 1, endColumn: at + 1 + words.length }
    }
  }
  throw new Error(`"${words}" not in the text`)
}

function rangeOfHint(d: Diagnostic): Range {
  return { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn }
}

describe('the recipe itself', () => {
  it('gets no hint', () => {
    expect(hints(ws(RECIPE))).toEqual([])
    expect(hints(ws(RECIPE), '1.30.4')).toEqual([])
  })
})

describe('LAB_WS_MAP_MISSING', () => {
  const text = ws(RECIPE, { http: '    # no map' })

  it('fires at the use nginx names, beside its unknown-variable error', () => {
    const all = check(text, { file: FILE }).diagnostics
    const nginx = all.find((d) => d.code === 'NGINX_UNKNOWN_VARIABLE')!
    const [hint] = hints(text)
    expect(hints(text)).toHaveLength(1)
    expect(hint).toMatchObject({ severity: 'lab', code: 'LAB_WS_MAP_MISSING', file: FILE, nginxLine: null, lesson: 'connection-upgrade-map' })
    expect(hint.advice).toBeUndefined()
    expect(rangeOfHint(hint)).toEqual(rangeOf(text, '$connection_upgrade'))
    expect(rangeOfHint(hint)).toEqual(rangeOfHint(nginx))
    expect(hint.message).toBe(
      "$connection_upgrade is not one of nginx's variables: the WebSocket recipe's map makes it, and nothing in this config defines it (so nginx says unknown \"connection_upgrade\" variable). Put the map in the http block, outside every server: `map $http_upgrade $connection_upgrade { default upgrade; '' close; }`.",
    )
    expect(hint.messageZh).toBe(
      "$connection_upgrade 不是 nginx 自带的变量：它由 WebSocket 标准配置中的 map 定义，而这份配置里没有任何地方定义它（所以 nginx 报 unknown \"connection_upgrade\" variable）。把这个 map 放进 http 块，放在所有 server 之外：`map $http_upgrade $connection_upgrade { default upgrade; '' close; }`。",
    )
  })

  it('goes to the included file that uses the variable', () => {
    const main = ws(recipe('proxy_set_header Connection', 'include snippets/ws.conf;'), { http: '    # no map' })
    const snippet = 'proxy_set_header Connection $connection_upgrade;\n'
    const [hint] = hints(main, undefined, { '/etc/nginx/snippets/ws.conf': snippet })
    expect(hint).toMatchObject({ code: 'LAB_WS_MAP_MISSING', file: '/etc/nginx/snippets/ws.conf', ...rangeOf(snippet, '$connection_upgrade') })
    // nginx's own finding names the same file (the list's entries keep theirs).
    const nginx = check(main, { file: FILE, host: virtualHost({ '/etc/nginx/snippets/ws.conf': snippet }) }).diagnostics.find((d) => d.code === 'NGINX_UNKNOWN_VARIABLE')
    expect(nginx).toMatchObject({ file: '/etc/nginx/snippets/ws.conf', ...rangeOf(snippet, '$connection_upgrade') })
  })

  it('does not fire where the map, or a set, defines it', () => {
    expect(codes(ws(RECIPE))).toEqual([])
    expect(codes(ws(['set $connection_upgrade upgrade;', ...RECIPE], { http: '    # no map' }))).toEqual([])
  })
})

describe('LAB_WS_CONNECTION_HARDCODED', () => {
  it('fires on a literal "upgrade", on the directive\'s arguments', () => {
    const text = ws(recipe('proxy_set_header Connection', 'proxy_set_header Connection "upgrade";'))
    const [hint] = hints(text)
    expect(hints(text)).toHaveLength(1)
    expect(hint).toMatchObject({ severity: 'lab', code: 'LAB_WS_CONNECTION_HARDCODED', file: FILE, lesson: 'connection-upgrade-map', ...rangeOf(text, 'Connection "upgrade"') })
    expect(hint.message).toBe(
      "Connection is always \"upgrade\" here: every request proxied with this line reaches the backend with `Connection: upgrade`, plain HTTP ones too (a plain GET arrives with `Connection: upgrade` and no `Upgrade`). The map recipe says `upgrade` only when the client asked to upgrade, and `close` otherwise: `proxy_set_header Connection $connection_upgrade;` with `map $http_upgrade $connection_upgrade { default upgrade; '' close; }` in http.",
    )
    expect(hint.messageZh).toBe(
      "这里的 Connection 总是 \"upgrade\"：经这一行代理的每个请求都带着 `Connection: upgrade` 到达后端，普通 HTTP 请求也一样（一个普通 GET 到达时带 `Connection: upgrade`，却没有 `Upgrade`）。标准的 map 写法只在客户端请求升级时给出 `upgrade`，否则给出 `close`：`proxy_set_header Connection $connection_upgrade;`，并在 http 中写 `map $http_upgrade $connection_upgrade { default upgrade; '' close; }`。",
    )
  })

  it('goes in the included file that holds the line (Debian-style snippets)', () => {
    const snippet = 'proxy_http_version 1.1;\nproxy_set_header Upgrade $http_upgrade;\nproxy_set_header Connection "upgrade";\n'
    const text = ws(['proxy_pass http://127.0.0.1:8010;', 'include snippets/ws.conf;', 'proxy_read_timeout 1h;'])
    const found = hints(text, undefined, { '/etc/nginx/snippets/ws.conf': snippet })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ code: 'LAB_WS_CONNECTION_HARDCODED', file: '/etc/nginx/snippets/ws.conf', ...rangeOf(snippet, 'Connection "upgrade"') })
  })

  it('fires in any case and quoting, and at the http level too', () => {
    for (const line of ['proxy_set_header Connection upgrade;', "proxy_set_header connection 'UPGRADE';", 'proxy_set_header CONNECTION "keep-alive, Upgrade";']) {
      expect(codes(ws(recipe('proxy_set_header Connection', line))), line).toEqual(['LAB_WS_CONNECTION_HARDCODED'])
    }
    const text = ws(recipe('proxy_set_header Upgrade'), { http: `${MAP}\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection "upgrade";` })
    expect(hints(text).map((d) => [d.code, d.line])).toEqual([
      ['LAB_WS_CONNECTION_HARDCODED', 8],
      // The location's own Connection line hides the http block's list.
      ['LAB_WS_HEADERS_DROPPED', 14],
    ])
  })

  it('adds, where the upstream keeps connections, that the map should give \'\' there', () => {
    const upstream = (keepalive: string): string => `${MAP}\n    upstream chat {\n        server 127.0.0.1:8010;${keepalive}\n    }`
    const location = recipe('proxy_pass', 'proxy_pass http://chat;').map((l) => (l.startsWith('proxy_set_header Connection') ? "proxy_set_header Connection 'upgrade';" : l))
    const kept = ws(location, { http: upstream('\n        keepalive 8;') })
    const [hint] = hints(kept)
    expect(hint.message).toMatch(/ Its upstream "chat" keeps connections \(keepalive\): there, map '' to '' rather than to close, or each plain request ends the kept connection\.$/)
    expect(hint.messageZh).toMatch(/它的 upstream "chat" 会保持连接（keepalive）：这时应把 '' 映射为 ''，而不是 close，否则每个普通请求都会结束被保持的连接。$/)
    // Without a keepalive line: none on 1.22, the default 32 on 1.30 (for `upstream {}` blocks).
    const plain = ws(location, { http: upstream('') })
    expect(hints(plain)[0].message).not.toMatch(/keeps connections/)
    expect(hints(plain, '1.30.4')[0].message).toMatch(/Its upstream "chat" keeps connections/)
  })

  it('does not fire on the map\'s variable, an empty value, or another header', () => {
    expect(codes(ws(RECIPE))).toEqual([])
    expect(codes(ws(recipe('proxy_set_header Connection', 'proxy_set_header Connection "";')))).toEqual([])
    expect(codes(ws(recipe('proxy_set_header Connection', 'proxy_set_header Connection "close";')))).toEqual([])
    expect(codes(ws(recipe('proxy_set_header Connection', 'proxy_set_header Connection $connection_upgrade;', 'proxy_set_header X-Upgraded "upgrade";')))).toEqual([])
  })
})

describe('LAB_WS_HTTP10_UPGRADE', () => {
  const text = ws(recipe('proxy_http_version'))

  it('fires on 1.22.1, whose default is 1.0, at the Upgrade line', () => {
    const [hint] = hints(text)
    expect(hints(text)).toHaveLength(1)
    expect(hint).toMatchObject({ severity: 'lab', code: 'LAB_WS_HTTP10_UPGRADE', file: FILE, lesson: 'proxy-http-version', ...rangeOf(text, 'Upgrade $http_upgrade') })
    expect(hint.message).toBe(
      "nginx sends this upgrade to the backend as an HTTP/1.0 request: proxy_http_version is 1.0 (nginx 1.22.1's default). RFC 6455 needs HTTP/1.1 for a handshake, so a strict backend refuses it (the lab's chat server answers 400 \"upgrade requires HTTP/1.1\"); a bare Node ws server accepts it. Add `proxy_http_version 1.1;` beside proxy_pass.",
    )
    expect(hint.messageZh).toBe(
      "nginx 会以 HTTP/1.0 请求把这个升级发给后端：proxy_http_version 为 1.0（nginx 1.22.1 的默认值）。RFC 6455 要求握手使用 HTTP/1.1，所以严格的后端会拒绝它（本实验的聊天服务器回应 400 \"upgrade requires HTTP/1.1\"）；裸的 Node ws 服务器则会接受。在 proxy_pass 旁加上 `proxy_http_version 1.1;`。",
    )
  })

  it('does not fire on 1.30.4, whose default is 1.1, unless 1.0 is written out', () => {
    expect(codes(text, '1.30.4')).toEqual([])
    const explicit = ws(recipe('proxy_http_version', 'proxy_http_version 1.0;'))
    for (const version of ['1.22.1', '1.30.4']) {
      const [hint] = hints(explicit, version)
      expect(hints(explicit, version)).toHaveLength(1)
      expect(hint).toMatchObject({ code: 'LAB_WS_HTTP10_UPGRADE', ...rangeOf(explicit, 'Upgrade $http_upgrade') })
      expect(hint.message).toContain('proxy_http_version is 1.0 (set at line 11).')
      expect(hint.messageZh).toContain('proxy_http_version 为 1.0（在第 11 行设置）。')
    }
  })

  it('names the location when the Upgrade line stands in an outer block', () => {
    const outer = ws(['proxy_pass http://127.0.0.1:8010;', 'proxy_read_timeout 1h;'], {
      server: ['proxy_set_header Upgrade $http_upgrade;', 'proxy_set_header Connection $connection_upgrade;'],
    })
    const [hint] = hints(outer)
    expect(hints(outer)).toHaveLength(1)
    expect(hint).toMatchObject({ code: 'LAB_WS_HTTP10_UPGRADE', ...rangeOf(outer, 'Upgrade $http_upgrade') })
    expect(hint.message).toMatch(/^nginx sends this upgrade to the backend as an HTTP\/1\.0 request for location \/ws \(line 11\): /)
    expect(hint.messageZh).toMatch(/^对于 location \/ws（第 11 行），nginx 会以 HTTP\/1\.0 请求/)
  })

  it('names three locations, then how many more', () => {
    const locations = Array.from({ length: 5 }, (_, i) => `        location /l${i} { proxy_pass http://127.0.0.1:8010; proxy_read_timeout 1h; }`)
    const text = ['events {}', 'http {', '    proxy_set_header Upgrade $http_upgrade;', '    server {', '        listen 8080;', ...locations, '    }', '}', ''].join('\n')
    const found = hints(text)
    expect(found.map((d) => d.code)).toEqual(['LAB_WS_HTTP10_UPGRADE'])
    expect(found[0].message).toContain('as an HTTP/1.0 request for location /l0 (line 6), location /l1 (line 7), location /l2 (line 8) and 2 more: ')
    expect(found[0].messageZh).toMatch(/^对于 location \/l0（第 6 行）、location \/l1（第 7 行）、location \/l2（第 8 行）和另外 2 个块，nginx/)
  })

  it('does not fire with 1.1, with an empty Upgrade, or where nothing is proxied', () => {
    expect(codes(ws(RECIPE))).toEqual([])
    expect(codes(ws(recipe('proxy_http_version', 'proxy_http_version 1.1;').map((l) => l.replace('Upgrade $http_upgrade', 'Upgrade ""'))))).toEqual([])
    expect(codes(ws(recipe('proxy_pass').filter((l) => !l.startsWith('proxy_http_version'))))).toEqual([])
  })
})

describe('LAB_WS_HEADERS_SWAPPED', () => {
  it('fires on each of the two lines, with its own message', () => {
    const text = ws(
      recipe('proxy_set_header Upgrade', 'proxy_set_header Upgrade $connection_upgrade;').map((l) =>
        l.startsWith('proxy_set_header Connection') ? 'proxy_set_header Connection "${http_upgrade}";' : l,
      ),
    )
    const [upgrade, connection] = hints(text)
    expect(hints(text)).toHaveLength(2)
    expect(upgrade).toMatchObject({ code: 'LAB_WS_HEADERS_SWAPPED', lesson: 'connection-upgrade-map', ...rangeOf(text, 'Upgrade $connection_upgrade') })
    expect(upgrade.message).toBe(
      "Upgrade is given $connection_upgrade, the value meant for Connection (\"upgrade\" or \"close\"): a handshake reaches the backend with `Upgrade: upgrade` where RFC 6455 asks for `Upgrade: websocket`, so no WebSocket server accepts it, and a plain request carries `Upgrade: close`. The recipe is `proxy_set_header Upgrade $http_upgrade;` and `proxy_set_header Connection $connection_upgrade;`.",
    )
    expect(upgrade.messageZh).toBe(
      "Upgrade 被设成了 $connection_upgrade，而这个值（\"upgrade\" 或 \"close\"）是给 Connection 的：握手到达后端时带的是 `Upgrade: upgrade`，而 RFC 6455 要求 `Upgrade: websocket`，所以没有 WebSocket 服务器会接受它；普通请求还会带上 `Upgrade: close`。标准写法是 `proxy_set_header Upgrade $http_upgrade;` 和 `proxy_set_header Connection $connection_upgrade;`。",
    )
    expect(connection).toMatchObject({ code: 'LAB_WS_HEADERS_SWAPPED', ...rangeOf(text, 'Connection "${http_upgrade}"') })
    expect(connection.message).toBe(
      "Connection is given $http_upgrade, the value meant for Upgrade (\"websocket\"): a handshake reaches the backend with `Connection: websocket` where RFC 6455 asks for a Connection that includes \"Upgrade\". The recipe is `proxy_set_header Upgrade $http_upgrade;` and `proxy_set_header Connection $connection_upgrade;`.",
    )
    expect(connection.messageZh).toBe(
      "Connection 被设成了 $http_upgrade，而这个值（\"websocket\"）是给 Upgrade 的：握手到达后端时带的是 `Connection: websocket`，而 RFC 6455 要求 Connection 中包含 \"Upgrade\"。标准写法是 `proxy_set_header Upgrade $http_upgrade;` 和 `proxy_set_header Connection $connection_upgrade;`。",
    )
  })

  it('does not fire on the recipe, nor on a value that only contains the other variable', () => {
    expect(codes(ws(RECIPE))).toEqual([])
    expect(codes(ws([...RECIPE, 'proxy_set_header X-Upgrade "was $connection_upgrade";']))).toEqual([])
  })
})

describe('LAB_WS_HEADERS_DROPPED', () => {
  const SERVER = ['proxy_http_version 1.1;', 'proxy_read_timeout 1h;', 'proxy_set_header Upgrade $http_upgrade;', 'proxy_set_header Connection $connection_upgrade;', 'proxy_set_header Host $host;']

  it('fires at the first line of the block\'s own list, naming what it hides and where that is set', () => {
    const text = ws(['proxy_pass http://127.0.0.1:8010;', 'proxy_set_header X-Loc ws;'], { server: SERVER })
    const [hint] = hints(text)
    expect(hints(text)).toHaveLength(1)
    expect(hint).toMatchObject({ code: 'LAB_WS_HEADERS_DROPPED', lesson: 'hop-by-hop-headers', file: FILE, ...rangeOf(text, 'X-Loc ws') })
    expect(hint.message).toBe(
      "This proxy_set_header gives location /ws (line 14) a list of its own, which replaces the list of the server block at line 7: nginx inherits proxy_set_header all or nothing, so Upgrade (line 11), Connection (line 12) and Host (line 13) are not sent from here. Repeat them in this block, or move this block's headers out to the outer one.",
    )
    expect(hint.messageZh).toBe(
      "这条 proxy_set_header 让 location /ws（第 14 行）有了自己的列表，它取代了第 7 行的 server 块的列表：nginx 对 proxy_set_header 要么全部继承，要么全不继承，所以 Upgrade（第 11 行）、Connection（第 12 行）和 Host（第 13 行）不会从这里发出。请在这个块里重复它们，或把这个块的头移到外层块。",
    )
  })

  it('fires in a nested location, and names lines of another file by file and line', () => {
    const text = ws(['proxy_pass http://127.0.0.1:8010;', 'include snippets/ws.conf;', 'location /ws/debug {', '    proxy_pass http://127.0.0.1:8011;', '    proxy_set_header X-Debug 1;', '}'], {
      server: ['proxy_http_version 1.1;'],
    })
    const snippet = 'proxy_set_header Upgrade $http_upgrade;\nproxy_set_header Connection $connection_upgrade;\nproxy_read_timeout 1h;\n'
    const found = hints(text, undefined, { '/etc/nginx/snippets/ws.conf': snippet })
    expect(found.map((d) => d.code)).toEqual(['LAB_WS_HEADERS_DROPPED'])
    expect(found[0]).toMatchObject({ file: FILE, ...rangeOf(text, 'X-Debug 1') })
    expect(found[0].message).toMatch(
      /^This proxy_set_header gives location \/ws\/debug \(line 13\) a list of its own, which replaces the list of location \/ws \(line 10\): .* so Upgrade \(\/etc\/nginx\/snippets\/ws\.conf:1\) and Connection \(\/etc\/nginx\/snippets\/ws\.conf:2\) are not sent from here\./,
    )
    // An `if` takes no proxy_set_header (nginx: not allowed here), so it never hides the list.
  })

  it('says "is" for one header', () => {
    const text = ws([...RECIPE, 'proxy_set_header Host $host;'], { server: ['proxy_set_header X-Server yes;'] })
    expect(hints(text)[0].message).toContain('so X-Server (line 9) is not sent from here.')
  })

  it('does not fire where nothing is lost, nothing is proxied, or the block has no list of its own', () => {
    expect(codes(ws([...RECIPE, 'proxy_set_header Host $host;', 'proxy_set_header X-Loc ws;'], { server: SERVER.slice(2) }))).toEqual([])
    expect(codes(ws(['proxy_set_header X-Loc ws;'], { server: SERVER }))).toEqual([])
    expect(codes(ws(['proxy_pass http://127.0.0.1:8010;'], { server: SERVER }))).toEqual([])
  })
})

describe('LAB_WS_READ_TIMEOUT_DEFAULT', () => {
  const text = ws(recipe('proxy_read_timeout'))

  it('is advice, on the location\'s proxy_pass', () => {
    const [hint] = hints(text)
    expect(hints(text)).toHaveLength(1)
    expect(hint).toMatchObject({ severity: 'lab', code: 'LAB_WS_READ_TIMEOUT_DEFAULT', advice: true, lesson: 'timeouts-and-pings', ...rangeOf(text, 'http://127.0.0.1:8010') })
    expect(hint.message).toBe(
      'In location /ws (line 9), WebSockets are proxied (Upgrade is set from $http_upgrade) with proxy_read_timeout at its default, 60 s: nginx closes a tunnel in which nothing has passed for 60 s, so an idle chat drops unless one side sends something (a ping) sooner. If chats may stay idle longer, set proxy_read_timeout here (e.g. 1h), or have the client or the server ping.',
    )
    expect(hint.messageZh).toBe(
      'location /ws（第 9 行）代理 WebSocket（Upgrade 取自 $http_upgrade），而 proxy_read_timeout 保持默认值 60 秒：隧道中 60 秒没有任何数据经过，nginx 就会关闭它，所以空闲的聊天会断开，除非某一方在此之前发送数据（例如 ping）。如果聊天可能空闲更久，请在这里设置 proxy_read_timeout（例如 1h），或让客户端或服务器定时 ping。',
    )
  })

  it('does not fire with a timeout written out (even 60s, or in an outer block), or without Upgrade from $http_upgrade', () => {
    expect(codes(ws(recipe('proxy_read_timeout', 'proxy_read_timeout 60s;')))).toEqual([])
    expect(codes(ws(recipe('proxy_read_timeout'), { server: ['proxy_read_timeout 5m;'] }))).toEqual([])
    expect(codes(ws(['proxy_pass http://127.0.0.1:8010;', 'proxy_http_version 1.1;']))).toEqual([])
    expect(codes(ws(recipe('proxy_read_timeout').map((l) => l.replace('Upgrade $http_upgrade', 'Upgrade websocket'))))).toEqual([])
  })
})

describe('LAB_WS_CONNECTION_PASSED_THROUGH', () => {
  it('fires on Connection $http_connection', () => {
    const text = ws(recipe('proxy_set_header Connection', 'proxy_set_header Connection $http_connection;'))
    const [hint] = hints(text)
    expect(hints(text)).toHaveLength(1)
    expect(hint).toMatchObject({ code: 'LAB_WS_CONNECTION_PASSED_THROUGH', lesson: 'hop-by-hop-headers', ...rangeOf(text, 'Connection $http_connection') })
    expect(hint.message).toBe(
      "Connection is given the client's own Connection header here. That header is hop-by-hop: it speaks of the client's connection to nginx, yet it reaches the backend as it came (\"keep-alive\", \"close\", Firefox's \"keep-alive, Upgrade\"), and with upstream keepalive a client's \"close\" ends the connection nginx keeps. The map recipe gives Connection \"upgrade\" or \"close\" from $http_upgrade: `proxy_set_header Connection $connection_upgrade;` with `map $http_upgrade $connection_upgrade { default upgrade; '' close; }` in http.",
    )
    expect(hint.messageZh).toBe(
      "这里把客户端自己的 Connection 头交给了 Connection。这个头是逐跳的：它说的是客户端到 nginx 的连接，却原样到达后端（\"keep-alive\"、\"close\"、Firefox 的 \"keep-alive, Upgrade\"）；在 upstream 启用 keepalive 时，客户端的 \"close\" 会结束 nginx 保持的连接。标准的 map 写法根据 $http_upgrade 给 Connection \"upgrade\" 或 \"close\"：`proxy_set_header Connection $connection_upgrade;`，并在 http 中写 `map $http_upgrade $connection_upgrade { default upgrade; '' close; }`。",
    )
  })

  it('does not fire on another header given $http_connection', () => {
    expect(codes(ws([...RECIPE, 'proxy_set_header X-Client-Connection $http_connection;']))).toEqual([])
  })
})

describe('LAB_WS_SSL_NO_SERVER_NAME', () => {
  it('fires on https:// to a name without proxy_ssl_server_name on', () => {
    const text = ws(recipe('proxy_pass', 'proxy_pass https://chat.example.com:8443;'))
    const [hint] = hints(text)
    expect(hints(text)).toHaveLength(1)
    expect(hint).toMatchObject({ code: 'LAB_WS_SSL_NO_SERVER_NAME', lesson: 'tls-termination', ...rangeOf(text, 'https://chat.example.com:8443') })
    expect(hint.message).toBe(
      'nginx opens the TLS connection to chat.example.com without a server name (SNI), as proxy_ssl_server_name is not on (it is off by default). A backend that picks its certificate or site by name (shared hosting, most CDNs) may then show another certificate or refuse the handshake, and the WebSocket never opens. Add `proxy_ssl_server_name on;`.',
    )
    expect(hint.messageZh).toBe(
      'nginx 与 chat.example.com 建立 TLS 连接时不会发送服务器名（SNI），因为 proxy_ssl_server_name 没有打开（它默认为 off）。按名称选择证书或站点的后端（共享主机、多数 CDN）可能因此给出别的证书或拒绝握手，WebSocket 也就无法建立。请加上 `proxy_ssl_server_name on;`。',
    )
  })

  it('says, for an upstream group, that proxy_ssl_name must name the host, unless it does', () => {
    const http = `${MAP}\n    upstream chat {\n        server 127.0.0.1:8443;\n    }`
    const text = ws(recipe('proxy_pass', 'proxy_pass https://chat/;', 'proxy_ssl_server_name off;'), { http })
    const [hint] = hints(text)
    expect(hint).toMatchObject({ code: 'LAB_WS_SSL_NO_SERVER_NAME', ...rangeOf(text, 'https://chat/') })
    expect(hint.message).toBe(
      'nginx opens the TLS connection to the servers of upstream "chat" without a server name (SNI), as proxy_ssl_server_name is not on (it is off at line 14). A backend that picks its certificate or site by name (shared hosting, most CDNs) may then show another certificate or refuse the handshake, and the WebSocket never opens. Add `proxy_ssl_server_name on;`. With it alone nginx would send the group\'s name, "chat" ($proxy_host), so also give the backend\'s host name with `proxy_ssl_name`.',
    )
    expect(hint.messageZh).toBe(
      'nginx 与 upstream "chat" 的服务器建立 TLS 连接时不会发送服务器名（SNI），因为 proxy_ssl_server_name 没有打开（它在第 14 行被设为 off）。按名称选择证书或站点的后端（共享主机、多数 CDN）可能因此给出别的证书或拒绝握手，WebSocket 也就无法建立。请加上 `proxy_ssl_server_name on;`。只打开它的话，nginx 发送的是组名 "chat"（$proxy_host），所以还要用 `proxy_ssl_name` 写明后端的主机名。',
    )
    const named = ws(recipe('proxy_pass', 'proxy_pass https://chat/;', 'proxy_ssl_name chat.example.com;'), { http })
    expect(hints(named)[0].message).not.toMatch(/proxy_ssl_name/)
  })

  it('does not fire with proxy_ssl_server_name on (here or outer), to an address, over http, or with variables', () => {
    expect(codes(ws(recipe('proxy_pass', 'proxy_pass https://chat.example.com;', 'proxy_ssl_server_name on;')))).toEqual([])
    expect(codes(ws(recipe('proxy_pass', 'proxy_pass https://chat.example.com;'), { server: ['proxy_ssl_server_name on;'] }))).toEqual([])
    expect(codes(ws(recipe('proxy_pass', 'proxy_pass https://127.0.0.1:8443;')))).toEqual([])
    expect(codes(ws(recipe('proxy_pass', 'proxy_pass https://[::1]:8443;')))).toEqual([])
    expect(codes(ws(recipe('proxy_pass', 'proxy_pass https://chat/;', 'proxy_ssl_name 10.0.0.7;'), { http: `${MAP}\n    upstream chat {\n        server 127.0.0.1:8443;\n    }` }))).toEqual([])
    expect(codes(ws(recipe('proxy_pass', 'proxy_pass https://$arg_host;')))).toEqual([])
  })
})

describe('the canonical config', () => {
  it('gets only the read-timeout advice', () => {
    // ok-canonical is nginx's own WebSocket recipe, which leaves proxy_read_timeout at 60 s; nginx's
    // WebSocket page says the same as the advice (idle connections close unless pinged). No hint
    // that names a mistake fires.
    const file = join(FIXTURES, 'ok-canonical/nginx.conf')
    const text = readFileSync(file, 'utf8')
    const found = check(text, { file, host: nodeHost() }).diagnostics.filter((d) => d.code.startsWith('LAB_WS_'))
    expect(found.map((d) => [d.code, d.advice, d.line])).toEqual([['LAB_WS_READ_TIMEOUT_DEFAULT', true, 16]])
  })
})

/**
 * Every seed fixture and the hints true of it, decided by reading each config: `CODE file:line`.
 * - seed-003-ws as-is and step 2: the `# Load configuration…` comment runs to the end of the
 *   one-line config, so the location never exists for nginx: nothing to say about it.
 * - seed-004-http-example-as-is: the `...` placeholder takes the location as its arguments and
 *   block (unknown directive "..."), so the location is never read either.
 * - seed-000 sets proxy_read_timeout 300s: no advice; every other seed with a WebSocket location
 *   leaves it at 60 s and gets it, the fixed ones too.
 * - seed-002's full example has no proxy_http_version: its upgrade goes out as HTTP/1.0, which the
 *   lab's strict chat server refuses (the article's backend may have been lenient).
 * - seed-002's location snippet has no proxy_pass: nothing is proxied there, so only the missing
 *   map is said.
 * - seed-001's conf.d variants: the hint is in the included file, where the location is.
 * - seed-003 and seed-004 hard-code Connection "upgrade"; their upstream groups keep no
 *   connections, so the hint has no keepalive sentence.
 */
const SEEDS: Record<string, string[]> = {
  'seed-000-location-as-is': ['LAB_WS_MAP_MISSING nginx.conf:12'],
  'seed-000-location-fixed': [],
  'seed-001-conf-d-as-is': ['LAB_WS_READ_TIMEOUT_DEFAULT websocket_proxy.conf:16'],
  'seed-001-conf-d-fixed': ['LAB_WS_READ_TIMEOUT_DEFAULT websocket_proxy.conf:16'],
  'seed-001-inline-as-is': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:19'],
  'seed-001-inline-fixed': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:22'],
  'seed-002-full-example-as-is': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:29', 'LAB_WS_HTTP10_UPGRADE nginx.conf:30'],
  'seed-002-full-example-fixed': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:29', 'LAB_WS_HTTP10_UPGRADE nginx.conf:30'],
  'seed-002-location-snippet-as-is': ['LAB_WS_MAP_MISSING nginx.conf:9'],
  'seed-002-location-snippet-fixed': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:11'],
  'seed-002-map-snippet': [],
  'seed-003-ws-as-is': [],
  'seed-003-ws-comment-on-own-line': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:6', 'LAB_WS_CONNECTION_HARDCODED nginx.conf:6'],
  'seed-003-ws-fixed': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:4', 'LAB_WS_CONNECTION_HARDCODED nginx.conf:4'],
  'seed-003-ws-step2-ip-fixed': [],
  'seed-003-ws-step3-comment-removed': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:4', 'LAB_WS_CONNECTION_HARDCODED nginx.conf:4'],
  'seed-003-wss-as-is': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:4', 'LAB_WS_CONNECTION_HARDCODED nginx.conf:4'],
  'seed-003-wss-fixed': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:4', 'LAB_WS_CONNECTION_HARDCODED nginx.conf:4'],
  'seed-003-wss-listen-ssl': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:4', 'LAB_WS_CONNECTION_HARDCODED nginx.conf:4'],
  'seed-003-wss-step2-ip-fixed': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:4', 'LAB_WS_CONNECTION_HARDCODED nginx.conf:4'],
  'seed-003-wss-step3-certs-missing': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:4', 'LAB_WS_CONNECTION_HARDCODED nginx.conf:4'],
  'seed-004-http-example-as-is': [],
  'seed-004-http-example-fixed': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:14'],
  'seed-004-http-example-missing-brace': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:11'],
  'seed-004-location-chat-as-is': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:7', 'LAB_WS_CONNECTION_HARDCODED nginx.conf:10'],
  'seed-004-location-chat-fixed': ['LAB_WS_READ_TIMEOUT_DEFAULT nginx.conf:10', 'LAB_WS_CONNECTION_HARDCODED nginx.conf:13'],
}

describe('the seed fixtures', () => {
  it('are all in the table', () => {
    expect(Object.keys(SEEDS).sort()).toEqual(readdirSync(FIXTURES).filter((n) => n.startsWith('seed-')).sort())
  })

  it.each(Object.entries(SEEDS))('%s gets exactly the hints true of it', (name, expected) => {
    const file = join(FIXTURES, name, 'nginx.conf')
    const found = check(readFileSync(file, 'utf8'), { file, host: nodeHost() }).diagnostics.filter((d) => d.code.startsWith('LAB_WS_'))
    const sorted = [...found].sort((a, b) => a.line - b.line || a.column - b.column)
    expect(sorted.map((d) => `${d.code} ${basename(d.file)}:${d.line}`)).toEqual(expected)
  })
})
