/**
 * Who is on a session's virtual network: the sample backends and the clients, at fixed
 * addresses. Plain data with no Node import, so the editor (in the browser) can point a config
 * at the backends with the same addresses the lab serves.
 */

/** The sample backends every session has, at the addresses the seeds use. */
export const BACKENDS = [
  { name: 'A', address: '127.0.0.1:8010' },
  { name: 'B', address: '127.0.0.1:8011' },
  { name: 'C', address: '127.0.0.1:8012' },
] as const

/**
 * Virtual clients: each has its own address from a documentation range (RFC 5737). Looked up by
 * a name from the visitor's URL, so it has no prototype (`constructor` is not a client).
 */
export const CLIENTS: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, {
    alice: '203.0.113.10',
    bob: '203.0.113.11',
    carol: '203.0.113.12',
    dave: '203.0.113.13',
    erin: '198.51.100.20',
    frank: '198.51.100.21',
  }),
)
