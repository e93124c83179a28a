/**
 * The WebSocket hints through `upgrade-lab check` (server/cli.ts, in this process): listed by
 * `--all` and the gcc, GitHub and JSON formats, left out by `--ignore CODE`, and never printed in
 * nginx's own format, which stays exactly what `nginx -t` prints.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../../server/cli.ts'

const dir = mkdtempSync(join(tmpdir(), 'ul-ws-hints-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Accepted by nginx -t on any machine: its own pid and log files, a port above 1024 on 127.0.0.1;
// gzip for a finding of another code (LAB_NOT_MODELLED).
const FILE = join(dir, 'nginx.conf')
writeFileSync(
  FILE,
  [
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log;`,
    'events {}',
    'http {',
    `    access_log ${dir}/access.log;`,
    '    server {',
    '        listen 127.0.0.1:18020;',
    '        location /ws {',
    '            proxy_pass http://127.0.0.1:8010;',
    '            proxy_http_version 1.1;',
    '            proxy_set_header Upgrade $http_upgrade;',
    '            proxy_set_header Connection "upgrade";',
    '            proxy_read_timeout 1h;',
    '        }',
    '    }',
    '    gzip on;',
    '}',
    '',
  ].join('\n'),
)
const HINT = 'Connection is always "upgrade" here'

function run(...args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = ''
  let stderr = ''
  const status = main(['check', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  if (typeof status !== 'number') throw new Error('check is synchronous')
  return { status, stdout, stderr }
}

describe('check and the WebSocket hints', () => {
  it('nginx format (the default): exactly nginx -t\'s lines, no hint', () => {
    expect(run(FILE)).toEqual({
      status: 0,
      stdout: '',
      stderr: `nginx: the configuration file ${FILE} syntax is ok\nnginx: configuration file ${FILE} test is successful\n`,
    })
  })

  it('--all lists the hint at its line and column, as [lab]', () => {
    const { status, stderr } = run('--all', FILE)
    expect(status).toBe(0)
    expect(stderr).toContain(`${FILE}:12:30: [lab] ${HINT}`)
  })

  it('--format gcc and github show it, GitHub as a notice with its range and code', () => {
    expect(run('--format', 'gcc', FILE).stdout).toMatch(new RegExp(`^${FILE}:12:30: note: Connection is always .* \\[LAB_WS_CONNECTION_HARDCODED\\]$`, 'm'))
    const github = run('--format', 'github', FILE).stdout
    expect(github).toContain(`::notice file=${FILE},line=12,col=30,endLine=12,endColumn=50,title=LAB_WS_CONNECTION_HARDCODED::${HINT}`)
  })

  it('--format json carries the code, both languages and the lesson', () => {
    const json = JSON.parse(run('--format', 'json', FILE).stdout) as { ok: boolean; diagnostics: Array<Record<string, unknown>> }
    expect(json.ok).toBe(true)
    expect(json.diagnostics.find((d) => d.code === 'LAB_WS_CONNECTION_HARDCODED')).toMatchObject({
      severity: 'lab',
      line: 12,
      column: 30,
      lesson: 'connection-upgrade-map',
      messageZh: expect.stringContaining('这里的 Connection 总是 "upgrade"'),
    })
  })

  it('--ignore LAB_WS_CONNECTION_HARDCODED leaves it out of every format', () => {
    for (const format of ['nginx', 'gcc', 'github', 'json']) {
      const args = format === 'nginx' ? ['--all'] : ['--format', format]
      const out = run(...args, '--ignore', 'LAB_WS_CONNECTION_HARDCODED', FILE)
      expect(out.status).toBe(0)
      expect(out.stdout + out.stderr, format).not.toMatch(/LAB_WS_CONNECTION_HARDCODED|Connection is always/)
    }
    // Ignoring is by code: the lab's other note (gzip, not run by the lab) stays, until ignored too.
    expect(run('--all', '--ignore', 'LAB_WS_CONNECTION_HARDCODED', FILE).stderr).toMatch(new RegExp(`^${FILE}:16:5: \\[lab\\] Upgrade Lab checks this directive`))
    expect(run('--all', '--ignore', 'LAB_WS_CONNECTION_HARDCODED,LAB_NOT_MODELLED', FILE).stderr).toBe('')
  })
})
