/**
 * The shape of one row of the directive table: nginx's ngx_command_t, in TypeScript.
 * Every part of Upgrade Lab that knows about a directive (checks, runtime defaults, editor
 * completion and hovers, the docs' reference) reads these rows.
 */
import type { DirectiveContext } from './directive-context.ts'

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

/** A sentence in each language the lab speaks. */
export interface Words {
  en: string
  zh: string
}

/**
 * What the lab does with a directive: **modelled** (the runtime acts on it), **inert** (nothing
 * a learner could see would change: performance, processes, files the lab does not have;
 * said in the hover) or **not-modelled** (nginx would behave differently and the lab does not:
 * a `lab` diagnostic at each use).
 */
export type LabState =
  | { state: 'modelled' }
  | { state: 'inert'; why: Words }
  | { state: 'not-modelled'; why: Words }

export interface DirectiveDocs {
  /** One line, in Upgrade Lab's own words. */
  summary: string
  /** nginx's reference page for the directive. */
  url: string
  /** The Upgrade Lab lesson that explains it, when one does. */
  lesson?: string
}

export interface DirectiveSpec {
  name: string
  module: string
  moduleType: ModuleType
  contexts: readonly ContextName[]
  args: Arity
  block?: boolean
  conf: ConfLevel
  handler: Handler
  /** The default as nginx's docs write it (`60s`, `off`); version-dependent ones come from nginx-version.ts. */
  default?: string
  /** Syntax line as in nginx's docs, e.g. `proxy_read_timeout time;`. */
  syntax?: string
  docs?: DirectiveDocs
  /** Whether Upgrade Lab's runtime acts on it; others are checked as nginx checks them but not run. */
  runtime?: boolean
  /** An enum or bitmask setter's words, from nginx's source for this version (cmd->post). */
  values?: readonly string[]
  /** What the lab does with it (every directive of every table has one). */
  lab?: LabState
}
