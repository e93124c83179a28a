/** ngx_http_headers_filter_module: `add_header` and `expires`. */
import { HANDLED, type Handler } from '../directive-spec.ts'
import { parseTime } from '../values.ts'
import { row, type HandwrittenSpec } from './row.ts'

export interface AddHeaderSetting {
  name: string
  value: string
  always: boolean
}

/** `add_header name value [always]` (ngx_http_headers_add). */
const addHeader: Handler = (cx) => {
  const [name, value, always] = cx.values
  if (value !== '' && cx.compile(cx.args[1]) === null) return HANDLED
  if (always !== undefined && always !== 'always') return cx.error(`invalid parameter "${always}"`, 3)
  cx.push({ name, value, always: always === 'always' })
}

/** `expires [modified] time | epoch | max | off` (ngx_http_headers_expires). */
const expires: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  let value = cx.values[0]
  if (cx.values.length === 2) {
    if (value !== 'modified') return 'invalid value'
    value = cx.values[1]
  }
  if (['epoch', 'max', 'off'].includes(value)) return cx.set(value)
  if (value.includes('$')) return cx.compile(cx.args[cx.args.length - 1]) === null ? HANDLED : cx.set(value)
  let text = value
  if (text.startsWith('@')) text = text.slice(1)
  else if (text.startsWith('+') || text.startsWith('-')) text = text.slice(1)
  if (parseTime(text, true) === null) return 'invalid value'
  cx.set(value)
}

const HEADERS = {
  module: 'ngx_http_headers_filter_module',
  moduleType: 'http',
  contexts: ['http', 'server', 'location', 'if-location'],
  conf: 'loc',
} as const

export const headersDirectives: HandwrittenSpec[] = [
  row(HEADERS, 'expires', [1, 2], expires),
  row(HEADERS, 'add_header', [2, 3], addHeader),
]
