/**
 * `upgrade-lab check FILE`: what `nginx -t -p DIR/ -c FILE -e DIR/startup.log` prints, from
 * the engine's diagnostics (docs/architecture.md "CLI contract").
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { check, type CheckResult } from '../nginx/index.ts'
import { formatNginx, formatWithColumn, type Diagnostic } from '../nginx/diagnostics.ts'
import { nodeHost } from './node-host.ts'

export interface CheckRun {
  stderr: string
  status: number
  result: CheckResult | null
}

export interface CheckCommandOptions {
  nginxVersion?: string
}

/** The lines `nginx -t` prints: warnings up to the first [emerg], then the verdict. */
export function nginxTestOutput(file: string, diagnostics: readonly Diagnostic[]): { lines: string[]; status: number } {
  const lines: string[] = []
  let syntaxOkPrinted = false
  const syntaxOk = `nginx: the configuration file ${file} syntax is ok`
  for (const d of diagnostics) {
    if (d.severity === 'lab') continue
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

/** `--all`: every diagnostic with its line and column, as an editor shows them. */
export function formatAll(result: CheckResult): string {
  return result.diagnostics.map(formatWithColumn).join('\n') + (result.diagnostics.length ? '\n' : '')
}

/** `--json`: the diagnostics for tools and editors. */
export function formatJson(file: string, result: CheckResult): string {
  return JSON.stringify({ file, ok: result.ok, nginxVersion: result.version.name, diagnostics: result.diagnostics }, null, 2) + '\n'
}
