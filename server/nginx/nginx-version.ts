/**
 * Everything that depends on the nginx version being modelled, in one place: which release
 * lines have a directive table, and the behaviours that changed between them (nginx's
 * CHANGES; docs/architecture.md "Versions").
 */

/**
 * Release lines with a directive table of their own (directives/index.ts), and the release of
 * each that was modelled. A version of another line is refused: its directives are not known.
 */
export const MODELLED_RELEASES = { '1.22': '1.22.1', '1.30': '1.30.4' } as const
export type ModelledLine = keyof typeof MODELLED_RELEASES

export interface NginxVersion {
  /** As printed in `Server:` headers and error pages, e.g. "1.22.1". */
  name: string
  line: ModelledLine
  major: number
  minor: number
  patch: number
}

export interface VersionDefaults {
  /** `listen … http2` is deprecated in favour of the `http2` directive (1.25.1). */
  listenHttp2Deprecated: boolean
  /** `keepalive N local` (1.29.7). */
  upstreamKeepaliveLocal: boolean
}

export const DEFAULT_NGINX_VERSION = '1.22.1'

/** The modelled releases, for messages and menus: `1.22.1, 1.30.4`. */
export const MODELLED_VERSIONS: readonly string[] = Object.values(MODELLED_RELEASES)

function isModelledLine(line: string): line is ModelledLine {
  return Object.hasOwn(MODELLED_RELEASES, line)
}

/** `1.22.1` → the version, when its release line is modelled; null otherwise. */
export function parseNginxVersion(text: string): NginxVersion | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim())
  if (!m) return null
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const line = `${major}.${minor}`
  if (!isModelledLine(line)) return null
  return { name: `${major}.${minor}.${patch}`, line, major, minor, patch }
}

/** Why a version is refused, with the versions there are: one line for the CLI and the API. */
export function unsupportedVersion(text: string): string {
  const lines = Object.keys(MODELLED_RELEASES).map((line) => `${line}.x`).join(', ')
  return `unsupported nginx version "${text}": Upgrade Lab has directive tables for ${lines} (modelled on ${MODELLED_VERSIONS.join(', ')})`
}

function atLeast(v: NginxVersion, minor: number, patch: number): boolean {
  return v.minor > minor || (v.minor === minor && v.patch >= patch)
}

export function versionDefaults(v: NginxVersion): VersionDefaults {
  return {
    listenHttp2Deprecated: atLeast(v, 25, 1),
    upstreamKeepaliveLocal: atLeast(v, 29, 7),
  }
}
