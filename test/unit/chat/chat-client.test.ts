import { describe, expect, it } from 'vitest'
import { appendEntry, CHAT_ENTRIES_KEPT, receivedEntry, type ChatEntry } from '../../../components/chat/chat-entries.ts'
import { formatTarget, parseTarget } from '../../../components/chat/client-target.ts'

describe('client-target', () => {
  it.each([
    ['localhost:80/', { host: 'localhost', port: 80, path: '/' }],
    ['localhost', { host: 'localhost', port: 80, path: '/' }],
    ['chat.example.com:8020/ws?room=a&nick=b', { host: 'chat.example.com', port: 8020, path: '/ws?room=a&nick=b' }],
    ['ws://example.com:443/', { host: 'example.com', port: 443, path: '/' }],
    ['  [::1]:8080/x ', { host: '[::1]', port: 8080, path: '/x' }],
  ])('reads %j', (text, target) => {
    expect(parseTarget(text)).toEqual({ ok: true, target })
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['exa_mple.com:80/', 'host'],
    ['localhost:0/', 'port'],
    ['localhost:70000/', 'port'],
    ['localhost:x/', 'port'],
    ['localhost:80/a b', 'path'],
  ])('refuses %j (%s)', (text, error) => {
    expect(parseTarget(text)).toEqual({ ok: false, error })
  })

  it('writes the port always, and reads back what it writes', () => {
    const target = { host: 'localhost', port: 80, path: '/?nick=alice' }
    expect(formatTarget(target)).toBe('localhost:80/?nick=alice')
    expect(parseTarget(formatTarget(target))).toEqual({ ok: true, target })
  })
})

describe('chat-entries', () => {
  it('reads the sample chat server\'s messages with their instance', () => {
    const entry = receivedEntry(JSON.stringify({ type: 'message', instance: 'B', room: 'lobby', nick: 'bob', text: 'hi', time: 1 }))
    expect(entry).toEqual({ kind: 'chat', message: { type: 'message', instance: 'B', room: 'lobby', nick: 'bob', text: 'hi', time: 1 } })
  })

  it.each(['Server received from client: hi', '{"type":"other"}', '{"type":"message","nick":"x"}', 'null', '[1]'])('keeps %j as text', (data) => {
    expect(receivedEntry(data)).toEqual({ kind: 'text', text: data })
  })

  it(`keeps the last ${CHAT_ENTRIES_KEPT} entries`, () => {
    let entries: ChatEntry[] = []
    for (let i = 0; i < CHAT_ENTRIES_KEPT + 20; i++) entries = appendEntry(entries, { kind: 'sent', text: String(i) })
    expect(entries).toHaveLength(CHAT_ENTRIES_KEPT)
    expect(entries[0]).toEqual({ kind: 'sent', text: '20' })
    expect(entries.at(-1)).toEqual({ kind: 'sent', text: String(CHAT_ENTRIES_KEPT + 19) })
  })
})
