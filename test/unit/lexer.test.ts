/** lexer.ts: nginx's tokenizer rules, ranges and recovery. */
import { describe, expect, it } from 'vitest'
import { Lexer, type Statement } from '../../server/nginx/lexer.ts'

function statements(text: string): Statement[] {
  const lexer = new Lexer(text)
  const out: Statement[] = []
  for (;;) {
    const st = lexer.next()
    out.push(st)
    if (st.end === 'eof') return out
  }
}

const values = (st: Statement): string[] => st.args.map((w) => w.value)

describe('Lexer', () => {
  it('splits words and reports how each statement ended', () => {
    const [a, b, c, d] = statements('listen 8080;\nlocation /ws {\n}\n')
    expect([values(a), a.end]).toEqual([['listen', '8080'], 'semicolon'])
    expect([values(b), b.end]).toEqual([['location', '/ws'], 'block-start'])
    expect([values(c), c.end]).toEqual([[], 'block-done'])
    expect(d.end).toBe('eof')
  })

  it('removes quotes and nginx escapes but keeps other backslashes', () => {
    const [st] = statements(`add_header X "a \\"b\\" \\t c" 'it\\'s' \\d+ "\\x";`)
    expect(values(st)).toEqual(['add_header', 'X', 'a "b" \t c', "it's", '\\d+', '\\x'])
    expect(st.args[2].quoted).toBe('"')
    expect(st.args[3].quoted).toBe("'")
    expect(st.args[2].raw).toBe('"a \\"b\\" \\t c"')
  })

  it('keeps ${var} in one word and lets { end a plain word', () => {
    expect(values(statements('set $x ${host}a;')[0])).toEqual(['set', '$x', '${host}a'])
    const [st] = statements('server{')
    expect([values(st), st.end]).toEqual([['server'], 'block-start'])
  })

  it('treats # as a comment only at the start of a word', () => {
    const [st] = statements('return 200 a#b; # comment ;\n')
    expect(values(st)).toEqual(['return', '200', 'a#b'])
  })

  it('ends a word at { but not at } (so a regex quantifier needs quotes)', () => {
    const [first, second] = statements('location ~ ^/a{2}$ {')
    expect([values(first), first.end]).toEqual([['location', '~', '^/a'], 'block-start'])
    expect(values(second)).toEqual(['2}$'])
  })

  it('gives each word its range, in UTF-16 columns', () => {
    const [st] = statements('  server_name "é.test" x;')
    expect(st.args[1].range).toEqual({ line: 1, column: 15, endLine: 1, endColumn: 23 })
    expect(st.args[2].range).toEqual({ line: 1, column: 24, endLine: 1, endColumn: 25 })
  })

  it('reports text glued to a closing quote and carries on', () => {
    const [st] = statements('a "b"c d;')
    expect(st.errors.map((e) => [e.message, e.nginxLine])).toEqual([['unexpected "c"', 1]])
    expect(values(st)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('allows ) straight after a closing quote, as `if ($a = "b")` needs', () => {
    const [st] = statements('if ($a = "b") {')
    expect(st.errors).toEqual([])
    expect(values(st)).toEqual(['if', '($a', '=', 'b', ')'])
  })

  it('reports a } inside a statement at the brace', () => {
    const [st] = statements('proxy_pass http://x\n}')
    expect(st.end).toBe('block-done')
    expect(st.errors.map((e) => [e.message, e.nginxLine])).toEqual([['unexpected "}"', 2]])
  })

  it('reports the end of the file inside a statement on the last line', () => {
    const all = statements('events {}\nserver_tokens "off;\n\n')
    const last = all[all.length - 1]
    expect(last.errors.map((e) => [e.message, e.nginxLine])).toEqual([['unexpected end of file, expecting ";" or "}"', 4]])
  })

  it('reports a stray ; and {', () => {
    const [a] = statements('; x;')
    expect(a.errors.map((e) => e.message)).toEqual(['unexpected ";"'])
    expect(values(a)).toEqual(['x'])
    const [b] = statements('{')
    expect([b.end, b.errors.map((e) => e.message)]).toEqual(['block-start', ['unexpected "{"']])
  })

  it('reports a token that fills nginx 4096-byte buffer at the line it started', () => {
    const [st] = statements(`\n"${'a'.repeat(5000)}";`)
    expect(st.errors.map((e) => [e.message, e.nginxLine])).toEqual([
      ['too long parameter, probably missing terminating """ character', 2],
    ])
  })
})
