/**
 * What nginx does when the `http` block closes (ngx_http_block after ngx_conf_parse), in its
 * order: each module's init_main_conf and server merges (upstreams resolved, certificates
 * loaded), location trees (duplicates), ssl postconfiguration, the unknown-variable check,
 * and the server-name hashes of each listening address.
 */
import type { DirectiveContext } from './directive-context.ts'
import type { Level, LocationConf, ServerConf, UpstreamConf } from './conf.ts'
import { defaultValue } from './directives/defaults.ts'
import { proxyBufferError } from './directives/proxy.ts'
import { variableEntry } from './variable-table.ts'
import { compileValue } from './variables.ts'
import type { HttpState } from './http-state.ts'
import { fullPath } from './paths.ts'
import type { Range } from './source.ts'


export function closeHttpBlock(cx: DirectiveContext, http: HttpState): void {
  const analyzer = cx.analyzer
  const emerg = (message: string, nginxLine: number | null, range: Range, file = cx.file): void =>
    analyzer.report('emerg', 'NGINX_INVALID_VALUE', message, file, nginxLine, range)

  // ngx_http_log_module merge: a block chain without access_log gets the default file.
  if (!http.level.settings.has('access_log') && needsDefaultAccessLog(http)) {
    for (const log of defaultValue('access_log', analyzer.options.version)) analyzer.openFiles.push({ path: log.path, node: cx.node, file: cx.file })
  }

  // ngx_http_upstream_module init_main_conf: every upstream, explicit and implicit, in order.
  for (const upstream of http.upstreams) {
    const message = initUpstream(cx, upstream)
    if (message) emerg(message, null, upstream.node.range, upstream.file)
  }

  // ngx_http_core_module merge_srv_conf: a large header buffer may not be smaller than the connection's pool.
  const httpEnd = cx.node.blockEnd?.nginxLine ?? cx.node.nginxLine
  for (const server of http.servers) {
    const buffers = server.level.inherited('large_client_header_buffers')
    const size = buffers?.value.size ?? defaultValue('large_client_header_buffers', analyzer.options.version).size
    const pool = server.level.inherited('connection_pool_size')?.value ?? defaultValue('connection_pool_size', analyzer.options.version)
    if (size < pool) {
      emerg('the "large_client_header_buffers" size must be equal to or greater than "connection_pool_size"', httpEnd, (buffers ?? server).node.range)
      return
    }
  }

  // ngx_http_ssl_module merge: certificates of every server that has or inherits any.
  for (const server of http.servers) checkCertificates(cx, server)

  // ngx_http_proxy_module merge: buffer sizes, and each proxy_set_header list compiled where first inherited.
  compileProxyHeaders(cx, http)

  // Location trees, server by server (nested locations first).
  for (const server of http.servers) checkDuplicateLocations(cx, server.locations)

  // ngx_http_ssl_module postconfiguration: OCSP stapling, then every `listen … ssl` needs a certificate.
  for (const server of http.servers) checkStapling(cx, server)
  for (const address of http.addresses) {
    if (!address.ssl) continue
    const server = address.defaultServer ?? address.servers[0]
    const candidates = hasCertificate(server) ? [] : [server, ...address.servers.filter((s) => s !== server)]
    const missing = candidates.find((s) => !hasCertificate(s))
    if (missing) {
      emerg(
        'no "ssl_certificate" is defined for the "listen ... ssl" directive in ' + `${missing.file}:${missing.node.nginxLine}`,
        null,
        missing.node.range,
        missing.file,
      )
      break
    }
  }

  // ngx_http_variables_init_vars: the first variable used that nothing defines.
  for (const use of http.variables.uses()) {
    if (!http.variables.isKnown(use.name)) {
      analyzer.report('emerg', 'NGINX_UNKNOWN_VARIABLE', `unknown "${use.name}" variable`, use.file, null, use.range)
      break
    }
  }
  // The lab's own word where a built-in variable would have a value in nginx and not here.
  for (const use of http.variables.uses()) {
    if (http.variables.isDefined(use.name)) continue
    const entry = variableEntry(use.name)
    if (entry?.lab !== 'not-modelled' || !entry.why) continue
    analyzer.diagnostics.push({
      severity: 'lab',
      code: 'LAB_VARIABLE_NOT_MODELLED',
      message: `Upgrade Lab knows $${use.name} but does not give it nginx's value: ${entry.why.en}`,
      messageZh: `Upgrade Lab 认识 $${use.name}，但不会给出 nginx 的值：${entry.why.zh}`,
      file: use.file,
      nginxLine: null,
      ...use.range,
    })
  }

  // ngx_http_optimize_servers: names of the servers sharing an address.
  for (const address of http.addresses) {
    if (address.servers.length < 2) continue
    const exact = new Set<string>()
    const head = new Set<string>()
    const tail = new Set<string>()
    for (const server of address.servers) {
      for (const name of server.serverNames) {
        if (name.kind === 'regex') continue
        const result = addServerName(name.name, exact, head, tail)
        if (result === 'invalid') {
          analyzer.report('emerg', 'NGINX_INVALID_VALUE', `invalid server name or wildcard "${name.name}" on ${address.text}`, server.file, null, name.range)
        } else if (result === 'busy') {
          analyzer.report('warn', 'NGINX_CONFLICT', `conflicting server name "${name.name}" on ${address.text}, ignored`, server.file, null, name.range)
        }
      }
      if (server.serverNames.length === 0) {
        // A server without server_name has the name "".
        if (addServerName('', exact, head, tail) === 'busy') {
          analyzer.report('warn', 'NGINX_CONFLICT', `conflicting server name "" on ${address.text}, ignored`, server.file, null, server.node.range)
        }
      }
    }
  }
}

/** Compiles each distinct proxy_set_header list once, in nginx's merge order. */
function compileProxyHeaders(cx: DirectiveContext, http: HttpState): void {
  const compiled = new Set<unknown>()
  const httpEnd = cx.node.blockEnd?.nginxLine ?? cx.node.nginxLine
  const visit = (level: Level): boolean => {
    const bufferError = proxyBufferError(level, cx.analyzer.options.version)
    if (bufferError) {
      cx.analyzer.report('emerg', 'NGINX_INVALID_VALUE', bufferError, cx.file, httpEnd, level.inherited('proxy_buffers')?.node.range ?? cx.node.range)
      return false
    }
    const headers = level.inherited('proxy_set_header')
    if (!headers || compiled.has(headers)) return true
    compiled.add(headers)
    for (const header of headers.value) {
      const result = compileValue(header.word.value)
      if (!result.ok) {
        cx.analyzer.report('emerg', 'NGINX_INVALID_VALUE', result.message, cx.file, httpEnd, header.word.range)
        return false
      }
      for (const part of result.value.parts) {
        if (part.kind === 'variable') http.variables.use(part.name, header.file, header.word.range)
      }
    }
    if (!headersHashFits(headers.value.map((h) => h.name))) {
      cx.analyzer.report(
        'warn',
        'NGINX_HASH_SIZE',
        'could not build optimal proxy_headers_hash, you should increase either proxy_headers_hash_max_size: 512 or proxy_headers_hash_bucket_size: 64; ignoring proxy_headers_hash_bucket_size',
        cx.file,
        null,
        headers.node.range,
      )
    }
    return true
  }
  const walk = (locations: LocationConf[]): boolean =>
    locations.every((l) => visit(l.level) && walk(l.children))
  for (const server of http.servers) {
    const locations = [...server.locations, ...server.namedLocations].sort(
      (a, b) => a.node.range.line - b.node.range.line || a.node.range.column - b.node.range.column,
    )
    if (!visit(server.level) || !walk(locations)) return
  }
}

/**
 * ngx_hash_init with the default 64-byte buckets: repeated header names share one bucket,
 * and nginx warns when they cannot fit in it.
 */
function headersHashFits(names: string[]): boolean {
  const counts = new Map<string, number>()
  for (const name of names) counts.set(name.toLowerCase(), (counts.get(name.toLowerCase()) ?? 0) + 1)
  for (const [name, count] of counts) {
    const element = Math.ceil((10 + name.length) / 8) * 8
    if (count > 1 && count * element + 8 > 64) return false
  }
  return true
}

function needsDefaultAccessLog(http: HttpState): boolean {
  const missing = (locations: LocationConf[], inherited: boolean): boolean =>
    locations.some((l) => {
      const has = inherited || l.level.settings.has('access_log')
      return !has || missing(l.children, has)
    })
  if (http.servers.length === 0) return true
  return http.servers.some((s) => {
    const has = s.level.settings.has('access_log')
    return !has || missing(s.locations, has) || missing(s.namedLocations, has)
  })
}

/** ngx_http_upstream_init_round_robin, and the implicit upstreams' name resolution. */
function initUpstream(cx: DirectiveContext, upstream: UpstreamConf): string | null {
  if (!upstream.implicit) {
    const primary = upstream.servers.filter((s) => !s.backup)
    if (primary.length === 0) return `no servers in upstream "${upstream.name}" in ${upstream.file}:${upstream.nginxLine}`
    return null
  }
  if (upstream.noResolve) return null
  if (upstream.port === 0) return `no port in upstream "${upstream.name}" in ${upstream.file}:${upstream.nginxLine}`
  const addrs = cx.analyzer.options.host.resolve(upstream.name)
  if (!addrs || addrs.length === 0) return `host not found in upstream "${upstream.name}" in ${upstream.file}:${upstream.nginxLine}`
  // Each address the name resolves to becomes a peer, as in ngx_http_upstream_init_round_robin.
  for (const addr of addrs) {
    const address = addr.includes(':') ? `[${addr}]:${upstream.port}` : `${addr}:${upstream.port}`
    upstream.servers.push({ address, weight: 1, maxFails: 1, failTimeoutMs: 10_000, backup: false, down: false, node: upstream.node, file: upstream.file })
  }
  return null
}

/** ngx_ssl_stapling: warnings for servers whose certificates cannot be stapled. */
function checkStapling(cx: DirectiveContext, server: ServerConf): void {
  if (server.level.inherited('ssl_stapling')?.value !== true) return
  const certs = server.level.inherited('ssl_certificate')
  if (!certs) return
  for (const cert of certs.value) {
    const path = fullPath(cx.analyzer.options.prefix, cert)
    const chain = cx.analyzer.options.host.certificateChain(path)
    if (!chain) continue
    const warn = (message: string): void => cx.analyzer.report('warn', 'NGINX_SSL_STAPLING', message, server.file, null, certs.node.range)
    if (chain.count < 2 && !server.level.inherited('ssl_trusted_certificate')) {
      warn(`"ssl_stapling" ignored, issuer certificate not found for certificate "${path}"`)
    } else if (!chain.ocsp && !server.level.inherited('ssl_stapling_responder')) {
      warn(`"ssl_stapling" ignored, no OCSP responder URL in the certificate "${path}"`)
    }
  }
}

function hasCertificate(server: ServerConf): boolean {
  return server.level.inherited('ssl_certificate') !== undefined
}

/** ngx_http_ssl_merge_srv_conf and ngx_ssl_certificate, for one server. */
function checkCertificates(cx: DirectiveContext, server: ServerConf): void {
  const analyzer = cx.analyzer
  const host = analyzer.options.host
  const certs = server.level.inherited('ssl_certificate')
  const keys = server.level.inherited('ssl_certificate_key')
  const enabled = server.level.inherited('ssl')?.value === true
  const report = (message: string, range: Range = server.node.range): void =>
    analyzer.report('emerg', 'NGINX_FILE', message, server.file, null, range)
  const sslNode = server.level.inherited('ssl')
  if (enabled) {
    const where = `${sslNode?.file}:${sslNode?.node.nginxLine}`
    if (!certs) return report(`no "ssl_certificate" is defined for the "ssl" directive in ${where}`)
    if (!keys) return report(`no "ssl_certificate_key" is defined for the "ssl" directive in ${where}`)
    if (keys.value.length < certs.value.length) {
      return report(
        `no "ssl_certificate_key" is defined for certificate "${certs.value[certs.value.length - 1]}" and the "ssl" directive in ${where}`,
      )
    }
  } else if (certs) {
    if (!keys || keys.value.length < certs.value.length) {
      analyzer.report(
        'emerg',
        'NGINX_MISSING',
        `no "ssl_certificate_key" is defined for certificate "${certs.value[certs.value.length - 1]}"`,
        cx.file,
        null,
        certs.node.range,
      )
      return
    }
  } else return
  if (!certs || !keys) return
  const ciphers = server.level.inherited('ssl_ciphers')?.value ?? defaultValue('ssl_ciphers', cx.analyzer.options.version)
  const cipherError = host.cipherListError(ciphers)
  if (cipherError) return report(`SSL_CTX_set_cipher_list("${ciphers}") failed (SSL: ${cipherError})`)
  for (let i = 0; i < certs.value.length; i++) {
    if (certs.value[i].includes('$')) continue
    const certPath = fullPath(analyzer.options.prefix, certs.value[i])
    const cert = host.loadCertificate(certPath)
    if (!cert.ok) return report(cert.message, certs.node.range)
    const keyPath = fullPath(analyzer.options.prefix, keys.value[i])
    const key = host.loadCertificateKey(keyPath, certPath)
    if (!key.ok) return report(key.message, keys.node.range)
  }
}

/** ngx_http_join_exact_locations: two prefix or two exact locations with one name. */
function checkDuplicateLocations(cx: DirectiveContext, locations: LocationConf[]): boolean {
  for (const location of locations) if (!checkDuplicateLocations(cx, location.children)) return false
  const seen = new Map<string, LocationConf>()
  for (const location of locations) {
    if (location.regex || location.modifier === '@' || location.isIf) continue
    const key = `${location.modifier === '=' ? '=' : 'prefix'} ${location.name}`
    if (seen.has(key)) {
      cx.analyzer.report(
        'emerg',
        'NGINX_DUPLICATE',
        `duplicate location "${location.name}" in ${location.file}:${location.node.nginxLine}`,
        location.file,
        null,
        location.node.range,
      )
      return false
    }
    seen.set(key, location)
  }
  return true
}

/** ngx_hash_add_key with NGX_HASH_WILDCARD_KEY: `ok`, `busy` (already there) or `invalid`. */
function addServerName(name: string, exact: Set<string>, head: Set<string>, tail: Set<string>): 'ok' | 'busy' | 'invalid' {
  const star = name.indexOf('*')
  if (star < 0 && !name.startsWith('.')) {
    if (exact.has(name)) return 'busy'
    exact.add(name)
    return 'ok'
  }
  if (name.startsWith('.')) {
    const base = name.slice(1)
    if (exact.has(base) || head.has(base)) return 'busy'
    exact.add(base)
    head.add(base)
    return 'ok'
  }
  if (name.startsWith('*.') && name.indexOf('*', 1) < 0) {
    const base = name.slice(2)
    if (head.has(base)) return 'busy'
    head.add(base)
    return 'ok'
  }
  if (name.endsWith('.*') && star === name.length - 1) {
    const base = name.slice(0, -2)
    if (tail.has(base)) return 'busy'
    tail.add(base)
    return 'ok'
  }
  return 'invalid'
}
