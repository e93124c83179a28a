/** values.ts: nginx's parsers for times, sizes, numbers and addresses. */
import { describe, expect, it } from 'vitest'
import { atoi, parseSize, parseTime, parseUrl } from '../../server/nginx/values.ts'

describe('parseTime', () => {
  it.each([
    ['60s', false, 60_000],
    ['60', false, 60_000],
    ['500ms', false, 500],
    ['1h 30m', false, 5_400_000],
    ['1h30m', false, 5_400_000],
    ['5m', true, 300],
    ['1y', true, 31_536_000],
  ])('%s (seconds: %s) is %d', (text, isSec, expected) => {
    expect(parseTime(text, isSec)).toBe(expected)
  })

  it.each([
    ['10x', false],
    ['30m1h', false],
    ['1y', false],
    ['1M', false],
    ['500ms', true],
    ['', false],
    ['s', false],
    ['99999999999999999999', true],
  ])('rejects %s (seconds: %s)', (text, isSec) => {
    expect(parseTime(text, isSec)).toBeNull()
  })
})

describe('parseSize and atoi', () => {
  it('reads k and m, and nothing else', () => {
    expect(parseSize('64k')).toBe(65_536)
    expect(parseSize('1M')).toBe(1_048_576)
    expect(parseSize('1g')).toBeNull()
    expect(parseSize('-1')).toBeNull()
  })
  it('refuses signs and overflow', () => {
    expect(atoi('8080')).toBe(8080)
    expect(atoi('+1')).toBeNull()
    expect(atoi('9223372036854775808')).toBeNull()
  })
})

describe('parseUrl', () => {
  it('reads listen addresses as nginx does', () => {
    expect(parseUrl('8080', { listen: true, defaultPort: 80 })).toMatchObject({ ok: true, url: { host: '0.0.0.0', port: 8080, wildcard: true } })
    expect(parseUrl('127.0.0.1:8020', { listen: true, defaultPort: 80 })).toMatchObject({ ok: true, url: { host: '127.0.0.1', port: 8020 } })
    expect(parseUrl('[::]:80', { listen: true, defaultPort: 80 })).toMatchObject({ ok: true, url: { host: '::', ipv6: true } })
    expect(parseUrl('127.0.0.1:99999', { listen: true, defaultPort: 80 })).toEqual({ ok: false, err: 'invalid port' })
    expect(parseUrl('127.0.0.1/x', { listen: true, defaultPort: 80 })).toEqual({ ok: false, err: 'invalid host' })
  })
  it('splits proxy_pass URLs into host, port and URI', () => {
    expect(parseUrl('127.0.0.1:8010/chat?x=1', { uriPart: true, defaultPort: 80 })).toMatchObject({
      ok: true,
      url: { host: '127.0.0.1', port: 8010, uri: '/chat?x=1', literal: true },
    })
    expect(parseUrl('backend', { uriPart: true, defaultPort: 80 })).toMatchObject({ ok: true, url: { host: 'backend', port: 80, noPort: true, literal: false } })
    expect(parseUrl('ip:port', { defaultPort: 80 })).toEqual({ ok: false, err: 'invalid port' })
  })
})
