/**
 * Where the playground's state comes from when it opens — a shared link first, then what this
 * browser kept from last time, then the canonical config — and where it is kept as it changes.
 */
import { decodeHash, readState, type SharedRead } from './share.ts'
import { MAIN_FILE, type PlaygroundState } from './state.ts'

const STORAGE_KEY = 'upgrade-lab:playground:v1'

export interface Opening {
  state: PlaygroundState
  /** Why a link could not be opened (the page opened the default instead), or null. */
  refused: Exclude<SharedRead, { ok: true }>['why'] | null
  from: 'link' | 'storage' | 'default'
}

export function defaultState(canonical: string): PlaygroundState {
  return { files: { [MAIN_FILE]: canonical }, version: '1.22.1', preset: 'canonical', clients: [{ client: 'alice', target: '' }, { client: 'bob', target: '' }], clock: 1 }
}

export function openingState(hash: string, storage: Pick<Storage, 'getItem'> | null, canonical: string): Opening {
  const shared = decodeHash(hash)
  if (shared?.ok) return { state: shared.state, refused: null, from: 'link' }
  if (shared && !shared.ok) return { state: defaultState(canonical), refused: shared.why, from: 'default' }
  const kept = readKept(storage)
  return kept ? { state: kept, refused: null, from: 'storage' } : { state: defaultState(canonical), refused: null, from: 'default' }
}

function readKept(storage: Pick<Storage, 'getItem'> | null): PlaygroundState | null {
  try {
    const text = storage?.getItem(STORAGE_KEY)
    if (!text) return null
    const read = readState(JSON.parse(text))
    return read.ok ? read.state : null
  } catch {
    // Storage disabled, or a value another version wrote: start afresh.
    return null
  }
}

export function keep(storage: Pick<Storage, 'setItem'> | null, state: PlaygroundState): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(state))
  } catch {
    // Full or disabled storage: the page works without it.
  }
}
