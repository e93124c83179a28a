/**
 * Where a chat client can reach the config: each server's first `listen` port and its first
 * plain `server_name`, read from the engine's compiled http block (never re-parsed here). The
 * playground's clients default to the first one, as a learner would type `ws://name:port/`.
 */
import type { CheckResult } from '../../../server/nginx/index.ts'

export interface ListenTarget {
  port: number
  /** The port is a TLS one (`listen … ssl`). */
  ssl: boolean
  /** The server's first name a client can put in `Host`, or null (regex, wildcard, `_`, none). */
  host: string | null
}

/** A name the lab's client URL can carry (`<client>@<host>`): letters, digits, dots, dashes. */
const PLAIN_NAME = /^[A-Za-z0-9.-]+$/

/** nginx gives a server without `listen` `*:80` when it runs as root, as the lab's does. */
const IMPLICIT_PORT = 80

export function listenTargets(result: CheckResult | null): ListenTarget[] {
  const servers = result?.http?.servers ?? []
  return servers.map((server) => {
    const listen = server.listens[0]
    const name = server.serverNames.find((n) => n.kind === 'exact' && PLAIN_NAME.test(n.name))
    return { port: listen?.port ?? IMPLICIT_PORT, ssl: listen?.ssl ?? false, host: name?.name ?? null }
  })
}
