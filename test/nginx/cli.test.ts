/**
 * `upgrade-lab check` as a user runs it: the real command (server/bin/upgrade-lab.mjs) in a
 * child process, beside real `nginx -t`, on the same copied files.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { nginxAvailable, nginxTest } from '../support/nginx.ts'

const BIN = join(import.meta.dirname, '../../server/bin/upgrade-lab.mjs')
const FIXTURES = join(import.meta.dirname, '../fixtures/check')
const work = mkdtempSync(join(tmpdir(), 'ul-cli-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function copyFixture(name: string): string {
  const dir = join(work, name)
  cpSync(join(FIXTURES, name), dir, { recursive: true })
  return join(dir, 'nginx.conf')
}

function cli(...args: string[]): { stdout: string; stderr: string; status: number } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 })
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 }
}

describe('upgrade-lab check', () => {
  it.skipIf(!nginxAvailable()).each([
    'seed-001-conf-d-as-is',
    'err-unknown-variable-connection-upgrade',
    'err-no-events',
    'warn-conflicting-server-name',
    'ok-canonical',
  ])('prints what nginx -t prints for %s', (name) => {
    const file = copyFixture(name)
    const ours = cli('check', file)
    const nginx = nginxTest(file)
    expect(ours.stderr).toBe(nginx.stderr)
    expect(ours.status).toBe(nginx.status)
    expect(ours.stdout).toBe('')
  })

  it('lists every finding with --all and as JSON with --json', () => {
    const file = copyFixture('multi-warnings-only')
    const all = cli('check', '--all', file)
    expect(all.stderr.trim().split('\n')).toHaveLength(4)
    expect(all.stderr).toMatch(/nginx\.conf:7:9: \[warn\] load balancing method redefined/)
    const json = JSON.parse(cli('check', '--json', file).stdout)
    expect(json).toMatchObject({ ok: true, nginxVersion: '1.22.1' })
    expect(json.diagnostics[0]).toMatchObject({ severity: 'warn', line: 7, column: 9, endLine: 7, nginxLine: 7 })
  })

  it.skipIf(!nginxAvailable()).each([
    'err-upstream-empty',
    'err-map-inside-server',
    'err-location-without-brace',
    'dir-map-bad-regex',
    'multi-empty-upstream-vs-unknown-variable',
    'lex-quote-then-char-bad',
    'lex-regex-brace-unquoted-bad',
    'dir-upstream-server-bad-weight',
    'dir-events-bad-inside-http',
  ])('%s: the finding JSON marks printedByNginx is the [emerg] nginx -t prints, and no knock-on is', (name) => {
    const file = copyFixture(name)
    const nginx = nginxTest(file).stderr.split('\n').filter((l) => l.startsWith('nginx: [emerg]'))
    const json = JSON.parse(cli('check', '--json', file).stdout) as {
      diagnostics: Array<{ severity: string; message: string; file: string; nginxLine: number | null; printedByNginx: boolean; causedBy?: unknown }>
    }
    const printed = json.diagnostics.filter((d) => d.printedByNginx)
    expect(printed.map((d) => `nginx: [${d.severity}] ${d.message}${d.nginxLine === null ? '' : ` in ${d.file}:${d.nginxLine}`}`)).toEqual(nginx)
    expect(printed.some((d) => d.causedBy)).toBe(false)
    expect(json.diagnostics.some((d) => d.causedBy)).toBe(true)
    // --all says what each knock-on follows from.
    expect(cli('check', '--all', file).stderr).toMatch(/ \(follows from \d+:\d+\)\n/)
  })

  it('models another version with --nginx-version', () => {
    const file = join(work, 'ssl-on.conf')
    writeFileSync(file, 'events {}\nhttp {\n  server {\n    listen 8443;\n    ssl on;\n  }\n}\n')
    expect(cli('check', file).stderr).toMatch(/\[warn\] the "ssl" directive is deprecated/)
    expect(cli('check', '--nginx-version', '1.30.4', file).stderr).toMatch(/\[emerg\] unknown directive "ssl"/)
    expect(cli('check', '--nginx-version', 'banana', file)).toMatchObject({ status: 2 })
    // A release line without a table is refused with the ones there are, not modelled by guess.
    const refused = cli('check', '--nginx-version', '1.26.3', file)
    expect(refused.status).toBe(2)
    expect(refused.stderr).toBe('upgrade-lab check: unsupported nginx version "1.26.3": Upgrade Lab has directive tables for 1.22.x, 1.30.x (modelled on 1.22.1, 1.30.4)\n')
  })

  it('explains bad command lines in one line, with status 2', () => {
    expect(cli('check')).toMatchObject({ status: 2, stderr: 'upgrade-lab check: expected exactly one FILE (see upgrade-lab check --help)\n' })
    expect(cli('frobnicate')).toMatchObject({ status: 2, stderr: 'upgrade-lab: unknown command "frobnicate" (see upgrade-lab --help)\n' })
    expect(cli('check', '--bogus', 'x.conf')).toMatchObject({ status: 2, stderr: 'upgrade-lab check: unknown option --bogus (see upgrade-lab check --help)\n' })
    expect(cli('serve', '--nginx-version')).toMatchObject({ status: 2, stderr: 'upgrade-lab serve: --nginx-version needs a value (see upgrade-lab serve --help)\n' })
    expect(cli('chat', '--port', 'x')).toMatchObject({ status: 2 })
    expect(cli('start', 'now')).toMatchObject({ status: 2, stderr: 'upgrade-lab start: takes no arguments, not "now" (see upgrade-lab start --help)\n' })
    expect(cli('check', join(work, 'missing.conf'))).toMatchObject({ status: 1 })
    expect(cli('help').stdout).toMatch(/upgrade-lab check \[options\] FILE/)
  })

  it('has --help on every command, with its options and an example, and --version', () => {
    for (const command of ['check', 'serve', 'fmt', 'chat', 'start']) {
      for (const flag of ['--help', '-h']) {
        const help = cli(command, flag)
        expect(help.status, `${command} ${flag}`).toBe(0)
        expect(help.stdout).toMatch(new RegExp(`^Usage: upgrade-lab ${command}`))
        expect(help.stdout).toMatch(/\nOptions:\n[\s\S]*-h, --help[\s\S]*\nExample:\n  \S/)
      }
      expect(cli('help', command).stdout).toBe(cli(command, '--help').stdout)
    }
    expect(cli('--version')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^upgrade-lab \d+\.\d+\.\d+ \(models nginx 1\.22\.1, 1\.30\.4\)\n$/) })
  })
})
