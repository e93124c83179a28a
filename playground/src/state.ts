/**
 * What the playground remembers and shares: the config's files, the nginx release, the preset it
 * came from, the clients and where they connect, and the clock. Plain data (share.ts writes it
 * into links, the page into localStorage).
 */
export const MAIN_FILE = '/etc/nginx/nginx.conf'

export interface PlaygroundState {
  files: Record<string, string>
  version: string
  /** The preset the config came from, or null. */
  preset: string | null
  /** In display order; `target` as a learner writes it (`localhost:80/?nick=alice`). */
  clients: Array<{ client: string; target: string }>
  clock: number
}
