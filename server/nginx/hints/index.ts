/**
 * The WebSocket hints of a checked config (docs/diagnostics.md): every check of this folder,
 * its findings made into `lab` diagnostics with their message in both languages, advice flag
 * and lesson (definitions.ts). check() adds them after nginx's own checks, so `check`, the lab
 * API and the editor all get them; `check`'s nginx format never prints them.
 */
import type { Diagnostic } from '../diagnostics.ts'
import type { HttpState } from '../http-state.ts'
import type { NginxVersion } from '../nginx-version.ts'
import { spacedZh } from './blocks.ts'
import { HINTS, type HintDefinition } from './definitions.ts'
import type { Found, HintContext } from './found.ts'
import { droppedHeaders } from './inheritance.ts'
import { readTimeoutDefault } from './read-timeout.ts'
import { headerValues, mapMissing } from './recipe.ts'
import { http10Upgrade, sslNoServerName } from './upstream-request.ts'

const CHECKS: ReadonlyArray<(cx: HintContext) => Found[]> = [
  mapMissing,
  headerValues,
  http10Upgrade,
  droppedHeaders,
  readTimeoutDefault,
  sslNoServerName,
]

export function webSocketHints(http: HttpState, version: NginxVersion): Diagnostic[] {
  const groups = new Map(http.upstreams.filter((u) => !u.implicit).map((u) => [u.name.toLowerCase(), u]))
  const cx: HintContext = { http, version, groups }
  return CHECKS.flatMap((run) => run(cx)).map((found) => {
    const definition = HINTS[found.code] as HintDefinition<typeof found.args>
    const text = definition.message(found.args)
    return {
      severity: 'lab',
      code: found.code,
      message: text.en,
      messageZh: spacedZh(text.zh),
      file: found.file,
      nginxLine: null,
      ...found.range,
      ...(definition.advice ? { advice: true } : {}),
      lesson: definition.lesson,
    }
  })
}

export { HINTS, type Evidence, type HintCode } from './definitions.ts'
