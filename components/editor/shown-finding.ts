/**
 * A finding as the editor shows it. TEMPORARY: the engine's Finding is gaining `advice`,
 * `printedByNginx` and `causedBy` (WebSocket hints, knock-on marking); until those land this
 * names them as optional so the editor compiles against both.
 */
import type { Finding } from '../../server/nginx/findings.ts'

export type ShownFinding = Finding & {
  printedByNginx?: boolean
  causedBy?: { file: string; line: number; column: number; code: string }
}
