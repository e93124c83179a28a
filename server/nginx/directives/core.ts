/**
 * The main context: ngx_core_module, ngx_errlog_module, ngx_conf_module (`include`),
 * ngx_events_module and ngx_event_core_module, and the `http` block itself.
 */
import { Level } from '../conf.ts'
import type { Handler } from '../directive-spec.ts'
import type { DirectiveContext } from '../directive-context.ts'
import { ENOENT } from '../host.ts'
import { HttpState } from '../http-state.ts'
import { closeHttpBlock } from '../after-http.ts'
import { fullPath } from '../paths.ts'
import { atoi } from '../values.ts'
import { numSlot } from '../slots.ts'
import { setErrorLog } from './error-log.ts'
import { row, type HandwrittenSpec } from './row.ts'

const workerProcesses: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const value = cx.values[0]
  if (value === 'auto') return cx.set('auto')
  const n = atoi(value)
  if (n === null) return 'invalid value'
  cx.set(n)
}

const setUser: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const host = cx.analyzer.options.host
  const [user, group = user] = cx.values
  if (!host.userExists(user)) return cx.error(`getpwnam("${user}") failed`, 1)
  if (!host.groupExists(group)) return cx.error(`getgrnam("${group}") failed`, cx.args.length > 1 ? 2 : 1)
  cx.set({ user, group })
}

const setPid: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  cx.set(cx.values[0])
}

/** ngx_conf_include: a file, or a glob of files, parsed in the current block. */
const include: Handler = (cx) => {
  const analyzer = cx.analyzer
  const host = analyzer.options.host
  const path = fullPath(analyzer.options.prefix, cx.values[0])
  let files: string[]
  if (/[*?[]/.test(path)) {
    const matched = host.glob(path)
    if (!matched.ok) {
      return cx.error(`glob() "${path}" failed (${matched.error.errno}: ${matched.error.text})`, 1, 'NGINX_FILE')
    }
    files = matched.value
  } else {
    files = [path]
  }
  for (const file of files) {
    const read = host.readFile(file)
    if (!read.ok) {
      const e = read.error ?? ENOENT
      return cx.error(`open() "${file}" failed (${e.errno}: ${e.text})`, 1, 'NGINX_FILE')
    }
    analyzer.include(file, read.value, cx.context, cx.level)
  }
}

const events: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const level = new Level('events', cx.level)
  cx.set(level)
  cx.parseBlock('events', level)
}

const http: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const level = new Level('http', cx.level)
  cx.set(level)
  const state = new HttpState(level, cx.node, cx.file)
  cx.analyzer.http = state
  cx.parseBlock('http', level)
  closeHttpBlock(cx as DirectiveContext, state)
}

const workerConnections: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const n = atoi(cx.values[0])
  if (n === null) return cx.error(`invalid number "${cx.values[0]}"`, 1)
  cx.set(n)
}

const useEvents: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const value = cx.values[0]
  if (value !== 'epoll' && value !== 'poll' && value !== 'select') {
    return cx.error(`invalid event type "${value}"`, 1)
  }
  cx.set(value)
}

const CORE = { module: 'ngx_core_module', moduleType: 'core', contexts: ['main'], conf: 'direct' } as const
const EVENT = { module: 'ngx_event_core_module', moduleType: 'event', contexts: ['events'], conf: 'direct' } as const

export const coreDirectives: HandwrittenSpec[] = [
  row(CORE, 'pid', [1], setPid),
  row(CORE, 'worker_processes', [1], workerProcesses),
  row(CORE, 'user', [1, 2], setUser),
  row(CORE, 'load_module', [1], (cx) => cx.error(`dlopen() "${fullPath(cx.analyzer.options.prefix, cx.values[0])}" failed (${cx.values[0]}: cannot open shared object file: No such file or directory)`, 1)),
  row({ ...CORE, module: 'ngx_errlog_module' }, 'error_log', '1more', setErrorLog),
  row({ module: 'ngx_conf_module', moduleType: 'conf', contexts: ['main', 'events', 'http', 'server', 'location', 'upstream', 'if-server', 'if-location', 'limit_except'], conf: 'direct' }, 'include', [1], include),
  row({ ...CORE, module: 'ngx_events_module' }, 'events', [0], events, {
    block: true,
  }),
  row({ ...CORE, module: 'ngx_http_module' }, 'http', [0], http, {
    block: true,
  }),
  row(EVENT, 'worker_connections', [1], workerConnections),
  row(EVENT, 'use', [1], useEvents),
  row({ ...EVENT, module: 'ngx_epoll_module' }, 'epoll_events', [1], numSlot()),
  row({ ...EVENT, module: 'ngx_epoll_module' }, 'worker_aio_requests', [1], numSlot()),
]

