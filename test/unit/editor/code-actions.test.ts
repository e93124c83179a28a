/**
 * Every quick fix, applied: the config is checked again and the finding is gone. nginx's own
 * findings come from the engine; the WebSocket hints (LAB_WS_…, written in parallel) are given as
 * the hint would give them, and the fixed config is judged by what it compiles to.
 */
import { describe, expect, it } from 'vitest'
import { codeActions } from '../../../components/editor/language/code-actions.ts'
import type { CodeAction, DiagnosticLike } from '../../../components/editor/language/types.ts'
import { compileConfig, type LabLocation } from '../../../server/nginx/compile.ts'
import { check, stockHost, type Diagnostic } from '../../../server/nginx/index.ts'
import { analyse } from '../../../components/editor/language/analysis.ts'
import { applyAction, emergencies, fixtureFiles, MAIN, positionOf, recheck } from './support.ts'

interface Fixed {
  actions: CodeAction[]
  files: Record<string, string>
  diagnostics: Diagnostic[]
}

/** The actions for one finding, and the files and findings after the first (preferred) one. */
function fix(files: Record<string, string>, finding: DiagnosticLike, version = '1.22.1'): Fixed {
  const analysis = analyse({ main: MAIN, files, version })
  const actions = codeActions(analysis, finding.file ?? MAIN, finding, [finding])
  if (actions.length === 0) throw new Error(`no action for ${finding.code}`)
  const fixedFiles = applyAction(files, actions[0])
  return { actions, files: fixedFiles, diagnostics: recheck(fixedFiles, version) }
}

/** The engine's own first [emerg] of a fixture. */
function firstEmerg(files: Record<string, string>): Diagnostic {
  const found = recheck(files).find((d) => d.severity === 'emerg')
  if (!found) throw new Error('the fixture has no [emerg]')
  return found
}

/** A hint as the hint engine gives it: its code at a range of the text. */
function hint(code: string, text: string, needle: string, file = MAIN): DiagnosticLike {
  const start = positionOf(text, needle)
  return { code, message: '', file, ...start, endLine: start.line, endColumn: start.column + needle.length }
}

/** What the fixed config runs with at a location (the engine's merge). */
function locationSettings(files: Record<string, string>, path: string): LabLocation['settings'] {
  const text = files[MAIN]
  const others = Object.fromEntries(Object.entries(files).filter(([p]) => p !== MAIN))
  const config = compileConfig(check(text, { file: MAIN, host: stockHost(others, { path: MAIN, text }) }))
  const location = config?.servers.flatMap((s) => s.locations).find((l) => l.name === path)
  if (!location) throw new Error(`no location ${path} in the fixed config`)
  return location.settings
}

const headerNames = (settings: LabLocation['settings']): string[] => settings.proxySetHeaders.map((h) => `${h.name} ${h.value}`)
const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => d.code)

describe('the $connection_upgrade map', () => {
  it('NGINX_UNKNOWN_VARIABLE: adds the map at the start of http, indented as the file is', () => {
    const files = fixtureFiles('err-unknown-variable-connection-upgrade')
    const { actions, files: fixed, diagnostics } = fix(files, firstEmerg(files))
    expect(actions[0]).toMatchObject({ diagnosticCode: 'NGINX_UNKNOWN_VARIABLE', isPreferred: true })
    expect(emergencies(diagnostics)).toEqual([])
    expect(fixed[MAIN]).toContain("http {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        '' close;\n    }\n\n")
  })

  it('puts the map in the http block\'s file when the variable is used in an included one', () => {
    const site = '/etc/nginx/conf.d/ws.conf'
    const files = {
      [MAIN]: 'events {}\nhttp {\n\tinclude conf.d/*.conf;\n}\n',
      [site]: 'server {\n\tlocation /ws {\n\t\tproxy_pass http://127.0.0.1:8010;\n\t\tproxy_set_header Connection $connection_upgrade;\n\t}\n}\n',
    }
    const { files: fixed, diagnostics } = fix(files, firstEmerg(files))
    expect(emergencies(diagnostics)).toEqual([])
    expect(fixed[MAIN]).toBe("events {}\nhttp {\n\tmap $http_upgrade $connection_upgrade {\n\t\tdefault upgrade;\n\t\t'' close;\n\t}\n\n\tinclude conf.d/*.conf;\n}\n")
    expect(fixed[site]).toBe(files[site])
  })

  it('LAB_WS_MAP_MISSING: the same fix, offered once when nginx\'s finding is there too', () => {
    const files = fixtureFiles('err-unknown-variable-connection-upgrade')
    const analysis = analyse({ main: MAIN, files, version: '1.22.1' })
    const nginx = firstEmerg(files)
    const lab = hint('LAB_WS_MAP_MISSING', files[MAIN], '$connection_upgrade;')
    const actions = codeActions(analysis, MAIN, lab, [nginx, lab])
    expect(actions).toHaveLength(1)
    const fixed = applyAction(files, actions[0])
    expect(codes(recheck(fixed))).not.toContain('LAB_WS_MAP_MISSING')
    expect(emergencies(recheck(fixed))).toEqual([])
  })

  it('offers the nearest known variable for another unknown one', () => {
    const files = { [MAIN]: 'events {}\nhttp { server { location / { return 200 $remote_adr; } } }\n' }
    const { actions, diagnostics } = fix(files, firstEmerg(files))
    expect(actions[0].title).toBe('Replace with $remote_addr')
    expect(emergencies(diagnostics)).toEqual([])
  })
})

describe('WebSocket hints', () => {
  const withoutVersion = fixtureFiles('ok-canonical')[MAIN].replace('            proxy_http_version 1.1;\n', '')

  it('LAB_WS_HTTP10_UPGRADE: adds proxy_http_version 1.1 beside proxy_set_header Upgrade', () => {
    const files = { [MAIN]: withoutVersion }
    expect(locationSettings(files, '/ws').proxyHttpVersion).toBe('1.0')
    const { files: fixed, diagnostics } = fix(files, hint('LAB_WS_HTTP10_UPGRADE', withoutVersion, 'proxy_set_header Upgrade $http_upgrade;'))
    expect(fixed[MAIN]).toContain('            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;')
    expect(locationSettings(fixed, '/ws').proxyHttpVersion).toBe('1.1')
    expect(codes(diagnostics)).not.toContain('LAB_WS_HTTP10_UPGRADE')
  })

  it('LAB_WS_HTTP10_UPGRADE: turns an explicit 1.0 into 1.1 instead of adding a duplicate', () => {
    const text = fixtureFiles('ok-canonical')[MAIN].replace('proxy_http_version 1.1;', 'proxy_http_version 1.0;')
    const { files: fixed, diagnostics } = fix({ [MAIN]: text }, hint('LAB_WS_HTTP10_UPGRADE', text, 'location /ws {'))
    expect(emergencies(diagnostics)).toEqual([])
    expect(locationSettings(fixed, '/ws').proxyHttpVersion).toBe('1.1')
  })

  it('LAB_WS_HEADERS_DROPPED: copies the outer headers into the block that dropped them', () => {
    const files = fixtureFiles('ok-inheritance-http-level')
    expect(headerNames(locationSettings(files, '/ws-broken'))).toEqual(['X-Loc ws'])
    for (const at of ['location /ws-broken', 'proxy_set_header X-Loc']) {
      const { files: fixed, diagnostics } = fix(files, hint('LAB_WS_HEADERS_DROPPED', files[MAIN], at))
      expect(headerNames(locationSettings(fixed, '/ws-broken'))).toEqual(['Upgrade $http_upgrade', 'Connection upgrade', 'X-Loc ws'])
      expect(fixed[MAIN]).toContain('            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection "upgrade";\n            proxy_set_header X-Loc ws;')
      expect(codes(diagnostics)).not.toContain('LAB_WS_HEADERS_DROPPED')
    }
  })

  it('LAB_WS_HEADERS_SWAPPED: gives Upgrade and Connection their own values back', () => {
    const text = fixtureFiles('ok-canonical')[MAIN]
      .replace('Upgrade $http_upgrade', 'Upgrade $connection_upgrade')
      .replace('Connection $connection_upgrade', 'Connection $http_upgrade')
    const { files: fixed, diagnostics } = fix({ [MAIN]: text }, hint('LAB_WS_HEADERS_SWAPPED', text, 'proxy_set_header Connection'))
    expect(headerNames(locationSettings(fixed, '/ws'))).toEqual(['Upgrade $http_upgrade', 'Connection $connection_upgrade'])
    expect(codes(diagnostics)).not.toContain('LAB_WS_HEADERS_SWAPPED')
  })

  it('LAB_WS_CONNECTION_HARDCODED and LAB_WS_CONNECTION_PASSED_THROUGH: Connection from $connection_upgrade, with its map', () => {
    const files = fixtureFiles('ok-inheritance-http-level')
    const hardcoded = fix(files, hint('LAB_WS_CONNECTION_HARDCODED', files[MAIN], 'proxy_set_header Connection "upgrade"'))
    expect(emergencies(hardcoded.diagnostics)).toEqual([])
    expect(headerNames(locationSettings(hardcoded.files, '/ws'))).toEqual(['Upgrade $http_upgrade', 'Connection $connection_upgrade'])
    expect(codes(hardcoded.diagnostics)).not.toContain('LAB_WS_CONNECTION_HARDCODED')

    const text = fixtureFiles('ok-canonical')[MAIN].replace('Connection $connection_upgrade', 'Connection $http_connection')
    const passed = fix({ [MAIN]: text }, hint('LAB_WS_CONNECTION_PASSED_THROUGH', text, 'proxy_set_header Connection'))
    expect(headerNames(locationSettings(passed.files, '/ws'))).toContain('Connection $connection_upgrade')
    expect(codes(passed.diagnostics)).not.toContain('LAB_WS_CONNECTION_PASSED_THROUGH')
  })

  it('LAB_WS_SSL_NO_SERVER_NAME: adds proxy_ssl_server_name on after proxy_pass https://', () => {
    const text = 'events {}\nhttp {\n    upstream chat { server 127.0.0.1:8443; }\n    server {\n        location / {\n            proxy_pass https://chat;\n        }\n    }\n}\n'
    const { files: fixed, diagnostics } = fix({ [MAIN]: text }, hint('LAB_WS_SSL_NO_SERVER_NAME', text, 'proxy_pass https://chat;'))
    expect(fixed[MAIN]).toContain('            proxy_pass https://chat;\n            proxy_ssl_server_name on;\n')
    expect(emergencies(diagnostics)).toEqual([])
    expect(codes(diagnostics)).not.toContain('LAB_WS_SSL_NO_SERVER_NAME')
  })
})

describe('the Upgrade and Connection headers as a refactoring on proxy_pass', () => {
  const text = 'events {}\nhttp {\n    server {\n        proxy_set_header X-Real-IP $remote_addr;\n        location /chat {\n            proxy_pass http://127.0.0.1:8010; # the chat\n        }\n    }\n}\n'

  it('adds them with what they need: the outer headers kept, proxy_http_version 1.1 on 1.22, the map', () => {
    const analysis = analyse({ main: MAIN, files: { [MAIN]: text }, version: '1.22.1' })
    // A cursor anywhere on the line, before the directive too.
    const line = positionOf(text, 'proxy_pass').line
    const actions = codeActions(analysis, MAIN, { line, column: 1, endLine: line, endColumn: 1 }, [])
    expect(actions).toHaveLength(1)
    expect(actions[0]).toMatchObject({ diagnosticCode: null, title: 'Add the Upgrade and Connection headers' })
    const fixed = applyAction({ [MAIN]: text }, actions[0])
    expect(emergencies(recheck(fixed))).toEqual([])
    const settings = locationSettings(fixed, '/chat')
    expect(headerNames(settings)).toEqual(['X-Real-IP $remote_addr', 'Upgrade $http_upgrade', 'Connection $connection_upgrade'])
    expect(settings.proxyHttpVersion).toBe('1.1')
  })

  it('is not offered where the location already sends both', () => {
    const canonical = fixtureFiles('ok-canonical')[MAIN]
    const analysis = analyse({ main: MAIN, files: { [MAIN]: canonical }, version: '1.22.1' })
    const at = positionOf(canonical, 'proxy_pass http')
    expect(codeActions(analysis, MAIN, { ...at, endLine: at.line, endColumn: at.column }, [])).toEqual([])
  })
})

describe('syntax', () => {
  it.each([
    ['err-missing-semicolon-before-brace', 'unexpected "}"'],
    ['err-missing-semicolon-merges-directives', 'invalid number of arguments in "proxy_http_version" directive'],
    ['err-eof-inside-directive', 'unexpected end of file, expecting ";" or "}"'],
    ['err-brace-after-proxy-pass', 'directive "proxy_pass" is not terminated by ";"'],
    ['err-unknown-directive-typo', 'unknown directive "proxy_http_versoin"'],
  ])('%s: the fix leaves a config nginx accepts', (fixture, message) => {
    const files = fixtureFiles(fixture)
    const finding = firstEmerg(files)
    expect(finding.message).toBe(message)
    const { actions, diagnostics } = fix(files, finding)
    expect(actions[0].isPreferred).toBe(true)
    expect(emergencies(diagnostics)).toEqual([])
  })

  it('seed-004-http-example-missing-brace: closes the block left open (the rest is the upstream the example names)', () => {
    const files = fixtureFiles('seed-004-http-example-missing-brace')
    const { files: fixed, diagnostics } = fix(files, firstEmerg(files))
    expect(fixed[MAIN].endsWith('}\n}\n')).toBe(true)
    expect(emergencies(diagnostics)).toEqual(['host not found in upstream "backend" in /etc/nginx/nginx.conf:11'])
  })

  it('a `{` after a simple directive whose block was never closed: the `{` alone becomes `;`', () => {
    const text = 'events {}\nhttp {\n server {\n  location / {\n   proxy_pass http://localhost:8010 {\n  }\n }\n}\n'
    const { files: fixed, diagnostics } = fix({ [MAIN]: text }, firstEmerg({ [MAIN]: text }))
    expect(fixed[MAIN]).toBe(text.replace('8010 {', '8010 ;'))
    expect(emergencies(diagnostics)).toEqual([])
  })

  it('a misspelt directive gets the nearest names allowed where it stands', () => {
    const text = 'worker_processe 1;\nevents {}\nhttp { server { location / { proxy_pas http://localhost:8010; } } }\n'
    const inMain = fix({ [MAIN]: text }, firstEmerg({ [MAIN]: text }))
    expect(inMain.actions[0].title).toBe('Replace with "worker_processes"')
    const fixed = inMain.files
    const inLocation = fix(fixed, firstEmerg(fixed))
    expect(inLocation.actions[0].title).toBe('Replace with "proxy_pass"')
    expect(emergencies(inLocation.diagnostics)).toEqual([])
  })
})
