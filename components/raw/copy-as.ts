/**
 * The composer's request as commands for a real nginx: `printf … | nc` sends the exact bytes
 * always; curl and wscat send the same request where they can, and say why where they cannot
 * (curl has no WebSocket here, wscat writes its own handshake headers).
 */
import { headerValue, parseRequest } from './parse-request.ts'

export interface Destination {
  /** Where the real nginx listens: `localhost`, or the host a learner types. */
  host: string
  port: number
  tls: boolean
}

export type CopyAs = { ok: true; command: string } | { ok: false; why: CannotSend }
export type CannotSend = 'malformed' | 'websocket' | 'not-websocket' | 'version' | 'body'

/** A shell word in single quotes: every byte but `'` stands for itself there. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/**
 * printf's format for exactly these bytes: `\r`, `\n`, `\\`, `%%`, and octal for every byte that
 * is not printable ASCII (a shell word cannot carry NUL, and a terminal would eat the others).
 */
export function printfFormat(bytes: string): string {
  let out = ''
  for (const ch of bytes) {
    const code = ch.charCodeAt(0)
    if (ch === '\r') out += '\\r'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '%') out += '%%'
    else if (code < 0x20 || code >= 0x7f) out += `\\${(code & 0xff).toString(8).padStart(3, '0')}`
    else out += ch
  }
  return out
}

export function copyAsPrintf(bytes: string, to: Destination): string {
  const send = to.tls ? `openssl s_client -quiet -connect ${to.host}:${to.port} -servername ${to.host}` : `nc ${to.host} ${to.port}`
  return `printf ${shellQuote(printfFormat(bytes))} | ${send}`
}

/** Headers curl writes itself unless told otherwise (an empty `-H 'Name:'` removes one). */
const CURL_OWN = ['host', 'user-agent', 'accept']

export function copyAsCurl(bytes: string, to: Destination): CopyAs {
  const request = parseRequest(bytes)
  if (!request) return { ok: false, why: 'malformed' }
  if (headerValue(request, 'upgrade')?.toLowerCase() === 'websocket') return { ok: false, why: 'websocket' }
  if (request.version !== 'HTTP/1.1' && request.version !== 'HTTP/1.0') return { ok: false, why: 'version' }
  const words = ['curl', '-sv', request.version === 'HTTP/1.0' ? '--http1.0' : '--http1.1']
  if (request.method !== 'GET' || request.body) words.push('-X', request.method)
  const given = new Set(request.headers.map(([name]) => name.toLowerCase()))
  for (const [name, value] of request.headers) {
    // curl computes Content-Length from --data-binary.
    if (name.toLowerCase() === 'content-length') continue
    words.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`))
  }
  for (const own of CURL_OWN) if (!given.has(own)) words.push('-H', shellQuote(`${own === 'host' ? 'Host' : own === 'user-agent' ? 'User-Agent' : 'Accept'}:`))
  if (request.body) {
    if (/[^\x20-\x7e\r\n\t]/.test(request.body)) return { ok: false, why: 'body' }
    words.push('--data-binary', shellQuote(request.body))
  }
  words.push(shellQuote(`${to.tls ? 'https' : 'http'}://${to.host}:${to.port}${request.target}`))
  return { ok: true, command: words.join(' ') }
}

/** Headers wscat writes itself for its handshake. */
const WSCAT_OWN = new Set(['host', 'upgrade', 'connection', 'sec-websocket-key', 'sec-websocket-version', 'sec-websocket-extensions'])

export function copyAsWscat(bytes: string, to: Destination): CopyAs {
  const request = parseRequest(bytes)
  if (!request) return { ok: false, why: 'malformed' }
  if (request.method !== 'GET' || headerValue(request, 'upgrade')?.toLowerCase() !== 'websocket') return { ok: false, why: 'not-websocket' }
  if (request.version !== 'HTTP/1.1' || headerValue(request, 'sec-websocket-version') !== '13') return { ok: false, why: 'version' }
  if (request.body) return { ok: false, why: 'body' }
  const words = ['wscat', '-c', shellQuote(`${to.tls ? 'wss' : 'ws'}://${to.host}:${to.port}${request.target}`)]
  const host = headerValue(request, 'host')
  if (host !== undefined && host !== `${to.host}:${to.port}` && !(host === to.host && to.port === (to.tls ? 443 : 80))) words.push('-H', shellQuote(`Host: ${host}`))
  for (const [name, value] of request.headers) if (!WSCAT_OWN.has(name.toLowerCase())) words.push('-H', shellQuote(`${name}: ${value}`))
  return { ok: true, command: words.join(' ') }
}
