/**
 * The values given to Upgrade and Connection, against the recipe (`Upgrade $http_upgrade`,
 * `Connection $connection_upgrade` from the map): the map missing, Connection hard-coded,
 * the two swapped, and the client's own Connection passed through. Each is about a line as
 * written, wherever it stands.
 */
import { defaultValue } from '../directives/defaults.ts'
import type { HeaderSetting } from '../directives/proxy.ts'
import { countVariables } from '../variables.ts'
import { effectiveHeaders, everyLevel, headerRange, ownHeaders, proxyBlocks, soleVariable, type ProxyBlock } from './blocks.ts'
import type { Found, HintContext } from './found.ts'

/** $connection_upgrade used, and defined by nothing: at the use nginx's unknown-variable check names. */
export function mapMissing({ http }: HintContext): Found[] {
  if (http.variables.isKnown('connection_upgrade')) return []
  const use = http.variables.uses().find((u) => u.name === 'connection_upgrade')
  return use ? [{ code: 'LAB_WS_MAP_MISSING', args: {}, file: use.file, range: use.range }] : []
}

export function headerValues(cx: HintContext): Found[] {
  const found: Found[] = []
  const blocksOf = blocksByList(cx)
  for (const level of everyLevel(cx.http)) {
    const own = ownHeaders(level)
    for (const header of own) {
      const name = header.name.toLowerCase()
      const variable = soleVariable(header.value)
      const at = { file: header.file, range: headerRange(header) }
      if (name === 'connection' && countVariables(header.value) === 0 && header.value.split(',').some((t) => t.trim().toLowerCase() === 'upgrade')) {
        found.push({ code: 'LAB_WS_CONNECTION_HARDCODED', args: { value: header.value, keepalive: keptUpstream(cx, blocksOf.get(own) ?? []) }, ...at })
      } else if (name === 'upgrade' && variable === 'connection_upgrade') {
        found.push({ code: 'LAB_WS_HEADERS_SWAPPED', args: { header: 'Upgrade' }, ...at })
      } else if (name === 'connection' && variable === 'http_upgrade') {
        found.push({ code: 'LAB_WS_HEADERS_SWAPPED', args: { header: 'Connection' }, ...at })
      } else if (name === 'connection' && variable === 'http_connection') {
        found.push({ code: 'LAB_WS_CONNECTION_PASSED_THROUGH', args: {}, ...at })
      }
    }
  }
  return found
}

/** The blocks that proxy, by the proxy_set_header list in effect in each. */
function blocksByList({ http }: HintContext): Map<readonly HeaderSetting[], ProxyBlock[]> {
  const byList = new Map<readonly HeaderSetting[], ProxyBlock[]>()
  for (const block of proxyBlocks(http)) {
    const list = effectiveHeaders(block.level)?.list
    if (!list) continue
    const blocks = byList.get(list)
    if (blocks) blocks.push(block)
    else byList.set(list, [block])
  }
  return byList
}

/**
 * The first upstream group that keeps connections (its `keepalive`, or the version's default for
 * `upstream {}` blocks, as the runtime's keepaliveFor) among those these blocks proxy to.
 */
function keptUpstream({ groups, version }: HintContext, blocks: readonly ProxyBlock[]): string | null {
  for (const block of blocks) {
    const name = block.pass.value.upstream
    const upstream = name === null ? undefined : groups.get(name.toLowerCase())
    if (!upstream) continue
    const keepalive = upstream.keepalive ?? defaultValue('keepalive', version)
    if (keepalive) return upstream.name
  }
  return null
}
