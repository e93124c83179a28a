/** The raw composer's own words, in English and 简体中文 (the bytes are never translated). */
import { sayer, type Lang } from '../words.ts'

export type RawLang = Lang

const WORDS = {
  title: { en: 'Raw request', zh: '原始请求' },
  help: {
    en: 'Edit the bytes the proxy receives. A line break is CRLF; write \\r, \\n, \\t, \\xHH or \\\\ for any other byte.',
    zh: '编辑代理收到的字节。换行即 CRLF；其他字节写作 \\r、\\n、\\t、\\xHH 或 \\\\。',
  },
  preset: { en: 'Preset', zh: '预设' },
  'preset.browser': { en: 'A browser’s WebSocket handshake', zh: '浏览器的 WebSocket 握手' },
  'preset.http10': { en: 'The handshake over HTTP/1.0', zh: '使用 HTTP/1.0 的握手' },
  'preset.no-upgrade': { en: 'A plain GET, no Upgrade', zh: '普通 GET，没有 Upgrade' },
  'preset.keep-alive-upgrade': { en: 'Connection: keep-alive, Upgrade (Firefox)', zh: 'Connection: keep-alive, Upgrade（Firefox）' },
  'preset.h2c': { en: 'Upgrade: h2c (not a WebSocket)', zh: 'Upgrade: h2c（不是 WebSocket）' },
  'preset.bad-version': { en: 'Sec-WebSocket-Version: 8', zh: 'Sec-WebSocket-Version: 8' },
  'preset.oversized-header': { en: 'A header over nginx’s 8k buffers', zh: '超过 nginx 8k 缓冲区的请求头' },
  port: { en: 'Port', zh: '端口' },
  noPorts: { en: 'nothing listens', zh: '无监听端口' },
  tls: { en: 'TLS', zh: 'TLS' },
  tlsTitle: { en: 'Speak TLS to the port (off on an ssl port: nginx’s “plain HTTP request was sent to HTTPS port”)', zh: '以 TLS 连接该端口（在 ssl 端口上关闭：nginx 的 “plain HTTP request was sent to HTTPS port”）' },
  client: { en: 'From', zh: '来自' },
  send: { en: 'Send', zh: '发送' },
  sending: { en: 'Sending…', zh: '正在发送…' },
  bytes: { en: '{n} bytes', zh: '{n} 字节' },
  response: { en: 'Response', zh: '响应' },
  closedByProxy: { en: 'the proxy closed the connection', zh: '代理关闭了连接' },
  stoppedWaiting: { en: 'the lab stopped waiting (the connection was still open)', zh: '实验室停止了等待（连接仍然打开）' },
  noResponse: { en: 'No bytes came back.', zh: '没有收到任何字节。' },
  copyCurl: { en: 'Copy as curl', zh: '复制为 curl' },
  copyWscat: { en: 'Copy as wscat', zh: '复制为 wscat' },
  copyPrintf: { en: 'Copy as printf | nc', zh: '复制为 printf | nc' },
  copied: { en: 'Copied: {what}', zh: '已复制：{what}' },
  'cannot.malformed': { en: 'not a well-formed HTTP/1.x head: only printf | nc sends these bytes', zh: '不是格式正确的 HTTP/1.x 请求头：只有 printf | nc 能发送这些字节' },
  'cannot.websocket': { en: 'curl here cannot do a WebSocket handshake: use wscat or printf | nc', zh: '这里的 curl 不能进行 WebSocket 握手：请用 wscat 或 printf | nc' },
  'cannot.not-websocket': { en: 'wscat sends only WebSocket handshakes', zh: 'wscat 只能发送 WebSocket 握手' },
  'cannot.version': { en: 'the tool writes its own protocol version: only printf | nc sends this one', zh: '该工具会写自己的协议版本：只有 printf | nc 能发送这个' },
  'cannot.body': { en: 'the tool cannot send this body as is: use printf | nc', zh: '该工具无法原样发送此请求体：请用 printf | nc' },
} as const

export type RawWord = keyof typeof WORDS

export const rawSay = sayer(WORDS)
