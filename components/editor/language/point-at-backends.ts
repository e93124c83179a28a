/**
 * "Point it at the lab's backends": the edits that make a config's upstream addresses the lab's
 * sample chat servers, so a seed article's config (its own addresses answer like closed ports
 * in the lab) can be tried as written otherwise. The `server`s of each `upstream` block become
 * A, B, C in turn; a `proxy_pass` naming an address (not an upstream, no variables) becomes
 * `http://` A (the lab's backends speak plain HTTP). Addresses already the lab's are left alone.
 */
import { DEBIAN_FILES } from '../../../server/nginx/debian-files.ts'
import { BACKENDS } from '../../../server/sandbox/lab-network.ts'
import type { Analysis } from './analysis.ts'
import { visitsOf } from './syntax-tree.ts'
import type { TextEdit } from './types.ts'

const LAB_ADDRESSES = new Set<string>(BACKENDS.map((b) => b.address))
const URL_START = /^(https?:\/\/)([^/?#]+)/i

export function pointAtBackends(analysis: Analysis): TextEdit[] {
  // The learner's files (Debian's stock ones are read-only).
  const files = [...analysis.texts.keys()].filter((path) => path === analysis.main || !Object.hasOwn(DEBIAN_FILES, path))
  const visits = files.flatMap((file) => visitsOf(analysis, file).map((visit) => ({ file, visit })))
  const upstreamNames = new Set(visits.filter(({ visit }) => visit.node.name === 'upstream' && visit.node.args[0]).map(({ visit }) => visit.node.args[0].value.toLowerCase()))
  const edits: TextEdit[] = []
  /** Per upstream block, how many servers were pointed so far (A, B, C in turn). */
  const perBlock = new Map<object, number>()
  for (const { file, visit } of visits) {
    const { node } = visit
    const arg = node.args[0]
    if (!arg || arg.range.line !== arg.range.endLine) continue
    if (node.name === 'server' && visit.context === 'upstream') {
      if (arg.value.startsWith('unix:') || LAB_ADDRESSES.has(arg.value)) continue
      const block = visit.parents.at(-1) ?? node
      const index = perBlock.get(block) ?? 0
      perBlock.set(block, index + 1)
      edits.push({ file, range: arg.range, text: BACKENDS[index % BACKENDS.length].address })
    } else if (node.name === 'proxy_pass') {
      const url = URL_START.exec(arg.value)
      if (!url || arg.value.includes('$')) continue
      const hostPort = url[2]
      const host = hostPort.replace(/:\d+$/, '').toLowerCase()
      if (upstreamNames.has(host) || (LAB_ADDRESSES.has(hostPort) && url[1].toLowerCase() === 'http://')) continue
      // The URL's start in the source (after an opening quote, if any).
      const at = arg.raw.indexOf(url[0])
      if (at < 0) continue
      const column = arg.range.column + at
      edits.push({ file, range: { line: arg.range.line, column, endLine: arg.range.line, endColumn: column + url[0].length }, text: `http://${BACKENDS[0].address}` })
    }
  }
  return edits
}
