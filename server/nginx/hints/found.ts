/** What a hint check returns: a code, what its message is built from, and where it goes. */
import type { UpstreamConf } from '../conf.ts'
import type { HttpState } from '../http-state.ts'
import type { NginxVersion } from '../nginx-version.ts'
import type { Range } from '../source.ts'
import type { HintArgs, HintCode } from './definitions.ts'

export type Found = { [K in HintCode]: { code: K; args: HintArgs[K]; file: string; range: Range } }[HintCode]

export interface HintContext {
  http: HttpState
  version: NginxVersion
  /** The `upstream {}` blocks by lower-cased name. */
  groups: ReadonlyMap<string, UpstreamConf>
}
