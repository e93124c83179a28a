/**
 * The configuration as handlers build it, level by level, like nginx's main/srv/loc conf
 * structures: each block keeps the settings written inside it, keyed by directive name, and
 * inheritance is resolved by walking up (merge.ts). Lists (`proxy_set_header`, `add_header`…)
 * are one setting, so a block that sets any hides all of its parent's, as in nginx.
 */
import type { ContextName } from './directive-spec.ts'
import type { DirectiveNode } from './parser.ts'
import type { ConfigRegex } from './regex-match.ts'
import type { SettingName, SettingTypes } from './settings.ts'
import type { Range } from './source.ts'

export interface Setting<T = unknown> {
  value: T
  node: DirectiveNode
  file: string
}

export class Level {
  readonly settings = new Map<string, Setting>()
  constructor(
    readonly context: ContextName,
    readonly parent: Level | null,
  ) {}

  /** This block's own setting of a directive, typed by what its handler stores (settings.ts). */
  get<K extends SettingName>(name: K): Setting<SettingTypes[K]> | undefined {
    return this.settings.get(name) as Setting<SettingTypes[K]> | undefined
  }

  /** The nearest setting of `name` from this block outwards. */
  inherited<K extends SettingName>(name: K): Setting<SettingTypes[K]> | undefined {
    for (let level: Level | null = this; level; level = level.parent) {
      const s = level.settings.get(name)
      if (s) return s as Setting<SettingTypes[K]>
    }
    return undefined
  }
}

export type LocationModifier = '=' | '^~' | '~' | '~*' | '' | '@'

export interface LocationConf {
  modifier: LocationModifier
  /** The location's name (URI prefix, regex source or `@name`). */
  name: string
  regex: ConfigRegex | null
  level: Level
  node: DirectiveNode
  file: string
  children: LocationConf[]
  parent: LocationConf | null
  /** Set for a location that sits inside an `if` (nginx's implicit locations). */
  isIf?: boolean
}

export interface ListenConf {
  /** As written, e.g. `127.0.0.1:8020`, `8020`, `[::]:80`. */
  text: string
  host: string
  port: number
  ipv6: boolean
  wildcard: boolean
  defaultServer: boolean
  ssl: boolean
  http2: boolean
  /** Any of nginx's bind-level options (backlog, reuseport…), which may appear once per address. */
  bindOptions: string[]
  node: DirectiveNode
  file: string
}

export interface ServerNameConf {
  name: string
  kind: 'exact' | 'wildcard-head' | 'wildcard-tail' | 'regex' | 'dot'
  regex: ConfigRegex | null
  range: Range
}

export interface ServerConf {
  level: Level
  node: DirectiveNode
  file: string
  listens: ListenConf[]
  /** True when the server has no `listen`, so nginx gave it `*:80` (or `*:8000` when not root). */
  implicitListen: boolean
  serverNames: ServerNameConf[]
  locations: LocationConf[]
  namedLocations: LocationConf[]
}

export interface UpstreamServerConf {
  address: string
  weight: number
  maxFails: number
  failTimeoutMs: number
  backup: boolean
  down: boolean
  node: DirectiveNode
  file: string
}

export type UpstreamBalancer =
  | { kind: 'round-robin' }
  | { kind: 'ip_hash' }
  | { kind: 'least_conn' }
  | { kind: 'hash'; key: string; consistent: boolean }

export interface UpstreamConf {
  name: string
  /** Implicit upstreams are the ones nginx creates for `proxy_pass http://host:port`. */
  implicit: boolean
  servers: UpstreamServerConf[]
  balancer: UpstreamBalancer
  keepalive: number | null
  level: Level
  node: DirectiveNode
  file: string
  /** Where the upstream was first referred to (an implicit one: its proxy_pass), for messages. */
  nginxLine: number
  port: number | null
  /** `proxy_pass` names whose host part must resolve (implicit upstreams). */
  noResolve: boolean
  /** The proxy_pass URL named no port (nginx's no_port), for its "may not have port" checks. */
  noPortFlag?: boolean
}

export interface MapEntryConf {
  key: string
  kind: 'exact' | 'regex' | 'regex-i' | 'wildcard' | 'default'
  regex: ConfigRegex | null
  value: string
  range: Range
}

export interface MapConf {
  source: string
  variable: string
  entries: MapEntryConf[]
  defaultValue: string | null
  hostnames: boolean
  volatile: boolean
  node: DirectiveNode
  file: string
}

export interface LogFormatConf {
  name: string
  escape: 'default' | 'json' | 'none'
  format: string
}
