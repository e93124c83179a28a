/**
 * Recovery: nginx stops at its first error, the engine goes on, so the editor can show every
 * problem at once — each with the range to underline.
 */
import { describe, expect, it } from 'vitest'
import { diagnostics } from './helpers.ts'

describe('recovery', () => {
  it('reports every mistake of a config, in nginx order, each with its range', () => {
    const text = [
      'events {}', //                                          1
      'http {', //                                             2
      '  server {', //                                         3
      '    listen 8020;', //                                   4
      '    lisen 8021;', //                                    5 unknown directive
      '    location /ws {', //                                 6
      '      proxy_pass http://127.0.0.1:8010;', //            7
      '      proxy_http_version 2.0;', //                      8 invalid value
      '      proxy_set_header Connection $connection_upgrade;', // 9 unknown variable (reported last)
      '      proxy_read_timeout 10x;', //                      10 invalid value
      '    }', //                                              11
      '  }', //                                                12
      '}', //                                                  13
    ].join('\n')
    // nginx's own findings; the lab's hints (here LAB_WS_MAP_MISSING at line 9) are ws-hints.test.ts's.
    const found = diagnostics(text).filter((d) => d.severity !== 'lab').map((d) => [d.message, d.line, d.column, d.endLine, d.endColumn])
    expect(found).toEqual([
      ['unknown directive "lisen"', 5, 5, 5, 10],
      ['invalid value "2.0"', 8, 26, 8, 29],
      ['"proxy_read_timeout" directive invalid value', 10, 7, 10, 30],
      ['unknown "connection_upgrade" variable', 9, 35, 9, 54],
    ])
  })

  it('goes on after a missing semicolon and a stray brace', () => {
    const text = 'events {}\nhttp {\n  server_tokens off\n  bogus on;\n}\n}\nworker_processes x;\n'
    expect(diagnostics(text).map((d) => [d.message, d.nginxLine])).toEqual([
      ['invalid number of arguments in "server_tokens" directive', 4],
      ['unexpected "}"', 6],
      ['"worker_processes" directive invalid value', 7],
    ])
  })

  it('still reports the syntax errors inside a block nginx refused to enter', () => {
    const text = 'events {}\nhttp {\n  map $a { x "y"z; }\n}\n'
    expect(diagnostics(text).map((d) => d.message)).toEqual([
      'invalid number of arguments in "map" directive',
      'unexpected "z"',
    ])
  })
})
