/**
 * Everything that depends on the nginx version being modelled, in one place
 * (DESIGN.md "nginx versions"; nginx-findings.md §11).
 */

export interface NginxVersion {
  /** As printed in `Server:` headers and error pages, e.g. "1.22.1". */
  name: string
  major: number
  minor: number
  patch: number
}

export interface VersionDefaults {
  /** `proxy_http_version` when unset: 1.0 before 1.29.7, 1.1 since. */
  proxyHttpVersion: '1.0' | '1.1'
  /** Whether the proxy adds `Connection: close` when no `proxy_set_header Connection` applies. */
  proxyDefaultConnectionClose: boolean
  /** Whether explicit `upstream {}` blocks keep idle connections without a `keepalive` directive. */
  upstreamKeepaliveByDefault: boolean
  /** `ssl on;` still exists (removed in 1.25.1). */
  sslDirective: boolean
  /** `listen … http2` is deprecated in favour of the `http2` directive (1.25.1). */
  listenHttp2Deprecated: boolean
  /** What `proxy_http_version` accepts (HTTP/2 to backends came with 1.29). */
  proxyHttpVersions: readonly string[]
  /** `keepalive N local` (1.29.7). */
  upstreamKeepaliveLocal: boolean
}

export const DEFAULT_NGINX_VERSION = '1.22.1'

/** Versions the engine models; any other 1.x.y is accepted and placed by number. */
export const KNOWN_VERSIONS = ['1.22.1', '1.24.0', '1.26.3', '1.28.0', '1.30.4'] as const

export function parseNginxVersion(text: string): NginxVersion | null {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text.trim())
  if (!m) return null
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (major !== 1 || minor < 22 || minor > 99) return null
  return { name: `${major}.${minor}.${patch}`, major, minor, patch }
}

function atLeast(v: NginxVersion, minor: number, patch: number): boolean {
  return v.minor > minor || (v.minor === minor && v.patch >= patch)
}

export function versionDefaults(v: NginxVersion): VersionDefaults {
  const http11 = atLeast(v, 29, 7)
  return {
    proxyHttpVersion: http11 ? '1.1' : '1.0',
    proxyDefaultConnectionClose: !http11,
    upstreamKeepaliveByDefault: http11,
    sslDirective: !atLeast(v, 25, 1),
    listenHttp2Deprecated: atLeast(v, 25, 1),
    proxyHttpVersions: atLeast(v, 29, 7) ? ['1.0', '1.1', '2'] : ['1.0', '1.1'],
    upstreamKeepaliveLocal: http11,
  }
}
