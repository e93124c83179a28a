/** ngx_http_index_module: `index`, the files tried for a URI ending in `/`. */
import { HANDLED, type Handler } from '../directive-spec.ts'
import { row, type HandwrittenSpec } from './row.ts'

const index: Handler = (cx) => {
  const values = cx.values
  for (let i = 0; i < values.length; i++) {
    if (values[i].startsWith('/') && i !== values.length - 1) {
      cx.warn('only the last index in "index" directive should be absolute', i + 1)
    }
    if (values[i].length === 0) return cx.error(`index "${values[0]}" in "index" directive is invalid`, i + 1)
    if (cx.compile(cx.args[i]) === null) return HANDLED
  }
  const existing = cx.level.get('index')
  if (existing) existing.value.push(...values)
  else cx.set([...values])
}

export const staticDirectives: HandwrittenSpec[] = [
  row({ module: 'ngx_http_index_module', moduleType: 'http', contexts: ['http', 'server', 'location'], conf: 'loc' }, 'index', '1more', index),
]
