/** Small builders so each table row reads like nginx's ngx_command_t entry. */
import type { Arity, ConfLevel, ContextName, DirectiveSpec, Handler, ModuleType } from '../directive-spec.ts'
import type { SettingValue } from '../settings.ts'

export interface RowBase {
  module: string
  moduleType: ModuleType
  contexts: readonly ContextName[]
  conf: ConfLevel
}

type RowExtra = Partial<Pick<DirectiveSpec, 'block'>>

/** A handwritten row: its state and docs are joined in by the table (index.ts). */
export type HandwrittenSpec = Omit<DirectiveSpec, 'lab' | 'doc' | 'shape' | 'opens' | 'versions'>

/** A row whose handler must store what settings.ts says its directive stores. */
export function row<K extends string>(base: RowBase, name: K, args: Arity, handler: Handler<SettingValue<K>>, extra: RowExtra = {}): HandwrittenSpec {
  return { name, ...base, args, handler: handler as Handler, ...extra }
}

/** Context lists as nginx's masks spell them. */
export const HTTP_MAIN = ['http'] as const
export const HTTP_MAIN_SRV = ['http', 'server'] as const
export const HTTP_SRV = ['server'] as const
export const HTTP_MAIN_SRV_LOC = ['http', 'server', 'location'] as const
export const HTTP_LOC = ['location'] as const
export const HTTP_MAIN_SRV_LOC_LIF = ['http', 'server', 'location', 'if-location'] as const
export const HTTP_LOC_LIF = ['location', 'if-location'] as const
export const HTTP_UPS = ['upstream'] as const
