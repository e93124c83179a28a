/**
 * response-head.ts: the upstream response headers nginx does not pass to the client, and why
 * (`response.sent`'s `hidden`): hop-by-hop ones, proxy_hide_header's built-in list (which
 * proxy_pass_header opens) and the config's own proxy_hide_header.
 */
import { describe, expect, it } from 'vitest'
import { passedHeaders } from '../../../server/proxy/response-head.ts'

const UPSTREAM: Array<[string, string]> = [
  ['Date', 'Mon, 01 Jan 2024 00:00:00 GMT'],
  ['Server', 'backend'],
  ['Connection', 'keep-alive'],
  ['Keep-Alive', 'timeout=5'],
  ['Transfer-Encoding', 'chunked'],
  ['Proxy-Connection', 'keep-alive'],
  ['X-Accel-Buffering', 'no'],
  ['X-Secret', 'internal'],
  ['Content-Type', 'text/plain'],
  ['X-Kept', 'yes'],
]

describe('the upstream headers not passed to the client, and why', () => {
  it('names hop-by-hop, nginx-default-hidden and proxy_hide_header ones, in the upstream\'s order and spelling', () => {
    const out = passedHeaders(UPSTREAM, ['x-secret', 'Server'], [], (v) => v)
    expect(out.hidden).toEqual([
      { name: 'Date', reason: 'nginx-default-hidden' },
      // Hidden by default anyway: the config's line changes nothing there.
      { name: 'Server', reason: 'nginx-default-hidden' },
      { name: 'Connection', reason: 'hop-by-hop' },
      { name: 'Keep-Alive', reason: 'hop-by-hop' },
      { name: 'Transfer-Encoding', reason: 'hop-by-hop' },
      { name: 'Proxy-Connection', reason: 'hop-by-hop' },
      { name: 'X-Accel-Buffering', reason: 'nginx-default-hidden' },
      { name: 'X-Secret', reason: 'proxy_hide_header' },
    ])
    expect(out.passed).toEqual([['X-Kept', 'yes']])
    expect(out.contentType).toBe('text/plain')
  })

  it('passes what proxy_pass_header lets through, and hides nothing that passed', () => {
    const out = passedHeaders(UPSTREAM, [], ['Server', 'Date'], (v) => v)
    expect(out.hidden.map((h) => h.name)).toEqual(['Connection', 'Keep-Alive', 'Transfer-Encoding', 'Proxy-Connection', 'X-Accel-Buffering'])
    expect(out.passed.map(([n]) => n)).toEqual(['Date', 'Server', 'X-Secret', 'X-Kept'])
    const passedNames = new Set(out.passed.map(([n]) => n.toLowerCase()))
    for (const h of out.hidden) expect(passedNames.has(h.name.toLowerCase())).toBe(false)
  })
})
