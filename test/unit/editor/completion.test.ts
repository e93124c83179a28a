/** Completion on text being typed: directives of the block at the cursor, their values, units, variables, upstreams. */
import { describe, expect, it } from 'vitest'
import { completion } from '../../../components/editor/language/completion.ts'
import type { CompletionItem } from '../../../components/editor/language/types.ts'
import { analyseFixture, analyseText, after, fixtureFiles, MAIN } from './support.ts'

const canonical = fixtureFiles('ok-canonical')[MAIN]

/** The canonical config with `typed` written on a new line after `anchor`'s line, and the completion at its end. */
function completeAfter(anchor: string, typed: string, version = '1.22.1', text = canonical): CompletionItem[] {
  const lineEnd = text.indexOf('\n', text.indexOf(anchor))
  const before = `${text.slice(0, lineEnd + 1)}${typed}`
  const edited = `${before}\n${text.slice(lineEnd + 1)}`
  const cursor = { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') }
  // The analysis is of the text before the edit, as it is while someone types.
  return completion(analyseText(text, version), MAIN, edited, cursor)
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label)

describe('completion of directives', () => {
  it('inside location offers proxy_pass and not worker_processes', () => {
    const items = completeAfter('proxy_pass http', '            prox')
    expect(labels(items)).toContain('proxy_pass')
    expect(labels(items)).toContain('proxy_read_timeout')
    expect(labels(items)).not.toContain('worker_processes')
    expect(labels(items)).not.toContain('listen')
  })

  it('in main offers worker_processes and the blocks of main, not proxy_pass', () => {
    const items = completeAfter('worker_processes', 'wor')
    expect(labels(items)).toContain('worker_processes')
    expect(labels(items)).toContain('http')
    expect(labels(items)).not.toContain('proxy_pass')
  })

  it('writes block directives with braces and others with their syntax as a snippet', () => {
    const items = completeAfter('proxy_pass http', '            ')
    const location = items.find((i) => i.label === 'location')
    expect(location).toMatchObject({ kind: 'block', isSnippet: true, insertText: 'location ${1:uri} {\n\t$0\n}' })
    expect(items.find((i) => i.label === 'proxy_read_timeout')).toMatchObject({ kind: 'directive', insertText: 'proxy_read_timeout ${1:time};' })
    expect(items.find((i) => i.label === 'if')?.insertText).toBe('if (${1:condition}) {\n\t$0\n}')
    // The version's own values in a choice: 1.22 has no `2`.
    expect(items.find((i) => i.label === 'proxy_http_version')?.insertText).toBe('proxy_http_version ${1|1.0,1.1|};')
    expect(items.find((i) => i.label === 'proxy_buffering')?.insertText).toBe('proxy_buffering ${1|on,off|};')
  })

  it('replaces the word being typed, and only writes the name when the arguments are already there', () => {
    const text = canonical.replace('proxy_http_version 1.1;', 'proxy_http_verson 1.1;')
    const position = after(text, 'proxy_http_ver')
    const items = completion(analyseFixture('ok-canonical'), MAIN, text, position)
    const item = items.find((i) => i.label === 'proxy_http_version')
    expect(item).toMatchObject({ insertText: 'proxy_http_version', isSnippet: false })
    expect(item?.range).toEqual({ line: position.line, column: position.column - 'proxy_http_ver'.length, endLine: position.line, endColumn: position.column + 3 })
  })

  it('follows the blocks of the text as typed, not of the older analysis', () => {
    const items = completeAfter('server_name localhost;', '        location /new {\n            up')
    expect(labels(items)).toContain('proxy_pass')
    expect(labels(items)).not.toContain('listen')
  })

  it('offers nothing in a comment, and no directives in a map', () => {
    expect(completeAfter('proxy_pass http', '            # prox')).toEqual([])
    expect(completeAfter("'' close;", '        def')).toEqual([])
  })
})

describe('completion of values', () => {
  it('proxy_http_version: 1.0 and 1.1, and 2 only on 1.30', () => {
    expect(labels(completeAfter('proxy_pass http', '            proxy_http_version '))).toEqual(['1.0', '1.1'])
    expect(labels(completeAfter('proxy_pass http', '            proxy_http_version ', '1.30.4'))).toEqual(['1.0', '1.1', '2'])
  })

  it('a flag: on and off; proxy_next_upstream: its words not yet written', () => {
    expect(labels(completeAfter('proxy_pass http', '            proxy_buffering '))).toEqual(['on', 'off'])
    const next = labels(completeAfter('proxy_pass http', '            proxy_next_upstream error '))
    expect(next).toContain('timeout')
    expect(next).toContain('http_502')
    expect(next).not.toContain('error')
  })

  it('units after a number: times for proxy_read_timeout, sizes for client_max_body_size', () => {
    const times = completeAfter('proxy_pass http', '            proxy_read_timeout 60')
    expect(labels(times)).toEqual(expect.arrayContaining(['60s', '60ms', '60m', '60h']))
    // ngx_parse_time takes months and years only where it reads seconds.
    expect(labels(times)).not.toContain('60M')
    expect(times.every((i) => i.kind === 'unit')).toBe(true)
    expect(labels(completeAfter('proxy_pass http', '            client_max_body_size 64'))).toEqual(expect.arrayContaining(['64k', '64m', '64g']))
  })
})

describe('completion of variables and upstreams', () => {
  it('after $: http_upgrade and the config\'s map variable, replacing what follows the $', () => {
    const items = completeAfter('proxy_pass http', '            add_header X-Up $')
    expect(labels(items)).toContain('http_upgrade')
    expect(labels(items)).toContain('connection_upgrade')
    expect(labels(items)).toContain('remote_addr')
    const typed = completeAfter('proxy_pass http', '            add_header X-Up $conn')
    const item = typed.find((i) => i.label === 'connection_upgrade')
    expect(item?.range.endColumn! - item!.range.column).toBe('conn'.length)
  })

  it('inside ${ closes the brace', () => {
    const item = completeAfter('proxy_pass http', '            return 200 "${remo').find((i) => i.label === 'remote_addr')
    expect(item?.insertText).toBe('remote_addr}')
  })

  it('after proxy_pass http:// the upstream names, in an included file too', () => {
    const files = fixtureFiles('seed-001-conf-d-as-is')
    const site = '/etc/nginx/conf.d/websocket_proxy.conf'
    const text = files[site].replace('http://websocket;', 'http://w;')
    const analysis = analyseText(files[MAIN], '1.22.1', { [site]: files[site] })
    const items = completion(analysis, site, text, after(text, 'http://w'))
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ label: 'websocket', kind: 'upstream' })
    expect(items[0].documentation).toContain('127.0.0.1:8010')
  })
})
