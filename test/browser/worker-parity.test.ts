/**
 * The editor's worker is the same engine as `upgrade-lab check`: on every fixture of
 * test/fixtures/check/, the built worker (in Chromium, spoken to in comlink's own wire format)
 * gives the diagnostics `check --json` gives. A fixture whose outcome depends on this host (its
 * certificates, users, resolver, free ports) cannot agree with the browser's virtual host: those
 * are listed below, and for them the virtual host's own answer is checked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatJson, runCheck } from '../../server/cli/check.ts'
import type { Diagnostic } from '../../server/nginx/diagnostics.ts'
import type { Finding } from '../../server/nginx/findings.ts'
import { chromiumAvailable, openPage, ROOT, startBrowserLab, type BrowserLab } from '../support/browser.ts'

const FIXTURES = join(ROOT, 'test/fixtures/check')

/**
 * Fixtures the browser's virtual host answers differently, each with the `[emerg]` nginx -t
 * would print there instead ('' for none; {DIR} is the fixture's folder). The virtual host takes users,
 * certificates, cipher lists and log folders on trust (server/nginx/host.ts), because the lab
 * writes no file and loads no key; here the CLI asks the real system, which refuses them.
 */
const HOST_DEPENDENT: Record<string, string> = {
  'dir-access-log-bad-missing-dir': '',
  'dir-error-log-bad-missing-dir': '',
  'dir-pid-bad-missing-dir': '',
  'dir-ssl-certificate-bad-broken': '',
  'dir-ssl-certificate-bad-missing': '',
  'dir-ssl-certificate-bad-truncated': '',
  'dir-ssl-certificate-key-bad-is-cert': '',
  'dir-ssl-certificate-key-bad-mismatch': '',
  'dir-ssl-certificate-key-bad-missing': '',
  'dir-ssl-ciphers-bad': '',
  'dir-user-bad-group-defaults-to-user': '',
  'dir-user-bad-unknown': '',
  'multi-certificate-vs-unknown-variable': 'unknown "connection_upgrade" variable',
  'multi-conflicting-name-and-log-dir': '',
  'multi-host-not-found-vs-certificate': 'host not found in upstream "backend" in {DIR}/nginx.conf:10',
  'seed-002-full-example-as-is': '',
  'seed-003-wss-as-is': 'invalid port in upstream "ip:port"',
  'seed-003-wss-step2-ip-fixed': '"proxy_redirect" directive is duplicate',
  'seed-003-wss-step3-certs-missing': '',
  'warn-ssl-stapling-self-signed': '',
}

interface Fixture {
  name: string
  main: string
  files: Record<string, string>
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

function fixtures(): Fixture[] {
  return readdirSync(FIXTURES)
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, name)
      const files: Record<string, string> = {}
      for (const path of filesUnder(dir)) files[path] = readFileSync(path, 'latin1')
      return { name, main: join(dir, 'nginx.conf'), files }
    })
}

/** What both sides must agree on, in a stable order. */
function comparable(list: readonly Diagnostic[]): string[] {
  return list
    .map((d) => [d.file, d.line, d.column, d.endLine, d.endColumn, d.severity, d.code, d.nginxLine, d.message, d.messageZh ?? ''].join(' | '))
    .sort()
}

describe.skipIf(!chromiumAvailable())('the engine worker in Chromium', () => {
  let lab: BrowserLab
  beforeAll(async () => {
    lab = await startBrowserLab()
  })
  afterAll(async () => {
    await lab?.close()
  })

  it('gives check --json\'s diagnostics on every fixture that does not depend on the host', async () => {
    const all = fixtures()
    expect(all.length).toBeGreaterThan(250)
    const worker = readdirSync(join(ROOT, 'playground/dist/assets')).find((name) => /^engine\.worker-.*\.js$/.test(name))
    expect(worker).toBeDefined()
    const { page, context, errors } = await openPage(lab, '/playground/')
    const inputs = all.map((f) => ({ main: f.main, files: f.files, version: '1.22.1' }))
    const outcomes = await page.evaluate(
      async ({ url, inputs }) => {
        const engine = new Worker(url, { type: 'module' })
        let id = 0
        // comlink 4's wire format: an APPLY of a path with RAW arguments, answered with the same id.
        const call = (path: string, arg: unknown) =>
          new Promise<unknown>((resolve) => {
            const mine = String(++id)
            const listener = (event: MessageEvent) => {
              if (event.data?.id !== mine) return
              engine.removeEventListener('message', listener)
              resolve(event.data.value)
            }
            engine.addEventListener('message', listener)
            engine.postMessage({ id: mine, type: 'APPLY', path: [path], argumentList: [{ type: 'RAW', value: arg }] })
          })
        const results = []
        for (const input of inputs) results.push(await call('check', input))
        engine.terminate()
        return results as Array<{ findings: Finding[]; refused: string | null }>
      },
      { url: `/playground/assets/${worker}`, inputs },
    )
    const disagreeing: string[] = []
    all.forEach((fixture, index) => {
      const cli = JSON.parse(formatJson(fixture.main, runCheck(fixture.main).result!)) as { diagnostics: Diagnostic[] }
      const browser = outcomes[index]
      expect(browser.refused, fixture.name).toBeNull()
      const same = JSON.stringify(comparable(browser.findings)) === JSON.stringify(comparable(cli.diagnostics))
      if (fixture.name in HOST_DEPENDENT) {
        expect(same, `${fixture.name} is listed as host-dependent but agrees: take it off the list`).toBe(false)
        const first = browser.findings.find((d) => d.printedByNginx && d.severity === 'emerg')
        expect(first?.message ?? '', fixture.name).toBe(HOST_DEPENDENT[fixture.name].replace('{DIR}', join(FIXTURES, fixture.name)))
      } else if (!same) {
        disagreeing.push(`${relative(ROOT, fixture.main)}\n  cli:     ${comparable(cli.diagnostics).join('\n           ')}\n  browser: ${comparable(browser.findings).join('\n           ')}`)
      }
    })
    expect(disagreeing).toEqual([])
    expect(errors.join('\n')).toBe('')
    await context.close()
  })
})
