/**
 * The presets gallery's catalog (docs/examples/presets.json): each preset names a folder of
 * configs, what a learner does with it, and the check over the trace that says it happened. The
 * configs are read from their folders by whoever loads them (the playground through Vite's
 * glob, the tests from disk): nothing is copied.
 */
import { isPredicateName, type PredicateName } from './predicates.ts'

export type PresetKind = 'recipe' | 'problem' | 'seed'
export type Words = { en: string; zh: string }

export type PresetStep =
  | { do: 'connect'; client: string; path?: string }
  | { do: 'send'; client: string; text: string }
  | { do: 'raw'; preset: string }

export interface Preset {
  name: string
  kind: PresetKind
  /** The folder, from the repository root, holding nginx.conf and the files it includes. */
  config: string
  title: Words
  lookFor: Words
  /** The release to model (default: the playground's). */
  version?: string
  /** The session clock's speed (default 1). */
  clock?: number
  steps: PresetStep[]
  expect: PredicateName
}

/** Checks the catalog's shape once, so a typo fails a test rather than a learner's click. */
export function readCatalog(value: unknown): Preset[] {
  const presets = (value as { presets?: unknown }).presets
  if (!Array.isArray(presets)) throw new Error('presets.json: "presets" must be an array')
  const names = new Set<string>()
  return presets.map((p: Preset, i) => {
    const where = `presets.json: preset ${i} (${String(p?.name)})`
    if (typeof p.name !== 'string' || !/^[a-z0-9-]+$/.test(p.name) || names.has(p.name)) throw new Error(`${where}: a unique lower-case name`)
    names.add(p.name)
    if (!['recipe', 'problem', 'seed'].includes(p.kind)) throw new Error(`${where}: kind is recipe, problem or seed`)
    if (!isPredicateName(p.expect)) throw new Error(`${where}: expect names no predicate`)
    for (const words of [p.title, p.lookFor]) if (typeof words?.en !== 'string' || typeof words?.zh !== 'string') throw new Error(`${where}: title and lookFor need en and zh`)
    if (!Array.isArray(p.steps)) throw new Error(`${where}: steps must be an array`)
    return p
  })
}

/**
 * The preset's files as the lab holds them: `<folder>/nginx.conf` is /etc/nginx/nginx.conf, and
 * every other `.conf` under the folder sits at the same place under /etc/nginx/. `sources` maps
 * repository paths to texts.
 */
export function presetFiles(preset: Preset, sources: Readonly<Record<string, string>>): Record<string, string> {
  const prefix = `${preset.config}/`
  const files: Record<string, string> = {}
  for (const [path, text] of Object.entries(sources)) if (path.startsWith(prefix)) files[`/etc/nginx/${path.slice(prefix.length)}`] = text
  if (files['/etc/nginx/nginx.conf'] === undefined) throw new Error(`preset ${preset.name}: no nginx.conf in ${preset.config}`)
  return files
}
