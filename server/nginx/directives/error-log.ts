/** `error_log` (ngx_log_set_log + ngx_log_set_levels), shared by the main and the http modules. */
import type { Handler } from '../directive-spec.ts'
import { fullPath } from '../paths.ts'
import type { ErrorLogLevel, SettingTypes } from '../settings.ts'

const LOG_LEVELS: readonly ErrorLogLevel[] = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug']
const isLogLevel = (value: string): value is ErrorLogLevel => (LOG_LEVELS as readonly string[]).includes(value)
const DEBUG_LEVELS = ['debug_core', 'debug_alloc', 'debug_mutex', 'debug_event', 'debug_http', 'debug_mail', 'debug_stream']

export const setErrorLog: Handler<SettingTypes['error_log']> = (cx) => {
  const target = cx.values[0]
  let level: ErrorLogLevel | null = null
  let sawDebugLevel = false
  for (let i = 1; i < cx.args.length; i++) {
    const value = cx.values[i]
    if (isLogLevel(value)) {
      if (level !== null || sawDebugLevel) return cx.error(`duplicate log level "${value}"`, i + 1)
      level = value
      continue
    }
    if (DEBUG_LEVELS.includes(value)) {
      if (level !== null && level !== 'debug') return cx.error(`invalid log level "${value}"`, i + 1)
      sawDebugLevel = true
      continue
    }
    return cx.error(`invalid log level "${value}"`, i + 1)
  }
  if (target.startsWith('syslog:')) {
    // ngx_syslog_process_conf: a `server=` parameter is required.
    if (!/(^|,)server=/.test(target.slice(7))) return cx.error('no syslog server specified', 1)
  } else if (target !== 'stderr' && !target.startsWith('memory:')) {
    cx.analyzer.openFiles.push({ path: fullPath(cx.analyzer.options.prefix, target), node: cx.node, file: cx.file })
  }
  cx.push({ target, level: level ?? (sawDebugLevel ? 'debug' : 'error') })
}

