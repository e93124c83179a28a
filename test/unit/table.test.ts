/**
 * The directive table: built from nginx's own commands (the generated catalogs), every
 * handwritten row sits where nginx's ngx_command_t puts it, every directive has the lab's state
 * and the directives the lessons use have docs; a not-modelled directive gets its `lab`
 * diagnostic wherever it is used, an inert or modelled one none.
 */
import { describe, expect, it } from 'vitest'
import type { CommandRow } from '../../server/nginx/directives/generated/command-row.ts'
import { COMMANDS_1_22_1 } from '../../server/nginx/directives/generated/commands-1.22.1.ts'
import { COMMANDS_1_30_4 } from '../../server/nginx/directives/generated/commands-1.30.4.ts'
import { DIRECTIVES, HANDWRITTEN, directiveTable } from '../../server/nginx/directives/index.ts'
import { check } from '../../server/nginx/index.ts'
import { parseNginxVersion } from '../../server/nginx/nginx-version.ts'
import { FILE } from './helpers.ts'

/** The directives the foundation issue names, and those of the seed articles. */
const REQUIRED = `events worker_processes worker_connections user pid error_log include http server listen
server_name location root index return error_page access_log log_format map upstream ip_hash hash
least_conn keepalive proxy_pass proxy_http_version proxy_set_header proxy_read_timeout
proxy_send_timeout proxy_connect_timeout proxy_buffering proxy_redirect proxy_next_upstream
proxy_hide_header proxy_pass_header add_header ssl_certificate ssl_certificate_key ssl_protocols
ssl_ciphers ssl_prefer_server_ciphers ssl_session_cache ssl_session_timeout ssl keepalive_timeout
send_timeout sendfile default_type types rewrite if set`.split(/\s+/)

const NEWER = directiveTable(parseNginxVersion('1.30.4')!)

describe('directive table', () => {
  it.each(HANDWRITTEN.map((s) => [`${s.name} (${s.module})`, s] as const))('%s matches nginx\'s ngx_command_t', (_label, spec) => {
    const find = (rows: readonly CommandRow[]) => rows.find(([name, module]) => name === spec.name && module === spec.module)
    const row = find(COMMANDS_1_22_1) ?? find(COMMANDS_1_30_4)
    expect(row, 'no such ngx_command_t in nginx 1.22.1 or 1.30.4').toBeDefined()
    const [, , moduleType, contexts, args, , extra] = row!
    expect(spec.moduleType).toBe(moduleType)
    expect([...spec.contexts].sort()).toEqual([...contexts].sort())
    expect(spec.args).toEqual(args)
    expect(spec.block ?? false).toBe(extra?.block ?? false)
  })

  it.each(REQUIRED)('%s has its own handler, syntax and docs in both languages', (name) => {
    expect(HANDWRITTEN.find((s) => s.name === name)).toBeDefined()
    const doc = DIRECTIVES.get(name)![0].doc
    expect(doc?.syntax).toMatch(new RegExp(`^${name}\\b`))
    expect(doc?.summary.en.length).toBeGreaterThan(10)
    expect(doc?.summary.zh).toMatch(/\p{Script=Han}/u)
    expect(doc?.url).toMatch(/^https:\/\/nginx\.org\/en\/docs\//)
  })

  it('holds every directive of each release line, from nginx\'s source, in module order', () => {
    const names = (rows: readonly CommandRow[]): string[] => [...new Set(rows.map(([name]) => name))].sort()
    // Debian's 1.22.1 carries max_headers, a patch nginx's source does not have.
    expect([...DIRECTIVES.keys()].sort()).toEqual([...names(COMMANDS_1_22_1), 'max_headers'].sort())
    expect([...NEWER.keys()].sort()).toEqual(names(COMMANDS_1_30_4))
    expect(NEWER.has('ssl')).toBe(false)
    expect(NEWER.has('http2')).toBe(true)
    // `server` is both an http block and an upstream line: http core comes first, as in nginx.
    expect(DIRECTIVES.get('server')!.map((s) => s.module)).toEqual(['ngx_http_core_module', 'ngx_http_upstream_module'])
  })

  it('takes enum values from nginx\'s source for the version: proxy_http_version 2 only on 1.30', () => {
    expect(DIRECTIVES.get('proxy_http_version')![0].values).toEqual(['1.0', '1.1'])
    expect(NEWER.get('proxy_http_version')![0].values).toEqual(['1.0', '1.1', '2'])
  })

  it('gives every directive of every table a state', () => {
    for (const table of [DIRECTIVES, NEWER]) {
      for (const [name, specs] of table) for (const spec of specs) expect(['modelled', 'inert', 'not-modelled'], name).toContain(spec.lab.state)
    }
  })
})

describe('lab diagnostics', () => {
  /** A one-argument value each generic setter accepts. */
  const SAMPLE: Partial<Record<CommandRow[5], string>> = { flag: 'on', size: '16k', msec: '5s', sec: '5s', num: '8' }

  // Every http-level directive of a generic setter, used once: a `lab` finding iff not modelled.
  const cases = COMMANDS_1_22_1.filter(([name, , , contexts, , slot]) => contexts.includes('http') && SAMPLE[slot] && DIRECTIVES.get(name)!.length === 1)

  it.each(cases.map((row) => [row[0], row] as const))('%s', (name, row) => {
    const text = `events {}\nhttp {\n    ${name} ${SAMPLE[row[5]]};\n}\n`
    const result = check(text, { file: FILE })
    const lab = result.diagnostics.filter((d) => d.severity === 'lab')
    const spec = DIRECTIVES.get(name)![0]
    if (result.diagnostics.some((d) => d.severity === 'emerg')) return // refused by nginx's own rules: nothing to run
    if (spec.lab.state === 'not-modelled') {
      expect(lab).toHaveLength(1)
      expect(lab[0]).toMatchObject({ code: 'LAB_NOT_MODELLED', line: 3, column: 5, endColumn: 5 + name.length })
      expect(lab[0].message).toBe(`Upgrade Lab checks this directive as nginx does but does not run it: ${spec.lab.why.en}`)
      expect(lab[0].messageZh).toContain(spec.lab.why.zh)
    } else {
      expect(lab).toEqual([])
    }
  })

  it('covers directives of each state', () => {
    const states = new Set(cases.map(([name]) => DIRECTIVES.get(name)![0].lab.state))
    expect([...states].sort()).toEqual(['inert', 'modelled', 'not-modelled'])
  })

  it('never reaches nginx -t\'s output, and leaves ok alone', () => {
    const result = check('events {}\nhttp {\n    gzip on;\n}\n', { file: FILE })
    expect(result.ok).toBe(true)
    expect(result.diagnostics.map((d) => d.code)).toEqual(['LAB_NOT_MODELLED'])
  })
})

describe('lab findings for variables', () => {
  it('marks the first use of a built-in variable the lab does not give nginx\'s value, and no other', async () => {
    const { VARIABLE_TABLE } = await import('../../server/nginx/variable-table.ts')
    const notModelled = VARIABLE_TABLE.filter((e) => e.lab === 'not-modelled' && !e.prefix && !e.name.startsWith('geoip_'))
    expect(notModelled.length).toBeGreaterThan(5)
    for (const entry of VARIABLE_TABLE.filter((e) => !e.prefix && !e.name.startsWith('geoip_'))) {
      const text = `events {}\nhttp {\n    log_format f "[$${entry.name}]";\n    server { listen 8020; access_log /tmp/x.log f; }\n}\n`
      const lab = check(text, { file: FILE }).diagnostics.filter((d) => d.code === 'LAB_VARIABLE_NOT_MODELLED')
      expect(lab.length, entry.name).toBe(entry.lab === 'not-modelled' ? 1 : 0)
      if (lab.length) expect(lab[0]).toMatchObject({ severity: 'lab', line: 3, message: expect.stringContaining(`$${entry.name}`) })
    }
  })
})

describe('what an entry says', () => {
  const spec = (name: string, table = DIRECTIVES) => table.get(name)![0]

  it('the shape of its value, as nginx\'s setter reads it', () => {
    expect(spec('proxy_read_timeout').shape).toBe('msec')
    expect(spec('proxy_buffering').shape).toBe('flag')
    expect(spec('client_max_body_size').shape).toBe('off')
    expect(spec('proxy_http_version').shape).toBe('enum')
    expect(spec('proxy_pass').shape).toBe('custom')
  })

  it('the context a block opens, by where it stands', () => {
    expect(spec('location').opens).toEqual({ server: 'location', location: 'location' })
    expect(spec('if').opens).toEqual({ server: 'if-server', location: 'if-location' })
    expect(spec('events').opens).toEqual({ main: 'events' })
    expect(spec('map').opens).toBeUndefined()
    expect(spec('proxy_pass').opens).toBeUndefined()
  })

  it('the releases that know it, from nginx\'s source', () => {
    expect(spec('ssl').versions).toEqual(['1.22.1', '1.24.0'])
    expect(spec('http2', NEWER).versions).toEqual(['1.26.3', '1.28.0', '1.30.4'])
    expect(spec('proxy_pass').versions).toEqual(['1.22.1', '1.24.0', '1.26.3', '1.28.0', '1.30.4'])
  })
})
