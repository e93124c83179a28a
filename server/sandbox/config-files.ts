/**
 * The files a visitor's config brings beside its main text (check/apply's `files`,
 * docs/lab-api.md "Configs"): absolute paths under /etc/nginx/ to texts, next to Debian's stock
 * files (server/nginx/debian-files.ts), which they may not replace. Read from the visitor's JSON
 * into a null-prototype object: a path is the visitor's string, and `__proto__` or `constructor`
 * must be nothing but a refused path.
 */
import { userFilePathError } from '../nginx/host.ts'
import { LimitError, type LabLimits } from './limits.ts'

/** Path → text, without a prototype. */
export type ConfigFiles = Readonly<Record<string, string>>

export const NO_CONFIG_FILES: ConfigFiles = Object.freeze(Object.create(null) as Record<string, string>)

/**
 * `files` as the visitor sent it, checked: an object of strings (RangeError, a 400), at most
 * `limits.configFiles` of them (LimitError, a 413), each at a path userFilePathError accepts
 * (RangeError). The sizes are the session's to check, with the main text's (Session.check).
 * The work is bounded by the count: nothing is looked at past the limit.
 */
export function readConfigFiles(value: unknown, limits: LabLimits, mainFile: string): ConfigFiles {
  if (value === undefined) return NO_CONFIG_FILES
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RangeError('"files" must be an object of absolute paths to file texts: { "/etc/nginx/sites-enabled/chat.conf": "server { … }" }')
  }
  const paths = Object.keys(value)
  if (paths.length > limits.configFiles) {
    throw new LimitError(`${paths.length} files is over the limit of ${limits.configFiles} files beside the main config`, 413, 'configFiles')
  }
  const files = Object.create(null) as Record<string, string>
  for (const path of paths) {
    const refused = userFilePathError(path, mainFile)
    if (refused !== null) throw new RangeError(`"files": ${refused}`)
    const text: unknown = (value as Record<string, unknown>)[path]
    if (typeof text !== 'string') throw new RangeError(`"files": the text of ${JSON.stringify(path)} must be a string`)
    files[path] = text
  }
  return Object.freeze(files)
}

/** The bytes (UTF-8) of a config: its main text and its files' texts. */
export function configBytes(text: string, files: ConfigFiles): number {
  let bytes = Buffer.byteLength(text, 'utf8')
  for (const path of Object.keys(files)) bytes += Buffer.byteLength(files[path], 'utf8')
  return bytes
}
