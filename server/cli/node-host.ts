/**
 * The host interface on the real machine, for `upgrade-lab check` and `serve`: the file
 * system, getaddrinfo (through getent, which asks NSS exactly as nginx's getaddrinfo does),
 * users and groups, and certificate files checked with Node's crypto.
 */
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { dirname } from 'node:path'
import { globToRegExp, type ConfigHost, type Result, type SystemError } from '../nginx/host.ts'

const ERRNO_TEXT: Record<string, SystemError> = {
  ENOENT: { errno: 2, text: 'No such file or directory' },
  EACCES: { errno: 13, text: 'Permission denied' },
  EISDIR: { errno: 21, text: 'Is a directory' },
  ENOTDIR: { errno: 20, text: 'Not a directory' },
}

function systemError(error: unknown): SystemError {
  const code = (error as NodeJS.ErrnoException).code ?? 'ENOENT'
  return ERRNO_TEXT[code] ?? { errno: 5, text: 'Input/output error' }
}

// node:crypto, node:tls and node:child_process load only when a config needs them (certificates,
// a name to resolve, a user not in /etc/passwd): loading them cost a small `check` a tenth of
// its start-up (npm run bench -- --only startup).
const crypto = () => process.getBuiltinModule('node:crypto')
const tls = () => process.getBuiltinModule('node:tls')

function getent(database: string, key: string): string | null {
  try {
    return process.getBuiltinModule('node:child_process').execFileSync('getent', [database, key], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return null
  }
}

/**
 * Whether NSS knows `name` in the passwd or group database, as getpwnam/getgrnam ask it: the
 * local file first (a name found there is found), then getent for the other sources (LDAP…).
 * Spawning getent costs ~20 ms, most of a small check's time.
 */
function nssHas(database: 'passwd' | 'group', name: string): boolean {
  try {
    const lines = readFileSync(`/etc/${database}`, 'utf8').split('\n')
    if (lines.some((line) => line.slice(0, line.indexOf(':')) === name)) return true
  } catch {
    // No such file: ask NSS.
  }
  return getent(database, name) !== null
}

/** OpenSSL 3's text for a file fopen() could not open, as nginx prints it. */
function bioFailure(path: string): string {
  return `BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(${path}, r) error:10000080:BIO routines::no such file)`
}

/** Whether the first PEM block's DER claims more bytes than it has (a cut-off file). */
function derIsTruncated(pem: string): boolean {
  const body = /-----BEGIN [A-Z ]+-----([\s\S]*?)-----END/.exec(pem)?.[1]
  if (!body) return false
  const der = Buffer.from(body.replace(/\s+/g, ''), 'base64')
  if (der.length < 2 || der[0] !== 0x30) return false
  let length = der[1]
  let offset = 2
  if (length & 0x80) {
    const bytes = length & 0x7f
    length = 0
    for (let i = 0; i < bytes; i++) length = length * 256 + (der[offset + i] ?? 0)
    offset += bytes
  }
  return offset + length > der.length
}

/** Whether bind() can use the address: a wildcard, loopback, or an address of an interface. */
function isLocalAddress(address: string, ipv6: boolean): boolean {
  if (!ipv6 && (address === '0.0.0.0' || address.startsWith('127.'))) return true
  if (ipv6 && (address === '::' || address === '::1')) return true
  return Object.values(networkInterfaces()).some((list) => list?.some((i) => i.address.toLowerCase() === address.toLowerCase()))
}

export function nodeHost(): ConfigHost {
  const resolved = new Map<string, string[] | null>()
  return {
    readFile(path): Result<string> {
      try {
        return { ok: true, value: readFileSync(path, 'utf8') }
      } catch (error) {
        return { ok: false, error: systemError(error) }
      }
    },

    glob(pattern): Result<string[]> {
      const dir = dirname(pattern)
      const re = globToRegExp(pattern)
      try {
        const names = readdirSync(dir).map((name) => `${dir}/${name}`)
        return { ok: true, value: names.filter((f) => re.test(f)).sort() }
      } catch (error) {
        // glob(3) with no match, or a missing folder, is not an error for nginx.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: [] }
        return { ok: false, error: systemError(error) }
      }
    },

    openForWriting(path): Result<true> {
      try {
        const stat = statSync(path, { throwIfNoEntry: false })
        if (stat?.isDirectory()) return { ok: false, error: ERRNO_TEXT.EISDIR }
        accessSync(stat ? path : dirname(path), constants.W_OK)
        return { ok: true, value: true }
      } catch (error) {
        return { ok: false, error: systemError(error) }
      }
    },

    loadCertificate(path) {
      let pem: string
      try {
        pem = readFileSync(path, 'latin1')
      } catch {
        return { ok: false, message: `cannot load certificate "${path}": ${bioFailure(path)}` }
      }
      if (!/-----BEGIN (TRUSTED )?CERTIFICATE-----/.test(pem)) {
        return {
          ok: false,
          message: `cannot load certificate "${path}": PEM_read_bio_X509_AUX() failed (SSL: error:0480006C:PEM routines::no start line:Expecting: TRUSTED CERTIFICATE)`,
        }
      }
      try {
        new (crypto().X509Certificate)(pem)
        return { ok: true }
      } catch {
        if (derIsTruncated(pem)) {
          return {
            ok: false,
            message: `cannot load certificate "${path}": PEM_read_bio_X509_AUX() failed (SSL: error:0680009B:asn1 encoding routines::too long error:06800066:asn1 encoding routines::bad object header error:0688010A:asn1 encoding routines::nested asn1 error:Type=X509 error:0488000D:PEM routines::ASN1 lib)`,
          }
        }
        return {
          ok: false,
          message: `cannot load certificate "${path}": PEM_read_bio_X509_AUX() failed (SSL: error:0488000D:PEM routines::ASN1 lib)`,
        }
      }
    },

    loadCertificateKey(path, certificatePath) {
      let pem: string
      try {
        pem = readFileSync(path, 'latin1')
      } catch {
        return { ok: false, message: `cannot load certificate key "${path}": ${bioFailure(path)}` }
      }
      try {
        const key = crypto().createPrivateKey(pem)
        const cert = new (crypto().X509Certificate)(readFileSync(certificatePath, 'latin1'))
        const fromKey = crypto().createPublicKey(key).export({ type: 'spki', format: 'der' })
        const fromCert = cert.publicKey.export({ type: 'spki', format: 'der' })
        if (!fromKey.equals(fromCert)) {
          return {
            ok: false,
            message: `SSL_CTX_use_PrivateKey("${path}") failed (SSL: error:05800074:x509 certificate routines::key values mismatch)`,
          }
        }
        return { ok: true }
      } catch {
        return {
          ok: false,
          message: `cannot load certificate key "${path}": PEM_read_bio_PrivateKey() failed (SSL: error:1E08010C:DECODER routines::unsupported:No supported data to decode. Input type: PEM)`,
        }
      }
    },

    cipherListError(list) {
      try {
        tls().createSecureContext({ ciphers: list })
        return null
      } catch {
        return 'error:0A0000B9:SSL routines::no cipher match'
      }
    },

    certificateChain(path) {
      try {
        const pem = readFileSync(path, 'latin1')
        const count = pem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0
        const first = new (crypto().X509Certificate)(pem)
        return { count, ocsp: /OCSP - URI:/.test(first.infoAccess ?? '') }
      } catch {
        return null
      }
    },

    resolve(name) {
      if (!resolved.has(name)) {
        const out = getent('ahosts', name)
        resolved.set(name, out ? [...new Set(out.split('\n').map((l) => l.split(/\s+/)[0]).filter(Boolean))] : null)
      }
      return resolved.get(name) ?? null
    },

    bindError(address, port, ipv6) {
      if (port < 1024 && process.getuid?.() !== 0) return { errno: 13, text: 'Permission denied' }
      if (isLocalAddress(address, ipv6)) return null
      return { errno: 99, text: 'Cannot assign requested address' }
    },

    userExists: (name) => nssHas('passwd', name),
    groupExists: (name) => nssHas('group', name),
  }
}
