/** Nearest names by edit distance, for misspellings (`proxy_http_versoin` → `proxy_http_version`). */

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) rows[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1)
      rows[i][j] = best
    }
  }
  return rows[a.length][b.length]
}

/**
 * The candidates closest to `name`, closest first, within a distance that grows with the
 * name's length (a third of it, at least 1): `lisen` finds `listen`, `foo` finds nothing.
 */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const within = Math.max(1, Math.floor(name.length / 3))
  const scored: Array<{ candidate: string; distance: number }> = []
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) > within) continue
    // Case counts: nginx compares directive and variable names as written (`Listen` is unknown).
    const distance = editDistance(name, candidate)
    if (distance > 0 && distance <= within) scored.push({ candidate, distance })
  }
  return scored
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.candidate)
}
