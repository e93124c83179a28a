/** The nginx grammar run by Monaco's own Monarch lexer, and the semantic tokens from the engine. */
import { describe, expect, it } from 'vitest'
import { foldingRanges } from '../../../components/editor/language/folding.ts'
import { semanticTokens } from '../../../components/editor/language/semantic-tokens.ts'
import { nginxLanguageConfiguration, nginxMonarch } from '../../../components/editor/language/tokens.ts'
import { tokenize, type Token } from './monarch.ts'
import { analyseFixture, analyseText, fixtureFiles, MAIN, positionOf } from './support.ts'

const canonical = fixtureFiles('ok-canonical')[MAIN]

/** The tokens of a text with something on them, as `type:text`. */
function tokensOf(text: string): string[] {
  return tokenize(nginxMonarch, text)
    .filter((t: Token) => t.text.trim() !== '')
    .map((t) => `${t.type}:${t.text.trim()}`)
}

describe('the Monarch grammar', () => {
  it('reads the canonical config: directive names, variables, numbers, the map, comments', () => {
    const tokens = tokensOf(canonical)
    expect(tokens[0]).toMatch(/^comment:# ok: the canonical/)
    expect(tokens).toContain('keyword:worker_processes')
    expect(tokens).toContain('number:64')
    expect(tokens).toContain('number:1.1')
    expect(tokens).toContain('variable:$connection_upgrade')
    expect(tokens).toContain('string.quote:\'\'')
    expect(tokens.filter((t) => t === 'keyword:proxy_set_header')).toHaveLength(2)
    // `Upgrade` is an argument, not a directive name.
    expect(tokens).not.toContain('keyword:Upgrade')
  })

  it('reads numbers with nginx units as numbers, and addresses as words', () => {
    const tokens = tokensOf('proxy_read_timeout 1h30m;\nclient_max_body_size 64k;\nproxy_pass http://127.0.0.1:8010;\n')
    expect(tokens).toEqual([
      'keyword:proxy_read_timeout', 'number:1h30m', 'delimiter:;',
      'keyword:client_max_body_size', 'number:64k', 'delimiter:;',
      'keyword:proxy_pass', ':http://127.0.0.1:8010', 'delimiter:;',
    ])
  })

  it('reads regexes after ~ in location, if, server_name, map keys and rewrite, and $ in them is no variable', () => {
    const text = [
      'location ~* \\.(png|jpe?g)$ { }',
      'if ($http_upgrade ~* "^web(?<proto>socket)$") { return 426; }',
      'server_name ~^(?<tenant>.+)\\.lab\\.test$ plain.test;',
      'map $uri $tenant_root { ~^/t/(?<t>\\w+) $t; default ""; }',
      'rewrite ^/old/(.*)$ /new/$1 last;',
    ].join('\n')
    const tokens = tokensOf(text)
    expect(tokens).toEqual(expect.arrayContaining([
      'operator:~*', 'regexp:\\.(png|jpe?g)$',
      'regexp:"^web(?<proto>socket)$"',
      'regexp:~^(?<tenant>.+)\\.lab\\.test$',
      'regexp:~^/t/(?<t>\\w+)',
      'regexp:^/old/(.*)$',
    ]))
    expect(tokens).toContain('variable:$http_upgrade')
    expect(tokens).toContain(':plain.test')
    // The map's default is a keyword of the map's grammar, its value a variable.
    expect(tokens).toContain('keyword:default')
    expect(tokens).toContain('variable:$t')
  })

  it('keeps strings whole, with their escapes and variables, and # inside them or inside a word is no comment', () => {
    const tokens = tokensOf('add_header X-A "say \\"hi\\" $host # not a comment";\nreturn 200 a#b; # a comment\n')
    expect(tokens).toEqual([
      'keyword:add_header', ':X-A', 'string.quote:"', 'string:say', 'string.escape:\\"', 'string:hi', 'string.escape:\\"', 'variable:$host',
      'string:# not a comment', 'string.quote:"', 'delimiter:;',
      'keyword:return', 'number:200', ':a#b', 'delimiter:;', 'comment:# a comment',
    ])
  })

  it('starts a new statement after a block opens or closes, so the next name is a keyword again', () => {
    const tokens = tokensOf('location /a { proxy_pass http://b; } location /c { }')
    expect(tokens.filter((t) => t.startsWith('keyword:'))).toEqual(['keyword:location', 'keyword:proxy_pass', 'keyword:location'])
  })
})

describe('the language configuration', () => {
  it('indents after a line that opens a block and outdents a closing brace', () => {
    const rules = nginxLanguageConfiguration.indentationRules
    expect(rules?.increaseIndentPattern.test('    location /ws {')).toBe(true)
    expect(rules?.increaseIndentPattern.test('    location /ws { # the chat')).toBe(true)
    expect(rules?.increaseIndentPattern.test('    location /ws { return 200; }')).toBe(false)
    expect(rules?.decreaseIndentPattern.test('    }')).toBe(true)
    expect(nginxLanguageConfiguration.comments?.lineComment).toBe('#')
    const enter = nginxLanguageConfiguration.onEnterRules?.[0]
    expect(enter?.beforeText.test('server {')).toBe(true)
    expect(enter?.afterText?.test('}')).toBe(true)
  })
})

describe('semanticTokens', () => {
  it('marks known directives, built-in variables and the map variable on the canonical config', () => {
    const analysis = analyseFixture('ok-canonical')
    const tokens = semanticTokens(analysis, MAIN)
    const at = (needle: string, nth = 1): string | undefined => {
      const pos = positionOf(canonical, needle, 0, nth)
      return tokens.find((t) => t.line === pos.line && t.column === pos.column && t.length === needle.length)?.type
    }
    expect(at('worker_processes')).toBe('directive')
    expect(at('proxy_pass')).toBe('directive')
    expect(at('$http_upgrade')).toBe('variable.builtin')
    expect(at('$connection_upgrade')).toBe('variable.defined')
    expect(at('$connection_upgrade', 2)).toBe('variable.defined')
    // Map entries are data: `default` and `''` are not directives.
    expect(at('default')).toBeUndefined()
  })

  it('marks a misspelt directive and a variable nothing defines', () => {
    const typo = analyseFixture('err-unknown-directive-typo')
    const typoText = fixtureFiles('err-unknown-directive-typo')[MAIN]
    const pos = positionOf(typoText, 'proxy_http_versoin 1.1')
    expect(semanticTokens(typo, MAIN)).toContainEqual({ ...pos, length: 'proxy_http_versoin'.length, type: 'directive.unknown' })

    const noMap = analyseFixture('err-unknown-variable-connection-upgrade')
    const noMapText = fixtureFiles('err-unknown-variable-connection-upgrade')[MAIN]
    expect(semanticTokens(noMap, MAIN)).toContainEqual({ ...positionOf(noMapText, 'Connection $connection_upgrade', 11), length: 19, type: 'variable.unknown' })
  })

  it('knows directives by the selected version: ssl is gone in 1.30', () => {
    const text = 'events {}\nhttp { server { listen 443; ssl on; } }\n'
    const ssl = positionOf(text, 'ssl on')
    const type = (version: string): string | undefined =>
      semanticTokens(analyseText(text, version), MAIN).find((t) => t.line === ssl.line && t.column === ssl.column)?.type
    expect(type('1.22.1')).toBe('directive')
    expect(type('1.30.4')).toBe('directive.unknown')
  })

  it('marks variables inside strings and named captures, in an included file', () => {
    const text = 'events {}\nhttp { include conf.d/site.conf; }\n'
    const site = 'server {\n    server_name ~^(?<tenant>[a-z]+)\\.lab$;\n    return 200 "$scheme://$tenant/";\n}\n'
    const analysis = analyseText(text, '1.22.1', { '/etc/nginx/conf.d/site.conf': site })
    const tokens = semanticTokens(analysis, '/etc/nginx/conf.d/site.conf')
    expect(tokens).toContainEqual({ ...positionOf(site, 'tenant'), length: 6, type: 'variable.defined' })
    expect(tokens).toContainEqual({ ...positionOf(site, '$scheme'), length: 7, type: 'variable.builtin' })
    expect(tokens).toContainEqual({ ...positionOf(site, '$tenant'), length: 7, type: 'variable.defined' })
    expect(tokens).toContainEqual({ ...positionOf(site, 'server_name'), length: 11, type: 'directive' })
  })
})

describe('foldingRanges', () => {
  it('folds each block from its brace to the line before its closing brace', () => {
    expect(foldingRanges(analyseFixture('ok-canonical'), MAIN)).toEqual([
      { start: 3, end: 4 },
      { start: 6, end: 21 },
      { start: 7, end: 9 },
      { start: 12, end: 20 },
      { start: 15, end: 19 },
    ])
  })

  it('folds # region markers and runs of comment lines, not a block on one line', () => {
    const text = '# one\n# two\n# three\nevents {}\n# region upstreams\nhttp { upstream a { server 127.0.0.1:1; } }\n# endregion\n'
    expect(foldingRanges(analyseText(text), MAIN)).toEqual([
      { start: 1, end: 3, kind: 'comment' },
      { start: 5, end: 7, kind: 'region' },
    ])
  })
})
