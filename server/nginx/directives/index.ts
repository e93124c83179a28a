/**
 * The directive table: one row per ngx_command_t, in nginx's module order. Rows with a
 * handler of their own come from the files of this folder; every other directive nginx
 * knows is checked by its generic setter from the catalog.
 */
import type { DirectiveSpec, Handler } from '../directive-spec.ts'
import { HANDLED } from '../directive-spec.ts'
import {
  acceptSlot, bitmaskSlot, bufsSlot, enumSlot, flagSlot, keyvalSlot, msecSlot, numSlot, offSlot, secSlot, sizeSlot,
  strArraySlot, strSlot,
} from '../slots.ts'
import { accessDirectives } from './access.ts'
import { CATALOG_1_22, type CatalogRow, type SlotKind } from './catalog-1.22.ts'
import { CATALOG_1_30 } from './catalog-1.30.ts'
import type { ModelledLine, NginxVersion } from '../nginx-version.ts'
import { coreDirectives } from './core.ts'
import { headersDirectives } from './headers.ts'
import { httpCoreDirectives } from './http-core.ts'
import { logDirectives } from './log.ts'
import { mapDirectives } from './map.ts'
import { proxyDirectives } from './proxy.ts'
import { rewriteDirectives } from './rewrite.ts'
import { sslDirectives } from './ssl.ts'
import { staticDirectives } from './static.ts'
import { upstreamBalancerDirectives, upstreamDirectives } from './upstream.ts'

/** Rows with handlers of their own. */
export const HANDWRITTEN: readonly DirectiveSpec[] = [
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

function genericHandler(slot: SlotKind, extra: CatalogRow[6]): Handler {
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
    case 'custom': return customSlot(extra?.once ?? false)
  }
}

function fromCatalog(row: CatalogRow): DirectiveSpec {
  const [name, module, moduleType, contexts, args, slot, extra] = row
  const conf = moduleType === 'http' ? 'loc' : 'direct'
  return {
    name,
    module,
    moduleType,
    contexts,
    args,
    conf,
    handler: genericHandler(slot, extra),
    ...(extra?.block ? { block: true, handler: HANDLED_BLOCK } : {}),
    ...(extra?.default !== undefined ? { default: extra.default } : {}),
  }
}

/** A block directive Upgrade Lab does not model: its body is skipped as nginx would parse it. */
const HANDLED_BLOCK: Handler = () => undefined

/**
 * The table for one version: the catalog decides which directives exist, where and with how
 * many arguments; a handwritten row brings its handler, default and docs.
 */
function buildTable(catalog: readonly CatalogRow[]): Map<string, DirectiveSpec[]> {
  const handwritten = new Map<string, DirectiveSpec>()
  for (const spec of HANDWRITTEN) handwritten.set(`${spec.name}/${spec.module}`, spec)
  const table = new Map<string, DirectiveSpec[]>()
  for (const row of catalog) {
    const own = handwritten.get(`${row[0]}/${row[1]}`)
    const spec = own ? { ...own, contexts: row[3], args: row[4], block: row[6]?.block ?? false } : fromCatalog(row)
    const list = table.get(spec.name)
    if (list) list.push(spec)
    else table.set(spec.name, [spec])
  }
  return table
}

/** The catalog of each modelled release line (nginx-version.ts MODELLED_RELEASES). */
const CATALOGS: Record<ModelledLine, readonly CatalogRow[]> = {
  '1.22': CATALOG_1_22,
  '1.30': CATALOG_1_30,
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
