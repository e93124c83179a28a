/**
 * LabError: each kind's sentence in English and 简体中文, the server's words kept where they are
 * specific, and a limit's advice added.
 */
import { describe, expect, it } from 'vitest'
import { isLimitName, kindOfStatus, LabError, type LabErrorKind } from '../../../components/lab/lab-errors.ts'
import { DEFAULT_LIMITS, type LabLimits } from '../../../server/sandbox/limits.ts'

const KINDS: Record<LabErrorKind, { status: number; serverMessage: string }> = {
  'bad-input': { status: 400, serverMessage: '"port" must be a port number' },
  'not-found': { status: 404, serverMessage: 'no such session (it may have expired): start a new one' },
  gone: { status: 410, serverMessage: 'the lab stopped this session: an internal error while handling this session. Start a new one.' },
  'too-large': { status: 413, serverMessage: 'request body over 136192 bytes' },
  refused: { status: 422, serverMessage: 'nginx -t failed' },
  limit: { status: 429, serverMessage: 'more than 50 messages and raw requests a second in this session' },
  busy: { status: 409, serverMessage: 'a check of this session is already waiting; wait for its answer' },
  unreachable: { status: 0, serverMessage: 'fetch failed' },
  protocol: { status: 500, serverMessage: 'internal error' },
}

describe('LabError.sentence', () => {
  it('says every kind in both languages, each differently', () => {
    for (const lang of ['en', 'zh'] as const) {
      const sentences = Object.entries(KINDS).map(([kind, init]) => new LabError({ kind: kind as LabErrorKind, ...init }).sentence(lang))
      expect(new Set(sentences).size).toBe(sentences.length)
      if (lang === 'zh') for (const sentence of sentences) expect(sentence).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('keeps the server’s words where they are specific, and says what to do', () => {
    const bad = new LabError({ kind: 'bad-input', ...KINDS['bad-input'] })
    expect(bad.sentence('en')).toBe('The lab could not use what was sent: "port" must be a port number. Correct it and try again.')
    expect(bad.sentence('zh')).toBe('实验室无法使用所发送的内容："port" must be a port number。请改正后重试。')
    const gone = new LabError({ kind: 'gone', ...KINDS.gone })
    expect(gone.sentence('en')).toBe('The lab stopped this session to protect the other visitors (an internal error while handling this session). A new session is needed.')
    expect(gone.sentence('zh')).toContain('（an internal error while handling this session）')
    expect(new LabError({ kind: 'protocol', ...KINDS.protocol }).sentence('en')).toContain('(HTTP 500)')
    expect(new LabError({ kind: 'unreachable', ...KINDS.unreachable }).sentence('zh')).toBe('无法连接到实验室服务器。请检查网络连接；页面会继续尝试。')
    // `$&` in a message is text.
    expect(new LabError({ kind: 'bad-input', status: 400, serverMessage: 'a $& b' }).sentence('en')).toContain('a $& b')
  })

  it('adds what to do about each limit, in both languages', () => {
    for (const limit of Object.keys(DEFAULT_LIMITS) as Array<keyof LabLimits>) {
      expect(isLimitName(limit)).toBe(true)
      const error = new LabError({ kind: 'limit', status: 429, serverMessage: `the ${limit} limit`, limit })
      const en = error.sentence('en')
      expect(en).toMatch(new RegExp(`^A lab limit was reached: the ${limit} limit\\. \\S`))
      expect(error.sentence('zh')).toMatch(new RegExp(`^达到了实验室的限制：the ${limit} limit。[\\u4e00-\\u9fff]`))
    }
    const sessions = new LabError({
      kind: 'limit',
      status: 429,
      limit: 'sessionsPerAddress',
      serverMessage: 'too many sessions from your address (limit 250); close some lab tabs, or wait for unused ones to expire (after 10 minutes). Everyone behind the same network address shares this limit.',
    })
    expect(sessions.sentence('en')).toBe(
      'A lab limit was reached: too many sessions from your address (limit 250); close some lab tabs, or wait for unused ones to expire (after 10 minutes). Everyone behind the same network address shares this limit. Close some lab tabs, or wait for unused sessions to expire.',
    )
    expect(isLimitName('constructor')).toBe(false)
    expect(isLimitName(undefined)).toBe(false)
  })

  it('maps statuses to kinds', () => {
    expect([400, 404, 405, 409, 410, 413, 422, 429, 500, 502, 503, 504, 418].map(kindOfStatus)).toEqual([
      'bad-input',
      'not-found',
      'bad-input',
      'busy',
      'gone',
      'too-large',
      'refused',
      'limit',
      'protocol',
      'unreachable',
      'unreachable',
      'unreachable',
      'protocol',
    ])
    const error = new LabError({ kind: 'not-found', status: 404, serverMessage: 'x' })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('LabError')
    expect(error.message).toBe('not-found (HTTP 404): x')
  })
})
