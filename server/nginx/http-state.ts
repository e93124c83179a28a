/** What the http block gathers while it is parsed, before the checks nginx runs when it closes. */
import type { Level, LogFormatConf, MapConf, ServerConf, UpstreamConf } from './conf.ts'
import type { ListenAddress } from './directives/listen.ts'
import type { DirectiveNode } from './parser.ts'
import { VariableRegistry } from './variables.ts'

export interface PendingFile {
  path: string
  node: DirectiveNode
  file: string
}

export class HttpState {
  readonly servers: ServerConf[] = []
  /** Explicit `upstream` blocks and the implicit ones `proxy_pass` creates, in creation order. */
  readonly upstreams: UpstreamConf[] = []
  readonly maps: MapConf[] = []
  readonly logFormats = new Map<string, LogFormatConf>()
  readonly variables = new VariableRegistry()
  /** Listening addresses in the order nginx registers them (ngx_http_add_listen). */
  readonly addresses: ListenAddress[] = []

  constructor(
    readonly level: Level,
    readonly node: DirectiveNode,
    readonly file: string,
  ) {
    this.logFormats.set('combined', {
      name: 'combined',
      escape: 'default',
      format:
        '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"',
    })
  }

  findUpstream(name: string, port: number | null): UpstreamConf | undefined {
    const key = name.toLowerCase()
    return this.upstreams.find((u) => u.name.toLowerCase() === key && (u.port === port || !u.implicit))
  }
}
