/**
 * Debian's stock files in the engine (server/nginx/debian-files.ts) and the host that has them
 * (stockHost in server/nginx/host.ts). The copy is checked against this machine's /etc/nginx/
 * and dpkg's record of the package's conffiles wherever Debian's nginx-common is installed;
 * skipped elsewhere, but never on CI, where the package is installed for the differential suites.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEBIAN_DIRECTORIES, DEBIAN_FILES, DEBIAN_NGINX_CONF, DEBIAN_NGINX_PACKAGE } from '../../server/nginx/debian-files.ts'
import { globMatcher, IncludeBudgetError, INCLUDE_BUDGET, stockHost, userFilePathError } from '../../server/nginx/host.ts'
import { check } from '../../server/nginx/index.ts'

/** nginx-common's version and its conffiles' md5 sums as dpkg recorded them, or null when it is not installed. */
function installedPackage(): { version: string; md5: Map<string, string> } | null {
  try {
    const out = execFileSync('dpkg-query', ['-W', '-f', '${Status}\n${Version}\n${Conffiles}\n', DEBIAN_NGINX_PACKAGE.name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    const [status, version, ...conffiles] = out.split('\n')
    if (!status.includes('installed') || status.includes('not-installed')) return null
    const md5 = new Map<string, string>()
    for (const line of conffiles) {
      const [path, sum] = line.trim().split(/\s+/)
      if (path && sum) md5.set(path, sum)
    }
    return { version, md5 }
  } catch {
    return null
  }
}

const installed = installedPackage()
const onCi = process.env.CI === 'true'

describe("Debian's stock files", () => {
  it.skipIf(!installed && !onCi)("are this machine's /etc/nginx files, as Debian's package shipped them", () => {
    expect(installed, `${DEBIAN_NGINX_PACKAGE.name} must be installed on CI`).not.toBeNull()
    expect(installed!.version).toBe(DEBIAN_NGINX_PACKAGE.version)
    const paths = Object.keys(DEBIAN_FILES)
    expect(paths).toHaveLength(13)
    for (const path of paths) {
      const text = DEBIAN_FILES[path]
      // The package's own bytes (dpkg's conffile record), and the file here.
      expect(createHash('md5').update(text, 'utf8').digest('hex'), path).toBe(installed!.md5.get(path))
      expect(text, path).toBe(readFileSync(path, 'utf8'))
    }
    // Every conffile of the package under /etc/nginx/ is in the copy.
    expect([...installed!.md5.keys()].filter((p) => p.startsWith('/etc/nginx/')).sort()).toEqual(paths.sort())
  })

  it('are the whole stock layout: the files, the empty directories, a prototype-free record', () => {
    expect(Object.getPrototypeOf(DEBIAN_FILES)).toBeNull()
    expect(Object.isFrozen(DEBIAN_FILES)).toBe(true)
    expect(Object.keys(DEBIAN_FILES)).toContain(DEBIAN_NGINX_CONF)
    for (const dir of ['/etc/nginx/conf.d/', '/etc/nginx/sites-enabled/', '/etc/nginx/modules-enabled/']) {
      expect(DEBIAN_DIRECTORIES).toContain(dir)
      expect(Object.keys(DEBIAN_FILES).some((p) => p.startsWith(dir))).toBe(false)
    }
  })

  it("pass the check as Debian's nginx.conf includes them, with nothing enabled", () => {
    const result = check(DEBIAN_FILES[DEBIAN_NGINX_CONF], { host: stockHost() })
    expect(result.diagnostics.filter((d) => d.severity !== 'lab')).toEqual([])
    expect([...result.files.keys()]).toEqual([DEBIAN_NGINX_CONF, '/etc/nginx/mime.types'])
  })
})

describe('stockHost', () => {
  const host = stockHost({ '/etc/nginx/sites-enabled/b.conf': 'b', '/etc/nginx/sites-enabled/a.conf': 'a', '/etc/nginx/sites-enabled/.a.conf.swp': 'swap' })

  it('reads the stock files and the given ones; globs see both, sorted, hidden files only by a dot', () => {
    expect(host.readFile('/etc/nginx/proxy_params')).toEqual({ ok: true, value: DEBIAN_FILES['/etc/nginx/proxy_params'] })
    expect(host.readFile('/etc/nginx/sites-enabled/a.conf')).toEqual({ ok: true, value: 'a' })
    expect(host.glob('/etc/nginx/sites-enabled/*')).toEqual({ ok: true, value: ['/etc/nginx/sites-enabled/a.conf', '/etc/nginx/sites-enabled/b.conf'] })
    expect(host.glob('/etc/nginx/sites-enabled/.*')).toEqual({ ok: true, value: ['/etc/nginx/sites-enabled/.a.conf.swp'] })
    expect(host.glob('/etc/nginx/*_params')).toEqual({ ok: true, value: ['/etc/nginx/fastcgi_params', '/etc/nginx/proxy_params', '/etc/nginx/scgi_params', '/etc/nginx/uwsgi_params'] })
    expect(host.glob('/etc/nginx/snippets/[f]*.conf')).toEqual({ ok: true, value: ['/etc/nginx/snippets/fastcgi-php.conf'] })
  })

  it('has the stock directories, empty: globs in them match nothing, reading one fails as nginx does', () => {
    expect(host.glob('/etc/nginx/conf.d/*.conf')).toEqual({ ok: true, value: [] })
    expect(host.glob('/etc/nginx/modules-enabled/*.conf')).toEqual({ ok: true, value: [] })
    expect(host.readFile('/etc/nginx/conf.d')).toEqual({ ok: false, error: { errno: 21, text: 'Is a directory' } })
    expect(host.readFile('/etc/nginx/nope')).toEqual({ ok: false, error: { errno: 2, text: 'No such file or directory' } })
    expect(host.readFile('/etc/nginx/constructor').ok).toBe(false)
    expect(host.readFile('__proto__').ok).toBe(false)
  })

  it("refuses a file at a stock file's path; the main text takes nginx.conf's place", () => {
    expect(() => stockHost({ '/etc/nginx/mime.types': 'types {}' })).toThrow("\"/etc/nginx/mime.types\" is Debian's stock file, read-only in the lab")
    const main = stockHost({}, { path: DEBIAN_NGINX_CONF, text: 'events {}' })
    expect(main.readFile(DEBIAN_NGINX_CONF)).toEqual({ ok: true, value: 'events {}' })
  })

  it('stops an include loop with IncludeBudgetError, in bounded time', () => {
    const started = performance.now()
    const loop = { '/etc/nginx/conf.d/a.conf': 'include conf.d/*.conf;', '/etc/nginx/conf.d/b.conf': 'include conf.d/*.conf;' }
    expect(() => check(DEBIAN_FILES[DEBIAN_NGINX_CONF], { host: stockHost(loop) })).toThrow(IncludeBudgetError)
    const self = { '/etc/nginx/conf.d/a.conf': `include conf.d/a.conf;\n# ${'x'.repeat(60_000)}` }
    expect(() => check(DEBIAN_FILES[DEBIAN_NGINX_CONF], { host: stockHost(self) })).toThrow(`read more than ${INCLUDE_BUDGET.chars} characters`)
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('matches globs without backtracking blow-ups', () => {
    const name = `/etc/nginx/conf.d/${'a'.repeat(100)}`
    const started = performance.now()
    for (let i = 0; i < 64; i++) expect(globMatcher(`/etc/nginx/conf.d/${'*a'.repeat(50)}b`)(name)).toBe(false)
    expect(globMatcher(`/etc/nginx/conf.d/${'*a'.repeat(50)}`)(name)).toBe(true)
    expect(globMatcher('/etc/nginx/conf.d/[!a]*')(name)).toBe(false)
    expect(globMatcher('/etc/nginx/*')('/etc/nginx/conf.d/x')).toBe(false)
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe('userFilePathError', () => {
  it.each([
    ['/etc/nginx/sites-enabled/chat.conf', null],
    ['/etc/nginx/conf.d/a.conf', null],
    ['sites-enabled/chat.conf', 'is not absolute'],
    ['/etc/nginx/../passwd', 'not normalized ("." or ".." segments)'],
    ['/etc/nginx/./a.conf', 'not normalized ("." or ".." segments)'],
    ['/etc/nginx//a.conf', 'not normalized ("//")'],
    ['/etc/nginx/a\u0000.conf', 'control character'],
    ['/etc/nginx/conf.d/', 'names a directory'],
    ['/etc/passwd', 'is not under /etc/nginx/'],
    ['/etc/nginx/nginx.conf', 'is the main config'],
    ['/etc/nginx/mime.types', "is Debian's stock file, read-only in the lab"],
    ['/etc/nginx/sites-enabled', "is a directory of Debian's layout"],
    ['__proto__', 'is not absolute'],
    ['constructor', 'is not absolute'],
    [`/etc/nginx/${'a'.repeat(200)}`, 'longer than 128 characters'],
  ])('%j', (path, expected) => {
    const error = userFilePathError(path)
    if (expected === null) expect(error).toBeNull()
    else expect(error).toContain(expected)
  })
})
