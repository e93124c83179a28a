/**
 * What `upgrade-lab --help` and `upgrade-lab COMMAND --help` print, and the one-line answer to
 * a command line that cannot run (exit status 2, as nginx and most tools use for bad usage).
 */
import { readFileSync } from 'node:fs'
import { DEFAULT_NGINX_VERSION, MODELLED_VERSIONS } from '../nginx/nginx-version.ts'

export type Command = 'check' | 'serve' | 'fmt' | 'chat' | 'start'

const VERSION_OPTION = `  --nginx-version V   the nginx version to model (default ${DEFAULT_NGINX_VERSION}; modelled: ${MODELLED_VERSIONS.join(', ')})`

export const USAGE = `Upgrade Lab: learn and try WebSocket reverse proxying with nginx.

Usage:
  upgrade-lab check [options] FILE   check an nginx.conf the way \`nginx -t\` does
  upgrade-lab serve [options] FILE   run the config as a reverse proxy on 127.0.0.1
  upgrade-lab fmt [--check] FILE…    format configs in place (indentation, one directive a line)
  upgrade-lab chat [options]         the sample chat server on a real port (put nginx in front of it)
  upgrade-lab start                  the lab: site, playground and API on HOST:PORT
  upgrade-lab help [COMMAND]         this text, or a command's
  upgrade-lab --version              the version, and the nginx versions it models

Run \`upgrade-lab COMMAND --help\` for a command's options and an example.
`

export const COMMAND_HELP: Record<Command, string> = {
  check: `Usage: upgrade-lab check [options] FILE

Prints on stderr what \`nginx -t -p DIR/ -c FILE -e DIR/startup.log\` prints for FILE (DIR is
its folder) and exits with its status: 0 when the test is successful, 1 when it failed.

Options:
${VERSION_OPTION}
  --all               list every finding by FILE:LINE:COLUMN, the lab's notes ([lab]) too
  --format F          nginx (default: exactly what nginx -t prints), gcc (file:line:col: error: …
                      on stdout, every finding), github (::error annotations), json (on stdout)
  --json              the same as --format json (docs/diagnostics.md)
  --ignore CODE,…     leave out findings with these codes (e.g. LAB_NOT_MODELLED)
  -h, --help          this text

Example:
  upgrade-lab check /etc/nginx/nginx.conf
  upgrade-lab check --all --nginx-version 1.30.4 site.conf
  upgrade-lab check --format github --ignore LAB_NOT_MODELLED nginx.conf
`,
  serve: `Usage: upgrade-lab serve [options] FILE

Runs the config's http servers on 127.0.0.1 at their listen ports, as nginx would, until
SIGTERM or Ctrl-C. A config that fails the check is refused with the check's output (status 1).

Options:
${VERSION_OPTION}
  --trace[=FORMAT]    print every step on stdout: in words (pretty, the default on a terminal,
                      coloured unless NO_COLOR) or as JSON lines (json, the default otherwise;
                      schema: docs/trace-events.md)
  --no-frame-inspection  pass tunnel bytes without decoding WebSocket frames for the trace
  -h, --help          this text

Example:
  upgrade-lab chat --echo &        # a WebSocket backend on 127.0.0.1:8010
  upgrade-lab serve --trace websocket.conf
`,
  fmt: `Usage: upgrade-lab fmt [options] FILE…

Formats each FILE in place as the editor's "Format document" does: 4 spaces a level, one
directive a line, one space between words, { on the directive's line and } on its own. Words,
quoted strings, regexes and comments are never changed; map/types/geo entries keep their
columns. Lists the files it changed on stdout. A file with a syntax error is left as it is,
with FILE:LINE:COL and nginx's message on stderr. FILE - reads standard input and writes the
formatted text on standard output (the text unchanged if it cannot be formatted).

Exit status: 0 done (with --check: nothing would change), 1 a file would change (--check) or
has a syntax error, 2 wrong use or a file that cannot be read or written.

Options:
  --check             write nothing; list the files that would change, and exit 1 if any would
  -h, --help          this text

Example:
  upgrade-lab fmt nginx.conf sites-available/*.conf
  git diff --cached --name-only -z -- '*.conf' | xargs -0 -r upgrade-lab fmt --check
  upgrade-lab fmt - < nginx.conf > formatted.conf
`,
  chat: `Usage: upgrade-lab chat [options]

The sample chat server on a real port, so nginx (or \`upgrade-lab serve\`) can be put in front
of it: rooms and nicknames on every path, /echo echoes.

Options:
  --port N            the port (default 8010)
  --host ADDRESS      the address (default 127.0.0.1)
  --echo              answer every message with "Server received from client: …" on every path
  --lenient           accept upgrades below HTTP/1.1, like a bare Node ws server (default: strict, 400)
  --name NAME         the instance name the server puts in its messages (default: the port)
  -h, --help          this text

Example:
  upgrade-lab chat --port 8011 --name B
`,
  start: `Usage: upgrade-lab start

The lab: the site, the playground and the lab API, on HOST (default 0.0.0.0, every interface)
and PORT (default 8080). Limits and hosting settings are LAB_* variables (docs/lab-api.md).

Options:
  -h, --help          this text

Example:
  HOST=127.0.0.1 PORT=3000 upgrade-lab start
`,
}

/** `upgrade-lab 0.1.0 (models nginx 1.22.1, 1.30.4)`. */
export function versionLine(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return `upgrade-lab ${pkg.version} (models nginx ${MODELLED_VERSIONS.join(', ')})\n`
}

/** Whether a command's arguments ask for its help. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h')
}

/** node:util parseArgs's errors, in one line of our own that points at the help. */
export function usageError(command: Command, error: unknown): string {
  const e = error as { code?: string; message?: string }
  const option = /'(-[\w-]+)/.exec(e.message ?? '')?.[1]
  const what =
    e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option ? `unknown option ${option}`
    : e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? 'takes no FILE or other word here'
    : e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option ? `${option} needs a value`
    : (e.message ?? String(error)).split('\n')[0]
  return `upgrade-lab ${command}: ${what} (see upgrade-lab ${command} --help)\n`
}
