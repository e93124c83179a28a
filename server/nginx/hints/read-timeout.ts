/**
 * Advice: a WebSocket location (Upgrade set from $http_upgrade) that keeps proxy_read_timeout
 * at its default. nginx closes a tunnel in which nothing passed for that long, so idle chats
 * drop unless someone pings. A timeout written out, even the default's value, is a choice made.
 */
import type { Setting } from '../conf.ts'
import { defaultValue } from '../directives/defaults.ts'
import { argsRange, describeBlock, effectiveHeaders, headerNamed, proxyBlocks, soleVariable } from './blocks.ts'
import type { Found, HintContext } from './found.ts'

export function readTimeoutDefault({ http, version }: HintContext): Found[] {
  const found: Found[] = []
  const seen = new Set<Setting>()
  for (const block of proxyBlocks(http)) {
    if (seen.has(block.pass)) continue
    const upgrade = headerNamed(effectiveHeaders(block.level)?.list ?? [], 'Upgrade')
    if (!upgrade || soleVariable(upgrade.value) !== 'http_upgrade') continue
    if (block.level.inherited('proxy_read_timeout')) continue
    seen.add(block.pass)
    found.push({
      code: 'LAB_WS_READ_TIMEOUT_DEFAULT',
      args: { where: describeBlock(block.level, block.pass.file), seconds: defaultValue('proxy_read_timeout', version) / 1000 },
      file: block.pass.file,
      range: argsRange(block.pass.node.args),
    })
  }
  return found
}
