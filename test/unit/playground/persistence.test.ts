import { describe, expect, it } from 'vitest'
import { defaultState, keep, openingState } from '../../../playground/src/persistence.ts'
import { encodeState } from '../../../playground/src/share.ts'

const CANONICAL = 'events {}\n'
const mine = { ...defaultState('events {} # mine\n'), version: '1.30.4', clock: 5 }

function memory(): Storage {
  const items = new Map<string, string>()
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) } as Storage
}

describe('persistence', () => {
  it('opens a shared link first', () => {
    const storage = memory()
    keep(storage, { ...mine, clock: 2 })
    expect(openingState(encodeState(mine), storage, CANONICAL)).toEqual({ state: mine, refused: null, from: 'link' })
  })

  it('opens what this browser kept when there is no link', () => {
    const storage = memory()
    keep(storage, mine)
    expect(openingState('', storage, CANONICAL)).toEqual({ state: mine, refused: null, from: 'storage' })
  })

  it('opens the canonical config, saying why, for a link it cannot read, even with something kept', () => {
    const storage = memory()
    keep(storage, mine)
    expect(openingState('#v1.garbage', storage, CANONICAL)).toEqual({ state: defaultState(CANONICAL), refused: 'malformed', from: 'default' })
  })

  it('opens the canonical config when storage is empty, disabled, or holds junk', () => {
    const throwing = { getItem: () => { throw new Error('SecurityError') } }
    const junk = { getItem: () => '{"files":' }
    for (const storage of [memory(), throwing, junk, null]) {
      expect(openingState('', storage, CANONICAL)).toEqual({ state: defaultState(CANONICAL), refused: null, from: 'default' })
    }
  })

  it('keeps nothing, and throws nothing, when storage refuses', () => {
    expect(() => keep({ setItem: () => { throw new Error('QuotaExceededError') } }, mine)).not.toThrow()
  })
})
