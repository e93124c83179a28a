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

/**
 * The host of the browser and the lab: nothing outside the config exists, only `localhost`
 * resolves, users and groups are taken on trust.
 */
export function virtualHost(files: Record<string, string> = {}): ConfigHost {
  return {
    readFile: (path) => (path in files ? { ok: true, value: files[path] } : { ok: false, error: ENOENT }),
    glob: (pattern) => {
      const re = globToRegExp(pattern)
      return { ok: true, value: Object.keys(files).filter((f) => re.test(f)).sort() }
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
