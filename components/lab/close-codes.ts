/**
 * WebSocket close codes (RFC 6455 §7.4, and the IANA registry) explained for a learner, in
 * English and 简体中文, with what the lab itself means by the codes it sends: 1008 and 1009 name
 * one of its limits in the reason, 1011 ends the stream of a session it stopped
 * (docs/lab-api.md "Connecting a client", "Events").
 */
import type { LabLang } from './lab-errors.ts'

type Words = Readonly<Record<LabLang, string>>

const CODES: Readonly<Record<number, Words>> = {
  1000: { en: 'Normal closure: the connection did what it was for.', zh: '正常关闭：连接已完成任务。' },
  1001: { en: 'Going away: a server shutting down, or a page being left.', zh: '离开：服务器正在关闭，或页面正被关闭。' },
  1002: { en: 'Protocol error: a side received a frame that breaks the WebSocket protocol.', zh: '协议错误：一方收到了违反 WebSocket 协议的帧。' },
  1003: { en: 'Unsupported data: a side received a kind of message it cannot take (text or binary).', zh: '不支持的数据：一方收到了它无法处理的消息类型（文本或二进制）。' },
  1005: { en: 'No status: the close frame carried no code.', zh: '无状态码：关闭帧中没有状态码。' },
  1006: { en: 'No close frame: the connection was cut (a network failure, a proxy timeout, a server that went away).', zh: '没有关闭帧：连接被切断（网络故障、代理超时，或服务器已离开）。' },
  1007: { en: 'Invalid data: a text message was not valid UTF-8.', zh: '数据无效：文本消息不是合法的 UTF-8。' },
  1008: { en: 'Policy violation: the other side refused to go on.', zh: '违反策略：对方拒绝继续。' },
  1009: { en: 'Message too big for the other side.', zh: '消息过大，对方无法接收。' },
  1010: { en: 'The client needed an extension the server did not agree to.', zh: '客户端需要服务器未同意的扩展。' },
  1011: { en: 'Internal error: the server met a condition it could not handle.', zh: '内部错误：服务器遇到了无法处理的情况。' },
  1012: { en: 'Service restart: try again in a moment.', zh: '服务重启：请稍后再试。' },
  1013: { en: 'Try again later: the server is overloaded.', zh: '请稍后再试：服务器负载过高。' },
  1014: { en: 'Bad gateway: a gateway got an invalid answer from the server behind it.', zh: '网关错误：网关从后端服务器收到了无效的响应。' },
  1015: { en: 'TLS handshake failed: the secure connection could not be set up.', zh: 'TLS 握手失败：无法建立安全连接。' },
}

const REGISTERED: Words = { en: 'Code {code}, registered for a library or framework: its meaning is theirs.', zh: '代码 {code}，由某个库或框架注册：含义由其定义。' }
const PRIVATE: Words = { en: 'Code {code}, chosen by the application itself: its meaning is the application’s.', zh: '代码 {code}，由应用自行选用：含义由应用定义。' }
const UNKNOWN: Words = { en: 'Code {code}: not a code the WebSocket standard defines.', zh: '代码 {code}：不是 WebSocket 标准定义的代码。' }
const REASON: Words = { en: 'Reason: “{reason}”', zh: '原因：“{reason}”' }

/**
 * What the lab means by its own 1008, 1009 and 1011 reasons (client-endpoint.ts,
 * event-stream.ts): matched on the reason's words, first match wins.
 */
const LAB_REASONS: ReadonlyArray<{ code: number; test: RegExp; words: Words }> = [
  {
    code: 1008,
    test: /messages (and raw requests )?a second/,
    words: { en: 'The lab’s messagesPerSecond limit: this session’s clients sent too many messages in one second. Send fewer.', zh: '实验室的 messagesPerSecond 限制：本会话的客户端一秒内发送的消息过多。请减少发送。' },
  },
  {
    code: 1008,
    test: /too many event streams/,
    words: { en: 'The lab’s subscribersPerSession limit: too many pages are watching this session’s events. Close some.', zh: '实验室的 subscribersPerSession 限制：查看本会话事件的页面过多。请关闭一些。' },
  },
  {
    code: 1008,
    test: /event stream not read/,
    words: { en: 'This page read the lab’s events too slowly and fell too far behind; it can resume where it stopped.', zh: '本页面读取实验室事件太慢，落后太多；可以从中断处继续。' },
  },
  {
    code: 1008,
    test: /"after"/,
    words: { en: 'The event stream was asked to resume from an event this session never sent: the page is reading another session than it thinks.', zh: '事件流被要求从本会话从未发送过的事件继续：页面读取的会话与它以为的不同。' },
  },
  {
    code: 1009,
    test: /over the limit/,
    words: { en: 'The lab’s messageBytes limit: a message was larger than the lab lets a client send. Send smaller messages.', zh: '实验室的 messageBytes 限制：消息超过了实验室允许客户端发送的大小。请发送更小的消息。' },
  },
  {
    code: 1011,
    test: /^session (stopped|closed)/,
    words: { en: 'The lab stopped this session; a new one is needed.', zh: '实验室停止了这个会话；需要开始一个新会话。' },
  },
]

function words(table: Words, lang: LabLang, values: Record<string, string | number>): string {
  return table[lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
}

/**
 * A short explanation of a WebSocket close, in `lang`: what the code means, what the lab meant
 * by it when the reason is one of the lab's, and the reason itself when there is one.
 */
export function describeClose(code: number, reason: string, lang: LabLang): string {
  const base = CODES[code] ?? (code >= 3000 && code <= 3999 ? REGISTERED : code >= 4000 && code <= 4999 ? PRIVATE : UNKNOWN)
  const parts = [words(base, lang, { code })]
  const lab = LAB_REASONS.find((r) => r.code === code && r.test.test(reason))
  if (lab) parts.push(lab.words[lang])
  if (reason) parts.push(words(REASON, lang, { reason }))
  // Chinese sentences follow each other without a space.
  return parts.join(lang === 'zh' ? '' : ' ')
}
