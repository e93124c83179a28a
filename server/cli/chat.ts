/**
 * `upgrade-lab chat [--port 8010] [--host 127.0.0.1] [--echo] [--lenient]`: the sample chat
 * server on a real port, so real nginx can be put in front of it (the seed's wscat exercise).
 */
import { parseArgs } from 'node:util'
import { ChatServer } from '../chat/chat-server.ts'
import type { CliIo } from '../cli.ts'
import { usageError } from './help.ts'
import { untilSignal } from './until-signal.ts'

export async function chatCommand(args: string[], io: CliIo): Promise<number> {
  let values
  try {
    values = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '8010' },
        host: { type: 'string', default: '127.0.0.1' },
        echo: { type: 'boolean', default: false },
        lenient: { type: 'boolean', default: false },
        name: { type: 'string' },
      },
    }).values
  } catch (error) {
    io.stderr(usageError('chat', error))
    return 2
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    io.stderr(`upgrade-lab chat: --port takes a port number, not "${values.port}"\n`)
    return 2
  }
  const server = new ChatServer({
    instance: values.name ?? String(port),
    strict: !values.lenient,
    echo: values.echo,
    log: (line) => io.stdout(line + '\n'),
  })
  try {
    await server.listen(port, values.host)
  } catch (error) {
    io.stderr(`upgrade-lab chat: ${(error as Error).message}\n`)
    return 1
  }
  io.stdout(`upgrade-lab chat: ready on ws://${values.host}:${port}/ (${values.echo ? 'echo' : 'chat; /echo echoes'}, ${values.lenient ? 'lenient' : 'strict RFC 6455'})\n`)
  await untilSignal(() => server.close())
  return 0
}
