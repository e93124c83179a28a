/**
 * The presets gallery's side of the page: the catalog and its configs (read from their folders
 * at build time by Vite's glob, not copied), and whether the chosen preset's promised outcome
 * has been seen — its predicate run over the session's events since the preset was applied.
 */
import { computed, ref, type Ref } from 'vue'
import { presetFiles, readCatalog, type Preset } from '@components/presets/catalog.ts'
import { PREDICATES } from '@components/presets/predicates.ts'
import catalogJson from '../../docs/examples/presets.json'
import type { NumberedEvent } from '../../server/sandbox/session.ts'

export const PRESETS: readonly Preset[] = readCatalog(catalogJson)

/** Repository path → text of every config a preset may name. */
const SOURCES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>(['../../docs/examples/*/**/*.conf', '../../test/fixtures/check/seed-*/**/*.conf'], { query: '?raw', import: 'default', eager: true }),
  ).map(([path, text]) => [path.replace(/^(\.\.\/)+/, ''), text]),
)

/** Events kept for the predicate (the newest): enough for any preset's steps. */
const EVENTS_KEPT = 5000
/** Events arrive in bursts: the predicate runs once per burst. */
const CHECK_DELAY_MS = 100

export function usePresets(chosen: Ref<string | null>) {
  const current = computed(() => PRESETS.find((p) => p.name === chosen.value) ?? null)
  const seen = ref(false)
  let events: NumberedEvent[] = []
  let queued = false

  function check(): void {
    queued = false
    if (current.value && !seen.value) seen.value = PREDICATES[current.value.expect](events)
  }

  /** Hears every event; kept only while the current preset's outcome is not seen yet. */
  function observe(event: NumberedEvent): void {
    if (!current.value || seen.value) return
    events.push(event)
    if (events.length > EVENTS_KEPT) events = events.slice(-EVENTS_KEPT)
    if (!queued) {
      queued = true
      setTimeout(check, CHECK_DELAY_MS)
    }
  }

  /** Chooses a preset: its files, and a fresh start for its outcome. */
  function begin(name: string): Preset | null {
    const preset = PRESETS.find((p) => p.name === name)
    if (!preset) return null
    chosen.value = name
    events = []
    seen.value = false
    return preset
  }

  const files = (preset: Preset): Record<string, string> => presetFiles(preset, SOURCES)

  return { current, seen, observe, begin, files }
}
