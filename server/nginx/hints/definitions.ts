/**
 * The WebSocket hints: what nginx accepts but a WebSocket would not survive, in the lab's own
 * voice (severity `lab`, English and 简体中文). One row per code: whether it is advice (a choice,
 * not a mistake), the lesson that explains it, the evidence that what it says is true of the
 * modelled nginx, and its message. The checks that find each situation are the other files of
 * this folder; docs/diagnostics.md explains every code.
 *
 * Evidence is a runtime scenario (test/runtime/scenarios/, run against real nginx 1.22.1 and the
 * lab alike), a check fixture (test/fixtures/check/, compared with real `nginx -t`), or a line of
 * nginx's source at a release tag, of a file the committed extract names
 * (server/nginx/tools/input/<version>.json). test/unit/ws-hints-evidence.test.ts checks each.
 */
import type { DiagnosticCode } from '../diagnostics.ts'
import type { LessonSlug } from '../directives/directive-docs.ts'
import type { Text } from './blocks.ts'

export type HintCode = Extract<DiagnosticCode, `LAB_WS_${string}`>

export type Evidence =
  | { scenario: string; shows: string }
  | { fixture: string; shows: string }
  | { source: string; release: '1.22.1' | '1.30.4'; line: number; quote: string; shows: string }

/** What each hint's message is built from. */
export interface HintArgs {
  LAB_WS_MAP_MISSING: Record<string, never>
  /** `value` as written (unquoted); `keepalive`: the upstream group with kept connections this line's requests go to, if any. */
  LAB_WS_CONNECTION_HARDCODED: { value: string; keepalive: string | null }
  /** `where`: the blocks that send it, when the Upgrade line stands in another; `setAt`: an explicit 1.0. */
  LAB_WS_HTTP10_UPGRADE: { version: string; setAt: Text | null; where: Text | null }
  LAB_WS_HEADERS_SWAPPED: { header: 'Upgrade' | 'Connection' }
  LAB_WS_HEADERS_DROPPED: { here: Text; from: Text; lost: Text; count: number }
  LAB_WS_READ_TIMEOUT_DEFAULT: { where: Text; seconds: number }
  LAB_WS_CONNECTION_PASSED_THROUGH: Record<string, never>
  /** `host`: proxy_pass's name; `group`: it names an upstream group; `sslName`: proxy_ssl_name is set. */
  LAB_WS_SSL_NO_SERVER_NAME: { host: string; group: boolean; sslName: boolean; setAt: Text | null }
}

export interface HintDefinition<A> {
  code: HintCode
  advice?: true
  lesson: LessonSlug
  evidence: readonly Evidence[]
  message(args: A): Text
}

const MAP = "map $http_upgrade $connection_upgrade { default upgrade; '' close; }"
const RECIPE: Text = {
  en: '`proxy_set_header Upgrade $http_upgrade;` and `proxy_set_header Connection $connection_upgrade;`',
  zh: '`proxy_set_header Upgrade $http_upgrade;` 和 `proxy_set_header Connection $connection_upgrade;`',
}

export const HINTS: { readonly [K in HintCode]: HintDefinition<HintArgs[K]> } = {
  LAB_WS_MAP_MISSING: {
    code: 'LAB_WS_MAP_MISSING',
    lesson: 'connection-upgrade-map',
    evidence: [
      { fixture: 'err-unknown-variable-connection-upgrade', shows: 'nginx -t refuses $connection_upgrade without the map: unknown "connection_upgrade" variable' },
      { fixture: 'seed-000-location-fixed', shows: 'the same location with the map in http is accepted' },
      { source: 'src/http/modules/ngx_http_map_module.c', release: '1.22.1', line: 52, quote: 'NGX_HTTP_MAIN_CONF|NGX_CONF_BLOCK|NGX_CONF_TAKE2,', shows: 'map is allowed in the http block only' },
    ],
    message: () => ({
      en: `$connection_upgrade is not one of nginx's variables: the WebSocket recipe's map makes it, and nothing in this config defines it (so nginx says unknown "connection_upgrade" variable). Put the map in the http block, outside every server: \`${MAP}\`.`,
      zh: `$connection_upgrade 不是 nginx 自带的变量：它由 WebSocket 标准配置中的 map 定义，而这份配置里没有任何地方定义它（所以 nginx 报 unknown "connection_upgrade" variable）。把这个 map 放进 http 块，放在所有 server 之外：\`${MAP}\`。`,
    }),
  },

  LAB_WS_CONNECTION_HARDCODED: {
    code: 'LAB_WS_CONNECTION_HARDCODED',
    lesson: 'connection-upgrade-map',
    evidence: [
      { scenario: 'hdr-connection-upgrade-hardcoded', shows: 'a plain GET reaches the backend with Connection: upgrade and no Upgrade' },
      { scenario: 'hdr-connection-upgrade-hardcoded-keepalive', shows: 'with upstream keepalive the plain GETs still share one kept connection: a hard-coded upgrade does not end it' },
      { scenario: 'map-canonical-plain-get', shows: 'the map recipe sends Connection: close with a plain GET' },
      { scenario: 'up-keepalive-default-headers', shows: 'with Connection: close sent, a kept-alive upstream gets a new connection per request' },
      { scenario: 'map-keepalive-empty-connection', shows: "with '' mapped to '', plain requests reuse the kept connection and the handshake still upgrades" },
    ],
    message: ({ value, keepalive }) => {
      const en = `Connection is always "${value}" here: every request proxied with this line reaches the backend with \`Connection: ${value}\`, plain HTTP ones too (a plain GET arrives with \`Connection: ${value}\` and no \`Upgrade\`). The map recipe says \`upgrade\` only when the client asked to upgrade, and \`close\` otherwise: \`proxy_set_header Connection $connection_upgrade;\` with \`${MAP}\` in http.`
      const zh = `这里的 Connection 总是 "${value}"：经这一行代理的每个请求都带着 \`Connection: ${value}\` 到达后端，普通 HTTP 请求也一样（一个普通 GET 到达时带 \`Connection: ${value}\`，却没有 \`Upgrade\`）。标准的 map 写法只在客户端请求升级时给出 \`upgrade\`，否则给出 \`close\`：\`proxy_set_header Connection $connection_upgrade;\`，并在 http 中写 \`${MAP}\`。`
      if (!keepalive) return { en, zh }
      return {
        en: `${en} Its upstream "${keepalive}" keeps connections (keepalive): there, map '' to '' rather than to close, or each plain request ends the kept connection.`,
        zh: `${zh}它的 upstream "${keepalive}" 会保持连接（keepalive）：这时应把 '' 映射为 ''，而不是 close，否则每个普通请求都会结束被保持的连接。`,
      }
    },
  },

  LAB_WS_HTTP10_UPGRADE: {
    code: 'LAB_WS_HTTP10_UPGRADE',
    lesson: 'proxy-http-version',
    evidence: [
      { scenario: 'ws-http10-upgrade-headers-strict', shows: 'without proxy_http_version, a strict (RFC 6455) backend answers the HTTP/1.0 handshake with 400 and the client gets it' },
      { scenario: 'ws-http10-upgrade-headers-lenient', shows: 'a bare ws backend accepts the same handshake over HTTP/1.0' },
      { source: 'src/http/modules/ngx_http_proxy_module.c', release: '1.22.1', line: 3820, quote: 'ngx_conf_merge_uint_value(conf->http_version, prev->http_version, NGX_HTTP_VERSION_10);', shows: "1.0 is 1.22's default" },
      { source: 'src/http/modules/ngx_http_proxy_module.c', release: '1.30.4', line: 4032, quote: 'ngx_conf_merge_uint_value(conf->http_version, prev->http_version, NGX_HTTP_VERSION_11);', shows: "1.1 is 1.30's default" },
    ],
    message: ({ version, setAt, where }) => {
      const why: Text = setAt
        ? { en: `set at ${setAt.en}`, zh: `在${setAt.zh}设置` }
        : { en: `nginx ${version}'s default`, zh: `nginx ${version} 的默认值` }
      const inEn = where ? ` for ${where.en}` : ''
      const inZh = where ? `对于${where.zh}，` : ''
      return {
        en: `nginx sends this upgrade to the backend as an HTTP/1.0 request${inEn}: proxy_http_version is 1.0 (${why.en}). RFC 6455 needs HTTP/1.1 for a handshake, so a strict backend refuses it (the lab's chat server answers 400 "upgrade requires HTTP/1.1"); a bare Node ws server accepts it. Add \`proxy_http_version 1.1;\` beside proxy_pass.`,
        zh: `${inZh}nginx 会以 HTTP/1.0 请求把这个升级发给后端：proxy_http_version 为 1.0（${why.zh}）。RFC 6455 要求握手使用 HTTP/1.1，所以严格的后端会拒绝它（本实验的聊天服务器回应 400 "upgrade requires HTTP/1.1"）；裸的 Node ws 服务器则会接受。在 proxy_pass 旁加上 \`proxy_http_version 1.1;\`。`,
      }
    },
  },

  LAB_WS_HEADERS_SWAPPED: {
    code: 'LAB_WS_HEADERS_SWAPPED',
    lesson: 'connection-upgrade-map',
    evidence: [
      { scenario: 'ws-headers-swapped', shows: 'the handshake reaches the backend as Upgrade: upgrade, Connection: websocket and is refused (400); a plain GET carries Upgrade: close' },
    ],
    message: ({ header }) =>
      header === 'Upgrade'
        ? {
            en: `Upgrade is given $connection_upgrade, the value meant for Connection ("upgrade" or "close"): a handshake reaches the backend with \`Upgrade: upgrade\` where RFC 6455 asks for \`Upgrade: websocket\`, so no WebSocket server accepts it, and a plain request carries \`Upgrade: close\`. The recipe is ${RECIPE.en}.`,
            zh: `Upgrade 被设成了 $connection_upgrade，而这个值（"upgrade" 或 "close"）是给 Connection 的：握手到达后端时带的是 \`Upgrade: upgrade\`，而 RFC 6455 要求 \`Upgrade: websocket\`，所以没有 WebSocket 服务器会接受它；普通请求还会带上 \`Upgrade: close\`。标准写法是 ${RECIPE.zh}。`,
          }
        : {
            en: `Connection is given $http_upgrade, the value meant for Upgrade ("websocket"): a handshake reaches the backend with \`Connection: websocket\` where RFC 6455 asks for a Connection that includes "Upgrade". The recipe is ${RECIPE.en}.`,
            zh: `Connection 被设成了 $http_upgrade，而这个值（"websocket"）是给 Upgrade 的：握手到达后端时带的是 \`Connection: websocket\`，而 RFC 6455 要求 Connection 中包含 "Upgrade"。标准写法是 ${RECIPE.zh}。`,
          },
  },

  LAB_WS_HEADERS_DROPPED: {
    code: 'LAB_WS_HEADERS_DROPPED',
    lesson: 'hop-by-hop-headers',
    evidence: [
      { scenario: 'hdr-inherit-location-replaces-server-set', shows: "a location's own proxy_set_header hides the server's Upgrade and Connection: the handshake gets 200, not 101" },
      { scenario: 'hdr-inherit-location-without-set-inherits', shows: 'the same location without a proxy_set_header of its own inherits them, and the WebSocket works' },
      { source: 'src/http/modules/ngx_http_proxy_module.c', release: '1.22.1', line: 3890, quote: 'ngx_conf_merge_ptr_value(conf->headers_source, prev->headers_source, NULL);', shows: 'the list is taken whole from the outer block only when the block has none' },
    ],
    message: ({ here, from, lost, count }) => ({
      en: `This proxy_set_header gives ${here.en} a list of its own, which replaces the list of ${from.en}: nginx inherits proxy_set_header all or nothing, so ${lost.en} ${count === 1 ? 'is' : 'are'} not sent from here. Repeat them in this block, or move this block's headers out to the outer one.`,
      zh: `这条 proxy_set_header 让${here.zh}有了自己的列表，它取代了${from.zh}的列表：nginx 对 proxy_set_header 要么全部继承，要么全不继承，所以${lost.zh}不会从这里发出。请在这个块里重复它们，或把这个块的头移到外层块。`,
    }),
  },

  LAB_WS_READ_TIMEOUT_DEFAULT: {
    code: 'LAB_WS_READ_TIMEOUT_DEFAULT',
    advice: true,
    lesson: 'timeouts-and-pings',
    evidence: [
      { scenario: 'timeout-read-idle-default', shows: 'without proxy_read_timeout an idle tunnel is closed at 60.0 s, without a close frame' },
      { scenario: 'timeout-read-reset-by-ping', shows: 'pings keep a tunnel open past proxy_read_timeout' },
      { scenario: 'timeout-read-reset-by-client', shows: 'traffic from the client alone keeps it open too' },
      { source: 'src/http/modules/ngx_http_proxy_module.c', release: '1.22.1', line: 3499, quote: 'ngx_conf_merge_msec_value(conf->upstream.read_timeout, prev->upstream.read_timeout, 60000);', shows: 'the default is 60 s' },
    ],
    message: ({ where, seconds }) => ({
      en: `In ${where.en}, WebSockets are proxied (Upgrade is set from $http_upgrade) with proxy_read_timeout at its default, ${seconds} s: nginx closes a tunnel in which nothing has passed for ${seconds} s, so an idle chat drops unless one side sends something (a ping) sooner. If chats may stay idle longer, set proxy_read_timeout here (e.g. 1h), or have the client or the server ping.`,
      zh: `${where.zh}代理 WebSocket（Upgrade 取自 $http_upgrade），而 proxy_read_timeout 保持默认值 ${seconds} 秒：隧道中 ${seconds} 秒没有任何数据经过，nginx 就会关闭它，所以空闲的聊天会断开，除非某一方在此之前发送数据（例如 ping）。如果聊天可能空闲更久，请在这里设置 proxy_read_timeout（例如 1h），或让客户端或服务器定时 ping。`,
    }),
  },

  LAB_WS_CONNECTION_PASSED_THROUGH: {
    code: 'LAB_WS_CONNECTION_PASSED_THROUGH',
    lesson: 'hop-by-hop-headers',
    evidence: [
      { scenario: 'hdr-connection-passed-through', shows: "the client's keep-alive, close and keep-alive, Upgrade reach the backend as they came; the client's close ends the kept upstream connection" },
    ],
    message: () => ({
      en: `Connection is given the client's own Connection header here. That header is hop-by-hop: it speaks of the client's connection to nginx, yet it reaches the backend as it came ("keep-alive", "close", Firefox's "keep-alive, Upgrade"), and with upstream keepalive a client's "close" ends the connection nginx keeps. The map recipe gives Connection "upgrade" or "close" from $http_upgrade: \`proxy_set_header Connection $connection_upgrade;\` with \`${MAP}\` in http.`,
      zh: `这里把客户端自己的 Connection 头交给了 Connection。这个头是逐跳的：它说的是客户端到 nginx 的连接，却原样到达后端（"keep-alive"、"close"、Firefox 的 "keep-alive, Upgrade"）；在 upstream 启用 keepalive 时，客户端的 "close" 会结束 nginx 保持的连接。标准的 map 写法根据 $http_upgrade 给 Connection "upgrade" 或 "close"：\`proxy_set_header Connection $connection_upgrade;\`，并在 http 中写 \`${MAP}\`。`,
    }),
  },

  LAB_WS_SSL_NO_SERVER_NAME: {
    code: 'LAB_WS_SSL_NO_SERVER_NAME',
    lesson: 'tls-termination',
    evidence: [
      { source: 'src/http/modules/ngx_http_proxy_module.c', release: '1.22.1', line: 3735, quote: 'ngx_conf_merge_value(conf->upstream.ssl_server_name, prev->upstream.ssl_server_name, 0);', shows: 'proxy_ssl_server_name is off by default' },
      { source: 'src/http/ngx_http_upstream.c', release: '1.22.1', line: 1881, quote: 'if (!u->conf->ssl_server_name) {', shows: 'without it nginx sets no server name on the TLS connection' },
      { source: 'src/http/ngx_http_upstream.c', release: '1.22.1', line: 1889, quote: "if (name.len == 0 || *name.data == '[') {", shows: 'an [IPv6] address is never sent as a name, so it gets no hint' },
      { source: 'src/http/ngx_http_upstream.c', release: '1.22.1', line: 1893, quote: 'if (ngx_inet_addr(name.data, name.len) != INADDR_NONE) {', shows: 'nor an IPv4 address' },
    ],
    message: ({ host, group, sslName, setAt }) => {
      const to: Text = group ? { en: `the servers of upstream "${host}"`, zh: `upstream "${host}" 的服务器` } : { en: host, zh: host }
      const off: Text = setAt ? { en: `it is off at ${setAt.en}`, zh: `它在${setAt.zh}被设为 off` } : { en: 'it is off by default', zh: '它默认为 off' }
      const en = `nginx opens the TLS connection to ${to.en} without a server name (SNI), as proxy_ssl_server_name is not on (${off.en}). A backend that picks its certificate or site by name (shared hosting, most CDNs) may then show another certificate or refuse the handshake, and the WebSocket never opens. Add \`proxy_ssl_server_name on;\`.`
      const zh = `nginx 与${to.zh}建立 TLS 连接时不会发送服务器名（SNI），因为 proxy_ssl_server_name 没有打开（${off.zh}）。按名称选择证书或站点的后端（共享主机、多数 CDN）可能因此给出别的证书或拒绝握手，WebSocket 也就无法建立。请加上 \`proxy_ssl_server_name on;\`。`
      if (!group || sslName) return { en, zh }
      return {
        en: `${en} With it alone nginx would send the group's name, "${host}" ($proxy_host), so also give the backend's host name with \`proxy_ssl_name\`.`,
        zh: `${zh}只打开它的话，nginx 发送的是组名 "${host}"（$proxy_host），所以还要用 \`proxy_ssl_name\` 写明后端的主机名。`,
      }
    },
  },
}
