/**
 * nginx variables at configuration time: parsing `$name` / `${name}` out of values as
 * ngx_http_script_compile does, recording each variable's first use (nginx indexes them in
 * that order and reports the first unknown one after the http block), and the table of
 * built-in variables of the modules Debian's nginx is built with.
 */
import type { Range } from './source.ts'

/** Built-in variable names (ngx_http_core_variables and the modules' own tables). */
export const BUILTIN_VARIABLES: ReadonlySet<string> = new Set([
  // ngx_http_variables.c
  'http_host', 'http_user_agent', 'http_referer', 'http_via', 'http_x_forwarded_for', 'http_cookie',
  'content_length', 'content_type', 'host', 'binary_remote_addr', 'remote_addr', 'remote_port',
  'proxy_protocol_addr', 'proxy_protocol_port', 'proxy_protocol_server_addr', 'proxy_protocol_server_port',
  'server_addr', 'server_port', 'server_protocol', 'scheme', 'https', 'request_uri', 'uri', 'document_uri',
  'request', 'document_root', 'realpath_root', 'query_string', 'args', 'is_args', 'request_filename',
  'server_name', 'request_method', 'remote_user', 'bytes_sent', 'body_bytes_sent', 'pipe',
  'request_completion', 'request_body', 'request_body_file', 'request_length', 'request_time', 'request_id',
  'status', 'sent_http_content_type', 'sent_http_content_length', 'sent_http_location',
  'sent_http_last_modified', 'sent_http_connection', 'sent_http_keep_alive', 'sent_http_transfer_encoding',
  'sent_http_cache_control', 'sent_http_link', 'limit_rate', 'connection', 'connection_requests',
  'connection_time', 'nginx_version', 'hostname', 'pid', 'msec', 'time_iso8601', 'time_local',
  'tcpinfo_rtt', 'tcpinfo_rttvar', 'tcpinfo_snd_cwnd', 'tcpinfo_rcv_space',
  // ngx_http_proxy_module
  'proxy_host', 'proxy_port', 'proxy_add_x_forwarded_for', 'proxy_internal_body_length',
  'proxy_internal_chunked',
  // ngx_http_upstream.c
  'upstream_addr', 'upstream_status', 'upstream_connect_time', 'upstream_header_time',
  'upstream_response_time', 'upstream_response_length', 'upstream_bytes_received', 'upstream_bytes_sent',
  'upstream_cache_status', 'upstream_cache_last_modified', 'upstream_cache_etag',
  // ngx_http_ssl_module
  'ssl_protocol', 'ssl_cipher', 'ssl_ciphers', 'ssl_curves', 'ssl_session_id', 'ssl_session_reused',
  'ssl_early_data', 'ssl_server_name', 'ssl_alpn_protocol', 'ssl_client_cert', 'ssl_client_raw_cert',
  'ssl_client_escaped_cert', 'ssl_client_s_dn', 'ssl_client_i_dn', 'ssl_client_s_dn_legacy',
  'ssl_client_i_dn_legacy', 'ssl_client_serial', 'ssl_client_fingerprint', 'ssl_client_verify',
  'ssl_client_v_start', 'ssl_client_v_end', 'ssl_client_v_remain',
  // other static modules of Debian's build
  'fastcgi_script_name', 'fastcgi_path_info', 'date_local', 'date_gmt', 'realip_remote_addr',
  'realip_remote_port', 'secure_link', 'secure_link_expires', 'gzip_ratio', 'http2', 'invalid_referer',
  'uid_got', 'uid_set', 'uid_reset', 'memcached_key', 'limit_conn_status', 'limit_req_status',
  'connections_active', 'connections_reading', 'connections_writing', 'connections_waiting',
  'binary_remote_addr', 'auth_request_variables', 'spdy', 'spdy_request_priority',
])

/** Families of variables named by a prefix (`$http_upgrade`, `$arg_room`…). */
export const VARIABLE_PREFIXES: readonly string[] = [
  'http_', 'sent_http_', 'sent_trailer_', 'cookie_', 'arg_',
  'upstream_http_', 'upstream_trailer_', 'upstream_cookie_',
]

export type ValuePart = { kind: 'text'; text: string } | { kind: 'variable'; name: string } | { kind: 'capture'; index: number }

export interface CompiledValue {
  parts: ValuePart[]
  /** Whether the value has any variable or capture (nginx's "complex value"). */
  dynamic: boolean
}

export type CompileResult = { ok: true; value: CompiledValue } | { ok: false; message: string }

const isNameChar = (ch: string): boolean => /[A-Za-z0-9_]/.test(ch)

/** ngx_http_script_compile: splits a value into text, variables and `$1`-style captures. */
export function compileValue(source: string): CompileResult {
  const parts: ValuePart[] = []
  let i = 0
  while (i < source.length) {
    if (source[i] === '$') {
      if (++i === source.length) return { ok: false, message: 'invalid variable name' }
      const c = source[i]
      if (c >= '1' && c <= '9') {
        parts.push({ kind: 'capture', index: Number(c) })
        i++
        continue
      }
      let bracket = false
      if (c === '{') {
        bracket = true
        if (++i === source.length) return { ok: false, message: 'invalid variable name' }
      }
      const nameStart = i
      while (i < source.length) {
        const ch = source[i]
        if (ch === '}' && bracket) {
          bracket = false
          break
        }
        if (!isNameChar(ch)) break
        i++
      }
      const name = source.slice(nameStart, i)
      if (bracket) return { ok: false, message: `the closing bracket in "${name}" variable is missing` }
      if (source[i] === '}' && c === '{') i++
      if (name.length === 0) return { ok: false, message: 'invalid variable name' }
      parts.push({ kind: 'variable', name: name.toLowerCase() })
      continue
    }
    const start = i
    while (i < source.length && source[i] !== '$') i++
    parts.push({ kind: 'text', text: source.slice(start, i) })
  }
  return { ok: true, value: { parts, dynamic: parts.some((p) => p.kind !== 'text') } }
}

/** How many `$` a value has: nginx compiles a value only when this is non-zero. */
export function countVariables(source: string): number {
  let n = 0
  for (const ch of source) if (ch === '$') n++
  return n
}

export interface VariableUse {
  name: string
  file: string
  range: Range
}

/**
 * The variables of one http block: defined ones (map, set, named captures) and, in order of
 * first use, every name referred to.
 */
export class VariableRegistry {
  private readonly defined = new Map<string, { changeable: boolean }>()
  private readonly used = new Map<string, VariableUse>()

  define(name: string, changeable: boolean): 'ok' | 'duplicate' {
    const key = name.toLowerCase()
    const existing = this.defined.get(key)
    if (existing && !(existing.changeable && changeable)) return 'duplicate'
    if (!existing && BUILTIN_VARIABLES.has(key) && !changeable) return 'duplicate'
    this.defined.set(key, { changeable })
    return 'ok'
  }

  use(name: string, file: string, range: Range): void {
    const key = name.toLowerCase()
    if (!this.used.has(key)) this.used.set(key, { name: key, file, range })
  }

  isKnown(name: string): boolean {
    const key = name.toLowerCase()
    return this.defined.has(key) || BUILTIN_VARIABLES.has(key) || VARIABLE_PREFIXES.some((p) => key.startsWith(p))
  }

  isDefined(name: string): boolean {
    return this.defined.has(name.toLowerCase())
  }

  /** Uses in nginx's index order, for the check after the http block. */
  uses(): VariableUse[] {
    return [...this.used.values()]
  }
}
