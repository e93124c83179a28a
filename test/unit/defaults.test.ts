/**
 * directives/defaults.ts is the one place a default lives: written out explicitly, a default
 * changes nothing the runtime is given; another value changes it; changing the table changes
 * what the engine does; and no other source file holds a copy of a default value.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { compileConfig, type EffectiveSettings } from '../../server/nginx/compile.ts'
import { DEFAULTS, defaultText, defaultValue, type Defaulted } from '../../server/nginx/directives/defaults.ts'
import { DIRECTIVES } from '../../server/nginx/directives/index.ts'
import { check } from '../../server/nginx/index.ts'
import { parseNginxVersion } from '../../server/nginx/nginx-version.ts'
import { FILE } from './helpers.ts'

const V122 = parseNginxVersion('1.22.1')!

function locationSettings(httpLines: string): EffectiveSettings {
  const text = `events {}\nhttp {\n${httpLines}\n  server { listen 8020; location / { return 200; } }\n}\n`
  const result = check(text, { file: FILE })
  const config = compileConfig(result)
  if (!config) throw new Error(`should check clean:\n${text}\n${result.diagnostics.map((d) => d.message).join('\n')}`)
  return config.servers[0].locations[0].settings
}

/** Another value of the same kind, as a config would write it. */
function otherValue(name: string, text: string): string {
  const special: Record<string, string> = {
    root: '/srv/other', index: 'start.html', default_type: 'application/json', proxy_http_version: '1.1',
    proxy_next_upstream: 'error', ssl_ciphers: 'HIGH', large_client_header_buffers: '8 16k',
  }
  if (special[name]) return special[name]
  if (text === 'on' || text === 'off') return text === 'on' ? 'off' : 'on'
  const unit = /^(\d+)(ms|s|k|m)?$/.exec(text)
  if (unit) return `${Number(unit[1]) + 1}${unit[2] ?? ''}`
  throw new Error(`no other value for ${name} ${text}`)
}

/** Directives the runtime reads from an http-level line, whose default text is a value nginx takes. */
const EXPRESSIBLE = (Object.keys(DEFAULTS) as Defaulted[]).filter((name) => {
  const text = defaultText(name, V122)
  const spec = DIRECTIVES.get(name)?.[0]
  // proxy_redirect's `default` only stands after a proxy_pass, never at http level.
  return text !== null && !/[|(;]/.test(text) && spec?.contexts.includes('http') && spec.lab.state === 'modelled' && name !== 'proxy_redirect'
})

describe('defaults', () => {
  it('covers the directives the runtime reads', () => {
    expect(EXPRESSIBLE.length).toBeGreaterThan(20)
  })

  it.each(EXPRESSIBLE)('%s: written out, the default changes nothing; another value changes something', (name) => {
    const text = defaultText(name, V122)!
    const none = locationSettings('')
    expect(locationSettings(`  ${name} ${text};`)).toEqual(none)
    expect(locationSettings(`  ${name} ${otherValue(name, text)};`)).not.toEqual(none)
  })

  describe('the table is the one copy', () => {
    const saved = structuredClone(DEFAULTS.proxy_read_timeout)
    afterEach(() => {
      DEFAULTS.proxy_read_timeout = saved
    })

    it('changing a default in the table changes what the runtime is given', () => {
      expect(locationSettings('').proxyReadTimeoutMs).toBe(60_000)
      DEFAULTS.proxy_read_timeout = { value: 5_000, text: '5s' }
      expect(locationSettings('').proxyReadTimeoutMs).toBe(5_000)
      expect(defaultValue('proxy_read_timeout', V122)).toBe(5_000)
    })
  })

  it('hands out copies, so no caller can change the table', () => {
    const logs = defaultValue('access_log', V122)
    logs[0].path = 'changed'
    expect(defaultValue('access_log', V122)[0].path).toBe('/var/log/nginx/access.log')
  })

  it('shows Debian\'s value beside the documented one where the build differs', () => {
    expect(defaultText('pid', V122)).toBe('/run/nginx.pid (Debian\'s build; nginx\'s documentation: logs/nginx.pid)')
    expect(defaultValue('pid', V122)).toBe('/run/nginx.pid')
  })
})

describe('no copy of a default outside the table', () => {
  const root = fileURLToPath(new URL('../../server/', import.meta.url))
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      // tools: generators; generated: nginx's commands; chat: the sample backend, not nginx.
      if (statSync(path).isDirectory()) return ['tools', 'generated', 'chat'].includes(name) ? [] : files(path)
      return path.endsWith('.ts') ? [path] : []
    })
  // Files whose business is defaults or texts about them.
  // debian-files.ts is Debian's stock /etc/nginx, which names Debian's paths itself.
  const ALLOWED = ['nginx/directives/defaults.ts', 'nginx/directives/lab-states.ts', 'nginx/directives/directive-docs.ts', 'nginx/variable-table.ts', 'nginx/debian-files.ts']
  const sources = files(root).filter((path) => !ALLOWED.some((allowed) => path.endsWith(allowed)))

  /** Values of defaults distinctive enough that a copy of them can only be a copy. */
  const DISTINCTIVE = ['/run/nginx.pid', '/var/log/nginx/access.log', '/var/log/nginx/error.log', 'HIGH:!aNULL:!MD5', "'text/plain'", "'index.html'", 'Connection close']

  it.each(DISTINCTIVE)('%s appears nowhere else', (value) => {
    const found = sources.filter((path) => readFileSync(path, 'utf8').split('\n').some((line) => line.includes(value) && !/^\s*(\*|\/\/)/.test(line)))
    expect(found.map((path) => path.slice(root.length))).toEqual([])
  })

  it('no `?? <number>` or `?? \'text\'` stands in for a setting', () => {
    const pattern = /(inherited|get)\([^)]*\)\?\.value\s*\?\?\s*(\d[\d_]*|'[^']*')\s*($|[),;])/
    const found = sources.flatMap((path) =>
      readFileSync(path, 'utf8').split('\n').filter((line) => pattern.test(line)).map((line) => `${path.slice(root.length)}: ${line.trim()}`),
    )
    expect(found).toEqual([])
  })
})
