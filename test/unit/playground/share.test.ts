import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeHash, encodeState, SHARED_CONFIG_CHARS } from '../../../playground/src/share.ts'
import type { PlaygroundState } from '../../../playground/src/state.ts'
import LZString from 'lz-string'
const { compressToEncodedURIComponent } = LZString

const state: PlaygroundState = {
  files: { '/etc/nginx/nginx.conf': 'events {}\nhttp { include conf.d/*.conf; }\n', '/etc/nginx/conf.d/chat.conf': 'server { listen 8020; }\n' },
  version: '1.30.4',
  preset: 'canonical',
  clients: [{ client: 'alice', target: 'localhost:8020/?nick=alice' }, { client: 'carol', target: 'chat.example.com:8020/ws' }],
  clock: 20,
}

/** A link made by the first version of the format: it must keep opening. */
const V1_LINK = '#v1.N4IgZglgNgpgziAXKA9DALgYxQOwOYQ4AeuBxAdJgPY5hIgwBuMO6cABMAL4A6OAFunQAHTuzgwATs0lioEOOhbsAHAAYA3OyhVMAQ3QQa7FGOGSqRAJ4B9YXrgdBIxChQBGAEwB2cmr-k7ojq7prsXOHhfCBcADQgMnBGOPTu5J6egSDx5vAYSDgArlBQ8ZjyLGxIANqg5RCV9HrymDDZIOh6knj5iCA6+lD8VIrBaigA-DgQmADWALzNM21cALplA7NI7lxAA'

describe('share', () => {
  it('reads back the state it writes', () => {
    expect(decodeHash(encodeState(state))).toEqual({ ok: true, state })
  })

  it('still opens a link of format v1', () => {
    const read = decodeHash(V1_LINK)
    expect(read?.ok).toBe(true)
    if (read?.ok) expect(read.state).toEqual({ files: { '/etc/nginx/nginx.conf': 'events {}\nhttp { server { listen 80; location / { proxy_pass http://127.0.0.1:8010; } } }\n' }, version: '1.22.1', preset: null, clients: [{ client: 'alice', target: 'localhost:80/?nick=alice' }], clock: 1 })
  })

  it('is not a link when the hash is empty', () => {
    expect(decodeHash('')).toBeNull()
    expect(decodeHash('#')).toBeNull()
  })

  it.each([
    ['#v2.abc', 'version'],
    ['#hello', 'malformed'],
    ['#v1.', 'malformed'],
    ['#v1.!!!!', 'malformed'],
    [`#v1.${compressToEncodedURIComponent('not json')}`, 'malformed'],
    [`#v1.${compressToEncodedURIComponent(JSON.stringify({ ...state, files: { '/etc/passwd': 'x' } }))}`, 'malformed'],
    [`#v1.${compressToEncodedURIComponent(JSON.stringify({ ...state, clock: 1000 }))}`, 'malformed'],
    [`#v1.${compressToEncodedURIComponent(JSON.stringify({ ...state, clients: [{ client: 'x', target: 5 }] }))}`, 'malformed'],
    [`#v1.${compressToEncodedURIComponent(JSON.stringify({ ...state, files: { '/etc/nginx/nginx.conf': 'x'.repeat(SHARED_CONFIG_CHARS + 1) } }))}`, 'oversized'],
    [`#v1.${'A'.repeat(300_000)}`, 'oversized'],
  ])('opens the default for %s… (%s)', (hash, why) => {
    expect(decodeHash(hash)).toEqual({ ok: false, why })
  })

  it('never throws on any hash', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (tail) => {
      const read = decodeHash(`#v1.${tail}`)
      return read === null || typeof read.ok === 'boolean'
    }))
  })
})
