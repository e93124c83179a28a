/**
 * Quick fixes for the findings at a range, where the fix is known, and one refactoring: the
 * WebSocket headers for a `proxy_pass` that lacks them. Each fix leaves a config that checks
 * without its finding (test/unit/editor/code-actions.test.ts applies them and checks again).
 */
import { BUILTIN_VARIABLES } from '../../../server/nginx/variables.ts'
import type { Analysis } from './analysis.ts'
import { nearestNames } from './nearest.ts'
import { startOf, visitsOf } from './syntax-tree.ts'
import { braceToSemicolon, closeOpenBlocks, directiveAtFinding, missingSemicolon, nearestDirectives } from './syntax-fixes.ts'
import type { CodeAction, DiagnosticLike, Range, TextEdit } from './types.ts'
import { definedNames, sitesIn } from './variable-index.ts'
import {
  connectionFromMap, connectionUpgradeMap, copyDroppedHeaders, httpVersion11, sslServerName, swapUpgradeConnection, upgradeHeaders,
} from './websocket-fixes.ts'

type Fix = (analysis: Analysis, file: string, d: DiagnosticLike) => CodeAction[]

function action(title: string, titleZh: string, diagnosticCode: string | null, edits: TextEdit[], isPreferred = true): CodeAction[] {
  return edits.length > 0 ? [{ title, titleZh, diagnosticCode, edits, isPreferred }] : []
}

const addMap: Fix = (analysis, _file, d) =>
  action('Add the map $http_upgrade $connection_upgrade block to http', '在 http 中加入 map $http_upgrade $connection_upgrade 块', d.code, connectionUpgradeMap(analysis))

const semicolon: Fix = (analysis, file, d) => action('Insert the missing ";"', '补上缺少的 ";"', d.code, missingSemicolon(analysis, file, d))

/** `unknown "connection_upgrade" variable` gets the map; another unknown name, the nearest known ones. */
const unknownVariable: Fix = (analysis, file, d) => {
  const name = /^unknown "([^"]+)" variable$/.exec(d.message)?.[1]
  if (!name) return []
  if (name === 'connection_upgrade') return addMap(analysis, file, d)
  const site = sitesIn(analysis, file).find((s) => s.name === name && s.range.line >= d.line && s.range.line <= d.endLine)
  if (!site) return []
  return nearestNames(name, [...BUILTIN_VARIABLES, ...definedNames(analysis)]).flatMap((candidate, i) =>
    action(`Replace with $${candidate}`, `改为 $${candidate}`, d.code, [{ file, range: site.range, text: `$${candidate}` }], i === 0),
  )
}

const FIXES: Readonly<Record<string, Fix>> = {
  NGINX_UNKNOWN_VARIABLE: unknownVariable,
  NGINX_SYNTAX: semicolon,
  NGINX_UNEXPECTED_EOF: (analysis, file, d) =>
    d.message.includes('expecting ";"')
      ? semicolon(analysis, file, d)
      : action('Close the blocks left open', '补上未闭合块的 "}"', d.code, closeOpenBlocks(analysis, file)),
  NGINX_ARGUMENT_COUNT: semicolon,
  NGINX_INVALID_VALUE: semicolon,
  NGINX_NOT_TERMINATED: (analysis, file, d) => {
    const merged = semicolon(analysis, file, d)
    return merged.length > 0 ? merged : action('Replace "{" with ";"', '把 "{" 改为 ";"', d.code, braceToSemicolon(analysis, file, d))
  },
  NGINX_UNKNOWN_DIRECTIVE: (analysis, file, d) => {
    const visit = directiveAtFinding(analysis, file, d)
    const word = visit?.node.nameWord
    if (!visit || !word) return []
    return nearestDirectives(analysis, visit).flatMap((name, i) =>
      action(`Replace with "${name}"`, `改为 "${name}"`, d.code, [{ file, range: word.range, text: name }], i === 0),
    )
  },
  LAB_WS_MAP_MISSING: addMap,
  LAB_WS_HTTP10_UPGRADE: (analysis, file, d) =>
    action('Add proxy_http_version 1.1', '加入 proxy_http_version 1.1', d.code, httpVersion11(analysis, file, startOf(d))),
  LAB_WS_HEADERS_DROPPED: (analysis, file, d) =>
    action('Copy the outer proxy_set_header lines into this block', '把外层的 proxy_set_header 复制到此块', d.code, copyDroppedHeaders(analysis, file, startOf(d))),
  LAB_WS_HEADERS_SWAPPED: (analysis, file, d) =>
    action('Swap the Upgrade and Connection values', '交换 Upgrade 与 Connection 的值', d.code, swapUpgradeConnection(analysis, file, startOf(d))),
  LAB_WS_CONNECTION_HARDCODED: (analysis, file, d) =>
    action('Send Connection from $connection_upgrade', '用 $connection_upgrade 作为 Connection 的值', d.code, connectionFromMap(analysis, file, startOf(d))),
  LAB_WS_CONNECTION_PASSED_THROUGH: (analysis, file, d) =>
    action('Send Connection from $connection_upgrade', '用 $connection_upgrade 作为 Connection 的值', d.code, connectionFromMap(analysis, file, startOf(d))),
  LAB_WS_SSL_NO_SERVER_NAME: (analysis, file, d) =>
    action('Add proxy_ssl_server_name on', '加入 proxy_ssl_server_name on', d.code, sslServerName(analysis, file, startOf(d))),
}

/** The WebSocket headers for a `proxy_pass` on the range's lines, as a refactoring (no finding needed). */
function upgradeHeadersRefactoring(analysis: Analysis, file: string, range: Range): CodeAction[] {
  const proxyPass = visitsOf(analysis, file).find(
    ({ node, entry }) => !entry && node.name === 'proxy_pass' && node.range.line <= range.endLine && node.range.endLine >= range.line,
  )
  if (!proxyPass) return []
  return action('Add the Upgrade and Connection headers', '加入 Upgrade 和 Connection 请求头', null, upgradeHeaders(analysis, file, startOf(proxyPass.node.range)), false)
}

export function codeActions(analysis: Analysis, file: string, range: Range, diagnostics: readonly DiagnosticLike[]): CodeAction[] {
  const actions: CodeAction[] = []
  for (const d of diagnostics) {
    const fix = Object.hasOwn(FIXES, d.code) ? FIXES[d.code] : undefined
    if (fix) actions.push(...fix(analysis, d.file ?? file, d))
  }
  actions.push(...upgradeHeadersRefactoring(analysis, file, range))
  // One action per title and edits: two findings with the same fix (the map) offer it once.
  const seen = new Set<string>()
  return actions.filter((a) => {
    const key = a.title + JSON.stringify(a.edits)
    return !seen.has(key) && (seen.add(key), true)
  })
}
