/**
 * `upgrade-lab`: the command line (docs/architecture.md "CLI contract").
 *
 *   upgrade-lab check [--all] [--json] [--nginx-version V] FILE
 *   upgrade-lab serve [--trace] [--no-frame-inspection] [--nginx-version V] FILE
 *   upgrade-lab chat [--port 8010] [--echo] [--lenient]
 *   upgrade-lab start
 *   upgrade-lab help
 */
import { parseArgs } from 'node:util'
import { formatAll, formatJson, runCheck } from './cli/check.ts'
import { chatCommand } from './cli/chat.ts'
import { serve } from './cli/serve.ts'
import { startCommand } from './cli/start.ts'
import { untilSignal } from './cli/until-signal.ts'
import { DEFAULT_NGINX_VERSION, MODELLED_VERSIONS, parseNginxVersion, unsupportedVersion } from './nginx/nginx-version.ts'

const USAGE = `Upgrade Lab: learn and try WebSocket reverse proxying with nginx.

Usage:
  upgrade-lab check [options] FILE   check an nginx.conf the way \`nginx -t\` does
  upgrade-lab serve [options] FILE   run the config as a reverse proxy on 127.0.0.1
  upgrade-lab chat [options]         the sample chat server on a real port (put nginx in front of it)
  upgrade-lab start                  the lab: site, playground and API on PORT (default 8080)
  upgrade-lab help                   this text

check options:
  --nginx-version V   the nginx version to model (default ${DEFAULT_NGINX_VERSION}; modelled: ${MODELLED_VERSIONS.join(', ')})
  --all               list every finding with line:column, not only the first error
  --json              print the findings as JSON on stdout (for editors and tools)

serve options:
  --nginx-version V   as for check
  --trace             print every trace event (docs/trace-events.md) as a JSON line on stdout
  --no-frame-inspection  pass tunnel bytes without decoding WebSocket frames for the trace

chat options:
  --port N            the port (default 8010), on --host (default 127.0.0.1)
  --echo              answer every message with "Server received from client: …" (the seed's server.js)
  --lenient           accept upgrades below HTTP/1.1, like a bare Node ws server (default: strict, 400)

\`check\` prints on stderr what \`nginx -t -p DIR/ -c FILE -e DIR/startup.log\` prints for the
file and exits with its status: 0 when the test is successful, 1 when it failed.
`

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}

/** Runs one command line; returns the exit status. */
export function main(argv: string[], io: CliIo = processIo): number | Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'check':
      return checkCommand(rest, io)
    case 'serve':
      return serveCommand(rest, io)
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(USAGE)
      return 0
    case 'chat':
      return chatCommand(rest, io)
    case 'start':
      return startCommand(io)
    default:
      io.stderr(`upgrade-lab: unknown command "${command}"\n\n${USAGE}`)
      return 2
  }
}

async function serveCommand(args: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        trace: { type: 'boolean', default: false },
        'no-frame-inspection': { type: 'boolean', default: false },
        'nginx-version': { type: 'string', default: DEFAULT_NGINX_VERSION },
      },
    })
  } catch (error) {
    io.stderr(`upgrade-lab serve: ${(error as Error).message}\n`)
    return 2
  }
  if (parsed.positionals.length !== 1) {
    io.stderr('upgrade-lab serve: expected exactly one FILE\n')
    return 2
  }
  if (!parseNginxVersion(parsed.values['nginx-version'])) {
    io.stderr(`upgrade-lab serve: ${unsupportedVersion(parsed.values['nginx-version'])}\n`)
    return 2
  }
  let running
  try {
    running = await serve(parsed.positionals[0], {
      nginxVersion: parsed.values['nginx-version'],
      trace: parsed.values.trace,
      inspectFrames: !parsed.values['no-frame-inspection'],
      stdout: io.stdout,
      stderr: io.stderr,
    })
  } catch (error) {
    io.stderr(`upgrade-lab serve: ${(error as Error).message}\n`)
    return 1
  }
  if (!running) return 1
  await untilSignal(() => running.stop())
  return 0
}

function checkCommand(args: string[], io: CliIo): number {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        all: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'nginx-version': { type: 'string', default: DEFAULT_NGINX_VERSION },
      },
    })
  } catch (error) {
    io.stderr(`upgrade-lab check: ${(error as Error).message}\n`)
    return 2
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1) {
    io.stderr('upgrade-lab check: expected exactly one FILE\n')
    return 2
  }
  const version = values['nginx-version']
  if (!parseNginxVersion(version)) {
    io.stderr(`upgrade-lab check: ${unsupportedVersion(version)}\n`)
    return 2
  }
  const file = positionals[0]
  const run = runCheck(file, { nginxVersion: version })
  if (values.json) {
    io.stdout(run.result ? formatJson(file, run.result) : JSON.stringify({ file, ok: false, error: run.stderr.trim() }) + '\n')
  }
  if (values.all && run.result) io.stderr(formatAll(run.result))
  else if (!values.json) io.stderr(run.stderr)
  return run.status
}
