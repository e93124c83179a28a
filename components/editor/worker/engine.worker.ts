/**
 * The engine in a worker of its own: the same `check()` the CLI and the lab run, on the
 * browser's virtual host (Debian's stock files and the learner's, nothing else exists, no
 * name resolves but the lab's), and the language services that read its result. A check that
 * runs away freezes this worker, never the page: the client cuts it by terminating the worker
 * (engine-client.ts).
 */
import { expose } from 'comlink'
import { DEBIAN_FILES } from '../../../server/nginx/debian-files.ts'
import { orderFindings } from '../../../server/nginx/findings.ts'
import { tryFormatConfig } from '../../../server/nginx/format.ts'
import { MODELLED_VERSIONS } from '../../../server/nginx/nginx-version.ts'
import { analyse, codeActions, completion, definition, foldingRanges, hover, listenTargets, pointAtBackends, references, semanticTokens, type Analysis } from '../language/index.ts'
import type { CheckOutcome, ConfigInput, EngineApi } from './engine-protocol.ts'

/** The last config checked: the services answer about it. */
let analysis: Analysis | null = null

const api: EngineApi = {
  check(input: ConfigInput): CheckOutcome {
    const started = performance.now()
    try {
      analysis = analyse(input)
    } catch (error) {
      // analyse throws only for what the engine refuses to look at (a version it does not model).
      analysis = null
      return { findings: [], ok: false, engineMs: performance.now() - started, refused: error instanceof Error ? error.message : String(error), targets: [] }
    }
    const result = analysis.result
    return {
      // The parsed files too: the knock-on rules read the config's structure (docs/architecture.md "Findings").
      findings: result ? orderFindings(result.diagnostics, result.files) : [],
      ok: result?.ok ?? false,
      engineMs: performance.now() - started,
      refused: analysis.failure,
      targets: listenTargets(result),
    }
  },
  semanticTokens: (file) => (analysis ? semanticTokens(analysis, file) : []),
  foldingRanges: (file) => (analysis ? foldingRanges(analysis, file) : []),
  hover: (file, position, lang) => (analysis ? hover(analysis, file, position, lang) : null),
  completion: (file, text, position, lang) => (analysis ? completion(analysis, file, text, position, lang) : []),
  definition: (file, position) => (analysis ? definition(analysis, file, position) : []),
  references: (file, position) => (analysis ? references(analysis, file, position) : []),
  codeActions: (file, range, diagnostics) => (analysis ? codeActions(analysis, file, range, diagnostics) : []),
  format(text) {
    const result = tryFormatConfig(text)
    if (result.ok) return { ok: true, text: result.text }
    const { message, line, column } = result.refusal
    return { ok: false, reason: `${message} at ${line}:${column}` }
  },
  stockFiles: () => ({ ...DEBIAN_FILES }),
  versions: () => [...MODELLED_VERSIONS],
  pointAtBackends(input) {
    try {
      return pointAtBackends(analyse(input))
    } catch {
      return []
    }
  },
  targets(input) {
    try {
      return listenTargets(analyse(input).result)
    } catch {
      return []
    }
  },
}

expose(api)
