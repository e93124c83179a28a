/**
 * What the editor and its engine worker say to each other. Plain data only: it crosses the
 * worker boundary by structured clone.
 */
import type { Finding } from '../../../server/nginx/findings.ts'

/** A config as the editor holds it: the main file's path and every file the learner can edit. */
export interface ConfigInput {
  /** Absolute path of the main file, e.g. /etc/nginx/nginx.conf. */
  main: string
  /** Absolute path → text, the main file included. */
  files: Record<string, string>
  /** The nginx release modelled, e.g. "1.22.1". */
  version: string
}

export interface CheckOutcome {
  /** Every finding, in the order a person reads them (the engine's orderFindings). */
  findings: Finding[]
  /** Whether `nginx -t` would accept the config. */
  ok: boolean
  /** The engine's time for this check, in milliseconds (the worker's clock). */
  engineMs: number
  /** Why the engine could not check at all (an include budget, a version it does not model), or null. */
  refused: string | null
}

/** The worker's side, as exposed through comlink. */
export interface EngineApi {
  check(input: ConfigInput): CheckOutcome
  /** The stock files Debian puts beside nginx.conf, read-only in the lab (path → text). */
  stockFiles(): Record<string, string>
  /** The releases the engine models, e.g. ["1.22.1", "1.30.4"]. */
  versions(): string[]
}
