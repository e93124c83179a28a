/** `error_log` (ngx_log_set_log + ngx_log_set_levels), shared by the main and the http modules. */
import type { Handler } from '../directive-spec.ts'
import { fullPath } from '../paths.ts'

const LOG_LEVELS = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug']
const DEBUG_LEVELS = ['debug_core', 'debug_alloc', 'debug_mutex', 'debug_event', 'debug_http', 'debug_mail', 'debug_stream']

export const setErrorLog: Handler = (cx) => {
  const target = cx.values[0]
  let level: string | null = null
  let sawDebugLevel = false
  for (let i = 1; i < cx.args.length; i++) {
    const value = cx.values[i]
    if (LOG_LEVELS.includes(value)) {
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
  cx.push({ target, level: level ?? (sawDebugLevel ? 'debug' : 'error') }, 'error_log')
}

