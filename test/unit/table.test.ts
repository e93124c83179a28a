/**
 * The directive table: every handwritten row sits where nginx 1.22.1's ngx_command_t puts
 * it, every directive the issue lists has a handler and docs, and the tables of both
 * modelled versions hold exactly their catalog's directives.
 */
import { describe, expect, it } from 'vitest'
import { CATALOG_1_22 } from '../../server/nginx/directives/catalog-1.22.ts'
import { CATALOG_1_30 } from '../../server/nginx/directives/catalog-1.30.ts'
import { DIRECTIVES, HANDWRITTEN, directiveTable } from '../../server/nginx/directives/index.ts'
import { parseNginxVersion } from '../../server/nginx/nginx-version.ts'

/** The directives the foundation issue names, and those of the seed articles. */
const REQUIRED = `events worker_processes worker_connections user pid error_log include http server listen
server_name location root index return error_page access_log log_format map upstream ip_hash hash
least_conn keepalive proxy_pass proxy_http_version proxy_set_header proxy_read_timeout
proxy_send_timeout proxy_connect_timeout proxy_buffering proxy_redirect proxy_next_upstream
proxy_hide_header proxy_pass_header add_header ssl_certificate ssl_certificate_key ssl_protocols
ssl_ciphers ssl_prefer_server_ciphers ssl_session_cache ssl_session_timeout ssl keepalive_timeout
send_timeout sendfile default_type types rewrite if set`.split(/\s+/)

describe('directive table', () => {
  it.each(HANDWRITTEN.map((s) => [`${s.name} (${s.module})`, s] as const))('%s matches nginx 1.22.1', (_label, spec) => {
    const row = CATALOG_1_22.find(([name, module]) => name === spec.name && module === spec.module)
    expect(row, 'no such ngx_command_t in nginx 1.22.1').toBeDefined()
    const [, , moduleType, contexts, args, , extra] = row!
    expect(spec.moduleType).toBe(moduleType)
    expect([...spec.contexts].sort()).toEqual([...contexts].sort())
    expect(spec.args).toEqual(args)
    expect(spec.block ?? false).toBe(extra?.block ?? false)
  })

  it.each(REQUIRED)('%s has its own handler, syntax and docs', (name) => {
    const spec = HANDWRITTEN.find((s) => s.name === name)
    expect(spec).toBeDefined()
    expect(spec!.syntax).toMatch(new RegExp(`^${name}\\b`))
    expect(spec!.docs?.summary.length).toBeGreaterThan(10)
    expect(spec!.docs?.url).toMatch(/^https:\/\/nginx\.org\/en\/docs\//)
  })

  it('holds every directive of each version in nginx module order', () => {
    const names = (catalog: typeof CATALOG_1_22): string[] => [...new Set(catalog.map(([name]) => name))].sort()
    expect([...DIRECTIVES.keys()].sort()).toEqual(names(CATALOG_1_22))
    const newer = directiveTable(parseNginxVersion('1.30.4')!)
    expect([...newer.keys()].sort()).toEqual(names(CATALOG_1_30))
    expect(newer.has('ssl')).toBe(false)
    expect(newer.has('http2')).toBe(true)
    // `server` is both an http block and an upstream line: http core comes first, as in nginx.
    expect(DIRECTIVES.get('server')!.map((s) => s.module)).toEqual(['ngx_http_core_module', 'ngx_http_upstream_module'])
  })
})
