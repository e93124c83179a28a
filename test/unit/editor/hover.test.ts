/** Hovers at given positions of the fixtures: directives from the table, values in effect, variables. */
import { describe, expect, it } from 'vitest'
import { hover } from '../../../components/editor/language/hover.ts'
import { DIRECTIVE_DOCS } from '../../../server/nginx/directives/directive-docs.ts'
import { LAB_STATES } from '../../../server/nginx/directives/lab-states.ts'
import { VARIABLE_TABLE } from '../../../server/nginx/variable-table.ts'
import { analyseText, fixtureFiles, MAIN, positionOf } from './support.ts'

const canonical = fixtureFiles('ok-canonical')[MAIN]
const inheritance = fixtureFiles('ok-inheritance-http-level')[MAIN]

function hoverAt(text: string, needle: string, version = '1.22.1', lang: 'en' | 'zh' = 'en', nth = 1, files: Record<string, string> = {}): string {
  const result = hover(analyseText(text, version, files), MAIN, positionOf(text, needle, 1, nth), lang)
  if (!result) throw new Error(`no hover on ${needle}`)
  return result.markdown
}

/** The markdown with its code spans removed: what is left is what markdown would interpret. */
const outsideCode = (markdown: string): string => markdown.replace(/(`+)[\s\S]*?\1/g, '')

describe('hover on a directive', () => {
  it('shows proxy_read_timeout\'s default 60s on 1.22.1, its syntax, contexts, module, state and links', () => {
    const md = hoverAt(inheritance, 'proxy_read_timeout')
    expect(md).toContain('**Default** (nginx 1.22.1): `60s`')
    expect(md).toContain('proxy_read_timeout time;')
    expect(md).toContain(DIRECTIVE_DOCS.proxy_read_timeout.summary.en)
    expect(md).toContain('`http`, `server`, `location`')
    expect(md).toContain('`ngx_http_proxy_module`')
    expect(md).toContain('modelled: the lab runs it as nginx does')
    expect(md).toContain('(https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_read_timeout)')
    expect(md).toContain('(/guide/timeouts-and-pings)')
    // The value in effect where it stands: its own, replacing the default.
    expect(md).toContain('**In effect here**: `3600s` (line 8)')
    expect(md).toContain('Replaces `60s` (the default)')
  })

  it('gives proxy_http_version\'s default per version: 1.0 on 1.22.1, 1.1 on 1.30.4', () => {
    expect(hoverAt(canonical, 'proxy_http_version', '1.22.1')).toContain('**Default** (nginx 1.22.1): `1.0`')
    expect(hoverAt(canonical, 'proxy_http_version', '1.30.4')).toContain('**Default** (nginx 1.30.4): `1.1`')
  })

  it('on proxy_pass, lists the headers sent: inherited ones with their line, then nginx\'s own', () => {
    const md = hoverAt(inheritance, 'proxy_pass http')
    expect(md).toContain('- `Upgrade`: `$http_upgrade` — inherited, line 6')
    expect(md).toContain('- `Connection`: `"upgrade"` — inherited, line 7')
    expect(md).toContain('- `Host`: `$proxy_host` — nginx\'s own')
    expect(md).not.toContain('Dropped here')
  })

  it('on a block\'s own proxy_set_header, marks what it dropped, and nginx\'s Connection: close on 1.22 only', () => {
    const md22 = hoverAt(inheritance, 'proxy_set_header X-Loc')
    expect(md22).toContain('- `X-Loc`: `ws` — line 16')
    expect(md22).toContain('- `Connection`: `close` — nginx\'s own')
    const dropped = md22.slice(md22.indexOf('**Dropped here**'))
    expect(dropped).toContain('- `Upgrade`: `$http_upgrade` — inherited, line 6')
    expect(dropped).toContain('- `Connection`: `"upgrade"` — inherited, line 7')
    const md30 = hoverAt(inheritance, 'proxy_set_header X-Loc', '1.30.4')
    expect(md30).not.toContain('`Connection`: `close`')
    expect(md30).toMatch(/Not passed from the client: .*`Connection`/)
  })

  it('names the file of headers that come from an include (Debian\'s proxy_params)', () => {
    const text = 'events {}\nhttp {\n    server {\n        location / {\n            include proxy_params;\n            proxy_pass http://127.0.0.1:8010;\n        }\n    }\n}\n'
    const md = hoverAt(text, 'proxy_pass')
    expect(md).toMatch(/- `X-Forwarded-For`: `\$proxy_add_x_forwarded_for` — line \d+ of `\/etc\/nginx\/proxy_params`/)
  })

  it('speaks 简体中文 when asked, with the lesson under /zh/', () => {
    const md = hoverAt(inheritance, 'proxy_read_timeout', '1.22.1', 'zh')
    expect(md).toContain(DIRECTIVE_DOCS.proxy_read_timeout.summary.zh)
    expect(md).toContain('**默认值** (nginx 1.22.1): `60s`')
    expect(md).toContain('(/zh/guide/timeouts-and-pings)')
  })

  it('says what the lab does with an inert or not modelled directive', () => {
    const state = LAB_STATES.worker_processes
    if (state.state === 'modelled') throw new Error('worker_processes is expected not to run in the lab')
    expect(hoverAt(canonical, 'worker_processes')).toContain(state.why.en)
  })

  it('on an unknown directive, says what nginx says and offers the nearest name allowed there', () => {
    const text = fixtureFiles('err-unknown-directive-typo')[MAIN]
    const md = hoverAt(text, 'proxy_http_versoin 1.1')
    expect(md).toContain('`unknown directive "proxy_http_versoin"`')
    expect(md).toContain('Did you mean `proxy_http_version`')
  })

  it('on a directive only the other version knows, says which', () => {
    const text = 'events {}\nhttp { server { listen 443; ssl on; } }\n'
    expect(hoverAt(text, 'ssl on', '1.30.4')).toContain('Known to nginx 1.22.1.')
  })
})

describe('hover on a variable', () => {
  it('shows $connection_upgrade\'s map: its source and entries', () => {
    const md = hoverAt(canonical, '$connection_upgrade;')
    expect(md).toBe(hoverAt(canonical, '$connection_upgrade {'))
    expect(md).toContain('Defined by `map $http_upgrade $connection_upgrade` (line 7)')
    expect(md).toContain('| empty | `close` |')
    expect(md).toContain('| anything else (default) | `upgrade` |')
  })

  it('shows what a built-in holds and an example', () => {
    const entry = VARIABLE_TABLE.find((e) => e.name === 'http_')
    const md = hoverAt(canonical, '$http_upgrade;')
    expect(md).toContain(entry?.about.en)
    expect(md).toContain('Example: `websocket`')
  })

  it('says nginx refuses a variable nothing defines', () => {
    const text = fixtureFiles('err-unknown-variable-connection-upgrade')[MAIN]
    const md = hoverAt(text, '$connection_upgrade;')
    expect(md).toContain('`unknown "connection_upgrade" variable`')
  })

  it('shows a set variable\'s definition', () => {
    const text = 'events {}\nhttp { server { set $room lobby; location / { return 200 $room; } } }\n'
    expect(hoverAt(text, '$room;')).toContain('Set by `set $room lobby` (line 2)')
  })
})

describe('hover markdown is safe', () => {
  it('keeps the user\'s text in code spans, whatever backticks, links or HTML it holds', () => {
    const text = 'events {}\nhttp {\n    map $uri $weird {\n        "`]|<img src=x>" "[x](javascript:alert(1))";\n    }\n    server { add_header X-E "`[y](javascript:1)`"; location / { return 200 $weird; } }\n}\n'
    const mapHover = hoverAt(text, '$weird;')
    expect(outsideCode(mapHover)).not.toMatch(/<img|\]\(javascript/)
    expect(mapHover).toContain('\\|')
    const headerHover = hoverAt(text, 'add_header')
    expect(headerHover).toContain('In effect here')
    expect(outsideCode(headerHover)).not.toMatch(/\]\(javascript/)
  })
})
