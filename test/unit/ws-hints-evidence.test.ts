/**
 * Every WebSocket hint names its evidence (server/nginx/hints/definitions.ts), and the evidence
 * exists: a runtime scenario exported by test/runtime/scenarios/index.ts (run against real nginx
 * by the runtime suite), a check fixture (compared with real `nginx -t`), or a source file that
 * the committed extract of that release read (server/nginx/tools/input/<version>.json).
 * docs/diagnostics.md explains each code and cites the same evidence.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIAGNOSTIC_CODES } from '../../server/nginx/diagnostics.ts'
import { HINTS, type Evidence } from '../../server/nginx/hints/index.ts'
import { scenarioByName } from '../runtime/scenarios/index.ts'

const ROOT = join(import.meta.dirname, '../..')

/** The codes the editor's quick fixes are written against: these names, no others. */
const CODES = [
  'LAB_WS_MAP_MISSING',
  'LAB_WS_CONNECTION_HARDCODED',
  'LAB_WS_HTTP10_UPGRADE',
  'LAB_WS_HEADERS_SWAPPED',
  'LAB_WS_HEADERS_DROPPED',
  'LAB_WS_READ_TIMEOUT_DEFAULT',
  'LAB_WS_CONNECTION_PASSED_THROUGH',
  'LAB_WS_SSL_NO_SERVER_NAME',
]

function sourceFiles(release: string): string[] {
  const input = JSON.parse(readFileSync(join(ROOT, 'server/nginx/tools/input', `${release}.json`), 'utf8')) as { files: Array<{ path: string }> }
  return input.files.map((f) => f.path)
}

/** The section of docs/diagnostics.md headed by the code. */
function docSection(code: string): string {
  const doc = readFileSync(join(ROOT, 'docs/diagnostics.md'), 'utf8')
  const start = doc.indexOf(`### \`${code}\``)
  if (start < 0) return ''
  const next = doc.indexOf('\n#', start + 1)
  return doc.slice(start, next < 0 ? undefined : next)
}

const evidence = Object.values(HINTS).flatMap((h) => h.evidence.map((e) => [h.code, e] as [string, Evidence]))

describe('the WebSocket hints', () => {
  it('are exactly the agreed codes, each with a definition and an entry in DIAGNOSTIC_CODES', () => {
    expect(Object.keys(HINTS)).toEqual(CODES)
    expect(Object.keys(DIAGNOSTIC_CODES).filter((c) => c.startsWith('LAB_WS_'))).toEqual(CODES)
    for (const [code, hint] of Object.entries(HINTS)) expect(hint.code).toBe(code)
  })

  it('only the read-timeout one is advice', () => {
    expect(Object.values(HINTS).filter((h) => h.advice).map((h) => h.code)).toEqual(['LAB_WS_READ_TIMEOUT_DEFAULT'])
  })

  it('each names some evidence', () => {
    for (const hint of Object.values(HINTS)) expect(hint.evidence.length, hint.code).toBeGreaterThan(0)
  })

  it.each(evidence)('%s: %j exists', (code, e) => {
    if ('scenario' in e) {
      expect(scenarioByName(e.scenario), `scenario ${e.scenario}`).toBeDefined()
    } else if ('fixture' in e) {
      expect(existsSync(join(ROOT, 'test/fixtures/check', e.fixture, 'nginx.conf')), `fixture ${e.fixture}`).toBe(true)
    } else {
      expect(sourceFiles(e.release), `${e.source} at release-${e.release}`).toContain(e.source)
      expect(Number.isInteger(e.line) && e.line > 0).toBe(true)
      expect(e.quote.length).toBeGreaterThan(0)
    }
    expect(e.shows.length).toBeGreaterThan(0)
  })

  it.each(CODES)('%s is explained in docs/diagnostics.md with its evidence', (code) => {
    const section = docSection(code)
    expect(section, code).not.toBe('')
    for (const e of HINTS[code as keyof typeof HINTS].evidence) {
      const cited = 'scenario' in e ? `\`${e.scenario}\`` : 'fixture' in e ? `\`${e.fixture}\`` : `:${e.line}`
      expect(section, `${code} cites ${cited}`).toContain(cited)
    }
  })
})
