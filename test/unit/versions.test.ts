/** Version-dependent behaviour (nginx-version.ts): 1.22.1 versus 1.30.4 (docs/nginx-behaviour.md §11). */
import { describe, expect, it } from 'vitest'
import { parseNginxVersion, unsupportedVersion, versionDefaults, type NginxVersion } from '../../server/nginx/nginx-version.ts'
import { defaultText, defaultValue } from '../../server/nginx/directives/defaults.ts'
import { firstLine, inHttp, inServer } from './helpers.ts'

const v = (text: string) => versionDefaults(parseNginxVersion(text)!)

describe('nginx versions', () => {
  it('keeps every version-dependent default in one place', () => {
    expect(v('1.22.1')).toMatchObject({ listenHttp2Deprecated: false, upstreamKeepaliveLocal: false })
    expect(v('1.30.4')).toMatchObject({ listenHttp2Deprecated: true, upstreamKeepaliveLocal: true })
    // Placed by number inside versionDefaults (1.29 has no table of its own, so it is never parsed).
    const at = (minor: number, patch: number): NginxVersion => ({ name: `1.${minor}.${patch}`, line: '1.30', major: 1, minor, patch })
    expect(versionDefaults(at(29, 6)).upstreamKeepaliveLocal).toBe(false)
    expect(versionDefaults(at(29, 7)).upstreamKeepaliveLocal).toBe(true)
    // Directive defaults that changed live in the directive table, per release line.
    // Explicit upstream {} blocks keep idle connections by default since 1.29.7.
    expect(defaultValue('keepalive', parseNginxVersion('1.22.1')!)).toBeNull()
    expect(defaultValue('keepalive', parseNginxVersion('1.30.4')!)).toBe(32)
    expect(defaultValue('proxy_http_version', parseNginxVersion('1.22.1')!)).toBe('1.0')
    expect(defaultValue('proxy_http_version', parseNginxVersion('1.30.4')!)).toBe('1.1')
    expect(defaultText('proxy_set_header', parseNginxVersion('1.22.1')!)).toBe('Host $proxy_host; Connection close')
    expect(defaultText('proxy_set_header', parseNginxVersion('1.30.4')!)).toBe('Host $proxy_host')
  })

  it('refuses versions it does not model', () => {
    expect(parseNginxVersion('2.0')).toBeNull()
    expect(parseNginxVersion('1.18.0')).toBeNull()
    expect(parseNginxVersion('1.30.4')).toMatchObject({ line: '1.30', minor: 30, patch: 4 })
    expect(parseNginxVersion('1.22.0')).toMatchObject({ line: '1.22' })
    // Release lines without a directive table of their own: their directives are not known.
    for (const version of ['1.24.0', '1.26.3', '1.28.0', '1.29.7', '1.31.0']) expect(parseNginxVersion(version)).toBeNull()
    expect(unsupportedVersion('1.26.3')).toBe('unsupported nginx version "1.26.3": Upgrade Lab has directive tables for 1.22.x, 1.30.x (modelled on 1.22.1, 1.30.4)')
  })

  it('removes `ssl` and deprecates `listen … http2` from 1.25 on', () => {
    expect(firstLine(inServer('ssl on;'), { nginxVersion: '1.30.4' })).toMatch(/\[emerg\] unknown directive "ssl"/)
    expect(firstLine(inHttp('server { listen 8443 http2; }'), { nginxVersion: '1.30.4' })).toMatch(
      /\[warn\] the "listen \.\.\. http2" directive is deprecated, use the "http2" directive instead/,
    )
    expect(firstLine(inHttp('server { listen 8443 http2; }'))).toBe('ok')
    expect(firstLine(inServer('http2 on;'))).toMatch(/unknown directive "http2"/)
    expect(firstLine(inServer('http2 on;'), { nginxVersion: '1.30.4' })).toBe('ok')
  })

  it('accepts proxy_http_version 2 and keepalive local only on 1.30', () => {
    expect(firstLine(inServer('location / { proxy_http_version 2; }'))).toMatch(/invalid value "2"/)
    expect(firstLine(inServer('location / { proxy_http_version 2; }'), { nginxVersion: '1.30.4' })).toBe('ok')
    expect(firstLine(inHttp('upstream u { server 127.0.0.1:1; keepalive 8 local; }'))).toMatch(/invalid number of arguments in "keepalive"/)
    expect(firstLine(inHttp('upstream u { server 127.0.0.1:1; keepalive 8 local; }'), { nginxVersion: '1.30.4' })).toBe('ok')
  })
})
