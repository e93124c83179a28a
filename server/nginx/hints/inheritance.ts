/**
 * proxy_set_header is inherited all or nothing (ngx_http_proxy_merge_loc_conf takes the outer
 * list only when a block has none): a block with a line of its own hides every line of the outer
 * list. The hint goes where that happens in a block requests are proxied from, and only when
 * something is lost (a header the outer list sets and the block's own list does not).
 */
import type { HeaderSetting } from '../directives/proxy.ts'
import { describeBlock, effectiveHeaders, headerRange, lineRef, listOf, proxyBlocks, type Text } from './blocks.ts'
import type { Found, HintContext } from './found.ts'

export function droppedHeaders({ http }: HintContext): Found[] {
  const found: Found[] = []
  const seen = new Set<readonly HeaderSetting[]>()
  for (const block of proxyBlocks(http)) {
    const inner = effectiveHeaders(block.level)
    if (!inner || seen.has(inner.list)) continue
    seen.add(inner.list)
    const outer = inner.owner.parent ? effectiveHeaders(inner.owner.parent) : null
    if (!outer) continue
    const kept = new Set(inner.list.map((h) => h.name.toLowerCase()))
    const lost = outer.list.filter((h) => !kept.has(h.name.toLowerCase()))
    if (lost.length === 0) continue
    const first = inner.list[0]
    found.push({
      code: 'LAB_WS_HEADERS_DROPPED',
      args: {
        here: describeBlock(inner.owner, first.file),
        from: describeBlock(outer.owner, first.file),
        lost: listOf(lost.map((h) => lostHeader(h, first.file))),
        count: lost.length,
      },
      file: first.file,
      range: headerRange(first),
    })
  }
  return found
}

/** `Upgrade (line 6)`: a header and where the outer block sets it. */
function lostHeader(h: HeaderSetting, hintFile: string): Text {
  const at = lineRef(h.file, h.nameWord.range.line, hintFile)
  return { en: `${h.name} (${at.en})`, zh: `${h.name}（${at.zh}）` }
}
