import type { LessonSlug } from './directives/directive-docs.ts'
import type { Range } from './source.ts'

/**
 * nginx's log levels that `nginx -t` can print, plus `lab` for Upgrade Lab's own hints
 * (never printed by `check`, shown by the editor in its own voice).
 */
export type Severity = 'emerg' | 'warn' | 'lab'

/**
 * One finding about a config. `message` is nginx's exact wording, without position;
 * `nginxLine` is the line nginx itself reports (the line of the `;` or `{` that ended the
 * directive, or a stored line), `null` where nginx prints no position. The range is what
 * the editor underlines.
 */
export interface Diagnostic extends Range {
  severity: Severity
  code: DiagnosticCode
  message: string
  file: string
  nginxLine: number | null
  /** Printed after "syntax is ok" by `nginx -t` (checks done after parsing, in ngx_init_cycle). */
  afterSyntaxOk?: boolean
  /** A `lab` finding in 简体中文 (`message` is its English); nginx's own lines are not translated. */
  messageZh?: string
  /** A choice rather than a mistake (the editor shows it as hint dots, not a squiggle). */
  advice?: true
  /** The Upgrade Lab lesson that explains what the finding is about. */
  lesson?: LessonSlug
}

/**
 * Stable codes, so tools can act on a kind of finding without matching wording. The prefix
 * says whose voice it is: `NGINX_` findings are nginx's own `[emerg]`/`[warn]` lines, word for
 * word; `LAB_` findings are Upgrade Lab speaking (severity `lab`, never printed by `check`).
 * Each is explained in DIAGNOSTIC_CODES, the one list (docs/diagnostics.md shows it).
 */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES

export const DIAGNOSTIC_CODES = {
  NGINX_SYNTAX: 'nginx: a token where the grammar does not allow it (unexpected "}", unbalanced quotes…)',
  NGINX_UNEXPECTED_EOF: 'nginx: the file ended inside a block or a directive',
  NGINX_UNKNOWN_DIRECTIVE: 'nginx: no module of this version knows the directive',
  NGINX_NOT_ALLOWED_HERE: 'nginx: the directive exists but not in this block',
  NGINX_NOT_TERMINATED: 'nginx: a directive without its ";"',
  NGINX_NO_OPENING_BRACE: 'nginx: a block directive without its "{"',
  NGINX_ARGUMENT_COUNT: 'nginx: the wrong number of arguments',
  NGINX_INVALID_VALUE: 'nginx: an argument its handler refuses (a size, a time, a flag, a regex…)',
  NGINX_DUPLICATE: 'nginx: a directive, listen address, variable or upstream given twice',
  NGINX_UNKNOWN_VARIABLE: 'nginx: a variable nothing defines',
  NGINX_HOST_NOT_FOUND: 'nginx: a name in proxy_pass, upstream or listen that does not resolve',
  NGINX_FILE: 'nginx: a file it could not open (include, certificates, logs)',
  NGINX_DEPRECATED: 'nginx: a [warn] that a directive or parameter is deprecated',
  NGINX_CONFLICT: 'nginx: settings that contradict each other (conflicting server names, duplicate defaults)',
  NGINX_MISSING: 'nginx: something required is absent (no events section, no servers in an upstream)',
  NGINX_HASH_SIZE: 'nginx: a [warn] that a hash (proxy_headers_hash…) could not be built at its best size',
  NGINX_SSL_STAPLING: 'nginx: a [warn] that ssl_stapling is ignored for a certificate',
  LAB_NOT_MODELLED: 'Upgrade Lab: the directive is checked as nginx checks it, but the lab does not run it, so what the lab shows may differ from nginx',
  LAB_VARIABLE_NOT_MODELLED: 'Upgrade Lab: a built-in variable nginx would give a value the lab does not (at its first use)',
  LAB_WS_MAP_MISSING: 'Upgrade Lab: $connection_upgrade is used but nothing defines it; it is the variable of the map recipe, which goes in http',
  LAB_WS_CONNECTION_HARDCODED: 'Upgrade Lab: Connection is set to a literal "upgrade", so plain HTTP requests go to the backend with Connection: upgrade too',
  LAB_WS_HTTP10_UPGRADE: 'Upgrade Lab: an Upgrade header is sent where proxy_http_version is 1.0; an RFC 6455 backend refuses a handshake below HTTP/1.1',
  LAB_WS_HEADERS_SWAPPED: 'Upgrade Lab: Upgrade is given $connection_upgrade, or Connection $http_upgrade (each the other\'s value)',
  LAB_WS_HEADERS_DROPPED: 'Upgrade Lab: a block\'s own proxy_set_header list hides headers an outer block sets (nginx inherits the list whole or not at all)',
  LAB_WS_READ_TIMEOUT_DEFAULT: 'Upgrade Lab: advice, a WebSocket location keeps proxy_read_timeout at its default, so a tunnel idle that long is closed',
  LAB_WS_CONNECTION_PASSED_THROUGH: 'Upgrade Lab: Connection is set from $http_connection, so the client\'s hop-by-hop Connection header reaches the backend',
  LAB_WS_SSL_NO_SERVER_NAME: 'Upgrade Lab: an https:// backend given by name gets no server name (SNI) in the TLS handshake, as proxy_ssl_server_name is off',
} as const satisfies Record<string, string>

/** The line `nginx -t` prints for a diagnostic: `nginx: [emerg] <message> in <file>:<line>`. */
export function formatNginx(d: Pick<Diagnostic, 'severity' | 'message' | 'file' | 'nginxLine'>): string {
  const where = d.nginxLine === null ? '' : ` in ${d.file}:${d.nginxLine}`
  return `nginx: [${d.severity}] ${d.message}${where}`
}
