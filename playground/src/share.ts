/**
 * The playground's state in a link: `#v1.<lz-string>` of the config's files, the release, the
 * preset, the clients and the clock. The prefix names the format's version, so a link made today
 * still opens after the format changes (a new version gets a new prefix and its own reader here).
 * A hash that cannot be read, or is too large to be a lab config, opens the default with the
 * reason: never a blank page.
 */
import LZString from 'lz-string'
import { MAIN_FILE, type PlaygroundState } from './state.ts'

/** The lab takes 64 KiB of config (docs/lab-api.md `configBytes`); a link may carry no more. */
export const SHARED_CONFIG_CHARS = 64 * 1024
/** A hash longer than this is refused before it is decompressed (lz-string expands at most ~10×… and a URL this long is already suspicious). */
export const SHARED_HASH_CHARS = 200_000
const PREFIX = 'v1.'
const CLOCKS = new Set([1, 2, 5, 10, 20, 50, 100])

export type SharedRead = { ok: true; state: PlaygroundState } | { ok: false; why: 'version' | 'malformed' | 'oversized' }

export function encodeState(state: PlaygroundState): string {
  return `#${PREFIX}${LZString.compressToEncodedURIComponent(JSON.stringify(state))}`
}

/** Reads a location hash (with or without `#`); an empty hash is not a link (null). */
export function decodeHash(hash: string): SharedRead | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash
  if (text === '') return null
  if (text.length > SHARED_HASH_CHARS) return { ok: false, why: 'oversized' }
  if (!text.startsWith(PREFIX)) return { ok: false, why: /^v\d+\./.test(text) ? 'version' : 'malformed' }
  let json: string | null
  try {
    json = LZString.decompressFromEncodedURIComponent(text.slice(PREFIX.length))
  } catch {
    json = null
  }
  if (!json) return { ok: false, why: 'malformed' }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return { ok: false, why: 'malformed' }
  }
  return readState(value)
}

/** Checks a decoded value field by field: anything else is not a state this page can show. */
export function readState(value: unknown): SharedRead {
  if (!isRecord(value) || !isRecord(value.files)) return { ok: false, why: 'malformed' }
  const files: Record<string, string> = {}
  let chars = 0
  for (const [path, text] of Object.entries(value.files)) {
    if (typeof text !== 'string' || !path.startsWith('/etc/nginx/') || path.length > 128) return { ok: false, why: 'malformed' }
    files[path] = text
    chars += text.length
  }
  if (files[MAIN_FILE] === undefined) return { ok: false, why: 'malformed' }
  if (chars > SHARED_CONFIG_CHARS) return { ok: false, why: 'oversized' }
  if (typeof value.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(value.version)) return { ok: false, why: 'malformed' }
  const clock = value.clock
  if (typeof clock !== 'number' || !CLOCKS.has(clock)) return { ok: false, why: 'malformed' }
  const preset = value.preset
  if (preset !== null && (typeof preset !== 'string' || preset.length > 64)) return { ok: false, why: 'malformed' }
  if (!Array.isArray(value.clients) || value.clients.length > 6) return { ok: false, why: 'malformed' }
  const clients: PlaygroundState['clients'] = []
  for (const c of value.clients) {
    if (!isRecord(c) || typeof c.client !== 'string' || !/^[a-z]{1,16}$/.test(c.client) || typeof c.target !== 'string' || c.target.length > 512) return { ok: false, why: 'malformed' }
    clients.push({ client: c.client, target: c.target })
  }
  return { ok: true, state: { files, version: value.version, preset: preset as string | null, clients, clock } }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
