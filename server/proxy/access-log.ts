/**
 * The access log line of a request (ngx_http_log_module): each `access_log` of the request's
 * configuration, its `if=` condition, the line from its log_format (logs.ts `accessLine`),
 * written where the path says. A line that goes over a budget is lost, as nginx loses a line
 * it cannot allocate.
 */
import { isBudgetError, reportBudget } from './budget-failure.ts'
import type { HttpConnection } from './http-connection.ts'
import { accessLine } from './logs.ts'
import type { ActiveRequest } from './request-state.ts'
import { evaluate } from './request-vars.ts'

export function writeAccessLog(conn: HttpConnection, request: ActiveRequest): void {
  const { writeLog, trace, clock, prefix } = conn.runtime.options
  request.state.action = 'logging request'
  request.state.settings = request.settings
  for (const log of request.settings.accessLogs) {
    if (log.path === 'off') continue
    const format = conn.runtime.config.logFormats.get(log.format)
    if (!format) continue
    let line: string
    try {
      if (log.condition !== null) {
        const value = evaluate(log.condition, request.state)
        if (value === '' || value === '0') continue
      }
      line = accessLine(format, request.state)
    } catch (error) {
      // As in nginx, a line that cannot be allocated is lost; the request is already answered.
      if (!isBudgetError(error)) throw error
      reportBudget(conn, request, error)
      continue
    }
    const path = log.path.startsWith('/') || log.path.startsWith('syslog:') ? log.path : prefix + log.path
    writeLog(path, line)
    trace({ type: 'log.access', line, time: clock.now(), connection: conn.number })
  }
}
