/**
 * The composer's ready-made requests: the handshakes and near-handshakes the lessons talk about,
 * aimed at the host and port a learner picked. Bytes, CRLF line ends.
 */
export type RawPresetName = 'browser' | 'http10' | 'no-upgrade' | 'keep-alive-upgrade' | 'h2c' | 'bad-version' | 'oversized-header'
export const RAW_PRESETS: readonly RawPresetName[] = ['browser', 'http10', 'no-upgrade', 'keep-alive-upgrade', 'h2c', 'bad-version', 'oversized-header']

/** A fixed key: the answer's Sec-WebSocket-Accept can be checked by hand (RFC 6455's example). */
const KEY = 'dGhlIHNhbXBsZSBub25jZQ=='

function head(lines: string[]): string {
  return lines.map((line) => `${line}\r\n`).join('') + '\r\n'
}

export function rawPreset(name: RawPresetName, host: string, path = '/'): string {
  const handshake = (version: string, connection: string, upgrade = 'websocket', wsVersion = '13'): string[] => [
    `GET ${path} HTTP/${version}`,
    `Host: ${host}`,
    `Upgrade: ${upgrade}`,
    `Connection: ${connection}`,
    `Sec-WebSocket-Key: ${KEY}`,
    `Sec-WebSocket-Version: ${wsVersion}`,
  ]
  switch (name) {
    case 'browser':
      return head([
        `GET ${path} HTTP/1.1`,
        `Host: ${host}`,
        'Connection: Upgrade',
        'Pragma: no-cache',
        'Cache-Control: no-cache',
        'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
        'Upgrade: websocket',
        `Origin: http://${host}`,
        'Sec-WebSocket-Version: 13',
        'Accept-Encoding: gzip, deflate, br',
        'Accept-Language: en-US,en;q=0.9',
        `Sec-WebSocket-Key: ${KEY}`,
        'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits',
      ])
    case 'http10':
      return head(handshake('1.0', 'Upgrade'))
    case 'no-upgrade':
      return head([`GET ${path} HTTP/1.1`, `Host: ${host}`, 'Connection: keep-alive', 'Accept: */*'])
    case 'keep-alive-upgrade':
      return head(handshake('1.1', 'keep-alive, Upgrade'))
    case 'h2c':
      return head([...handshake('1.1', 'Upgrade, HTTP2-Settings', 'h2c').slice(0, 4), 'HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA'])
    case 'bad-version':
      return head(handshake('1.1', 'Upgrade', 'websocket', '8'))
    case 'oversized-header':
      // One header line over nginx's large_client_header_buffers (4 8k): 400, "Request Header Or Cookie Too Large".
      return head([...handshake('1.1', 'Upgrade'), `X-Padding: ${'a'.repeat(9000)}`])
  }
}
