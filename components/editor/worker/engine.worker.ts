/**
 * The engine in a worker of its own: the same `check()` the CLI and the lab run, on the
 * browser's virtual host (Debian's stock files and the learner's, nothing else exists, no
 * name resolves but the lab's). A check that runs away freezes this worker, never the page:
 * the client cuts it by terminating the worker (engine-client.ts).
 */
import { expose } from 'comlink'
import { check } from '../../../server/nginx/index.ts'
import { DEBIAN_FILES } from '../../../server/nginx/debian-files.ts'
import { orderFindings } from '../../../server/nginx/findings.ts'
import { stockHost } from '../../../server/nginx/host.ts'
import { MODELLED_VERSIONS } from '../../../server/nginx/nginx-version.ts'
import type { CheckOutcome, ConfigInput, EngineApi } from './engine-protocol.ts'

const api: EngineApi = {
  check(input: ConfigInput): CheckOutcome {
    const started = performance.now()
    try {
      const { [input.main]: text = '', ...others } = input.files
      const host = stockHost(others, { path: input.main, text })
      const result = check(text, { file: input.main, host, nginxVersion: input.version })
      return { findings: orderFindings(result.diagnostics), ok: result.ok, engineMs: performance.now() - started, refused: null }
    } catch (error) {
      // The engine throws only for what it refuses to look at (RangeError: a budget, a version).
      return { findings: [], ok: false, engineMs: performance.now() - started, refused: error instanceof Error ? error.message : String(error) }
    }
  },
  stockFiles: () => ({ ...DEBIAN_FILES }),
  versions: () => [...MODELLED_VERSIONS],
}

expose(api)
