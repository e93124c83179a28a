/**
 * `check`'s lists of findings (server/cli/check.ts over server/nginx/findings.ts): sorted by
 * file, line and column, each position said once, in nginx's, GCC's and GitHub's forms, with
 * codes left out on request and absolute paths in JSON.
 */
import { describe, expect, it } from 'vitest'
import { formatAll, formatGcc, formatGithub, formatJson } from '../../server/cli/check.ts'
import { check } from '../../server/nginx/index.ts'
import { orderFindings } from '../../server/nginx/findings.ts'
import { FILE } from './helpers.ts'

// Findings come out of the engine in nginx's order: the upstream's (found when the http block
// closes, reported at its line 4) after the unknown directive of line 6.
const TEXT = 'events {}\nhttp {\n    gzip on;\n    upstream x { }\n    server {\n        bogus_directive;\n    }\n}\n'
const result = check(TEXT, { file: FILE })

describe('findings in order', () => {
  it('sorts by file, line and column, keeping nginx\'s order among equals', () => {
    const nginxOrder = result.diagnostics.map((d) => d.line)
    expect(nginxOrder).not.toEqual([...nginxOrder].sort((a, b) => a - b))
    expect(orderFindings(result.diagnostics).map((f) => [f.line, f.column])).toEqual(
      [...orderFindings(result.diagnostics).map((f) => [f.line, f.column])].sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    )
  })

  it('says a position once: nginx\'s trailing " in FILE:LINE" goes when it is the finding\'s own', () => {
    const upstream = orderFindings(result.diagnostics).find((f) => f.message.startsWith('no servers in upstream'))!
    expect(upstream.message).toBe(`no servers in upstream "x" in ${FILE}:4`)
    expect(upstream.text).toBe('no servers in upstream "x"')
  })
})

describe('formats', () => {
  it('--all: FILE:LINE:COLUMN: [level] text, the lab\'s notes too', () => {
    const lines = formatAll(result).trimEnd().split('\n')
    expect(lines[0]).toMatch(new RegExp(`^${FILE}:3:5: \\[lab\\] Upgrade Lab checks this directive`))
    expect(lines).toContain(`${FILE}:4:5: [emerg] no servers in upstream "x"`)
  })

  it('gcc: severity words editors know, and the code', () => {
    const lines = formatGcc(result).trimEnd().split('\n')
    expect(lines[0]).toMatch(/^\/etc\/nginx\/nginx\.conf:3:5: note: .* \[LAB_NOT_MODELLED\]$/)
    expect(lines).toContain(`${FILE}:4:5: error: no servers in upstream "x" [NGINX_INVALID_VALUE]`)
  })

  it('github: annotations with their range, the lab\'s as notices, and properties escaped', () => {
    const lines = formatGithub(result).trimEnd().split('\n')
    expect(lines[0]).toMatch(/^::notice file=\/etc\/nginx\/nginx\.conf,line=3,col=5,endLine=3,endColumn=9,title=LAB_NOT_MODELLED::Upgrade Lab/)
    expect(lines.every((l) => /^::(error|warning|notice) file=/.test(l))).toBe(true)
  })

  it('--ignore leaves the codes out of every format', () => {
    const ignore = new Set(['LAB_NOT_MODELLED'])
    for (const text of [formatAll(result, ignore), formatGcc(result, ignore), formatGithub(result, ignore), formatJson('nginx.conf', result, ignore)]) {
      expect(text).not.toMatch(/LAB_NOT_MODELLED|Upgrade Lab checks/)
    }
  })

  it('json: absolute paths, at the top as in each finding', () => {
    const json = JSON.parse(formatJson('relative/nginx.conf', result)) as { file: string; diagnostics: Array<{ file: string }> }
    expect(json.file).toBe(`${process.cwd()}/relative/nginx.conf`)
    expect(json.diagnostics.every((d) => d.file.startsWith('/'))).toBe(true)
  })
})
