/**
 * Choosing a backend, as nginx's upstream modules do: smooth weighted round robin
 * (ngx_http_upstream_round_robin.c), ip_hash, hash, least_conn, backup servers, `down`, and
 * max_fails/fail_timeout. One Balancer per upstream, kept for the life of a config.
 */
import type { UpstreamConf } from '../nginx/conf.ts'

export interface Peer {
  /** `127.0.0.1:8010`, as $upstream_addr shows it. */
  name: string
  host: string
  port: number
  weight: number
  maxFails: number
  failTimeoutMs: number
  down: boolean
  backup: boolean
  currentWeight: number
  effectiveWeight: number
  fails: number
  checkedMs: number
  accessedMs: number
  conns: number
}

export interface Attempt {
  /** Peers already tried for this request (nginx's `tried` bitmap). */
  tried: Set<Peer>
  /** How many more peers may be tried. */
  tries: number
}

function peerOf(address: string, weight: number, maxFails: number, failTimeoutMs: number, down: boolean, backup: boolean): Peer {
  const colon = address.lastIndexOf(':')
  const host = colon > 0 ? address.slice(0, colon).replace(/^\[|\]$/g, '') : address
  const port = colon > 0 ? Number(address.slice(colon + 1)) : 80
  const name = colon > 0 ? address : `${address}:80`
  return {
    name, host, port, weight, maxFails, failTimeoutMs, down, backup,
    currentWeight: 0, effectiveWeight: weight, fails: 0, checkedMs: 0, accessedMs: 0, conns: 0,
  }
}

export class Balancer {
  readonly primary: Peer[]
  readonly backup: Peer[]

  constructor(
    readonly upstream: UpstreamConf,
    private readonly now: () => number,
  ) {
    const peers = upstream.servers.map((s) => peerOf(s.address, s.weight, s.maxFails, s.failTimeoutMs, s.down, s.backup))
    this.primary = peers.filter((p) => !p.backup)
    this.backup = peers.filter((p) => p.backup)
  }

  /** A single-peer group keeps no failure accounting (nginx's peers->single). */
  get single(): boolean {
    return this.primary.length === 1 && this.backup.length === 0
  }

  newAttempt(): Attempt {
    return { tried: new Set(), tries: this.primary.length + this.backup.length }
  }

  private usable(peer: Peer, attempt: Attempt): boolean {
    if (peer.down || attempt.tried.has(peer)) return false
    if (peer.maxFails && peer.fails >= peer.maxFails && this.now() - peer.checkedMs <= peer.failTimeoutMs) return false
    return true
  }

  /** The next peer to try, or null when none is live ("no live upstreams"). */
  pick(attempt: Attempt, key: string): Peer | null {
    const b = this.upstream.balancer
    let peer: Peer | null = null
    if (b.kind === 'ip_hash' && attempt.tried.size === 0) peer = this.pickHashed(attempt, ipHash(key))
    else if (b.kind === 'hash' && attempt.tried.size === 0) peer = this.pickKeyHash(attempt, key)
    else if (b.kind === 'least_conn') peer = this.pickLeastConn(this.primary, attempt)
    if (!peer) peer = this.pickRoundRobin(this.primary, attempt)
    if (!peer && this.backup.length) peer = b.kind === 'least_conn' ? this.pickLeastConn(this.backup, attempt) : this.pickRoundRobin(this.backup, attempt)
    if (peer) {
      attempt.tried.add(peer)
      peer.conns++
      if (this.now() - peer.checkedMs > peer.failTimeoutMs) peer.checkedMs = this.now()
    }
    return peer
  }

  /** The smooth weighted round robin of ngx_http_upstream_get_peer. */
  private pickRoundRobin(peers: Peer[], attempt: Attempt): Peer | null {
    let best: Peer | null = null
    let total = 0
    for (const p of peers) {
      if (!this.usable(p, attempt)) continue
      p.currentWeight += p.effectiveWeight
      total += p.effectiveWeight
      if (p.effectiveWeight < p.weight) p.effectiveWeight++
      if (!best || p.currentWeight > best.currentWeight) best = p
    }
    if (best) best.currentWeight -= total
    return best
  }

  private pickHashed(attempt: Attempt, hash: number): Peer | null {
    const total = this.primary.reduce((sum, p) => sum + p.weight, 0)
    if (total === 0) return null
    let w = hash % total
    for (const p of this.primary) {
      if (w < p.weight) return this.usable(p, attempt) ? p : null
      w -= p.weight
    }
    return null
  }

  /**
   * ngx_http_upstream_get_hash_peer: ((crc32([REHASH] KEY) >> 16) & 0x7fff) summed over
   * attempts, as Cache::Memcached does, up to 20 tries before falling back to round robin.
   */
  private pickKeyHash(attempt: Attempt, key: string): Peer | null {
    const total = this.primary.reduce((sum, p) => sum + p.weight, 0)
    if (total === 0) return null
    let hash = 0
    for (let rehash = 0; rehash < 20; rehash++) {
      hash += (crc32(rehash > 0 ? `${rehash}${key}` : key) >>> 16) & 0x7fff
      let w = hash % total
      for (const p of this.primary) {
        if (w < p.weight) {
          if (this.usable(p, attempt)) return p
          break
        }
        w -= p.weight
      }
    }
    return null
  }

  private pickLeastConn(peers: Peer[], attempt: Attempt): Peer | null {
    const live = peers.filter((p) => this.usable(p, attempt))
    if (live.length === 0) return null
    let best = live[0]
    for (const p of live) if (p.conns * best.weight < best.conns * p.weight) best = p
    const tied = live.filter((p) => p.conns * best.weight === best.conns * p.weight)
    return tied.length > 1 ? this.pickRoundRobin(tied, attempt) : best
  }

  /** A request is done with a peer: `failed` counts towards max_fails. Returns whether it was just disabled. */
  release(peer: Peer, failed: boolean): boolean {
    peer.conns = Math.max(0, peer.conns - 1)
    if (this.single) return false
    const now = this.now()
    if (failed) {
      peer.fails++
      peer.accessedMs = now
      peer.checkedMs = now
      if (peer.maxFails) peer.effectiveWeight -= Math.floor(peer.weight / peer.maxFails)
      if (peer.effectiveWeight < 0) peer.effectiveWeight = 0
      return peer.maxFails > 0 && peer.fails >= peer.maxFails
    }
    if (peer.accessedMs < peer.checkedMs) peer.fails = 0
    return false
  }
}

/** ngx_http_upstream_ip_hash: the first three octets of an IPv4 address. */
function ipHash(address: string): number {
  const octets = address.split('.').map(Number)
  let hash = 89
  for (let i = 0; i < 3; i++) hash = (hash * 113 + (octets[i] || 0)) % 6271
  return hash
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** ngx_crc32_long, which the hash balancer uses on its key. */
function crc32(text: string): number {
  let crc = 0xffffffff
  for (const byte of Buffer.from(text, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
