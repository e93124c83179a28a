/**
 * What nginx's request to the backend carries where requests are proxied: an upgrade sent as
 * HTTP/1.0 (proxy_http_version 1.0, 1.22's default), and an https:// backend given by name
 * without a server name (SNI) in the TLS handshake.
 */
import type { Setting } from '../conf.ts'
import { defaultText, defaultValue } from '../directives/defaults.ts'
import type { HeaderSetting } from '../directives/proxy.ts'
import { argsRange, checkedSetting, describeBlock, effectiveHeaders, headerNamed, lineRef, listOf, proxyBlocks, type ProxyBlock, type Text } from './blocks.ts'
import type { Found, HintContext } from './found.ts'

/** An Upgrade line in effect where the request goes upstream as HTTP/1.0: one hint per line, naming the blocks when it stands elsewhere. */
export function http10Upgrade({ http, version }: HintContext): Found[] {
  const sentBy = new Map<HeaderSetting, { blocks: ProxyBlock[]; setAt: Setting<string> | undefined }>()
  for (const block of proxyBlocks(http)) {
    const upgrade = headerNamed(effectiveHeaders(block.level)?.list ?? [], 'Upgrade')
    // An empty value sends no Upgrade header at all.
    if (!upgrade || upgrade.value === '') continue
    const set = block.level.inherited('proxy_http_version')
    if ((set?.value ?? defaultValue('proxy_http_version', version)) !== '1.0') continue
    const entry = sentBy.get(upgrade) ?? { blocks: [], setAt: set }
    entry.blocks.push(block)
    sentBy.set(upgrade, entry)
  }
  return [...sentBy].map(([upgrade, { blocks, setAt }]) => {
    const elsewhere = blocks.some((b) => !(b.level.get('proxy_set_header')?.value ?? []).includes(upgrade))
    return {
      code: 'LAB_WS_HTTP10_UPGRADE',
      args: {
        version: version.name,
        setAt: setAt ? lineRef(setAt.file, setAt.node.range.line, upgrade.file) : null,
        where: elsewhere ? blockList(blocks, upgrade.file) : null,
      },
      file: upgrade.file,
      range: argsRange([upgrade.nameWord, upgrade.word]),
    }
  })
}

/** The blocks as a message names them: the first three, then how many more. */
function blockList(blocks: readonly ProxyBlock[], hintFile: string): Text {
  const named = blocks.slice(0, 3).map((b) => describeBlock(b.level, hintFile))
  const more = blocks.length - named.length
  return listOf(more > 0 ? [...named, { en: `${more} more`, zh: `另外 ${more} 个块` }] : named)
}

/**
 * An IPv4 address, or an IPv6 one (bracketed in proxy_ssl_name, bare as proxy_pass's upstream
 * name), with or without a port: nginx never sends such a name (RFC 6066).
 */
function isAddress(host: string): boolean {
  return host.startsWith('[') || /^[0-9a-f]*:[0-9a-f:.]*$/i.test(host) || /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/.test(host)
}

/** A static https:// proxy_pass to a name, where proxy_ssl_server_name is not on: one hint per proxy_pass. */
export function sslNoServerName({ http, version, groups }: HintContext): Found[] {
  const found: Found[] = []
  const seen = new Set<Setting>()
  for (const block of proxyBlocks(http)) {
    const pass = block.pass
    if (seen.has(pass) || !pass.value.ssl || pass.value.dynamic || pass.value.upstream === null) continue
    const serverName = checkedSetting(block.level, 'proxy_ssl_server_name')
    const on = serverName ? serverName.value === true : defaultText('proxy_ssl_server_name', version) === 'on'
    if (on) continue
    const host = pass.value.upstream
    const sslName = checkedSetting(block.level, 'proxy_ssl_name') as Setting<string[][]> | undefined
    const name = sslName?.value[0]?.[0] ?? host
    if (isAddress(name)) continue
    seen.add(pass)
    const group = groups.has(host.toLowerCase())
    found.push({
      code: 'LAB_WS_SSL_NO_SERVER_NAME',
      args: {
        host,
        group,
        sslName: sslName !== undefined,
        setAt: serverName ? lineRef(serverName.file, serverName.node.range.line, pass.file) : null,
      },
      file: pass.file,
      range: argsRange(pass.node.args),
    })
  }
  return found
}
