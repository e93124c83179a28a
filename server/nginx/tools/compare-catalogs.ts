/**
 * Lists what changed in nginx's commands between two generated catalogs (directives that came
 * or went, module type, contexts, argument count, setter, values, block flag, order): what to
 * read before modelling another release line.
 *
 *   node --import ./server/bin/register.mjs server/nginx/tools/compare-catalogs.ts 1.22.1 1.30.4
 */
import { fileURLToPath } from 'node:url'
import type { CommandRow } from '../directives/generated/command-row.ts'
import { inputVersions, readInput, rowsOf } from './generate-catalogs.ts'

type Row = CommandRow

const key = (row: Row) => `${row[0]} (${row[1]})`
const show = (value: unknown) => JSON.stringify(value) ?? 'none'

/** The differences, one line each, of the `generated` rows against the `handEdited` (older) ones. */
export function compareRows(generated: readonly Row[], handEdited: readonly Row[]): string[] {
  const lines: string[] = []
  const gen = new Map(generated.map((r) => [key(r), r]))
  const hand = new Map(handEdited.map((r) => [key(r), r]))
  for (const [k, r] of gen) if (!hand.has(k)) lines.push(`new: ${k} ${show(r[3])} ${show(r[4])} ${r[5]}`)
  for (const [k, r] of hand) if (!gen.has(k)) lines.push(`gone: ${k} ${show(r[3])} ${show(r[4])} ${r[5]}`)
  for (const [k, g] of gen) {
    const h = hand.get(k)
    if (!h) continue
    const diff = (what: string, generatedValue: unknown, handValue: unknown) => {
      if (show(generatedValue) !== show(handValue)) lines.push(`${k}: ${what} ${show(handValue)} before, ${show(generatedValue)} now`)
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
  const [older, newer] = process.argv.slice(2)
  const versions = inputVersions()
  if (!older || !newer || !versions.includes(older) || !versions.includes(newer)) {
    console.error(`usage: compare-catalogs.ts OLDER NEWER (versions: ${versions.join(', ')})`)
    process.exitCode = 2
    return
  }
  const before = rowsOf(readInput(older))
  const after = rowsOf(readInput(newer))
  const lines = compareRows(after, before)
  console.log(`## ${newer} (${after.length} rows) against ${older} (${before.length} rows): ${lines.length} differences`)
  for (const line of lines) console.log(`- ${line}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
