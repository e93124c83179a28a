/**
 * What the editor and its engine worker say to each other. Plain data only: it crosses the
 * worker boundary by structured clone.
 */
import type { Finding } from '../../../server/nginx/findings.ts'
import type { CodeAction, CompletionItem, DiagnosticLike, FoldingRange, HoverResult, Lang, ListenTarget, Location, Position, Range, SemanticToken, TextEdit } from '../language/index.ts'

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
  /** Each server's first listen port and plain name, in the config's order (where clients connect). */
  targets: ListenTarget[]
}

/** Formatting a file: its new text, or why it is left as it is (a syntax error, with where). */
export type FormatOutcome = { ok: true; text: string } | { ok: false; reason: string }

/**
 * The worker's side, as exposed through comlink. Every question after `check` is about the
 * config of the last check (engine-client.ts makes sure that is the newest text).
 */
export interface EngineApi {
  check(input: ConfigInput): CheckOutcome
  semanticTokens(file: string): SemanticToken[]
  foldingRanges(file: string): FoldingRange[]
  hover(file: string, position: Position, lang: Lang): HoverResult | null
  completion(file: string, text: string, position: Position, lang: Lang): CompletionItem[]
  definition(file: string, position: Position): Location[]
  references(file: string, position: Position): Location[]
  codeActions(file: string, range: Range, diagnostics: DiagnosticLike[]): CodeAction[]
  format(text: string): FormatOutcome
  /** The stock files Debian puts beside nginx.conf, read-only in the lab (path → text). */
  stockFiles(): Record<string, string>
  /** The releases the engine models, e.g. ["1.22.1", "1.30.4"]. */
  versions(): string[]
  /** Where clients can connect to `input` (a config about to be applied), checked apart: the last check's answers stay. */
  targets(input: ConfigInput): ListenTarget[]
  /** The edits that point `input`'s upstream addresses at the lab's backends (checked apart, like targets). */
  pointAtBackends(input: ConfigInput): TextEdit[]
}
