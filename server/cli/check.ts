/**
 * `upgrade-lab check FILE`: what `nginx -t -p DIR/ -c FILE -e DIR/startup.log` prints, from
 * the engine's diagnostics (docs/architecture.md "CLI contract").
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { check, type CheckResult } from '../nginx/index.ts'
import { formatNginx, type Diagnostic } from '../nginx/diagnostics.ts'
import { describeFindings, orderFindings, printedByNginx, type Finding } from '../nginx/findings.ts'
import { nodeHost } from './node-host.ts'

export interface CheckRun {
  stderr: string
  status: number
  result: CheckResult | null
}

export interface CheckCommandOptions {
  nginxVersion?: string
}

/** The lines `nginx -t` prints: warnings up to the first [emerg] (the findings it prints), then the verdict. */
export function nginxTestOutput(file: string, diagnostics: readonly Diagnostic[]): { lines: string[]; status: number } {
  const lines: string[] = []
  let syntaxOkPrinted = false
  const syntaxOk = `nginx: the configuration file ${file} syntax is ok`
  const printed = printedByNginx(diagnostics)
  for (const d of diagnostics.filter((_, index) => printed[index])) {
    if (d.afterSyntaxOk && !syntaxOkPrinted) {
      lines.push(syntaxOk)
      syntaxOkPrinted = true
    }
    lines.push(formatNginx(d))
    if (d.severity === 'emerg') {
      lines.push(`nginx: configuration file ${file} test failed`)
      return { lines, status: 1 }
    }
  }
  if (!syntaxOkPrinted) lines.push(syntaxOk)
  lines.push(`nginx: configuration file ${file} test is successful`)
  return { lines, status: 0 }
}

export function runCheck(file: string, options: CheckCommandOptions = {}): CheckRun {
  const path = resolve(file)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'EACCES' ? '13: Permission denied' : code === 'EISDIR' ? '21: Is a directory' : '2: No such file or directory'
    return {
      stderr: `nginx: [emerg] open() "${path}" failed (${reason})\nnginx: configuration file ${path} test failed\n`,
      status: 1,
      result: null,
    }
  }
  const result = check(text, { file: path, host: nodeHost(), nginxVersion: options.nginxVersion })
  const { lines, status } = nginxTestOutput(path, result.diagnostics)
  return { stderr: lines.join('\n') + '\n', status, result }
}

/** `--all`: every finding by file, line and column, as an editor lists them; knock-ons say what they follow from. */
export function formatAll(result: CheckResult, ignore: ReadonlySet<string> = new Set()): string {
  return lines(findingsOf(result, ignore).map((f) => `${f.file}:${f.line}:${f.column}: [${f.severity}] ${f.text}${followsFrom(f)}`))
}

/** `--format gcc`: `file:line:col: severity: message [CODE]`, the form editors and CI parse. */
export function formatGcc(result: CheckResult, ignore: ReadonlySet<string> = new Set()): string {
  const level = { emerg: 'error', warn: 'warning', lab: 'note' } as const
  return lines(findingsOf(result, ignore).map((f) => `${f.file}:${f.line}:${f.column}: ${level[f.severity]}: ${f.text}${followsFrom(f)} [${f.code}]`))
}

/** `--format github`: workflow-command annotations (nginx's errors and warnings, the lab's notes). */
export function formatGithub(result: CheckResult, ignore: ReadonlySet<string> = new Set()): string {
  const level = { emerg: 'error', warn: 'warning', lab: 'notice' } as const
  // GitHub's escaping of workflow-command properties and messages.
  const data = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  const property = (text: string): string => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
  return lines(
    findingsOf(result, ignore).map(
      (f) =>
        `::${level[f.severity]} file=${property(f.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${property(f.code)}::${data(f.text + followsFrom(f))}`,
    ),
  )
}

/**
 * `--json`: the diagnostics in nginx's order for tools and editors, with absolute paths, whether
 * `nginx -t` prints each, and what a knock-on follows from (README "upgrade-lab check").
 */
export function formatJson(file: string, result: CheckResult, ignore: ReadonlySet<string> = new Set()): string {
  const diagnostics = describeFindings(result.diagnostics, result.files)
    .filter((f) => !ignore.has(f.code))
    .map(({ text: _text, ...f }) => ({ ...f, afterSyntaxOk: f.afterSyntaxOk ?? false }))
  return JSON.stringify({ file: resolve(file), ok: result.ok, nginxVersion: result.version.name, diagnostics }, null, 2) + '\n'
}

/** ` (follows from 3:10)`, with the file when it is another one. */
function followsFrom(f: Finding): string {
  if (!f.causedBy) return ''
  const where = f.causedBy.file === f.file ? '' : `${f.causedBy.file}:`
  return ` (follows from ${where}${f.causedBy.line}:${f.causedBy.column})`
}

/** Knock-ons and what nginx prints are worked out on every finding, then the ignored codes left out. */
function findingsOf(result: CheckResult, ignore: ReadonlySet<string>): Finding[] {
  return orderFindings(result.diagnostics, result.files).filter((f) => !ignore.has(f.code))
}

function lines(list: string[]): string {
  return list.length ? list.join('\n') + '\n' : ''
}
