/**
 * Fixes of a WebSocket proxy config: the `map $http_upgrade $connection_upgrade` recipe,
 * `proxy_http_version 1.1`, the Upgrade and Connection headers, the outer headers a block
 * dropped, swapped or hard-coded header values, `proxy_ssl_server_name on`.
 */
import { defaultValue } from '../../../server/nginx/directives/defaults.ts'
import type { DirectiveNode } from '../../../server/nginx/parser.ts'
import { placementOf, textOf, type Analysis } from './analysis.ts'
import { blockAt, headerNamed, levelOf, named } from './block-lookup.ts'
import { headerNodesOf, headersInEffect, holderOf } from './effective-value.ts'
import { indentUnit, insertAfter, insertAtBlockStart, insertBefore } from './text-edits.ts'
import type { Position, TextEdit } from './types.ts'
import { definitionsOf } from './variable-index.ts'

export const UPGRADE_HEADER = 'proxy_set_header Upgrade $http_upgrade;'
export const CONNECTION_HEADER = 'proxy_set_header Connection $connection_upgrade;'
const HTTP_11 = 'proxy_http_version 1.1;'

/** The map at the start of `http`, unless the config already defines `$connection_upgrade`. */
export function connectionUpgradeMap(analysis: Analysis): TextEdit[] {
  const http = analysis.result?.http
  if (!http || definitionsOf(analysis, 'connection_upgrade').length > 0) return []
  const text = textOf(analysis, http.file)
  const unit = indentUnit(text)
  const map = `map $http_upgrade $connection_upgrade {\n${unit}default upgrade;\n${unit}'' close;\n}`
  return [insertAtBlockStart(http.file, text, http.node, [map])]
}

/** `proxy_http_version 1.1` beside the block's `proxy_set_header Upgrade` (or its `proxy_pass`); a 1.0 there becomes 1.1. */
export function httpVersion11(analysis: Analysis, file: string, pos: Position): TextEdit[] {
  const block = blockAt(analysis, file, pos)
  const existing = named(block.statements, 'proxy_http_version')
  if (existing?.args[0]) return existing.args[0].value === '1.1' ? [] : [{ file, range: existing.args[0].range, text: '1.1' }]
  const anchor = headerNamed(block.statements, 'Upgrade') ?? named(block.statements, 'proxy_pass')
  return anchor ? [insertBefore(file, textOf(analysis, file), anchor, [HTTP_11])] : []
}

/** The header lines of the block's outer list that it does not set itself, as written there. */
function outerHeaderLines(analysis: Analysis, node: DirectiveNode, own: readonly string[]): string[] {
  const level = placementOf(analysis, node)?.level
  const outer = level && holderOf(level.parent, 'proxy_set_header')
  if (!outer) return []
  const names = new Set(own.map((n) => n.toLowerCase()))
  return headerNodesOf(analysis, outer)
    .filter(({ node: h }) => !names.has(h.args[0].value.toLowerCase()))
    .map(({ node: h }) => `proxy_set_header ${h.args[0].raw} ${h.args[1].raw};`)
}

/**
 * The Upgrade and Connection headers after the block's `proxy_pass`, with what they need: the
 * outer headers the block would otherwise drop, `proxy_http_version 1.1` where 1.0 is in effect,
 * and the map. Nothing when the block already sends both.
 */
export function upgradeHeaders(analysis: Analysis, file: string, pos: Position): TextEdit[] {
  const block = blockAt(analysis, file, pos)
  const proxyPass = named(block.statements, 'proxy_pass')
  const level = proxyPass && placementOf(analysis, proxyPass)?.level
  if (!proxyPass || !level) return []
  const headers = headersInEffect(analysis, level)
  const configured = headers.sent.filter((h) => h.from !== 'nginx').map((h) => h.name.toLowerCase())
  const missing = [
    ...(configured.includes('upgrade') ? [] : [UPGRADE_HEADER]),
    ...(configured.includes('connection') ? [] : [CONNECTION_HEADER]),
  ]
  if (missing.length === 0) return []
  const inherited = headers.holder === level ? [] : outerHeaderLines(analysis, proxyPass, [])
  const version = level.inherited('proxy_http_version')?.value ?? defaultValue('proxy_http_version', analysis.version)
  const lines = [...(version === '1.0' && !named(block.statements, 'proxy_http_version') ? [HTTP_11] : []), ...inherited, ...missing]
  const edits = [insertAfter(file, textOf(analysis, file), proxyPass, lines)]
  return missing.includes(CONNECTION_HEADER) ? [...edits, ...connectionUpgradeMap(analysis)] : edits
}

/** The outer block's `proxy_set_header` lines copied before this block's first one. */
export function copyDroppedHeaders(analysis: Analysis, file: string, pos: Position): TextEdit[] {
  const block = blockAt(analysis, file, pos)
  const first = block.statements.find((n) => n.name === 'proxy_set_header')
  const level = levelOf(analysis, block)
  if (!first || !level || holderOf(level, 'proxy_set_header') !== level) return []
  const own = headerNodesOf(analysis, level).map(({ node }) => node.args[0].value)
  const lines = outerHeaderLines(analysis, first, own)
  return lines.length > 0 ? [insertBefore(file, textOf(analysis, file), first, lines)] : []
}

/** Upgrade and Connection given each other's value: the values swapped back. */
export function swapUpgradeConnection(analysis: Analysis, file: string, pos: Position): TextEdit[] {
  const block = blockAt(analysis, file, pos)
  const upgrade = headerNamed(block.statements, 'Upgrade')?.args[1]
  const connection = headerNamed(block.statements, 'Connection')?.args[1]
  if (!upgrade || !connection) return []
  return [
    { file, range: upgrade.range, text: connection.raw },
    { file, range: connection.range, text: upgrade.raw },
  ]
}

/** `Connection` from `$connection_upgrade` (with its map) instead of a fixed word or the client's header. */
export function connectionFromMap(analysis: Analysis, file: string, pos: Position): TextEdit[] {
  const value = headerNamed(blockAt(analysis, file, pos).statements, 'Connection')?.args[1]
  if (!value || value.value === '$connection_upgrade') return []
  return [{ file, range: value.range, text: '$connection_upgrade' }, ...connectionUpgradeMap(analysis)]
}

/** `proxy_ssl_server_name on` after the block's `proxy_pass https://…`. */
export function sslServerName(analysis: Analysis, file: string, pos: Position): TextEdit[] {
  const block = blockAt(analysis, file, pos)
  const proxyPass = named(block.statements, 'proxy_pass')
  const existing = named(block.statements, 'proxy_ssl_server_name')
  if (existing?.args[0]) return [{ file, range: existing.args[0].range, text: 'on' }]
  return proxyPass ? [insertAfter(file, textOf(analysis, file), proxyPass, ['proxy_ssl_server_name on;'])] : []
}
