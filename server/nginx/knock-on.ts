/**
 * Which findings are knock-ons of earlier ones (docs/architecture.md "Findings"), so a person
 * fixes the cause first. The rules are in knock-on-rules.ts; a cause is always earlier in
 * nginx's order than what it causes, and a chain (a refused `server` line → "no servers are
 * inside upstream" → "no servers in upstream") is followed to its first cause.
 */
import type { Diagnostic } from './diagnostics.ts'
import { KnockOnIndex } from './knock-on-index.ts'
import { KNOCK_ON_RULES } from './knock-on-rules.ts'
import type { ParsedFile } from './parser.ts'

export interface KnockOn {
  /** The index (in the diagnostics given) of the finding this one follows from. */
  cause: number
  /** The rule that saw it (knock-on-rules.ts). */
  rule: string
}

/** For each diagnostic, in nginx's order, the first cause it follows from, or null. */
export function knockOns(diagnostics: readonly Diagnostic[], files: ReadonlyMap<string, ParsedFile>): Array<KnockOn | null> {
  const ix = new KnockOnIndex(diagnostics, files)
  const direct = diagnostics.map((d, index): KnockOn | null => {
    if (d.severity === 'lab') return null
    for (const rule of KNOCK_ON_RULES) {
      const cause = rule.causeOf(index, ix)
      if (cause !== null && cause < index) return { cause, rule: rule.name }
    }
    return null
  })
  // Causes come first, so each one's own cause is already its first: one step reaches the root.
  const root = direct.map((k) => k)
  for (const [index, k] of direct.entries()) {
    if (k) root[index] = { cause: root[k.cause]?.cause ?? k.cause, rule: k.rule }
  }
  return root
}
