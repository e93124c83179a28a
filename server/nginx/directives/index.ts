/**
 * The directive table of each modelled release line: one entry per nginx ngx_command_t, in
 * nginx's module order. Which directives exist, where and with how many arguments comes from
 * nginx's own source (generated/commands-*.ts, made by server/nginx/tools); a handwritten row
 * of this folder brings the handler of a directive the engine models or checks closely, the
 * others are checked by nginx's generic setter. Each entry also carries what the lab does with
 * the directive (lab-states.ts) and its documentation (directive-docs.ts); defaults are in
 * defaults.ts. Nothing else holds knowledge of a directive.
 */
import type { ContextName, DirectiveSpec, Handler } from '../directive-spec.ts'
import { HANDLED } from '../directive-spec.ts'
import type { ModelledLine, NginxVersion } from '../nginx-version.ts'
import {
  acceptSlot, bitmaskSlot, bufsSlot, enumSlot, flagSlot, keyvalSlot, msecSlot, numSlot, offSlot, secSlot, sizeSlot,
  strArraySlot, strSlot,
} from '../slots.ts'
import { accessDirectives } from './access.ts'
import { coreDirectives } from './core.ts'
import { DIRECTIVE_DOCS } from './directive-docs.ts'
import type { CommandRow, SlotKind } from './generated/command-row.ts'
import { COMMANDS_1_22_1 } from './generated/commands-1.22.1.ts'
import { COMMANDS_1_24_0 } from './generated/commands-1.24.0.ts'
import { COMMANDS_1_26_3 } from './generated/commands-1.26.3.ts'
import { COMMANDS_1_28_0 } from './generated/commands-1.28.0.ts'
import { COMMANDS_1_30_4 } from './generated/commands-1.30.4.ts'
import { headersDirectives } from './headers.ts'
import { httpCoreDirectives } from './http-core.ts'
import { LAB_STATES } from './lab-states.ts'
import { logDirectives } from './log.ts'
import { mapDirectives } from './map.ts'
import { proxyDirectives } from './proxy.ts'
import { rewriteDirectives } from './rewrite.ts'
import type { HandwrittenSpec } from './row.ts'
import { sslDirectives } from './ssl.ts'
import { staticDirectives } from './static.ts'
import { upstreamBalancerDirectives, upstreamDirectives } from './upstream.ts'

/**
 * Debian's 1.22.1 carries a patch nginx's source does not have (the CVE-2023-44487 fix's
 * max_headers, in a module of its own); the installed nginx knows it, so the table does.
 */
const DEBIAN_1_22_ROWS: readonly CommandRow[] = [
  ['max_headers', 'ngx_http_header_count_module', 'http', ['http', 'server'], [1], 'num'],
]

/** The commands of each modelled release line (nginx-version.ts MODELLED_RELEASES). */
const CATALOGS: Record<ModelledLine, readonly CommandRow[]> = {
  '1.22': [...COMMANDS_1_22_1, ...DEBIAN_1_22_ROWS],
  '1.30': COMMANDS_1_30_4,
}

/**
 * Directives whose own handler (not a generic setter) refuses a second occurrence in a block
 * with "is duplicate": their handlers test the pointer they fill, which ngx_command_t does not
 * say. Read from each handler in nginx's source.
 */
const REFUSE_DUPLICATES: ReadonlySet<string> = new Set(
  `worker_processes user worker_priority worker_cpu_affinity ssl_engine events worker_connections use http root alias
  limit_except aio directio keepalive_timeout internal open_file_cache resolver disable_symlinks open_log_file_cache
  http2_push mirror try_files auth_request auth_basic_user_file limit_conn limit_req real_ip_header ssl_password_file
  ssl_ocsp_cache proxy_pass proxy_redirect proxy_cookie_domain proxy_cookie_path proxy_cookie_flags proxy_store
  proxy_bind proxy_cache proxy_cache_key proxy_ssl_password_file fastcgi_pass fastcgi_store fastcgi_bind fastcgi_cache
  fastcgi_cache_key uwsgi_pass uwsgi_store uwsgi_bind uwsgi_cache uwsgi_cache_key uwsgi_ssl_password_file scgi_pass
  scgi_store scgi_bind scgi_cache scgi_cache_key grpc_pass grpc_bind grpc_ssl_password_file memcached_pass memcached_bind
  keepalive charset source_charset userid_expires userid_mark expires ssl_certificate_cache proxy_ssl_certificate_cache
  uwsgi_ssl_certificate_cache grpc_ssl_certificate_cache sticky`.split(/\s+/),
)

/** Rows with handlers of their own. */
export const HANDWRITTEN: readonly HandwrittenSpec[] = [
  ...coreDirectives,
  ...httpCoreDirectives,
  ...logDirectives,
  ...upstreamDirectives,
  ...upstreamBalancerDirectives,
  ...staticDirectives,
  ...accessDirectives,
  ...mapDirectives,
  ...rewriteDirectives,
  ...sslDirectives,
  ...proxyDirectives,
  ...headersDirectives,
]

/** Compiles every argument that may hold variables (nginx's complex-value and predicate slots). */
const complexSlot: Handler = (cx) => {
  for (const word of cx.args) if (cx.compile(word) === null) return HANDLED
  cx.push(cx.values)
}

/**
 * Directives with a handler of their own that Upgrade Lab does not model: nginx compiles
 * their arguments' variables (`try_files $uri …`), except where an argument is a regex.
 */
function customSlot(once: boolean): Handler {
  return (cx) => {
    if (once && cx.isSet()) return 'is duplicate'
    for (const word of cx.args) {
      if (word.value.startsWith('~')) continue
      if (cx.compile(word) === null) return HANDLED
    }
    return acceptSlot(cx)
  }
}

function genericHandler(name: string, slot: SlotKind, extra: CommandRow[6]): Handler {
  const values = extra?.values
  switch (slot) {
    case 'flag': return flagSlot
    case 'size': return sizeSlot
    case 'msec': return msecSlot
    case 'sec': return secSlot
    case 'num': return numSlot()
    case 'off': return offSlot
    case 'str': return strSlot
    case 'str_array': return strArraySlot
    case 'keyval': return keyvalSlot
    case 'bufs': return bufsSlot
    case 'enum': return enumSlot(values ?? [])
    case 'bitmask': return bitmaskSlot(values ?? [])
    case 'complex':
    case 'predicate': return complexSlot
    case 'custom': return customSlot(REFUSE_DUPLICATES.has(name))
  }
}

/** Every release whose commands were read from nginx's source, oldest first. */
const RELEASES: ReadonlyArray<[string, readonly CommandRow[]]> = [
  ['1.22.1', COMMANDS_1_22_1],
  ['1.24.0', COMMANDS_1_24_0],
  ['1.26.3', COMMANDS_1_26_3],
  ['1.28.0', COMMANDS_1_28_0],
  ['1.30.4', COMMANDS_1_30_4],
]

const releasesOf = new Map<string, string[]>()
for (const [version, rows] of RELEASES) {
  for (const [name] of rows) {
    const list = releasesOf.get(name) ?? []
    if (list.at(-1) !== version) list.push(version)
    releasesOf.set(name, list)
  }
}

/** The context each block directive's body is parsed in (the handlers' parseBlock calls). */
const OPENS: Readonly<Record<string, ContextName>> = {
  events: 'events', http: 'http', server: 'server', location: 'location', upstream: 'upstream', limit_except: 'limit_except',
}

function opens(name: string, contexts: readonly ContextName[]): Partial<Record<ContextName, ContextName>> | undefined {
  if (name === 'if') return Object.fromEntries(contexts.map((c) => [c, c === 'server' ? 'if-server' : 'if-location']))
  const opened = Object.hasOwn(OPENS, name) ? OPENS[name] : undefined
  return opened ? Object.fromEntries(contexts.map((c) => [c, opened])) : undefined
}

/** What a directive's entry says besides its handler: shape, block, releases, the lab's state and the docs. */
function described(row: CommandRow): Pick<DirectiveSpec, 'lab' | 'doc' | 'shape' | 'opens' | 'versions'> {
  const [name, , , contexts, , slot, extra] = row
  const lab = LAB_STATES[name]
  // lab-states.ts is tested to name every directive of every catalog; this is the fallback of an untested one.
  if (!lab) throw new Error(`no lab state for "${name}"`)
  const doc = Object.hasOwn(DIRECTIVE_DOCS, name) ? DIRECTIVE_DOCS[name] : undefined
  const opened = extra?.block ? opens(name, contexts) : undefined
  return { lab, shape: slot, versions: releasesOf.get(name) ?? [], ...(doc ? { doc } : {}), ...(opened ? { opens: opened } : {}) }
}

function fromCatalog(row: CommandRow): DirectiveSpec {
  const [name, module, moduleType, contexts, args, slot, extra] = row
  const conf = moduleType === 'http' ? 'loc' : 'direct'
  return {
    name,
    module,
    moduleType,
    contexts,
    args,
    conf,
    handler: genericHandler(name, slot, extra),
    ...(extra?.block ? { block: true, handler: HANDLED_BLOCK } : {}),
    ...(extra?.values ? { values: extra.values } : {}),
    ...described(row),
  }
}

/** A block directive Upgrade Lab does not model: its body is skipped as nginx would parse it. */
const HANDLED_BLOCK: Handler = () => undefined

/**
 * The table of a release line: the catalog decides which directives exist, where and with
 * how many arguments; a handwritten row brings its handler.
 */
function buildTable(catalog: readonly CommandRow[]): Map<string, DirectiveSpec[]> {
  const handwritten = new Map<string, HandwrittenSpec>()
  for (const spec of HANDWRITTEN) handwritten.set(`${spec.name}/${spec.module}`, spec)
  const table = new Map<string, DirectiveSpec[]>()
  for (const row of catalog) {
    const own = handwritten.get(`${row[0]}/${row[1]}`)
    const spec: DirectiveSpec = own
      ? { ...own, contexts: row[3], args: row[4], block: row[6]?.block ?? false, ...(row[6]?.values ? { values: row[6].values } : {}), ...described(row) }
      : fromCatalog(row)
    const list = table.get(spec.name)
    if (list) list.push(spec)
    else table.set(spec.name, [spec])
  }
  return table
}

const tables = new Map<ModelledLine, ReadonlyMap<string, readonly DirectiveSpec[]>>()

/** The directive table of a modelled version's release line, built once. */
export function directiveTable(version: NginxVersion): ReadonlyMap<string, readonly DirectiveSpec[]> {
  let table = tables.get(version.line)
  if (!table) {
    table = buildTable(CATALOGS[version.line])
    tables.set(version.line, table)
  }
  return table
}

/** The directive table of nginx 1.22.1 (Debian bookworm), the default model. */
export const DIRECTIVES: ReadonlyMap<string, readonly DirectiveSpec[]> = directiveTable({ name: '1.22.1', line: '1.22', major: 1, minor: 22, patch: 1 })
