/**
 * Who a request comes from, for the per-address limits (sessions.ts), as nginx's realip module
 * finds it with `set_real_ip_from <LAB_TRUST_PROXY>; real_ip_header X-Forwarded-For;
 * real_ip_recursive on;`:
 *
 * - without trusted proxies, the socket's peer; X-Forwarded-For is ignored;
 * - with them, when the peer is trusted, X-Forwarded-For is read from the right: each trusted
 *   address is a proxy that reported the one before it; the first untrusted address is the
 *   visitor. Whatever stands left of it was written by the visitor and proves nothing. When every
 *   address is trusted, the leftmost is taken; an entry that is not an address (nginx: not
 *   parsable) stops the walk at the proxy that reported it.
 *
 * The CIDR matching is proxy-addr's (Express's), including IPv4-mapped IPv6 addresses.
 *
 * What the limits count is the visitor's key: an IPv4 address as it is, an IPv6 one as its /64
 * network, since one household or one server is routinely given a whole /64 and could otherwise
 * take a new address for every session.
 */
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import proxyAddr from 'proxy-addr'

/** Whether the address is a proxy trusted to report the one before it (hop 0 is the socket's peer). */
export type TrustProxy = (address: string, hop: number) => boolean

/** proxy-addr's names for ranges, accepted as they are in Express's `trust proxy`. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/**
 * Reads a list of trusted proxies: addresses or CIDR ranges, IPv4 or IPv6, separated by commas
 * (`10.0.0.0/8, 192.168.1.7, ::1, fd00::/8`); null for none (undefined or blank). Throws a
 * RangeError naming the first entry that is not one.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | null {
  if (value === undefined || value.trim() === '') return null
  const entries = value.split(',').map((entry) => entry.trim())
  for (const entry of entries) {
    if (entry === '') throw new RangeError(`"${value}" has an empty entry; expected addresses or CIDR ranges separated by commas, such as 10.0.0.0/8,::1`)
    if (NAMED_RANGES.has(entry)) continue
    try {
      proxyAddr.compile(entry)
    } catch (error) {
      const why = (error as Error).message
      throw new RangeError(`"${entry}" is not an address or a CIDR range (${why}); expected addresses or CIDR ranges separated by commas, such as 10.0.0.0/8,::1`)
    }
  }
  const trusted = proxyAddr.compile(entries)
  // X-Forwarded-For entries may carry a port, as nginx accepts them (`192.0.2.1:5000`, `[2001:db8::1]:443`).
  return (address, hop) => trusted(bareAddress(address) ?? address, hop)
}

/** The visitor's address (canonical: IPv4 dotted, IPv6 compressed lowercase), or `unknown`. */
export function visitorAddress(req: IncomingMessage, trust: TrustProxy | null): string {
  if (!trust) return canonicalAddress(req.socket.remoteAddress) ?? 'unknown'
  // [peer, the rightmost X-Forwarded-For entry, …, the first untrusted one]
  const chain = proxyAddr.all(req, trust)
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = canonicalAddress(bareAddress(chain[i]))
    if (address) return address
  }
  return 'unknown'
}

/** What the per-address limits count: an IPv4 address, an IPv6 /64 (`2001:db8:1:2::/64`). */
export function visitorKey(address: string): string {
  if (isIP(address) !== 6) return address
  const groups = ipv6Groups(address)
  return `${compressIpv6(groups.slice(0, 4).join(':') + '::')}/64`
}

/** `address` without a port or brackets (`192.0.2.1:80`, `[::1]:443`, `[::1]`); null when not an address. */
function bareAddress(entry: string | undefined): string | null {
  if (entry === undefined) return null
  const text = entry.trim()
  if (isIP(text)) return text
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::\d{1,5})?$/.exec(text)
  if (bracketed && isIP(bracketed[1]) === 6) return bracketed[1]
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text)
  if (withPort && isIP(withPort[1]) === 4) return withPort[1]
  return null
}

/** IPv4 as it is; IPv4-mapped IPv6 as IPv4; IPv6 compressed and lowercase, without a zone. */
function canonicalAddress(address: string | null | undefined): string | null {
  if (!address) return null
  const kind = isIP(address)
  if (kind === 4) return address
  if (kind !== 6) return null
  const groups = ipv6Groups(address.split('%')[0])
  if (groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff') {
    const high = parseInt(groups[6], 16)
    const low = parseInt(groups[7], 16)
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`
  }
  return compressIpv6(groups.join(':'))
}

/** The serialization URL gives an IPv6 host (RFC 5952: lowercase, longest zero run compressed). */
function compressIpv6(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1)
}

/** The eight groups of an IPv6 address, each without leading zeros. */
function ipv6Groups(address: string): string[] {
  const canonical = compressIpv6(address.split('%')[0])
  const [head, tail] = canonical.split('::')
  const left = head ? head.split(':') : []
  if (tail === undefined) return left
  const right = tail ? tail.split(':') : []
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
}
