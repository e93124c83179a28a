/**
 * The formatter (server/nginx/format.ts): its layout pinned on examples; on generated configs,
 * idempotent and never changing a word, a quoted string or a comment; and on every check
 * fixture, the engine's verdict on the formatted files is the verdict on the originals.
 */
import fc from 'fast-check'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeHost } from '../../server/cli/node-host.ts'
import { formatConfig, tryFormatConfig } from '../../server/nginx/format.ts'
import { check, type ConfigHost } from '../../server/nginx/index.ts'
import { Lexer } from '../../server/nginx/lexer.ts'
import { sourceTokens } from './format-tokens.ts'

const fmt = (lines: string[]): string => formatConfig(lines.join('\n'))

describe('layout', () => {
  it('indents by four spaces, one directive a line, { on its line and } on its own', () => {
    expect(fmt(['events{}http{server{listen 80;location /ws{proxy_pass http://b;}}}'])).toBe(
      'events {}\nhttp {\n    server {\n        listen 80;\n        location /ws {\n            proxy_pass http://b;\n        }\n    }\n}\n',
    )
    expect(fmt(['http', '{', '  server', '  {', '\t\tlisten   80  ;', '  }', '}'])).toBe('http {\n    server {\n        listen 80;\n    }\n}\n')
  })

  it('takes another indent', () => {
    expect(formatConfig('http { server { listen 80; } }', { indent: '\t' })).toBe('http {\n\tserver {\n\t\tlisten 80;\n\t}\n}\n')
  })

  it('keeps quoted strings, escapes and regexes byte for byte', () => {
    const text = [
      'location ~* "^/ws/(?<room>[a-z]{2,8})$" { return 200 "a \\"b\\"\\t;{}#"; }',
      "add_header X 'it\\'s' always;",
      'if ($http_upgrade = "websocket") { rewrite ^/(.*)\\.php$ /$1 last; }',
      'set $x ${host}a\\ b;',
    ].join('\n')
    expect(formatConfig(text)).toBe(
      [
        'location ~* "^/ws/(?<room>[a-z]{2,8})$" {',
        '    return 200 "a \\"b\\"\\t;{}#";',
        '}',
        "add_header X 'it\\'s' always;",
        'if ($http_upgrade = "websocket") {',
        '    rewrite ^/(.*)\\.php$ /$1 last;',
        '}',
        'set $x ${host}a\\ b;',
        '',
      ].join('\n'),
    )
  })

  it('keeps comments where they are: after their token, or on a line of their own', () => {
    expect(fmt(['# head', 'events { # after brace', '  worker_connections 64;#glued', '   # own line', '}  # after close', '# tail'])).toBe(
      '# head\nevents { # after brace\n    worker_connections 64; #glued\n    # own line\n} # after close\n# tail\n',
    )
  })

  it('moves a comment between the last word and its ";" after the ";"', () => {
    expect(fmt(['proxy_pass http://b # the backend', '  ;'])).toBe('proxy_pass http://b; # the backend\n')
  })

  it('keeps blank lines between lines, at most one, none after { or before }', () => {
    expect(fmt(['', '', 'http {', '', '    a 1;', '', '', '', '    b 2;', '    # c', '', '}', '', ''])).toBe('http {\n    a 1;\n\n    b 2;\n    # c\n}\n')
  })

  it('keeps a line break inside a directive, the next line one level deeper', () => {
    expect(fmt(['http {', "log_format main '$remote_addr '", "  '$status';", '}'])).toBe("http {\n    log_format main '$remote_addr '\n        '$status';\n}\n")
    // Aligned further right than one level by its author: kept where it was, relative to the directive.
    expect(fmt(['http {', "  log_format main '$remote_addr '", "                  '$status';", '}'])).toBe(
      "http {\n    log_format main '$remote_addr '\n                    '$status';\n}\n",
    )
    expect(fmt(['server_name a # first', '  # second', '  b;'])).toBe('server_name a # first\n    # second\n    b;\n')
  })

  it('keeps the columns of table blocks (map, types, geo…)', () => {
    expect(fmt(['map $http_upgrade $connection_upgrade {', 'default   upgrade;', "''        close;", '}', 'types { text/html   html htm; }'])).toBe(
      "map $http_upgrade $connection_upgrade {\n    default   upgrade;\n    ''        close;\n}\ntypes {\n    text/html   html htm;\n}\n",
    )
  })

  it('keeps CRLF line breaks', () => {
    expect(formatConfig('http {\r\n  # c\r\n  a 1;\r\n}\r\n')).toBe('http {\r\n    # c\r\n    a 1;\r\n}\r\n')
  })

  it('makes nothing of nothing, and keeps a file of comments', () => {
    expect(formatConfig('')).toBe('')
    expect(formatConfig(' \n\n\t')).toBe('')
    expect(formatConfig('#a\n\n\n#b')).toBe('#a\n\n#b\n')
  })

  it('refuses a text with a syntax error, saying where, and leaves it unchanged', () => {
    const cases: Array<[string, string, number, number]> = [
      ['http {\n  return 200 "open;\n}\n', 'unexpected end of file, expecting ";" or "}"', 2, 14],
      ['http {\n}\n}\n', 'unexpected "}"', 3, 1],
      ['http {\n  server {\n}\n', 'unexpected end of file, expecting "}"', 4, 1],
      ['a "b"c;\n', 'unexpected "c"', 1, 6],
      ['http {\n  listen 80 }\n', 'unexpected "}"', 2, 13],
    ]
    for (const [text, message, line, column] of cases) {
      expect(tryFormatConfig(text)).toEqual({ ok: false, refusal: { message, line, column } })
      expect(formatConfig(text)).toBe(text)
    }
  })
})

// Generated configs: real-looking tokens joined by every kind of separator nginx allows.
const word = fc.oneof(
  fc.constantFrom(
    'listen', 'proxy_pass', 'location', 'map', 'types', 'if', 'server', 'http://127.0.0.1:8010', '$http_upgrade', '${host}x',
    '~*', '^~', '^/ws/(?<room>[a-z]{2,8})$', '\\.php$', 'a\\ b', 'a#b', 'a"b"c', '($a', '=', ')', '"websocket")', '"a \\"b\\" ;{}#"',
    "'it\\'s'", '""', "''", '"two\nlines"', 'é', '$', 'text/html',
  ),
  fc.stringMatching(/^[a-z0-9_./:$~^*-]{1,10}$/),
)
const comment = fc.stringMatching(/^#[^\n\r]{0,12}$/)
const between = fc.oneof(fc.constantFrom(' ', '  ', '\t', '\n', '\n\n', '\n\n\n  '), comment.map((c) => ` ${c}\n`), comment.map((c) => `\n${c}\n\n`))
const beforeTerminator = fc.oneof(fc.constant(''), between)

interface Node {
  words: string[]
  block: Node[] | null
}
const nodes: fc.Arbitrary<Node[]> = fc.letrec<{ node: Node; nodes: Node[] }>((tie) => ({
  node: fc.record({ words: fc.array(word, { minLength: 1, maxLength: 4 }), block: fc.option(tie('nodes'), { nil: null, freq: 3 }) }),
  nodes: fc.array(tie('node'), { maxLength: 4 }),
})).nodes

/** Renders the tree, drawing a separator for every place between two tokens. */
const config = fc.record({ tree: nodes, seps: fc.array(between, { minLength: 64, maxLength: 64 }), ends: fc.array(beforeTerminator, { minLength: 64, maxLength: 64 }), crlf: fc.boolean() }).map(({ tree, seps, ends, crlf }) => {
  let n = 0
  const sep = (): string => seps[n++ % seps.length]
  const end = (): string => ends[n++ % ends.length]
  const render = (list: Node[]): string =>
    list.map((node) => sep() + node.words.join(sep()) + (node.block ? `${end()}{${render(node.block)}${end()}}` : `${end()};`)).join('') + sep()
  const text = render(tree)
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text
})

describe('properties', () => {
  it('is idempotent, whatever the indent', () => {
    fc.assert(fc.property(config, fc.constantFrom('    ', '  ', '\t'), (text, indent) => {
      const once = formatConfig(text, { indent })
      expect(formatConfig(once, { indent })).toBe(once)
    }), { numRuns: 1500 })
  })

  it('never changes the words, quoted strings and comments, nor their order', () => {
    fc.assert(fc.property(config, (text) => {
      const result = tryFormatConfig(text)
      if (!result.ok) return
      const before = sourceTokens(text)
      const after = sourceTokens(result.text)
      expect(after.withComments).toEqual(before.withComments)
      expect(after.withTerminators).toEqual(before.withTerminators)
    }), { numRuns: 1500 })
  })

  it('keeps CRLF text CRLF', () => {
    fc.assert(fc.property(config, (text) => {
      if (!text.includes('\r\n')) return
      expect(formatConfig(text).replace(/\r\n/g, '')).not.toContain('\n')
    }), { numRuns: 300 })
  })

  it('reads every word as the engine\'s lexer does (the oracle is right)', () => {
    fc.assert(fc.property(config, (text) => {
      const lexer = new Lexer(text)
      const words: string[] = []
      for (let st = lexer.next(); ; st = lexer.next()) {
        if (st.errors.length) return
        words.push(...st.args.map((w) => w.raw))
        if (st.end === 'eof') break
      }
      expect(sourceTokens(text).words).toEqual(words)
    }), { numRuns: 500 })
  })
})

const FIXTURES = join(import.meta.dirname, '../fixtures/check')
const fixtureNames = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'nginx.conf'))).sort()

/** The real machine's host, with every included file formatted on the way in. */
function formattingHost(host: ConfigHost): ConfigHost {
  return {
    ...host,
    readFile(path) {
      const read = host.readFile(path)
      return read.ok ? { ok: true, value: formatConfig(read.value) } : read
    },
  }
}

/** A check's outcome with the lines messages name left out (formatting moves lines). */
function outcome(text: string, file: string, host: ConfigHost): { ok: boolean; findings: string[] } {
  const result = check(text, { file, host })
  // nginx's " in FILE:12", the lab's "(line 12)".
  const findings = result.diagnostics.map((d) => `${d.file} ${d.severity} ${d.code} ${d.message.replace(/(\S:|\bline )\d+\b/g, '$1N')}`)
  return { ok: result.ok, findings }
}

describe('on the fixtures, edited at random', () => {
  const texts = fixtureNames.map((name) => readFileSync(join(FIXTURES, name, 'nginx.conf'), 'utf8'))
  const edit = fc.record({ index: fc.nat(), at: fc.nat(), insert: fc.constantFrom(' ', '\n', '\n\n', '\t', '#', '# x\n', ';', '{', '}', '"', '\\', '$', 'a', '\r\n') })
  it('stays idempotent and keeps every token, or leaves a text it refuses unchanged', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
      let text = texts[edits[0].index % texts.length]
      for (const e of edits) text = text.slice(0, e.at % (text.length + 1)) + e.insert + text.slice(e.at % (text.length + 1))
      const result = tryFormatConfig(text)
      if (!result.ok) expect(formatConfig(text)).toBe(text)
      else {
        expect(formatConfig(result.text)).toBe(result.text)
        expect(sourceTokens(result.text).withComments).toEqual(sourceTokens(text).withComments)
      }
    }), { numRuns: 500 })
  })
})

describe('on every check fixture', () => {
  it.each(fixtureNames)('%s: same verdict and findings once formatted, and formatting it again changes nothing', (name) => {
    const file = join(FIXTURES, name, 'nginx.conf')
    const text = readFileSync(file, 'utf8')
    const formatted = formatConfig(text)
    expect(formatConfig(formatted)).toBe(formatted)
    const host = nodeHost()
    expect(outcome(formatted, file, formattingHost(host))).toEqual(outcome(text, file, host))
    if (tryFormatConfig(text).ok) expect(sourceTokens(formatted).withComments).toEqual(sourceTokens(text).withComments)
  })
})
