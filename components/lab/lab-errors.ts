/**
 * What went wrong talking to the lab server, as one error type the playground can show: the
 * kind (from the HTTP status, or a network failure), the server's own message, and a sentence
 * a learner understands, in English and 简体中文 (docs/lab-api.md: every error is
 * `{ "error": "…" }`, a limit adds `"limit"`).
 */
import type { LabLimits } from '../../server/sandbox/limits.ts'
import type { EditorLang } from '../editor/messages.ts'

/** The playground's languages (the editor's). */
export type LabLang = EditorLang

/**
 * What kind of failure, which decides what the UI does about it:
 *
 * - `bad-input`: 400 (or 405), the request itself is wrong;
 * - `not-found`: 404, no such session (it expired or was deleted): start a new one;
 * - `gone`: 410, the lab stopped the session (containment): start a new one;
 * - `too-large`: 413, a config or body over a size limit;
 * - `refused`: 422, nginx -t refused the config;
 * - `limit`: 429, a rate or count limit;
 * - `busy`: 409, a check of the session is already waiting;
 * - `unreachable`: no answer from the lab (network failure, or a gateway in front saying so);
 * - `protocol`: an answer this client cannot read (not JSON, an unexpected status, a 500).
 */
export type LabErrorKind = 'bad-input' | 'not-found' | 'gone' | 'too-large' | 'refused' | 'limit' | 'busy' | 'unreachable' | 'protocol'

/** The lab's limit names (`limit` in its errors), as the server's LabLimits declares them. */
export type LabLimitName = keyof LabLimits

type Words = Readonly<Record<LabLang, string>>

/**
 * What a learner can do about each limit. A Record over every limit name, so a limit added to
 * the server without advice here fails the typecheck.
 */
const LIMIT_ADVICE: Readonly<Record<LabLimitName, Words>> = {
  configBytes: { en: 'Make the config and its files smaller.', zh: '请缩小配置及其文件的总大小。' },
  configFiles: { en: 'Put the config in fewer files.', zh: '请把配置放进更少的文件里。' },
  sessionsPerAddress: { en: 'Close some lab tabs, or wait for unused sessions to expire.', zh: '请关闭一些实验室标签页，或等待闲置的会话过期。' },
  sessionBurstPerAddress: { en: 'Wait a few seconds before opening more lab tabs.', zh: '请等几秒再打开更多实验室标签页。' },
  sessionRatePerAddress: { en: 'Wait a few seconds before opening more lab tabs.', zh: '请等几秒再打开更多实验室标签页。' },
  sessions: { en: 'The lab is full: try again in a few minutes.', zh: '实验室已满：请过几分钟再试。' },
  connectionsPerSession: { en: 'Close some of this session’s connections first.', zh: '请先关闭这个会话中的一些连接。' },
  messagesPerSecond: { en: 'Send fewer messages a second.', zh: '请降低每秒发送的消息数。' },
  messageBytes: { en: 'Send smaller messages.', zh: '请发送更小的消息。' },
  idleSessionMs: { en: 'Start a new session.', zh: '请开始一个新会话。' },
  rawRequestBytes: { en: 'Make the raw request shorter.', zh: '请缩短原始请求。' },
  rawWaitMs: { en: 'The answer took too long; try again.', zh: '响应等待时间过长；请重试。' },
  subscribersPerSession: { en: 'Close other pages watching this session’s events.', zh: '请关闭其他正在查看此会话事件的页面。' },
  maxClockScale: { en: 'Choose a smaller clock speed-up.', zh: '请选择更小的时钟倍速。' },
  applyMsPerSecond: { en: 'Wait a moment before applying again.', zh: '请稍等片刻再应用配置。' },
}

/** Whether a string the server sent is one of the limit names this client knows. */
export function isLimitName(name: unknown): name is LabLimitName {
  return typeof name === 'string' && Object.hasOwn(LIMIT_ADVICE, name)
}

/** The sentence for each kind; `{message}` is the server's own words, `{status}` the HTTP status. */
const SENTENCES: Readonly<Record<LabErrorKind, Words>> = {
  'bad-input': {
    en: 'The lab could not use what was sent: {message}. Correct it and try again.',
    zh: '实验室无法使用所发送的内容：{message}。请改正后重试。',
  },
  'not-found': {
    en: 'This lab session no longer exists (it expired after a while unused, or was closed). A new session is needed.',
    zh: '这个实验室会话已不存在（闲置一段时间后过期，或已被关闭）。需要开始一个新会话。',
  },
  gone: {
    en: 'The lab stopped this session to protect the other visitors ({message}). A new session is needed.',
    zh: '为保护其他访问者，实验室停止了这个会话（{message}）。需要开始一个新会话。',
  },
  'too-large': {
    en: 'Too large for the lab: {message}.',
    zh: '超出实验室的大小限制：{message}。',
  },
  refused: {
    en: 'nginx -t refused this config, so the running one keeps serving. The findings say why.',
    zh: 'nginx -t 拒绝了这个配置，正在运行的配置保持不变。检查结果说明了原因。',
  },
  limit: {
    en: 'A lab limit was reached: {message}.',
    zh: '达到了实验室的限制：{message}。',
  },
  busy: {
    en: 'A check of this session is still running. Wait for it to finish, then try again.',
    zh: '这个会话的一次检查仍在进行。请等它完成后再试。',
  },
  unreachable: {
    en: 'The lab server cannot be reached. Check your network connection; the page keeps trying.',
    zh: '无法连接到实验室服务器。请检查网络连接；页面会继续尝试。',
  },
  protocol: {
    en: 'The lab answered something this page cannot read (HTTP {status}). Reloading the page may help.',
    zh: '实验室返回了本页面无法识别的内容（HTTP {status}）。重新加载页面或许能解决。',
  },
}

/** The kind an HTTP status means (only non-2xx statuses reach here). */
export function kindOfStatus(status: number): LabErrorKind {
  switch (status) {
    case 400:
    case 405:
      return 'bad-input'
    case 404:
      return 'not-found'
    case 409:
      return 'busy'
    case 410:
      return 'gone'
    case 413:
      return 'too-large'
    case 422:
      return 'refused'
    case 429:
      return 'limit'
    // A gateway in front of the lab answering for it: the lab itself is not reachable.
    case 502:
    case 503:
    case 504:
      return 'unreachable'
    default:
      return 'protocol'
  }
}

export interface LabErrorInit {
  kind: LabErrorKind
  /** The HTTP status; 0 when there was no answer (or no request: a URL that cannot be built). */
  status: number
  /** The server's `error` (or what went wrong, when the server said nothing readable). */
  serverMessage: string
  limit?: LabLimitName
  /** From `Retry-After`, when the server said when trying again can work. */
  retryAfterSeconds?: number
  cause?: unknown
}

/** A failed call to the lab, with what the UI needs to say it and act on it. */
export class LabError extends Error {
  readonly kind: LabErrorKind
  readonly status: number
  readonly serverMessage: string
  /** The limit that tripped (413 and 429 from a limit), as the server names it. */
  readonly limit?: LabLimitName
  readonly retryAfterSeconds?: number

  constructor(init: LabErrorInit) {
    super(init.status ? `${init.kind} (HTTP ${init.status}): ${init.serverMessage}` : `${init.kind}: ${init.serverMessage}`, { cause: init.cause })
    this.name = 'LabError'
    this.kind = init.kind
    this.status = init.status
    this.serverMessage = init.serverMessage
    if (init.limit !== undefined) this.limit = init.limit
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds
  }

  /**
   * A sentence for the learner: what happened and what to do. The server's own message is kept
   * where it says something specific (limits, bad input, why a session was stopped): it is
   * English, and carries the numbers.
   */
  sentence(lang: LabLang): string {
    let message = this.serverMessage
    // A 410 says "the lab stopped this session: <why>. Start a new one.": the sentence says the rest.
    if (this.kind === 'gone') message = message.replace(/^the lab stopped this session:\s*/i, '').replace(/\s*Start a new one\.?$/i, '')
    message = message.replace(/[.\s]+$/, '')
    // A function, not a string: `$&` in the server's message is text, not a replacement pattern.
    const text = SENTENCES[this.kind][lang].replace('{message}', () => message).replace('{status}', String(this.status))
    if (this.limit === undefined) return text
    // Chinese sentences follow each other without a space.
    return `${text}${lang === 'zh' ? '' : ' '}${LIMIT_ADVICE[this.limit][lang]}`
  }
}
