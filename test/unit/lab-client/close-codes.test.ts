/**
 * describeClose: every close code a learner may meet, explained in English and 简体中文, with
 * what the lab means by its own 1008, 1009 and 1011 reasons.
 */
import { describe, expect, it } from 'vitest'
import { describeClose } from '../../../components/lab/close-codes.ts'

const STANDARD = [1000, 1001, 1002, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015]

describe('describeClose', () => {
  it('explains each standard code in both languages, differently for each code', () => {
    for (const lang of ['en', 'zh'] as const) {
      const texts = STANDARD.map((code) => describeClose(code, '', lang))
      expect(new Set(texts).size).toBe(STANDARD.length)
      for (const text of texts) expect(text.length).toBeGreaterThan(10)
      if (lang === 'zh') for (const text of texts) expect(text).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(describeClose(1006, '', 'en')).toContain('No close frame: the connection was cut')
    expect(describeClose(1006, '', 'zh')).toContain('没有关闭帧')
    expect(describeClose(1000, '', 'en')).toBe('Normal closure: the connection did what it was for.')
  })

  it('shows the reason when there is one', () => {
    expect(describeClose(1000, 'bye', 'en')).toBe('Normal closure: the connection did what it was for. Reason: “bye”')
    expect(describeClose(1000, 'bye', 'zh')).toContain('原因：“bye”')
  })

  it('names the lab’s limit in its 1008 and 1009 closes', () => {
    const rate = 'more than 50 messages a second in this session'
    expect(describeClose(1008, rate, 'en')).toMatch(/^Policy violation.*messagesPerSecond.*Send fewer\. Reason: “more than 50 messages/)
    expect(describeClose(1008, rate, 'zh')).toContain('messagesPerSecond')
    expect(describeClose(1008, 'more than 50 messages and raw requests a second in this session', 'en')).toContain('messagesPerSecond')
    expect(describeClose(1008, 'too many event streams on this session (limit 8)', 'en')).toContain('subscribersPerSession')
    expect(describeClose(1008, 'event stream not read', 'zh')).toContain('落后')
    expect(describeClose(1008, `"after" is 60, but this session's last event is 42`, 'en')).toContain('never sent')
    const big = 'message of 20000 bytes is over the limit of 16384'
    expect(describeClose(1009, big, 'en')).toMatch(/^Message too big.*messageBytes.*Reason: “message of 20000 bytes/)
    expect(describeClose(1009, big, 'zh')).toContain('messageBytes')
    expect(describeClose(1011, 'session stopped: one step held the lab', 'en')).toContain('The lab stopped this session')
    // A reason that is not the lab's adds nothing of the lab's.
    expect(describeClose(1008, 'go away', 'en')).toBe('Policy violation: the other side refused to go on. Reason: “go away”')
    expect(describeClose(1011, 'boom', 'zh')).not.toContain('实验室停止')
  })

  it('explains the registered, private and unknown ranges', () => {
    expect(describeClose(3000, '', 'en')).toContain('library or framework')
    expect(describeClose(3999, '', 'zh')).toContain('库或框架')
    expect(describeClose(4000, 'room full', 'en')).toBe('Code 4000, chosen by the application itself: its meaning is the application’s. Reason: “room full”')
    expect(describeClose(4999, '', 'zh')).toContain('由应用自行选用')
    for (const code of [0, 999, 1004, 1016, 2999, 5000]) {
      expect(describeClose(code, '', 'en')).toBe(`Code ${code}: not a code the WebSocket standard defines.`)
      expect(describeClose(code, '', 'zh')).toContain(`代码 ${code}`)
    }
  })
})
