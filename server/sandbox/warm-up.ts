/**
 * Warms a fresh lab process before its first visitors. V8 compiles functions when they are first
 * called, so the first WebSocket through a new lab compiles much of the runtime, the chat server
 * and `ws` in one go: 135 ms in one step measured on this 2-core machine, 287 ms with Chromium
 * busy beside it — one step that the block budget (250 ms, session.ts) charged to the first
 * visitor's session, and stopped it. A throwaway session, known to no registry, runs one
 * WebSocket conversation through a proxy config at start instead.
 */
import { DEFAULT_LIMITS } from './limits.ts'
import { Session } from './session.ts'

const CONFIG = `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location / {
            proxy_pass http://127.0.0.1:8010;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }
    }
}
`

/** A browser's handshake and one masked text frame ("warm", mask key 0), as bytes (latin1). */
const CONVERSATION =
  'GET /?nick=warm-up HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n' +
  '\x81\x84\x00\x00\x00\x00warm'

export interface WarmUp {
  /** Whether the conversation got its 101. */
  upgraded: boolean
  ms: number
}

export async function warmUp(): Promise<WarmUp> {
  const started = performance.now()
  const session = new Session('warm-up', DEFAULT_LIMITS)
  try {
    await session.apply(CONFIG)
    const { response } = await session.raw({ request: CONVERSATION, port: 80 })
    return { upgraded: response.startsWith('HTTP/1.1 101 '), ms: performance.now() - started }
  } finally {
    await session.close()
  }
}
