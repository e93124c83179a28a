/**
 * One `nginx -t` as the lab runs it (the stock host: Debian's stock files and the visitor's
 * own, nothing else exists, no name resolves but the lab's), reduced to what a visitor is
 * answered: the verdict and the first diagnostics. Runs in the check worker (check-worker.mjs);
 * a refused 64 KiB config can hold 30,000 diagnostics, and only these few cross back to the
 * event loop.
 */
import { check, stockHost, type Diagnostic } from '../nginx/index.ts'

export interface CheckRequest {
  text: string
  file: string
  /** The visitor's files beside it (config-files.ts: checked paths), by absolute path. */
  files: Readonly<Record<string, string>>
  nginxVersion: string
  /** Diagnostics to send back; the rest are counted. */
  keep: number
}

export type CheckAnswer =
  | { ok: boolean; diagnostics: Diagnostic[]; diagnosticsOmitted: number }
  /** The engine threw: a RangeError is the visitor's (an unknown version), anything else the engine's. */
  | { error: string; range: boolean }

export function runCheck(request: CheckRequest): CheckAnswer {
  try {
    const host = stockHost(request.files, { path: request.file, text: request.text })
    const result = check(request.text, { file: request.file, host, nginxVersion: request.nginxVersion })
    const diagnostics = result.diagnostics.slice(0, request.keep)
    return { ok: result.ok, diagnostics, diagnosticsOmitted: result.diagnostics.length - diagnostics.length }
  } catch (error) {
    return { error: (error as Error).message, range: error instanceof RangeError }
  }
}
