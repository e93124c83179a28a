/**
 * nginx's two logs: error_log lines (`2026/11/22 07:40:10 [error] 12#12: *1 message while
 * action, client: …, server: …, request: "…", upstream: "…", host: "…"`) filtered by level,
 * and access_log lines built from a log_format (written by access-log.ts when a request
 * completes; a WebSocket when its tunnel closes).
 */
import type { LogFormatConf } from '../nginx/conf.ts'
import { compileValue } from '../nginx/variables.ts'
import { EvaluationBudgetError } from './budget.ts'
import type { RequestState } from './request-state.ts'
import { chargeBuilt, variable } from './request-vars.ts'

export const LEVELS = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug'] as const
export type Level = (typeof LEVELS)[number]

/** Where log lines go: a file path (already resolved against the prefix), or stderr/stdout. */
export type LogWriter = (target: string, line: string) => void

export interface ErrorLogTarget {
  target: string
  level: Level
}

export interface ErrorContext {
  client?: string
  server?: string
  request?: string
  upstream?: string
  host?: string
  referrer?: string
}

const pad = (n: number): string => String(n).padStart(2, '0')

export function errorTimestamp(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** One error_log line, as ngx_log_error_core and ngx_http_log_error write it. */
export function errorLine(
  ms: number,
  level: Level,
  pid: number,
  connection: number | null,
  message: string,
  action: string | null,
  context: ErrorContext,
): string {
  let line = `${errorTimestamp(ms)} [${level}] ${pid}#${pid}: `
  if (connection !== null) line += `*${connection} `
  line += message
  if (action) line += ` while ${action}`
  if (context.client !== undefined) line += `, client: ${context.client}`
  if (context.server !== undefined) line += `, server: ${context.server}`
  if (context.request !== undefined) line += `, request: "${context.request}"`
  if (context.upstream !== undefined) line += `, upstream: "${context.upstream}"`
  if (context.host !== undefined) line += `, host: "${context.host}"`
  if (context.referrer !== undefined) line += `, referrer: "${context.referrer}"`
  // ngx_log_error_core writes at most NGX_MAX_ERROR_STR (2048) bytes, the newline included.
  return line.length > 2047 ? line.slice(0, 2047) : line
}

export function levelEnabled(configured: Level, level: Level): boolean {
  return LEVELS.indexOf(level) <= LEVELS.indexOf(configured)
}

const NEEDS_ESCAPE = /[^\x20-\x7e]|["\\]/

/** ngx_http_log_escape: `"`, `\` and bytes outside 0x20–0x7e as \xXX (escape=default). */
function escapeDefault(value: string): string {
  // Most values need nothing: returned as they are, without building a copy.
  if (!NEEDS_ESCAPE.test(value)) return value
  let out = ''
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    out += code < 0x20 || code > 0x7e || code === 0x22 || code === 0x5c ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : value[i]
  }
  return out
}

function escapeJson(value: string): string {
  return JSON.stringify(value).slice(1, -1)
}

/** A format's parts, made once per log_format (a format may be tens of KiB long). */
const compiledFormats = new WeakMap<LogFormatConf, ReturnType<typeof compileValue>>()

function compiledFormat(format: LogFormatConf): ReturnType<typeof compileValue> {
  let compiled = compiledFormats.get(format)
  if (!compiled) compiledFormats.set(format, (compiled = compileValue(format.format)))
  return compiled
}

/** An access_log line: variables of the format, `-` for empty ones (escape=default). */
export function accessLine(format: LogFormatConf, state: RequestState): string {
  const compiled = compiledFormat(format)
  if (!compiled.ok) return format.format
  const limit = state.budget.valueBytes
  let out = ''
  for (const part of compiled.value.parts) {
    if (part.kind === 'text') out += part.text
    else if (part.kind === 'capture') out += state.captures[String(part.index)] ?? ''
    else {
      const found = variable(part.name, state)
      const value = found ?? ''
      if (format.escape === 'json') out += escapeJson(value)
      else if (format.escape === 'none') out += value
      // ngx_http_log_variable: `-` only for a value not found; an empty one found stays empty.
      else out += found === undefined ? '-' : escapeDefault(value)
    }
    // A format of many long variables is stopped as it grows, not once it is built.
    if (out.length > limit) throw new EvaluationBudgetError(out.length, 'valueBytes')
  }
  chargeBuilt(state, out.length)
  return out
}
