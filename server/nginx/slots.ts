/**
 * nginx's generic directive setters (ngx_conf_set_*_slot in src/core/ngx_conf_file.c): most
 * rows of the table use one of these, custom handlers only where parsing is real.
 */
import type { Handler } from './directive-spec.ts'
import { atoi, parseOffset, parseSize, parseTime } from './values.ts'

export const flagSlot: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const value = cx.values[0]
  const lower = value.toLowerCase()
  if (lower !== 'on' && lower !== 'off') {
    return cx.error(`invalid value "${value}" in "${cx.name}" directive, it must be "on" or "off"`, 1)
  }
  cx.set(lower === 'on')
}

export const strSlot: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  cx.set(cx.values[0])
}

/** Each occurrence adds one value (ngx_conf_set_str_array_slot). */
export const strArraySlot: Handler = (cx) => {
  cx.push(cx.values[0])
}

/** Each occurrence adds a key and a value (ngx_conf_set_keyval_slot). */
export const keyvalSlot: Handler = (cx) => {
  cx.push({ key: cx.values[0], value: cx.values[1] })
}

export function numSlot(bounds?: { low: number; high?: number }): Handler {
  return (cx) => {
    if (cx.isSet()) return 'is duplicate'
    const n = atoi(cx.values[0])
    if (n === null) return 'invalid number'
    if (bounds) {
      if (bounds.high === undefined && n < bounds.low) {
        return cx.error(`value must be equal to or greater than ${bounds.low}`, 1)
      }
      if (bounds.high !== undefined && (n < bounds.low || n > bounds.high)) {
        return cx.error(`value must be between ${bounds.low} and ${bounds.high}`, 1)
      }
    }
    cx.set(n)
  }
}

export const sizeSlot: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const n = parseSize(cx.values[0])
  if (n === null) return 'invalid value'
  cx.set(n)
}

export const offSlot: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const n = parseOffset(cx.values[0])
  if (n === null) return 'invalid value'
  cx.set(n)
}

/** A time in milliseconds (ngx_conf_set_msec_slot). */
export const msecSlot: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const n = parseTime(cx.values[0], false)
  if (n === null) return 'invalid value'
  cx.set(n)
}

/** A time in seconds (ngx_conf_set_sec_slot). */
export const secSlot: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const n = parseTime(cx.values[0], true)
  if (n === null) return 'invalid value'
  cx.set(n)
}

/** `number size`, e.g. `proxy_buffers 8 4k` (ngx_conf_set_bufs_slot). */
export const bufsSlot: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const num = atoi(cx.values[0])
  if (num === null || num === 0) return 'invalid value'
  const size = parseSize(cx.values[1])
  if (size === null || size === 0) return 'invalid value'
  cx.set({ num, size })
}

/** One of a fixed set of words, compared without case (ngx_conf_set_enum_slot). */
export function enumSlot(values: readonly string[]): Handler {
  return (cx) => {
    if (cx.isSet()) return 'is duplicate'
    const value = cx.values[0]
    const match = values.find((v) => v.toLowerCase() === value.toLowerCase())
    if (match === undefined) return cx.error(`invalid value "${value}"`, 1)
    cx.set(match)
  }
}

/** Any number of words from a fixed set (ngx_conf_set_bitmask_slot); repeats only warn. */
export function bitmaskSlot(values: readonly string[]): Handler {
  return (cx) => {
    const existing = cx.level.settings.get(cx.name)
    const chosen = existing ? (existing.value as string[]) : []
    for (let i = 0; i < cx.args.length; i++) {
      const value = cx.values[i]
      const match = values.find((v) => v.toLowerCase() === value.toLowerCase())
      if (match === undefined) return cx.error(`invalid value "${value}"`, i + 1)
      if (chosen.includes(match)) cx.warn(`duplicate value "${value}"`, i + 1)
      else chosen.push(match)
    }
    cx.set(chosen)
  }
}

/** A directive Upgrade Lab accepts as nginx does without checking its value further. */
export const acceptSlot: Handler = (cx) => {
  cx.push(cx.values)
}

