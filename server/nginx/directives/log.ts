/** ngx_http_log_module: `access_log` and `log_format`. */
import type { LogFormatConf } from '../conf.ts'
import { HANDLED, type Handler } from '../directive-spec.ts'
import { fullPath } from '../paths.ts'
import { compileValue, countVariables } from '../variables.ts'
import { atoi, parseSize, parseTime } from '../values.ts'
import { row, type HandwrittenSpec } from './row.ts'

export interface AccessLogSetting {
  /** `off`, a file path (against the prefix), or `syslog:…`. */
  path: string | 'off'
  format: string
  condition: string | null
  /** nginx's default log (no access_log anywhere): `serve` sends it to stdout instead. */
  implicit?: boolean
}

const accessLog: Handler = (cx) => {
  const values = cx.values
  if (values[0] === 'off') {
    if (values.length === 1) {
      cx.set([{ path: 'off', format: 'combined', condition: null }])
      return
    }
    return cx.error(`invalid parameter "${values[1]}"`, 2)
  }
  const isSyslog = values[0].startsWith('syslog:')
  const dynamic = !isSyslog && countVariables(values[0]) > 0
  if (isSyslog) {
    if (!/(^|,)server=/.test(values[0].slice(7))) return cx.error('no syslog server specified', 1)
  } else if (dynamic) {
    if (cx.compile(cx.args[0]) === null) return HANDLED
  } else {
    cx.analyzer.openFiles.push({ path: fullPath(cx.analyzer.options.prefix, values[0]), node: cx.node, file: cx.file })
  }
  const format = values.length >= 2 ? values[1] : 'combined'
  if (!cx.http.logFormats.has(format)) return cx.error(`unknown log format "${format}"`, 2)
  let size = 0
  let flush = false
  let condition: string | null = null
  for (let i = 2; i < values.length; i++) {
    const value = values[i]
    if (value.startsWith('buffer=')) {
      const n = parseSize(value.slice(7))
      if (n === null || n === 0) return cx.error(`invalid buffer size "${value.slice(7)}"`, i + 1)
      size = n
      continue
    }
    if (value.startsWith('flush=')) {
      const n = parseTime(value.slice(6), false)
      if (n === null || n === 0) return cx.error(`invalid flush time "${value.slice(6)}"`, i + 1)
      flush = true
      continue
    }
    if (value.startsWith('gzip') && (value.length === 4 || value[4] === '=')) {
      if (value.length > 5) {
        const level = atoi(value.slice(5))
        if (level === null || level < 1 || level > 9) return cx.error(`invalid compression level "${value.slice(5)}"`, i + 1)
      }
      if (size === 0) size = 64 * 1024
      continue
    }
    if (value.startsWith('if=')) {
      const result = compileValue(value.slice(3))
      if (!result.ok) return cx.error(result.message, i + 1)
      condition = value.slice(3)
      continue
    }
    return cx.error(`invalid parameter "${value}"`, i + 1)
  }
  if (flush && size === 0) return cx.error(`no buffer is defined for access_log "${values[0]}"`, 1)
  if (size && dynamic) return cx.error('buffered logs cannot have variables in name', 1)
  if (size && isSyslog) return cx.error('logs to syslog cannot be buffered', 1)
  const existing = cx.level.get('access_log')
  const setting: AccessLogSetting = { path: values[0], format, condition }
  if (existing && existing.value.some((l) => l.path === 'off')) {
    cx.set([setting])
    return
  }
  cx.push(setting)
}

const logFormat: Handler = (cx) => {
  const values = cx.values
  const name = values[0]
  if (cx.http.logFormats.has(name) && name !== 'combined') return cx.error(`duplicate "log_format" name "${name}"`, 1)
  if (name === 'combined') return cx.error(`duplicate "log_format" name "${name}"`, 1)
  let start = 1
  let escape: LogFormatConf['escape'] = 'default'
  if (values[1].startsWith('escape=')) {
    const kind = values[1].slice(7)
    if (kind !== 'default' && kind !== 'json' && kind !== 'none') {
      return cx.error(`unknown log format escaping "${kind}"`, 2)
    }
    escape = kind
    start = 2
    if (values.length === 2) return cx.error('invalid number of arguments in "log_format" directive')
  }
  for (let i = start; i < cx.args.length; i++) {
    if (cx.compile(cx.args[i]) === null) return HANDLED
  }
  cx.http.logFormats.set(name, { name, escape, format: values.slice(start).join('') })
}

const LOG = { module: 'ngx_http_log_module', moduleType: 'http', contexts: ['http', 'server', 'location', 'if-location', 'limit_except'], conf: 'loc' } as const

export const logDirectives: HandwrittenSpec[] = [
  row({ ...LOG, contexts: ['http'], conf: 'main' }, 'log_format', '2more', logFormat),
  row(LOG, 'access_log', '1more', accessLog),
  row({ ...LOG, contexts: ['http', 'server', 'location'] }, 'open_log_file_cache', [1, 2, 3, 4], (cx) => cx.set(cx.values)),
]
