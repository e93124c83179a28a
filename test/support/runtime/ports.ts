/**
 * Free loopback ports for the runtime scenarios: bind port 0 on 127.0.0.1, read the port the
 * kernel chose, close, and hand it out. A port is never handed out twice in one process, so two
 * scenarios (or the two targets of one scenario) running at once cannot collide.
 */
import { createServer } from 'node:net'

const handedOut = new Set<number>()
const MAX_ATTEMPTS = 50

function bindZero(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** One loopback port that nothing listens on now and that this process has not handed out before. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const port = await bindZero()
    if (port > 0 && !handedOut.has(port)) {
      handedOut.add(port)
      return port
    }
  }
  throw new Error(`no free loopback port after ${MAX_ATTEMPTS} attempts`)
}

/** `count` distinct free loopback ports. */
export async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = []
  for (let i = 0; i < count; i++) ports.push(await freePort())
  return ports
}
