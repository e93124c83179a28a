/**
 * Each hop's headers marked with what became of them on the next hop, from the engine's own
 * words: `upstream.request`'s `dropped` and `response.sent`'s `hidden` say which headers were
 * not passed and why; the rest is pairing headers of the same name (case-insensitively, in
 * order) between two events. No list of hop-by-hop names lives here: a reason is always the
 * event's.
 */
import type { DroppedReason, HiddenReason } from '../../server/proxy/trace.ts'
import type { EventOf, Exchange } from './connections.ts'

/**
 * - `passed`: sent on unchanged (the engine did not list it as dropped or hidden)
 * - `dropped`: a client header nginx did not send upstream (`reason` from `dropped`)
 * - `rewritten`: sent on under the same name with another value (`other` is the value on the
 *   other side; on the request side the engine said `replaced`)
 * - `added`: a header of the next hop that nginx wrote (nothing of the previous hop was passed
 *   as it; `replaces` when it stands in for a client header the engine lists as `replaced`)
 * - `hidden`: an upstream response header nginx did not pass to the client (`reason` from `hidden`)
 */
export type HeaderMark = 'passed' | 'dropped' | 'rewritten' | 'added' | 'hidden'

export interface MarkedHeader {
  name: string
  value: string
  /** null when the hop it would be compared with did not happen (nginx answered itself). */
  mark: HeaderMark | null
  reason?: DroppedReason | HiddenReason
  /** For `rewritten`: the value on the other hop. */
  other?: string
  /** For `added` on the upstream request: nginx's header in place of the client's of this name. */
  replaces?: boolean
}

/** The four hops of a proxied request, in the order the bytes travel. */
export type HopName = 'browser-proxy' | 'proxy-upstream' | 'upstream-proxy' | 'proxy-browser'
export const HOPS: readonly HopName[] = ['browser-proxy', 'proxy-upstream', 'upstream-proxy', 'proxy-browser']

type Headers = ReadonlyArray<readonly [string, string]>

/** Removes and returns the first entry of `list` whose name is `name` (any case). */
function take<T extends { name: string }>(list: T[], name: string): T | undefined {
  const key = name.toLowerCase()
  const index = list.findIndex((entry) => entry.name.toLowerCase() === key)
  return index < 0 ? undefined : list.splice(index, 1)[0]
}

/** The headers of one side with their index, for pairing by name. */
function pool(headers: Headers): Array<{ name: string; value: string; index: number }> {
  return headers.map(([name, value], index) => ({ name, value, index }))
}

/** The client's request against what nginx sent upstream: both sides marked. */
export function requestDiff(
  received: Pick<EventOf<'request.received'>, 'headers'>,
  upstream: Pick<EventOf<'upstream.request'>, 'headers' | 'dropped'>,
): { client: MarkedHeader[]; upstream: MarkedHeader[] } {
  const dropped = upstream.dropped.map((entry) => ({ ...entry }))
  const unpaired = pool(upstream.headers)
  const upstreamMarks: MarkedHeader[] = upstream.headers.map(([name, value]) => ({ name, value, mark: 'added' }))
  const client = received.headers.map(([name, value]): MarkedHeader => {
    const drop = take(dropped, name)
    if (!drop) {
      const counterpart = take(unpaired, name)
      if (counterpart) upstreamMarks[counterpart.index].mark = 'passed'
      return { name, value, mark: 'passed' }
    }
    // `replaced`: nginx sent its own header of the name; another value reads as a rewrite.
    const counterpart = drop.reason === 'replaced' ? take(unpaired, name) : undefined
    if (counterpart && counterpart.value !== value) {
      upstreamMarks[counterpart.index] = { name: counterpart.name, value: counterpart.value, mark: 'rewritten', reason: 'replaced', other: value }
      return { name, value, mark: 'rewritten', reason: 'replaced', other: counterpart.value }
    }
    if (counterpart) upstreamMarks[counterpart.index].replaces = true
    return { name, value, mark: 'dropped', reason: drop.reason }
  })
  return { client, upstream: upstreamMarks }
}

/** The upstream's response against what nginx sent the client: both sides marked. */
export function responseDiff(
  upstream: Pick<EventOf<'upstream.response'>, 'headers'>,
  sent: Pick<EventOf<'response.sent'>, 'headers' | 'hidden'>,
): { upstream: MarkedHeader[]; sent: MarkedHeader[] } {
  const hidden = (sent.hidden ?? []).map((entry) => ({ ...entry }))
  const unpaired = pool(sent.headers)
  const sentMarks: MarkedHeader[] = sent.headers.map(([name, value]) => ({ name, value, mark: 'added' }))
  const upstreamMarks = upstream.headers.map(([name, value]): MarkedHeader => {
    const hide = take(hidden, name)
    if (hide) return { name, value, mark: 'hidden', reason: hide.reason }
    const counterpart = take(unpaired, name)
    if (counterpart && counterpart.value !== value) {
      sentMarks[counterpart.index] = { name: counterpart.name, value: counterpart.value, mark: 'rewritten', other: value }
      return { name, value, mark: 'rewritten', other: counterpart.value }
    }
    if (counterpart) sentMarks[counterpart.index].mark = 'passed'
    return { name, value, mark: 'passed' }
  })
  return { upstream: upstreamMarks, sent: sentMarks }
}

/** The hop's start line and headers as the event gives them (null when the hop did not happen). */
export function hopEvent(exchange: Exchange, hop: HopName): { line: string; headers: Headers } | null {
  switch (hop) {
    case 'browser-proxy':
      return exchange.received ? { line: exchange.received.requestLine, headers: exchange.received.headers } : null
    case 'proxy-upstream':
      return exchange.upstreamRequest ? { line: exchange.upstreamRequest.requestLine, headers: exchange.upstreamRequest.headers } : null
    case 'upstream-proxy':
      return exchange.upstreamResponse ? { line: exchange.upstreamResponse.statusLine, headers: exchange.upstreamResponse.headers } : null
    case 'proxy-browser':
      return exchange.sent ? { line: exchange.sent.statusLine, headers: exchange.sent.headers } : null
  }
}

const unmarked = (headers: Headers): MarkedHeader[] => headers.map(([name, value]) => ({ name, value, mark: null }))

/**
 * The headers of one hop of `exchange`, marked against the hop they were passed to (the
 * requests) or came from (the responses): browser→proxy and proxy→upstream from the request's
 * diff, upstream→proxy and proxy→browser from the response's. Empty when the hop did not happen;
 * unmarked (`mark: null`) when the hop compared with did not (a 403 from `return`, a 502).
 */
export function headerDiff(exchange: Exchange, hop: HopName): MarkedHeader[] {
  const { received, upstreamRequest, upstreamResponse, sent } = exchange
  switch (hop) {
    case 'browser-proxy':
      if (!received) return []
      return upstreamRequest ? requestDiff(received, upstreamRequest).client : unmarked(received.headers)
    case 'proxy-upstream':
      if (!upstreamRequest) return []
      return received ? requestDiff(received, upstreamRequest).upstream : unmarked(upstreamRequest.headers)
    case 'upstream-proxy':
      if (!upstreamResponse) return []
      return sent ? responseDiff(upstreamResponse, sent).upstream : unmarked(upstreamResponse.headers)
    case 'proxy-browser':
      if (!sent) return []
      return upstreamResponse ? responseDiff(upstreamResponse, sent).sent : unmarked(sent.headers)
  }
}
