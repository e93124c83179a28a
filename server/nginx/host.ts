import { DEBIAN_DIRECTORIES, DEBIAN_FILES, DEBIAN_NGINX_CONF } from './debian-files.ts'

/**
 * What a check needs from outside the text (docs/architecture.md "The host interface"): the engine never touches the host
 * itself. The CLI passes the real file system and resolver; the browser and the lab pass a
 * virtual host where no file exists but the lab's own and no name resolves but the lab's.
 */

/** A failed system call, as nginx reports it: `(2: No such file or directory)`. */
export interface SystemError {
  errno: number
  text: string
}

export const ENOENT: SystemError = { errno: 2, text: 'No such file or directory' }

export type Result<T> = { ok: true; value: T } | { ok: false; error: SystemError }

export interface ConfigHost {
  /** The text of a file, for `include`. */
  readFile(path: string): Result<string>
  /** Files matching an `include` pattern with `*`, `?` or `[`, sorted as glob(3) sorts them. */
  glob(pattern: string): Result<string[]>
  /** Whether a log or pid file could be opened for writing (nginx -t opens them). */
  openForWriting(path: string): Result<true>
  /** Loads a PEM certificate; on failure, nginx's whole message (`cannot load certificate …`). */
  loadCertificate(path: string): { ok: true } | { ok: false; message: string }
  /** Loads the private key for a certificate; on failure, nginx's whole message. */
  loadCertificateKey(path: string, certificatePath: string): { ok: true } | { ok: false; message: string }
  /** OpenSSL's error when it rejects a cipher list (SSL_CTX_set_cipher_list), or null. */
  cipherListError(list: string): string | null
  /** How many certificates a PEM file holds and whether the first names an OCSP responder. */
  certificateChain(path: string): { count: number; ocsp: boolean } | null
  /** Addresses for a host name, as getaddrinfo would give them; `null` when it does not resolve. */
  resolve(name: string): string[] | null
  /** Why a listening socket could not be bound here (nginx -t binds them), or null. */
  bindError(address: string, port: number, ipv6: boolean): SystemError | null
  /** Whether a user / group exists (the `user` directive). */
  userExists(name: string): boolean
  groupExists(name: string): boolean
}

/** `read()` of a directory (an include naming one, or a glob matching one). */
export const EISDIR: SystemError = { errno: 21, text: 'Is a directory' }

export interface VirtualHostOptions {
  /** Directories that exist besides the files' own folders (absolute, with or without a trailing slash). */
  directories?: readonly string[]
  /** What one check may ask of the host before it throws IncludeBudgetError (no limit when absent). */
  budget?: IncludeBudget
}

/**
 * How much `include` may read in one check. nginx has no such limit: a file including itself
 * (or two files including each other through a glob) makes it recurse until it runs out of
 * stack or file descriptors, while the number of files read doubles at each level. The lab
 * stops far earlier, with an error of its own, so a config's work is bounded by its size.
 */
export interface IncludeBudget {
  /** Files read (each include of a file counts, again if included again). */
  reads: number
  /** Characters of the files read, in all. */
  chars: number
  /** Glob patterns expanded. */
  globs: number
}

/**
 * The budget of stockHost: a config including the stock mime.types and proxy_params in each
 * of a hundred locations reads 600 KB; the engine reads about 15 MB a second.
 */
export const INCLUDE_BUDGET: IncludeBudget = Object.freeze({ reads: 1024, chars: 1 << 20, globs: 64 })

/** A config's includes asked for more than the host's IncludeBudget: the visitor's error, not the engine's. */
export class IncludeBudgetError extends RangeError {}

/**
 * The host of the browser and the lab: nothing outside the config exists but `files` (by
 * absolute path) and their folders, only `localhost` resolves, users and groups are taken on trust.
 */
export function virtualHost(files: Readonly<Record<string, string>> = {}, options: VirtualHostOptions = {}): ConfigHost {
  // Own keys only, in a map: a path is the visitor's string ("/etc/nginx/constructor" is no file).
  const byPath = new Map<string, string>()
  for (const path of Object.keys(files)) byPath.set(path, files[path])
  const directories = new Set<string>()
  for (const dir of options.directories ?? []) directories.add(withoutTrailingSlash(dir))
  for (const path of byPath.keys()) {
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) directories.add(path.slice(0, i))
  }
  // glob(3) lists directories too; reading one then fails as nginx's does.
  const entries = [...byPath.keys(), ...directories].sort()
  const budget = options.budget
  let reads = 0
  let chars = 0
  let globs = 0
  const over = (what: string): never => {
    throw new IncludeBudgetError(`this config's includes ${what} (an include loop?): the lab stops there, nginx would recurse until it crashed`)
  }
  return {
    readFile: (path) => {
      const text = byPath.get(path)
      if (text !== undefined) {
        if (budget) {
          if (++reads > budget.reads) over(`read more than ${budget.reads} files`)
          if ((chars += text.length) > budget.chars) over(`read more than ${budget.chars} characters`)
        }
        return { ok: true, value: text }
      }
      return { ok: false, error: directories.has(withoutTrailingSlash(path)) ? EISDIR : ENOENT }
    },
    glob: (pattern) => {
      if (budget && ++globs > budget.globs) over(`expand more than ${budget.globs} glob patterns`)
      const matches = globMatcher(pattern)
      return { ok: true, value: entries.filter(matches) }
    },
    openForWriting: () => ({ ok: true, value: true }),
    loadCertificate: () => ({ ok: true }),
    loadCertificateKey: () => ({ ok: true }),
    cipherListError: () => null,
    certificateChain: () => null,
    resolve: (name) => (name.toLowerCase() === 'localhost' ? ['127.0.0.1'] : null),
    bindError: () => null,
    userExists: () => true,
    groupExists: () => true,
  }
}

/** Where a config's user files may live. */
export const USER_FILES_ROOT = '/etc/nginx/'
/** Paths are short: glob matching costs a path segment's length times the pattern's. */
export const USER_PATH_MAX_CHARS = 128

/**
 * Why `path` cannot be one of the visitor's files beside the main config `mainFile`, or null
 * when it can: absolute, normalized (no `.` or `..` segment, no `//`, no trailing `/`), no NUL or
 * other control character, under /etc/nginx/, not the main file, not one of Debian's stock files
 * (debian-files.ts). The wording is the lab's answer (docs/lab-api.md).
 */
export function userFilePathError(path: string, mainFile: string = DEBIAN_NGINX_CONF): string | null {
  const shown = JSON.stringify(path.length > 80 ? `${path.slice(0, 80)}…` : path)
  if (path.length > USER_PATH_MAX_CHARS) return `the file path ${shown} is longer than ${USER_PATH_MAX_CHARS} characters`
  if (/[\u0000-\u001f\u007f]/.test(path)) return `the file path ${shown} holds a control character (NUL, newline…)`
  if (!path.startsWith('/')) return `the file path ${shown} is not absolute (it must start with ${USER_FILES_ROOT})`
  if (path.includes('//')) return `the file path ${shown} is not normalized ("//")`
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return `the file path ${shown} is not normalized ("." or ".." segments)`
  if (path.endsWith('/')) return `the file path ${shown} names a directory, not a file`
  if (!path.startsWith(USER_FILES_ROOT)) return `the file path ${shown} is not under ${USER_FILES_ROOT}`
  if (path === mainFile) return `${shown} is the main config: send its text as "config"`
  if (Object.hasOwn(DEBIAN_FILES, path)) return `${shown} is Debian's stock file, read-only in the lab`
  for (const dir of DEBIAN_DIRECTORIES) {
    if (path === dir.slice(0, -1)) return `the file path ${shown} is a directory of Debian's layout`
  }
  return null
}

/**
 * A host with Debian's stock files (debian-files.ts, read-only) and the stock directories —
 * conf.d/, sites-enabled/ and modules-enabled/ empty — plus the visitor's `files` (absolute
 * paths under /etc/nginx/, see userFilePathError). `include` and its globs see both. A user
 * file at a stock file's path is a RangeError: the stock files are not the visitor's to replace.
 * `main`, when given, is the text at the main config's path (in place of Debian's nginx.conf).
 * Includes are bounded by INCLUDE_BUDGET: past it, check() throws IncludeBudgetError.
 */
export function stockHost(files: Readonly<Record<string, string>> = {}, main?: { path: string; text: string }): ConfigHost {
  const all = new Map<string, string>()
  for (const path of Object.keys(DEBIAN_FILES)) all.set(path, DEBIAN_FILES[path])
  for (const path of Object.keys(files)) {
    if (all.has(path) || path === main?.path) throw new RangeError(`${JSON.stringify(path)} is Debian's stock file, read-only in the lab`)
    all.set(path, files[path])
  }
  // The main config is the file at its path (Debian's nginx.conf, edited): `include nginx.conf` reads it.
  if (main) all.set(main.path, main.text)
  return virtualHost(Object.fromEntries(all), { directories: DEBIAN_DIRECTORIES, budget: INCLUDE_BUDGET })
}

/** `/a/b/` → `/a/b` (`/` stays); a loop, not a regex: the path may be a visitor's `//////…`. */
function withoutTrailingSlash(path: string): string {
  let end = path.length
  while (end > 1 && path.charCodeAt(end - 1) === 0x2f) end--
  return path.slice(0, end)
}

type GlobToken = { star: true } | { star: false; test: (ch: string) => boolean }

/**
 * glob(3) as `include` uses it, for the virtual host, where both the pattern and the names are
 * a visitor's: matched a path segment at a time (`*`, `?` and `[…]` never cross `/`; a name
 * starting with `.` is matched only by a pattern segment starting with `.`), in time bounded by
 * pattern × name — no regex, so no backtracking however many `*` a pattern has.
 */
export function globMatcher(pattern: string): (path: string) => boolean {
  const segments = pattern.split('/').map(globSegment)
  return (path) => {
    const names = path.split('/')
    if (names.length !== segments.length) return false
    for (let i = 0; i < names.length; i++) {
      const { tokens, dot, chars } = segments[i]
      if (names[i].startsWith('.') && !dot) return false
      // A name shorter than the segment's characters cannot match: the long patterns end here.
      if (names[i].length < chars) return false
      if (!matchSegment(tokens, names[i])) return false
    }
    return true
  }
}

function globSegment(segment: string): { tokens: GlobToken[]; dot: boolean; chars: number } {
  const tokens: GlobToken[] = []
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]
    if (ch === '*') {
      // `**` is `*`: consecutive stars are one backtrack point.
      if (!tokens.at(-1)?.star) tokens.push({ star: true })
    }
    else if (ch === '?') tokens.push({ star: false, test: () => true })
    else if (ch === '[' && segment.indexOf(']', i + 1) > i + 1) {
      const close = segment.indexOf(']', i + 1)
      tokens.push({ star: false, test: charClass(segment.slice(i + 1, close)) })
      i = close
    } else if (ch === '\\' && i + 1 < segment.length) {
      const literal = segment[++i]
      tokens.push({ star: false, test: (c) => c === literal })
    } else tokens.push({ star: false, test: (c) => c === ch })
  }
  return { tokens, dot: segment.startsWith('.'), chars: tokens.filter((t) => !t.star).length }
}

/** A bracket expression's body: `!` or `^` negates, `a-z` is a range, `\\x` is x. */
function charClass(body: string): (ch: string) => boolean {
  const negated = body.startsWith('!') || body.startsWith('^')
  const ranges: Array<[string, string]> = []
  for (let i = negated ? 1 : 0; i < body.length; i++) {
    let from = body[i]
    if (from === '\\' && i + 1 < body.length) from = body[++i]
    if (body[i + 1] === '-' && i + 2 < body.length) {
      let to = body[i + 2]
      i += 2
      if (to === '\\' && i + 1 < body.length) to = body[++i]
      ranges.push([from, to])
    } else ranges.push([from, from])
  }
  // Each character is looked up once: a class may be as long as the config.
  const seen = new Map<string, boolean>()
  return (ch) => {
    let hit = seen.get(ch)
    if (hit === undefined) seen.set(ch, (hit = ranges.some(([from, to]) => ch >= from && ch <= to) !== negated))
    return hit
  }
}

/** Wildcard matching with one backtrack point (the last `*`): O(tokens × name). */
function matchSegment(tokens: readonly GlobToken[], name: string): boolean {
  let p = 0
  let t = 0
  let starP = -1
  let starT = 0
  while (t < name.length) {
    const token = tokens[p]
    if (token && !token.star && token.test(name[t])) {
      p++
      t++
    } else if (token && token.star) {
      starP = p++
      starT = t
    } else if (starP >= 0) {
      p = starP + 1
      t = ++starT
    } else return false
  }
  while (p < tokens.length && tokens[p].star) p++
  return p === tokens.length
}

/** glob(3) patterns as used by `include`: `*` and `?` do not cross `/`. */
export function globToRegExp(pattern: string): RegExp {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '*') re += '[^/]*'
    else if (ch === '?') re += '[^/]'
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1)
      if (close < 0) re += '\\['
      else {
        const body = pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')
        re += `[${body}]`
        i = close
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}
