/**
 * `upgrade-lab fmt` (server/cli/fmt.ts): files rewritten in place and listed, `--check` writing
 * nothing, syntax errors and unreadable files reported in one line each with their exit status,
 * standard input, and the bytes of other encodings kept. Works in its own temp folder, removed after.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../server/cli.ts'
import { fmtCommand } from '../../server/cli/fmt.ts'

const work = mkdtempSync(join(tmpdir(), 'ul-fmt-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const UGLY = 'events{}\nhttp{server{listen 8080;}}\n'
const PRETTY = 'events {}\nhttp {\n    server {\n        listen 8080;\n    }\n}\n'
const BROKEN = 'http {\n  return 200 "open;\n}\n'

let dir = ''
let count = 0
beforeEach(() => {
  dir = join(work, String(count++))
  mkdirSync(dir)
})

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

function run(args: string[], stdin = ''): { status: number; stdout: string; stderr: string } {
  let stdout = ''
  let stderr = ''
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) }
  const status = fmtCommand(args, io, () => Buffer.from(stdin))
  return { status, stdout, stderr }
}

describe('upgrade-lab fmt', () => {
  it('rewrites the files that change, lists them, and leaves the others alone', () => {
    const ugly = file('ugly.conf', UGLY)
    const pretty = file('pretty.conf', PRETTY)
    expect(run([ugly, pretty])).toEqual({ status: 0, stdout: `${ugly}\n`, stderr: '' })
    expect(readFileSync(ugly, 'utf8')).toBe(PRETTY)
    expect(readFileSync(pretty, 'utf8')).toBe(PRETTY)
    expect(run([ugly, pretty])).toEqual({ status: 0, stdout: '', stderr: '' })
  })

  it('--check writes nothing, lists what would change and exits 1; 0 when nothing would', () => {
    const ugly = file('ugly.conf', UGLY)
    const pretty = file('pretty.conf', PRETTY)
    expect(run(['--check', ugly, pretty])).toEqual({ status: 1, stdout: `${ugly}\n`, stderr: '' })
    expect(readFileSync(ugly, 'utf8')).toBe(UGLY)
    expect(run(['--check', pretty])).toEqual({ status: 0, stdout: '', stderr: '' })
  })

  it('leaves a file with a syntax error as it is, says where and why, and formats the others (status 1)', () => {
    const broken = file('broken.conf', BROKEN)
    const ugly = file('ugly.conf', UGLY)
    expect(run([broken, ugly])).toEqual({
      status: 1,
      stdout: `${ugly}\n`,
      stderr: `${broken}:2:14: cannot format: unexpected end of file, expecting ";" or "}"\n`,
    })
    expect(readFileSync(broken, 'utf8')).toBe(BROKEN)
    expect(run(['--check', broken]).status).toBe(1)
  })

  it('names a file it cannot read in one line, with status 2 (wrong use), after doing the others', () => {
    const missing = join(dir, 'missing.conf')
    const ugly = file('ugly.conf', UGLY)
    expect(run([missing, ugly])).toEqual({ status: 2, stdout: `${ugly}\n`, stderr: `upgrade-lab fmt: cannot read ${missing}: no such file\n` })
    expect(run([dir]).stderr).toBe(`upgrade-lab fmt: cannot read ${dir}: it is a directory\n`)
  })

  it('refuses command lines that cannot run, with status 2', () => {
    expect(run([])).toEqual({ status: 2, stdout: '', stderr: 'upgrade-lab fmt: expected one FILE or more, or - for standard input (see upgrade-lab fmt --help)\n' })
    expect(run(['--indent', 'x.conf'])).toMatchObject({ status: 2, stderr: 'upgrade-lab fmt: unknown option --indent (see upgrade-lab fmt --help)\n' })
    expect(run(['-', '-']).status).toBe(2)
  })

  it('- formats standard input onto standard output; with --check it only says whether it would change', () => {
    expect(run(['-'], UGLY)).toEqual({ status: 0, stdout: PRETTY, stderr: '' })
    expect(run(['--check', '-'], UGLY)).toEqual({ status: 1, stdout: '<stdin>\n', stderr: '' })
    expect(run(['--check', '-'], PRETTY)).toEqual({ status: 0, stdout: '', stderr: '' })
    // A pipe never loses the text: what cannot be formatted comes out as it went in.
    expect(run(['-'], BROKEN)).toMatchObject({ status: 1, stdout: BROKEN, stderr: '<stdin>:2:14: cannot format: unexpected end of file, expecting ";" or "}"\n' })
  })

  it('keeps CRLF, a BOM and bytes that are not UTF-8 exactly', () => {
    const crlf = file('crlf.conf', UGLY.replace(/\n/g, '\r\n'))
    // nginx reads a BOM as part of the first word; kept, as every other byte of a word.
    const bom = file('bom.conf', '\uFEFFevents{}\n# é\n')
    const latin1 = file('latin1.conf', Buffer.from('# caf\xe9\nevents{}\n', 'latin1'))
    expect(run([crlf, bom, latin1]).status).toBe(0)
    expect(readFileSync(crlf, 'utf8')).toBe(PRETTY.replace(/\n/g, '\r\n'))
    expect(readFileSync(bom, 'utf8')).toBe('\uFEFFevents {}\n# é\n')
    expect(readFileSync(latin1)).toEqual(Buffer.from('# caf\xe9\nevents {}\n', 'latin1'))
  })

  it('is a command of upgrade-lab, with its help', async () => {
    const ugly = file('ugly.conf', UGLY)
    let stdout = ''
    const io = { stdout: (t: string) => void (stdout += t), stderr: () => {} }
    expect(await main(['fmt', '--check', ugly], io)).toBe(1)
    stdout = ''
    expect(await main(['fmt', '--help'], io)).toBe(0)
    expect(stdout).toMatch(/^Usage: upgrade-lab fmt \[options\] FILE…\n[\s\S]*\nOptions:\n[\s\S]*--check[\s\S]*-h, --help[\s\S]*\nExample:\n {2}\S/)
    stdout = ''
    await main(['--help'], io)
    expect(stdout).toMatch(/upgrade-lab fmt \[--check\] FILE…/)
  })
})
