/**
 * The shape of one row of the directive table: nginx's ngx_command_t, in TypeScript.
 * Every part of Upgrade Lab that knows about a directive (checks, runtime defaults, editor
 * completion and hovers, the docs' reference) reads these rows.
 */
import type { DirectiveContext } from './directive-context.ts'
import type { SlotKind } from './directives/generated/command-row.ts'
import type { DirectiveDoc } from './directives/directive-docs.ts'
import type { LabState } from './directives/lab-states.ts'

/** Where a directive may stand: nginx's NGX_MAIN_CONF, NGX_HTTP_SRV_CONF, NGX_HTTP_LIF_CONF… */
export type ContextName =
  | 'main'
  | 'events'
  | 'http'
  | 'server'
  | 'location'
  | 'upstream'
  | 'if-server'
  | 'if-location'
  | 'limit_except'

/** nginx module types: a directive is only looked up among the modules of the block's type. */
export type ModuleType = 'core' | 'event' | 'http' | 'conf'

export const MODULE_TYPE_OF_CONTEXT: Record<ContextName, ModuleType> = {
  main: 'core',
  events: 'event',
  http: 'http',
  server: 'http',
  location: 'http',
  upstream: 'http',
  'if-server': 'http',
  'if-location': 'http',
  limit_except: 'http',
}

/**
 * Argument counts, not counting the name: a list of allowed counts (nginx's TAKE1…TAKE7,
 * NOARGS = [0]), or FLAG, 1MORE, 2MORE, ANY.
 */
export type Arity = readonly number[] | 'flag' | '1more' | '2more' | 'any'

/** Which configuration level a directive writes to (nginx's cmd->conf offset). */
export type ConfLevel = 'main' | 'srv' | 'loc' | 'direct'

/** Signals that the handler already reported its error (nginx's NGX_CONF_ERROR). */
export const HANDLED = Symbol('handled')

/**
 * A handler returns nothing when the directive is fine, a fragment that nginx wraps as
 * `"name" directive <fragment>` (its `rv` string), or HANDLED after reporting itself.
 */
export type HandlerResult = void | string | typeof HANDLED

/**
 * A directive's handler. `T` is what it stores (settings.ts): a row's handler must store what
 * its directive's readers expect.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler<T = any> = (cx: DirectiveContext<T>) => HandlerResult

export interface DirectiveSpec {
  name: string
  module: string
  moduleType: ModuleType
  contexts: readonly ContextName[]
  args: Arity
  block?: boolean
  conf: ConfLevel
  handler: Handler
  /** An enum or bitmask setter's words, from nginx's source for this version (cmd->post). */
  values?: readonly string[]
  /**
   * The shape of its value, as nginx's generic setter reads it (`flag`, `size`, `msec` and `sec`
   * times, `enum`, `bitmask`, `complex` values with variables…); `custom` for a handler of its own.
   */
  shape: SlotKind
  /** For a block directive: the context its body is parsed in, by the context it stands in (`if` in a server opens `if-server`); absent for blocks of their own grammar (`map`, `types`). */
  opens?: Partial<Record<ContextName, ContextName>>
  /** The nginx releases whose source was read (tools/input) that know this directive, oldest first. */
  versions: readonly string[]
  /** What the lab does with it: modelled, inert or not modelled (lab-states.ts). */
  lab: LabState
  /** Syntax, summary in English and 简体中文, nginx.org link, lesson (directive-docs.ts); defaults are in defaults.ts. */
  doc?: DirectiveDoc
}
