/**
 * The committed input of the catalog generator (server/nginx/tools/input/<version>.json): what
 * extract-commands.ts read from one nginx release's source, enough to generate that version's
 * command catalog without the source.
 */
import type { RawCommand } from './c-tables.ts'

export interface CatalogInput {
  /** The version as Upgrade Lab names it: 1.22.1, 1.30.4. */
  version: string
  /** nginx's git tag and the commit it points at. */
  tag: string
  commit: string
  /** The build the module list and macros describe. */
  build: string
  /** The macros the command tables' #if lines tested, with the value used (0: undefined). */
  macros: Record<string, number>
  /** Every source file read, with the sha256 of its content at the tag. */
  files: { path: string; sha256: string }[]
  /** The statically linked modules in ngx_modules[] order. */
  modules: InputModule[]
  /** The ngx_conf_enum_t / ngx_conf_bitmask_t tables that enum and bitmask setters point at. */
  valueTables: Record<string, { kind: 'enum' | 'bitmask'; file: string; values: string[] }>
}

export interface InputModule {
  name: string
  /** NGX_CORE_MODULE, NGX_EVENT_MODULE, NGX_HTTP_MODULE, NGX_CONF_MODULE. */
  type: string
  file: string
  commands: RawCommand[]
}
