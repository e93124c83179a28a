/**
 * Lists every difference between the generated catalogs and the hand-edited ones the engine
 * uses today (CATALOG_1_22, CATALOG_1_30): missing and extra directives, module type, contexts,
 * argument count, setter, values and block flag. `default` and `once` are not in ngx_command_t
 * and are not compared.
 *
 *   node --import ./server/bin/register.mjs server/nginx/tools/compare-catalogs.ts
 */
import { fileURLToPath } from 'node:url'
import { CATALOG_1_22, type CatalogRow } from '../directives/catalog-1.22.ts'
import { CATALOG_1_30 } from '../directives/catalog-1.30.ts'
import type { CommandRow } from '../directives/generated/command-row.ts'
import { COMMANDS_1_22_1 } from '../directives/generated/commands-1.22.1.ts'
import { COMMANDS_1_30_4 } from '../directives/generated/commands-1.30.4.ts'

type Row = CatalogRow | CommandRow

const key = (row: Row) => `${row[0]} (${row[1]})`
const show = (value: unknown) => JSON.stringify(value) ?? 'none'

/** The differences, one line each, for generated rows against hand-edited ones. */
export function compareRows(generated: readonly Row[], handEdited: readonly Row[]): string[] {
  const lines: string[] = []
  const gen = new Map(generated.map((r) => [key(r), r]))
  const hand = new Map(handEdited.map((r) => [key(r), r]))
  for (const [k, r] of gen) if (!hand.has(k)) lines.push(`missing from the hand-edited catalog: ${k} ${show(r[3])} ${show(r[4])} ${r[5]}`)
  for (const [k, r] of hand) if (!gen.has(k)) lines.push(`not in nginx's source (extra in the hand-edited catalog): ${k} ${show(r[3])} ${show(r[4])} ${r[5]}`)
  for (const [k, g] of gen) {
    const h = hand.get(k)
    if (!h) continue
    const diff = (what: string, generatedValue: unknown, handValue: unknown) => {
      if (show(generatedValue) !== show(handValue)) lines.push(`${k}: ${what} ${show(handValue)} in the hand-edited catalog, ${show(generatedValue)} in nginx's source`)
    }
    diff('module type', g[2], h[2])
    diff('contexts', [...g[3]].sort(), [...h[3]].sort())
    diff('arity', g[4], h[4])
    diff('slot', g[5], h[5])
    diff('values', g[6]?.values, h[6]?.values)
    diff('block', g[6]?.block ?? false, h[6]?.block ?? false)
  }
  // Order: the rows both have, in each catalog's order.
  const common = (rows: readonly Row[], other: Map<string, Row>) => rows.map(key).filter((k) => other.has(k))
  const a = common(generated, hand)
  const b = common(handEdited, gen)
  const moved = a.filter((k, i) => k !== b[i])
  if (moved.length) lines.push(`order: ${moved.length} common rows stand at another place, first ${moved.slice(0, 5).join(', ')}`)
  return lines
}

function main(): void {
  const pairs: [string, readonly Row[], string, readonly Row[]][] = [
    ['generated 1.22.1', COMMANDS_1_22_1, 'CATALOG_1_22', CATALOG_1_22],
    ['generated 1.30.4', COMMANDS_1_30_4, 'CATALOG_1_30', CATALOG_1_30],
  ]
  for (const [genName, generated, handName, handEdited] of pairs) {
    const lines = compareRows(generated, handEdited)
    console.log(`## ${genName} (${generated.length} rows) vs ${handName} (${handEdited.length} rows): ${lines.length} differences`)
    for (const line of lines) console.log(`- ${line}`)
    console.log('')
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
