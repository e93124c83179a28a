/**
 * The config engine's entry point: `check(text)` runs lexer → parser → directive table →
 * the checks nginx makes after parsing, and returns every diagnostic in nginx's order plus
 * the configuration handlers built. Isomorphic: the editor runs it in the browser.
 */
import { Analyzer, type Placement } from './analyzer.ts'
import type { Level } from './conf.ts'
import type { Diagnostic } from './diagnostics.ts'
import { defaultValue } from './directives/defaults.ts'
import { directiveTable } from './directives/index.ts'
import { webSocketHints } from './hints/index.ts'
import { virtualHost, type ConfigHost } from './host.ts'
import type { HttpState } from './http-state.ts'
import type { ListenAddress } from './directives/listen.ts'
import { DEFAULT_NGINX_VERSION, parseNginxVersion, unsupportedVersion, versionDefaults, type NginxVersion } from './nginx-version.ts'
import type { DirectiveNode, ParsedFile } from './parser.ts'
import { dirname } from './paths.ts'

export interface CheckOptions {
  /** Absolute path of the main file: messages name it, relative paths resolve against its folder. */
  file?: string
  host?: ConfigHost
  /** The nginx version modelled, e.g. "1.22.1" (the default) or "1.30.4". */
  nginxVersion?: string
}

export interface CheckResult {
  /** Every finding, in the order nginx would meet them. */
  diagnostics: Diagnostic[]
  /** Whether `nginx -t` would accept the file (no [emerg]). */
  ok: boolean
  /** The parsed files: the main one first, then each included one. */
  files: Map<string, ParsedFile>
  main: Level
  http: HttpState | null
  version: NginxVersion
  /** The block each directive of `files` stood in, with its level (not for blocks nginx never parsed). */
  placements: ReadonlyMap<DirectiveNode, Placement>
}

export const DEFAULT_FILE = '/etc/nginx/nginx.conf'

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const file = options.file ?? DEFAULT_FILE
  const version = parseNginxVersion(options.nginxVersion ?? DEFAULT_NGINX_VERSION)
  if (!version) throw new RangeError(unsupportedVersion(options.nginxVersion ?? ''))
  const host = options.host ?? virtualHost()
  const analyzer = new Analyzer({
    host,
    version,
    defaults: versionDefaults(version),
    prefix: dirname(file) + '/',
    table: directiveTable(version),
  })
  const parsed = analyzer.parseFile(file, text)
  analyzer.walk(parsed.nodes, 'main', analyzer.main, file)
  afterParse(analyzer, file)
  // The lab's WebSocket hints, after every check nginx makes (docs/diagnostics.md).
  if (analyzer.http) analyzer.diagnostics.push(...webSocketHints(analyzer.http, version))
  return {
    diagnostics: analyzer.diagnostics,
    ok: !analyzer.diagnostics.some((d) => d.severity === 'emerg'),
    files: analyzer.files,
    main: analyzer.main,
    http: analyzer.http,
    version,
    placements: analyzer.placements,
  }
}

/** What ngx_init_cycle checks after printing "syntax is ok". */
function afterParse(analyzer: Analyzer, file: string): void {
  const whole = { line: 1, column: 1, endLine: 1, endColumn: 1 }
  const late = (message: string, range = whole, at = file): void =>
    analyzer.report('emerg', 'NGINX_MISSING', message, at, null, range, true)

  const events = analyzer.main.get('events')
  if (!events) {
    late('no "events" section in configuration')
    return
  }
  const host = analyzer.options.host
  const user = analyzer.main.get('user')
  if (!user) {
    if (!host.userExists('nobody')) return late('getpwnam("nobody") failed')
    if (!host.groupExists('nogroup')) return late('getgrnam("nogroup") failed')
  }
  const connections = events.value.get('worker_connections')?.value ?? defaultValue('worker_connections', analyzer.options.version)
  const sockets = listeningSockets(analyzer)
  if (connections < sockets.length + 1) {
    return late(`${connections} worker_connections are not enough for ${sockets.length} listening sockets`)
  }
  const pid = analyzer.main.get('pid')
  const pidFile = pid?.value ?? defaultValue('pid', analyzer.options.version)
  const pidPath = pidFile.startsWith('/') ? pidFile : analyzer.options.prefix + pidFile
  const pidOpened = host.openForWriting(pidPath)
  if (!pidOpened.ok) {
    return late(`open() "${pidPath}" failed (${pidOpened.error.errno}: ${pidOpened.error.text})`, pid?.node.range ?? whole)
  }
  for (const pending of analyzer.openFiles) {
    const opened = host.openForWriting(pending.path)
    if (!opened.ok) {
      return late(`open() "${pending.path}" failed (${opened.error.errno}: ${opened.error.text})`, pending.node.range, pending.file)
    }
  }
  for (const socket of sockets) {
    const error = host.bindError(socket.host, socket.port, socket.family === 'inet6')
    if (error) return late(`bind() to ${socket.text} failed (${error.errno}: ${error.text})`)
  }
}

/**
 * Sockets nginx would open (ngx_http_init_listening): on a port with a wildcard address, the
 * wildcard plus the addresses with their own bind options; else one per address.
 */
function listeningSockets(analyzer: Analyzer): ListenAddress[] {
  const http = analyzer.http
  if (!http) return []
  const wildcardPorts = new Set(
    http.addresses.filter((a) => a.host === '0.0.0.0' || a.host === '::').map((a) => `${a.family}:${a.port}`),
  )
  return http.addresses.filter((a) => {
    const wildcard = a.host === '0.0.0.0' || a.host === '::'
    return wildcard || a.optionsSet || !wildcardPorts.has(`${a.family}:${a.port}`)
  })
}

export type { Placement } from './analyzer.ts'
export type { Diagnostic } from './diagnostics.ts'
export { formatNginx } from './diagnostics.ts'
export { describeFindings, orderFindings, printedByNginx, type Finding, type FindingCause } from './findings.ts'
export { formatConfig, tryFormatConfig, type FormatOptions, type FormatRefusal, type FormatResult } from './format.ts'
export type { ConfigHost } from './host.ts'
export { INCLUDE_BUDGET, IncludeBudgetError, stockHost, userFilePathError, virtualHost } from './host.ts'
export { DEBIAN_DIRECTORIES, DEBIAN_FILES, DEBIAN_NGINX_CONF } from './debian-files.ts'
