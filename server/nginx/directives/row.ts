/** Small builders so each table row reads like nginx's ngx_command_t entry. */
import type { Arity, ConfLevel, ContextName, DirectiveDocs, DirectiveSpec, Handler, ModuleType } from '../directive-spec.ts'
import type { SettingValue } from '../settings.ts'

export interface RowBase {
  module: string
  moduleType: ModuleType
  contexts: readonly ContextName[]
  conf: ConfLevel
}

type RowExtra = Partial<Pick<DirectiveSpec, 'block' | 'default' | 'syntax' | 'docs' | 'runtime'>>

/** A row whose handler must store what settings.ts says its directive stores. */
export function row<K extends string>(base: RowBase, name: K, args: Arity, handler: Handler<SettingValue<K>>, extra: RowExtra = {}): DirectiveSpec {
  return { name, ...base, args, handler: handler as Handler, ...extra }
}

const NGINX_DOCS = 'https://nginx.org/en/docs/'

export function docs(summary: string, page: string, lesson?: string): DirectiveDocs {
  const folder = page.startsWith('ngx_http_') ? 'http/' : ''
  return { summary, url: NGINX_DOCS + folder + page, ...(lesson ? { lesson } : {}) }
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
