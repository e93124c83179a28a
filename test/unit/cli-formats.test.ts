/**
 * `check`'s lists of findings (server/cli/check.ts over server/nginx/findings.ts): sorted by
 * file, line and column, each position said once, what nginx itself prints marked, knock-ons
 * saying what they follow from, in nginx's, GCC's and GitHub's forms and JSON, with codes left
 * out on request and absolute paths in JSON.
 */
import { describe, expect, it } from 'vitest'
import { formatAll, formatGcc, formatGithub, formatJson, nginxTestOutput } from '../../server/cli/check.ts'
import { formatNginx } from '../../server/nginx/diagnostics.ts'
import { check, virtualHost } from '../../server/nginx/index.ts'
import { describeFindings, orderFindings } from '../../server/nginx/findings.ts'
import { FILE } from './helpers.ts'

// Findings come out of the engine in nginx's order: the empty upstream (found when its block
// closes, reported at its name, 4:14), the unknown directive of line 6, then the same upstream
// again when the http block closes (at 4:5), a knock-on of the first.
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
    expect(lines).toContain(`${FILE}:4:5: [emerg] no servers in upstream "x" (follows from 4:14)`)
    expect(lines).toContain(`${FILE}:4:14: [emerg] no servers are inside upstream`)
  })

  it('gcc: severity words editors know, and the code', () => {
    const lines = formatGcc(result).trimEnd().split('\n')
    expect(lines[0]).toMatch(/^\/etc\/nginx\/nginx\.conf:3:5: note: .* \[LAB_NOT_MODELLED\]$/)
    expect(lines).toContain(`${FILE}:4:5: error: no servers in upstream "x" (follows from 4:14) [NGINX_INVALID_VALUE]`)
  })

  it('github: annotations with their range, the lab\'s as notices, and properties escaped', () => {
    const lines = formatGithub(result).trimEnd().split('\n')
    expect(lines[0]).toMatch(/^::notice file=\/etc\/nginx\/nginx\.conf,line=3,col=5,endLine=3,endColumn=9,title=LAB_NOT_MODELLED::Upgrade Lab/)
    expect(lines.every((l) => /^::(error|warning|notice) file=/.test(l))).toBe(true)
    expect(lines).toContain(`::error file=${FILE},line=4,col=5,endLine=4,endColumn=17,title=NGINX_INVALID_VALUE::no servers in upstream "x" (follows from 4:14)`)
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

  it('json: in nginx\'s order, every field the README describes, and no other', () => {
    const json = JSON.parse(formatJson('nginx.conf', result)) as { diagnostics: Array<Record<string, unknown>> }
    expect(json.diagnostics.map((d) => d.message)).toEqual(result.diagnostics.map((d) => d.message))
    const always = ['severity', 'code', 'message', 'line', 'column', 'endLine', 'endColumn', 'nginxLine', 'file', 'afterSyntaxOk', 'printedByNginx']
    for (const d of json.diagnostics) {
      const optional = Object.keys(d).filter((k) => !always.includes(k))
      expect(Object.keys(d)).toEqual(expect.arrayContaining(always))
      expect(optional.every((k) => ['messageZh', 'advice', 'lesson', 'causedBy'].includes(k)), optional.join()).toBe(true)
    }
    expect(json.diagnostics.find((d) => d.line === 4 && d.column === 5)).toMatchObject({
      printedByNginx: false,
      causedBy: { file: FILE, line: 4, column: 14, code: 'NGINX_MISSING' },
    })
    expect(json.diagnostics.find((d) => d.line === 4 && d.column === 14)).toMatchObject({ printedByNginx: true, afterSyntaxOk: false })
    expect(json.diagnostics.find((d) => d.line === 4 && d.column === 14)).not.toHaveProperty('causedBy')
  })

  it('a knock-on of a finding left out by --ignore still says where it follows from', () => {
    expect(formatAll(result, new Set(['NGINX_MISSING']))).toContain('no servers in upstream "x" (follows from 4:14)')
  })

  it('names the file of a cause in another file', () => {
    const included = check('events {}\nhttp {\n    include /etc/nginx/ws.conf;\n    server { listen 8080; location / { proxy_set_header Connection $connection_upgrade; } }\n}\n', {
      file: FILE,
      host: virtualHost({ '/etc/nginx/ws.conf': 'server {\n    map $http_upgrade $connection_upgrade { default upgrade; }\n}\n' }),
    })
    expect(formatAll(included, new Set(['LAB_NOT_MODELLED']))).toContain(`${FILE}:4:68: [emerg] unknown "connection_upgrade" variable (follows from /etc/nginx/ws.conf:2:5)`)
  })
})

describe('what nginx -t prints', () => {
  const cases = [
    TEXT,
    'events {}\nhttp {\n    server { listen 8080; server_name a; }\n    server { listen 8080; server_name a; }\n    server { listen 8080; ssl on; bogus; }\n}\n',
    'events {}\nhttp {\n    server { listen 8080; server_name a; }\n    server { listen 8080; server_name a; }\n}\n',
    'http {\n    server { listen 8080; }\n}\n',
  ]
  it.each(cases)('is exactly the findings marked printedByNginx, in nginx\'s order (%#)', (text) => {
    const { diagnostics } = check(text, { file: FILE })
    const printed = describeFindings(diagnostics).filter((f) => f.printedByNginx).map(formatNginx)
    const lines = nginxTestOutput(FILE, diagnostics).lines.filter((l) => /^nginx: \[(emerg|warn)\]/.test(l))
    expect(printed).toEqual(lines)
    expect(printed.length).toBeGreaterThan(0)
  })

  it('prints no knock-on: nginx stops at the first [emerg], and a cause comes before what it causes', () => {
    const findings = orderFindings(result.diagnostics, result.files)
    expect(findings.filter((f) => f.printedByNginx && f.causedBy)).toEqual([])
    expect(findings.filter((f) => f.printedByNginx).map((f) => f.text)).toEqual(['no servers are inside upstream'])
  })
})
