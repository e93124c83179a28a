/**
 * The table's defaults against nginx's own documentation (test/fixtures/nginx-docs/defaults.json,
 * extracted from the nginx.org repository's module XML by server/nginx/tools/extract-doc-defaults.ts):
 * they agree, except where Debian's build or nginx's source differs from the page, each listed
 * here with the reason. nginx.org documents the newest release, so the comparison is made
 * against the 1.30 table; 1.22's own differences are in defaults.ts per release line.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { defaultText } from '../../server/nginx/directives/defaults.ts'
import { directiveTable } from '../../server/nginx/directives/index.ts'
import { parseNginxVersion } from '../../server/nginx/nginx-version.ts'

interface Documented {
  name: string
  module: string
  default: string | null
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/nginx-docs/defaults.json', import.meta.url), 'utf8')) as { directives: Documented[] }
const V130 = parseNginxVersion('1.30.4')!
const TABLE = directiveTable(V130)

/** Where the table knowingly differs from the page, and why. */
const DIFFERENCES: Record<string, string> = {
  access_log: "Debian's build: --http-log-path=/var/log/nginx/access.log",
  error_log: "Debian's build: --error-log-path=/var/log/nginx/error.log",
  pid: "Debian's build: --pid-path=/run/nginx.pid",
  lock_file: "Debian's build: --lock-path=/var/lock/nginx.lock",
  client_body_temp_path: "Debian's build: --http-client-body-temp-path=/var/lib/nginx/body",
  proxy_temp_path: "Debian's build: --http-proxy-temp-path=/var/lib/nginx/proxy",
  fastcgi_temp_path: "Debian's build: --http-fastcgi-temp-path=/var/lib/nginx/fastcgi",
  uwsgi_temp_path: "Debian's build: --http-uwsgi-temp-path=/var/lib/nginx/uwsgi",
  scgi_temp_path: "Debian's build: --http-scgi-temp-path=/var/lib/nginx/scgi",
  user: "./configure takes the group `nogroup` on Debian (auto/unix), the page shows `nobody`",
  proxy_set_header: 'nginx 1.29.7 dropped `Connection close` from ngx_http_proxy_headers; the page still lists it',
  ssi_value_length: 'nginx\'s source merges 255 (ngx_http_ssi_merge_loc_conf); the page says 256',
  types: 'the table writes the block\'s last `;`',
}

describe('defaults as nginx documents them', () => {
  const compared = fixture.directives.filter((d) => TABLE.get(d.name)?.[0].module === d.module)

  it('compares most of the table', () => {
    expect(compared.length).toBeGreaterThan(400)
  })

  it.each(compared.map((d) => [d.name, d] as const))('%s', (name, documented) => {
    const page = documented.default === null ? null : documented.default.split('\n').map((line) => line.trim().replace(/;$/, '')).join('; ')
    const table = defaultText(name, V130)
    if (Object.hasOwn(DIFFERENCES, name)) {
      expect(table, `${name} is listed as different: ${DIFFERENCES[name]}`).not.toBe(page)
      return
    }
    // A directive nginx documents without a default, or one the page gives as a sentence, has none here.
    if (page === null || /\s(of|the|address)\s/.test(page)) return
    expect(table, name).toBe(page)
  })
})
