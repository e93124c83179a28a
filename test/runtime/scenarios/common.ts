/**
 * Shared pieces of the scenarios: the whole-config wrapper, the canonical WebSocket recipe
 * (docs/nginx-behaviour.md "The canonical config"), and small step helpers.
 */
import type { HeaderList, RawClient, Scenario, StepContext } from '../../support/runtime-harness.ts'

export type { Scenario, StepContext }

export interface ConfOptions {
  /** error_log level (default info). */
  errorLevel?: string
  /** The access_log line; false for none (the scenario writes its own). Default: combined to logs/access.log. */
  accessLog?: string | false
  /** Extra main-context lines. */
  main?: string
  /** Lines at the top of the http block (before the access_log line), e.g. a log_format. */
  httpBefore?: string
}

/**
 * A whole nginx.conf around an `http` body: one worker, the error log at `info` into
 * logs/error.log, `events {}`, and the default combined access log into logs/access.log.
 */
export function conf(http: string, options: ConfOptions = {}): string {
  const access = options.accessLog === undefined ? 'access_log logs/access.log;' : options.accessLog
  const body = http
    .replace(/^\n+|\s+$/g, '')
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n')
  return [
    'worker_processes 1;',
    `error_log logs/error.log ${options.errorLevel ?? 'info'};`,
    ...(options.main ? [options.main] : []),
    'events {}',
    'http {',
    ...(options.httpBefore ? [`    ${options.httpBefore}`] : []),
    ...(access ? [`    ${access}`] : []),
    body,
    '}',
    '',
  ].join('\n')
}

/** The connection_upgrade map of the canonical recipe. */
export const UPGRADE_MAP = `map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      close;
}`

/** The canonical location body, proxying to `target` (e.g. `http://127.0.0.1:{{UP1}}`). */
export function canonicalLocation(target: string, extra = ''): string {
  return `proxy_pass ${target};
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;${extra ? `\n        ${extra}` : ''}`
}

/** The canonical config: the map, and `location /ws` with the recipe, on 127.0.0.1:PORT. */
export function canonicalConf(options: ConfOptions & { locationExtra?: string; serverExtra?: string } = {}): string {
  return conf(
    `${UPGRADE_MAP}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;${options.serverExtra ? `\n    ${options.serverExtra}` : ''}
    location /ws {
        ${canonicalLocation('http://127.0.0.1:{{UP1}}', options.locationExtra)}
    }
}`,
    options,
  )
}

/** A server on PORT whose `location /` is the given body. */
export function oneLocation(body: string, options: ConfOptions & { before?: string; path?: string } = {}): string {
  return conf(
    `${options.before ? `${options.before}\n` : ''}server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location ${options.path ?? '/'} {
        ${body}
    }
}`,
    options,
  )
}

/** Connects, does a WebSocket handshake on `path`, returns the client (and the response). */
export async function wsClient(ctx: StepContext, path = '/ws', headers: HeaderList = []): Promise<RawClient> {
  const c = await ctx.connect()
  await c.handshake(path, { headers })
  return c
}

/** One text message to the echo upstream and its echo back. */
export async function echo(c: RawClient, text = 'hello'): Promise<void> {
  c.sendText(text)
  await c.frame()
}

/** A client close (code/reason) and the upstream's close frame back, then the TCP close. */
export async function closeHandshake(c: RawClient, code = 1000, reason = 'bye'): Promise<void> {
  c.sendClose(code, reason)
  await c.frame()
  await c.closedWithin(2_000)
}

/** GET with Host 127.0.0.1:PORT on a fresh connection, then its response. */
export async function getOnce(ctx: StepContext, path: string, headers: HeaderList = [], token = 'PORT'): Promise<RawClient> {
  const c = await ctx.connect(token)
  c.request('GET', path, { headers: [['Host', `127.0.0.1:${ctx.port(token)}`], ...headers] })
  await c.response()
  return c
}
