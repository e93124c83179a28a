/** Shared helpers for the engine's unit tests: check a text on the virtual host. */
import { check, type CheckOptions } from '../../server/nginx/index.ts'
import { formatNginx, type Diagnostic } from '../../server/nginx/diagnostics.ts'

export const FILE = '/etc/nginx/nginx.conf'

/** Wraps directives for the http block in a whole config (events first, as nginx needs). */
export function inHttp(body: string): string {
  return `events {}\nhttp {\n${body}\n}\n`
}

/** Wraps directives for a server block. */
export function inServer(body: string): string {
  return inHttp(`server {\nlisten 8080;\n${body}\n}`)
}

export function diagnostics(text: string, options: CheckOptions = {}): Diagnostic[] {
  return check(text, { file: FILE, ...options }).diagnostics
}

/** The first line `nginx -t` prints about the config (a warning or the error), or `ok`. */
export function firstLine(text: string, options: CheckOptions = {}): string {
  const d = diagnostics(text, options).find((x) => x.severity !== 'lab')
  return d ? formatNginx(d) : 'ok'
}
