/**
 * `upgrade-lab fmt [--check] FILE…`: the editor's formatter (server/nginx/format.ts) on files,
 * for pre-commit hooks. Rewrites each file in place when it changes and lists it on stdout;
 * `--check` writes nothing and lists the files that would change. `-` formats standard input
 * onto standard output.
 *
 * Exit status: 0 all formatted (or, with --check, nothing would change); 1 a file would change
 * (--check) or has a syntax error (`FILE:LINE:COL: cannot format: …` on stderr); 2 wrong use: a
 * bad option, no FILE, a file that cannot be read or written.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { CliIo } from '../cli.ts'
import { tryFormatConfig } from '../nginx/format.ts'
import { usageError } from './help.ts'

/** Standard input, as bytes (a parameter so tests can give their own). */
export type StdinReader = () => Buffer

const STDIN = '-'

export function fmtCommand(args: string[], io: CliIo, readStdin: StdinReader = () => readFileSync(0)): number {
  let parsed
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { check: { type: 'boolean', default: false } } })
  } catch (error) {
    io.stderr(usageError('fmt', error))
    return 2
  }
  const files = parsed.positionals
  const checkOnly = parsed.values.check
  if (files.length === 0) {
    io.stderr('upgrade-lab fmt: expected one FILE or more, or - for standard input (see upgrade-lab fmt --help)\n')
    return 2
  }
  if (files.filter((f) => f === STDIN).length > 1) {
    io.stderr('upgrade-lab fmt: - (standard input) can be given once (see upgrade-lab fmt --help)\n')
    return 2
  }
  let status = 0
  for (const file of files) {
    const outcome = file === STDIN ? formatStdin(io, readStdin, checkOnly) : formatFile(file, io, checkOnly)
    status = Math.max(status, outcome)
  }
  return status
}

/** Formats one file; returns its exit status. */
function formatFile(file: string, io: CliIo, checkOnly: boolean): number {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (error) {
    io.stderr(`upgrade-lab fmt: cannot read ${file}: ${systemReason(error)}\n`)
    return 2
  }
  const { text, encoding } = decode(bytes)
  const result = tryFormatConfig(text)
  if (!result.ok) {
    const { line, column, message } = result.refusal
    io.stderr(`${file}:${line}:${column}: cannot format: ${message}\n`)
    return 1
  }
  if (result.text === text) return 0
  io.stdout(`${file}\n`)
  if (checkOnly) return 1
  try {
    writeFileSync(file, Buffer.from(result.text, encoding))
  } catch (error) {
    io.stderr(`upgrade-lab fmt: cannot write ${file}: ${systemReason(error)}\n`)
    return 2
  }
  return 0
}

/** `-`: the formatted text on stdout (with --check, nothing but the verdict). */
function formatStdin(io: CliIo, readStdin: StdinReader, checkOnly: boolean): number {
  const { text, encoding } = decode(readStdin())
  if (encoding !== 'utf8') {
    // stdout takes text: other bytes could not be given back as they came.
    io.stderr('<stdin>: cannot format: not UTF-8 text (give the file itself)\n')
    return 1
  }
  const result = tryFormatConfig(text)
  if (!result.ok) {
    const { line, column, message } = result.refusal
    io.stderr(`<stdin>:${line}:${column}: cannot format: ${message}\n`)
    if (!checkOnly) io.stdout(text)
    return 1
  }
  if (checkOnly) {
    if (result.text === text) return 0
    io.stdout('<stdin>\n')
    return 1
  }
  io.stdout(result.text)
  return 0
}

/**
 * UTF-8 when the bytes are (a BOM kept), else Latin-1, one character per byte: either way the
 * bytes of comments and strings are written back exactly as they were read.
 */
function decode(bytes: Buffer): { text: string; encoding: 'utf8' | 'latin1' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf8' }
  } catch {
    return { text: bytes.toString('latin1'), encoding: 'latin1' }
  }
}

function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
    EROFS: 'read-only file system',
  }
  return (code && reasons[code]) ?? (error as Error).message
}
