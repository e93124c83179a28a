/**
 * A client's request head as the runtime holds it once read (request-parser.ts reads it), the
 * limits its reading is under (the default server's header buffers), and its header lookup.
 */
import type { EffectiveSettings } from '../nginx/compile.ts'

export interface RequestHead {
  method: string
  /** The URI this request is for now: as sent (absolute-form reduced to its path), or as rewritten. */
  uri: string
  /** `$request_uri`: the URI as sent, which neither `rewrite` nor error_page changes. */
  requestUri: string
  path: string
  /** `$uri`: the path decoded, `//` merged, dot segments resolved. */
  normalizedPath: string
  args: string
  major: number
  minor: number
  /** `GET /ws HTTP/1.1`, as `$request` gives it. */
  requestLine: string
  /** Valid header lines in the client's order and spelling. */
  headers: Array<[string, string]>
  /** Lines nginx ignored (`client sent invalid header line: "X_Under: x"`). */
  invalidLines: string[]
  /** The Host header's (or absolute URI's) host, validated, lowercased, without port. */
  host: string | null
  /** The Host header as sent. */
  hostHeader: string | null
  /** Bytes of the head, CRLFs included. */
  headLength: number
}

export interface HeadError {
  /** What nginx answers: 400, 414, 494 (sent as 400), 505. */
  status: number
  /** The [info] error_log message, without the context nginx appends. */
  log: string
  /** The request line (or as much of it as was read), for the log's context and $request. */
  requestLine: string | null
  /** Whether nginx was still on the request line ("reading client request line"). */
  inRequestLine?: boolean
  /** The first Host header, when one was read. */
  hostHeader?: string | null
}

export type HeadResult = { kind: 'incomplete' } | { kind: 'ok'; head: RequestHead } | { kind: 'error'; error: HeadError }

/** The default server's settings that decide how a head is read (its listen address's). */
export interface HeadLimits {
  /** client_header_buffer_size: the first buffer a head is read into. */
  clientBufferSize: number
  /** large_client_header_buffers size: no line may be longer. */
  largeBufferSize: number
  /** large_client_header_buffers number: how many large buffers a head may take. */
  largeBuffers: number
  underscoresInHeaders: boolean
  ignoreInvalidHeaders: boolean
}

/** The limits of a server's effective settings. */
export function headLimits(settings: Pick<EffectiveSettings, 'clientHeaderBufferSize' | 'largeClientHeaderBuffers' | 'underscoresInHeaders' | 'ignoreInvalidHeaders'>): HeadLimits {
  return {
    clientBufferSize: settings.clientHeaderBufferSize,
    largeBufferSize: settings.largeClientHeaderBuffers.size,
    largeBuffers: settings.largeClientHeaderBuffers.num,
    underscoresInHeaders: settings.underscoresInHeaders,
    ignoreInvalidHeaders: settings.ignoreInvalidHeaders,
  }
}

/** The most bytes a head can take before nginx refuses it. */
export function headCapacity(limits: HeadLimits): number {
  return limits.clientBufferSize + limits.largeBufferSize * limits.largeBuffers
}

/** The first value of a header; `name` in lower case. */
export function headerOf(head: RequestHead, name: string): string | undefined {
  // The length test first: most names differ in it, and then no lower-cased copy is made.
  for (const header of head.headers) if (header[0].length === name.length && header[0].toLowerCase() === name) return header[1]
  return undefined
}
