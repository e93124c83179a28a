/**
 * Knock-on rules (knock-on-rules.ts) for what nginx never defined because it refused the
 * directive defining it: a variable, an upstream, its servers, the `events` block, a
 * certificate. A directive counts as refused when nginx reported an [emerg] in its own words,
 * or in those of a block around it (nginx never read inside), or when it is an unknown
 * directive one letter off the name meant (two for names longer than four letters).
 */
import type { Diagnostic } from './diagnostics.ts'
import type { KnockOnIndex, KnockOnRule, PlacedDirective } from './knock-on-index.ts'
import type { DirectiveNode } from './parser.ts'

/** Directives that define a variable, and which of their words names it. */
const DEFINERS: Record<string, (args: number) => number> = {
  map: () => 1,
  geo: (args) => args - 1,
  split_clients: () => 1,
  set: () => 0,
  perl_set: () => 0,
  js_set: () => 0,
}

/** `map`, `set`… defining `$X` was refused: `unknown "X" variable` follows. */
const refusedVariableDefinition: KnockOnRule = {
  name: 'refused-variable-definition',
  causeOf(index, ix) {
    const name = unknownVariable(ix.diagnostics[index])
    if (name === null) return null
    const refusals = refusalsByName(ix, Object.keys(DEFINERS), (placed, meant) => placed.node.args[DEFINERS[meant](placed.node.args.length)]?.value)
    return refusals.get(`$${name}`) ?? null
  },
}

/** A regex nginx could not compile (in a `map`, `location`, `if`…): its named captures are then unknown variables. */
const refusedCapture: KnockOnRule = {
  name: 'refused-capture',
  causeOf(index, ix) {
    const name = unknownVariable(ix.diagnostics[index])
    if (name === null) return null
    const captures = ix.table('refused-capture', () => {
      const first = new Map<string, number>()
      ix.diagnostics.forEach((d, i) => {
        if (!d.message.startsWith('pcre2_compile() failed')) return
        for (const m of d.message.matchAll(/\(\?(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/g)) {
          const capture = m[1] ?? m[2]
          if (!first.has(capture)) first.set(capture, i)
        }
      })
      return first
    })
    return captures.get(name) ?? null
  },
}

/** `upstream X` was refused (not allowed here, misspelt): `host not found in upstream "X"` follows. */
const refusedUpstream: KnockOnRule = {
  name: 'refused-upstream',
  causeOf(index, ix) {
    const name = missingUpstream(ix.diagnostics[index])
    if (name === null) return null
    return refusalsByName(ix, ['upstream'], (placed) => (placed.node.block ? placed.node.args[0]?.value : undefined)).get(name) ?? null
  },
}

/**
 * An upstream whose `server` lines were all refused (or misspelt) has no servers: "no servers are inside
 * upstream" follows from them, and "no servers in upstream" (said again when http closes) from that.
 */
const emptyUpstream: KnockOnRule = {
  name: 'empty-upstream',
  causeOf(index, ix) {
    const d = ix.diagnostics[index]
    const upstream = ix.headAt(d.file, d)
    if (upstream?.node.name !== 'upstream') return null
    if (d.message === 'no servers are inside upstream') {
      const servers = (upstream.node.block ?? []).flatMap((n) => (n.kind === 'directive' && (n.name === 'server' || isMisspelt(ix, n, 'server')) ? [n] : []))
      const refusals = servers.map((s) => ix.refusalOf(s))
      if (servers.length === 0 || refusals.some((r) => r === null)) return null
      return Math.min(...(refusals as number[]))
    }
    if (!d.message.startsWith('no servers in upstream "')) return null
    return ix.at(d.file, upstream.node.args[0]?.range ?? upstream.node.range).find((i) => ix.diagnostics[i].message === 'no servers are inside upstream') ?? null
  },
}

/** The `events` block was refused (inside `http`, with arguments, misspelt): `no "events" section` follows. */
const refusedEvents: KnockOnRule = {
  name: 'refused-events',
  causeOf(index, ix) {
    if (ix.diagnostics[index].message !== 'no "events" section in configuration') return null
    return refusalsByName(ix, ['events'], (placed) => (placed.node.block ? 'events' : undefined)).get('events') ?? null
  },
}

/** `ssl_certificate` (or its key) was refused: `no "ssl_certificate" is defined for …` follows. */
const refusedCertificate: KnockOnRule = {
  name: 'refused-certificate',
  causeOf(index, ix) {
    const d = ix.diagnostics[index]
    const wanted = /^no "(ssl_certificate(?:_key)?)" is defined/.exec(d.message)?.[1]
    const head = wanted ? ix.headAt(d.file, d) : undefined
    if (!wanted || !head) return null
    // Reported at the server (or at its certificate): the setting is the server's or inherited.
    const blocks = head.node.name === 'server' ? [head.node, ...head.ancestors] : head.ancestors
    let first: number | null = null
    for (const block of blocks) {
      for (const child of block.block ?? []) {
        if (child.kind !== 'directive' || !(child.name === wanted || isMisspelt(ix, child, wanted))) continue
        const refusal = ix.refusalOf(child)
        if (refusal !== null && refusal < index && (first === null || refusal < first)) first = refusal
      }
    }
    return first
  },
}

/**
 * For directives named one of `names` (or misspelt so), the first refusal of each (or of a
 * block around it), by the name each defines.
 */
function refusalsByName(ix: KnockOnIndex, names: string[], defines: (placed: PlacedDirective, meant: string) => string | undefined): Map<string, number> {
  return ix.table(`refusals:${names.join()}`, () => {
    const refusals = new Map<string, number>()
    for (const placed of ix.directives) {
      const meant = names.find((n) => n === placed.node.name) ?? names.find((n) => isMisspelt(ix, placed.node, n))
      const name = meant === undefined ? undefined : defines(placed, meant)
      const refusal = name === undefined ? null : ix.refusalAround(placed)
      const known = name === undefined ? undefined : refusals.get(name)
      if (name !== undefined && refusal !== null && (known === undefined || refusal < known)) refusals.set(name, refusal)
    }
    return refusals
  })
}

/** An unknown directive one letter off `meant` (two for longer names): `upstrem`, `mpa`, `event`. */
function isMisspelt(ix: KnockOnIndex, node: DirectiveNode, meant: string): boolean {
  const refusal = ix.refusalOf(node)
  if (refusal === null || ix.diagnostics[refusal].code !== 'NGINX_UNKNOWN_DIRECTIVE') return false
  return editDistance(node.name, meant) <= (meant.length <= 4 ? 1 : 2)
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return Math.abs(a.length - b.length)
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

export function unknownVariable(d: Diagnostic): string | null {
  return d.code === 'NGINX_UNKNOWN_VARIABLE' ? (/^unknown "(.+)" variable$/.exec(d.message)?.[1] ?? null) : null
}

/** proxy_pass's group that nginx looked up as a host name (not an upstream `server` line's host). */
export function missingUpstream(d: Diagnostic): string | null {
  return d.code === 'NGINX_INVALID_VALUE' ? (/^host not found in upstream "([^"]+)"/.exec(d.message)?.[1] ?? null) : null
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export const REFUSAL_RULES: readonly KnockOnRule[] = [
  emptyUpstream,
  refusedVariableDefinition,
  refusedCapture,
  refusedUpstream,
  refusedEvents,
  refusedCertificate,
]
