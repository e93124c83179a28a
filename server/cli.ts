/**
 * `upgrade-lab`: the command line (docs/architecture.md "CLI contract").
 *
 *   upgrade-lab check [--all] [--json] [--nginx-version V] FILE
 *   upgrade-lab serve [--trace] [--no-frame-inspection] [--nginx-version V] FILE
 *   upgrade-lab fmt [--check] FILE…
 *   upgrade-lab chat [--port 8010] [--echo] [--lenient]
 *   upgrade-lab start
 *   upgrade-lab help
 */
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { formatAll, formatGcc, formatGithub, formatJson, runCheck } from './cli/check.ts'
import { fmtCommand } from './cli/fmt.ts'
import { COMMAND_HELP, USAGE, usageError, versionLine, wantsHelp, type Command } from './cli/help.ts'
import { traceFormat } from './cli/trace-pretty.ts'
import { untilSignal, waitForSignal } from './cli/until-signal.ts'
import { DIAGNOSTIC_CODES } from './nginx/diagnostics.ts'
import { DEFAULT_NGINX_VERSION, parseNginxVersion, unsupportedVersion } from './nginx/nginx-version.ts'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Whether stdout is a terminal (a person reading): `--trace` is then in words, in colour unless NO_COLOR. */
  stdoutIsTerminal?: boolean
  /** NO_COLOR is set (https://no-color.org): no colour even on a terminal. */
  noColour?: boolean
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTerminal: process.stdout.isTTY === true,
  noColour: Boolean(process.env.NO_COLOR),
}

/** Runs one command line; returns the exit status. */
export function main(argv: string[], io: CliIo = processIo): number | Promise<number> {
  const [command, ...rest] = argv
  if (isCommand(command) && wantsHelp(rest)) {
    io.stdout(COMMAND_HELP[command])
    return 0
  }
  switch (command) {
    case 'check':
      return checkCommand(rest, io)
    case 'serve':
      return serveCommand(rest, io)
    case 'fmt':
      return fmtCommand(rest, io)
    case undefined:
    case '--help':
    case '-h':
      io.stdout(USAGE)
      return 0
    case 'help': {
      const [topic] = rest
      if (topic === undefined) io.stdout(USAGE)
      else if (isCommand(topic)) io.stdout(COMMAND_HELP[topic])
      else {
        io.stderr(`upgrade-lab help: no command "${topic}" (see upgrade-lab --help)\n`)
        return 2
      }
      return 0
    }
    case '--version':
    case '-V':
      io.stdout(versionLine())
      return 0
    // The proxy, the chat server and the lab load only for the commands that run them: `check`
    // and `fmt` start without them (the compiled CLI splits them into chunks of their own).
    case 'chat':
      return import('./cli/chat.ts').then((m) => m.chatCommand(rest, io))
    case 'start':
      if (rest.length > 0) {
        io.stderr(`upgrade-lab start: takes no arguments, not "${rest[0]}" (see upgrade-lab start --help)\n`)
        return 2
      }
      return import('./cli/start.ts').then((m) => m.startCommand(io))
    default:
      io.stderr(`upgrade-lab: unknown command "${command}" (see upgrade-lab --help)\n`)
      return 2
  }
}

const FORMATS = ['nginx', 'gcc', 'github', 'json'] as const

function isFormat(word: string): word is (typeof FORMATS)[number] {
  return (FORMATS as readonly string[]).includes(word)
}

function isCommand(word: string | undefined): word is Command {
  return word === 'check' || word === 'serve' || word === 'fmt' || word === 'chat' || word === 'start'
}

async function serveCommand(args: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      // `--trace` alone chooses by the terminal; `--trace=json|pretty` forces one.
      args: args.map((arg) => (arg === '--trace' ? '--trace=auto' : arg)),
      allowPositionals: true,
      options: {
        trace: { type: 'string' },
        'no-frame-inspection': { type: 'boolean', default: false },
        'nginx-version': { type: 'string', default: DEFAULT_NGINX_VERSION },
      },
    })
  } catch (error) {
    io.stderr(usageError('serve', error))
    return 2
  }
  if (parsed.positionals.length !== 1) {
    io.stderr('upgrade-lab serve: expected exactly one FILE (see upgrade-lab serve --help)\n')
    return 2
  }
  if (!parseNginxVersion(parsed.values['nginx-version'])) {
    io.stderr(`upgrade-lab serve: ${unsupportedVersion(parsed.values['nginx-version'])}\n`)
    return 2
  }
  const asked = parsed.values.trace
  const trace = asked === undefined ? undefined : traceFormat(asked, io.stdoutIsTerminal === true)
  if (trace === null) {
    io.stderr(`upgrade-lab serve: --trace takes json or pretty, not "${asked}" (see upgrade-lab serve --help)\n`)
    return 2
  }
  let running
  const signal = waitForSignal()
  try {
    const { serve } = await import('./cli/serve.ts')
    running = await serve(parsed.positionals[0], {
      nginxVersion: parsed.values['nginx-version'],
      trace: trace === 'pretty' && io.stdoutIsTerminal && !io.noColour ? 'pretty-colour' : trace,
      inspectFrames: !parsed.values['no-frame-inspection'],
      stdout: io.stdout,
      stderr: io.stderr,
    })
  } catch (error) {
    signal.cancel()
    io.stderr(`upgrade-lab serve: ${(error as Error).message}\n`)
    return 1
  }
  if (!running) {
    signal.cancel()
    return 1
  }
  await untilSignal(() => running.stop(), signal)
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
        format: { type: 'string' },
        ignore: { type: 'string', multiple: true, default: [] },
        'nginx-version': { type: 'string', default: DEFAULT_NGINX_VERSION },
      },
    })
  } catch (error) {
    io.stderr(usageError('check', error))
    return 2
  }
  const format = parsed.values.format ?? (parsed.values.json ? 'json' : 'nginx')
  if (!isFormat(format)) {
    io.stderr(`upgrade-lab check: --format takes nginx, gcc, github or json, not "${format}" (see upgrade-lab check --help)\n`)
    return 2
  }
  const ignore = new Set(parsed.values.ignore.flatMap((list) => list.split(',')).map((code) => code.trim()).filter(Boolean))
  const unknown = [...ignore].filter((code) => !Object.hasOwn(DIAGNOSTIC_CODES, code))
  if (unknown.length) {
    io.stderr(`upgrade-lab check: --ignore takes codes of docs/diagnostics.md, not "${unknown[0]}" (see upgrade-lab check --help)\n`)
    return 2
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1) {
    io.stderr('upgrade-lab check: expected exactly one FILE (see upgrade-lab check --help)\n')
    return 2
  }
  const version = values['nginx-version']
  if (!parseNginxVersion(version)) {
    io.stderr(`upgrade-lab check: ${unsupportedVersion(version)}\n`)
    return 2
  }
  const file = positionals[0]
  const run = runCheck(file, { nginxVersion: version })
  if (format === 'json') {
    io.stdout(run.result ? formatJson(file, run.result, ignore) : JSON.stringify({ file: resolve(file), ok: false, error: run.stderr.trim() }) + '\n')
  }
  if (!run.result) {
    if (format !== 'json') io.stderr(run.stderr)
  } else if (format === 'gcc') io.stdout(formatGcc(run.result, ignore))
  else if (format === 'github') io.stdout(formatGithub(run.result, ignore))
  else if (values.all) io.stderr(formatAll(run.result, ignore))
  else if (format === 'nginx') io.stderr(run.stderr)
  return run.status
}
