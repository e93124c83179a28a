/**
 * Every `type` of the runtime's TraceEvent union, checked by the compiler both ways (`satisfies`,
 * and the exhaustiveness type below), for the tests that go over all of them.
 */
import type { TraceEvent } from '../../server/proxy/trace.ts'

type TraceType = TraceEvent['type']

export const TRACE_TYPES = [
  'connection.accepted',
  'request.received',
  'request.rejected',
  'request.aborted',
  'server.selected',
  'location.matched',
  'variable.evaluated',
  'if.evaluated',
  'upstream.selected',
  'upstream.connect',
  'upstream.request',
  'upstream.response',
  'response.sent',
  'tunnel.opened',
  'frame',
  'tunnel.closed',
  'timer.armed',
  'timer.stopped',
  'timeout',
  'log.access',
  'log.error',
  'connection.closed',
  'budget',
] as const satisfies readonly TraceType[]

/** `true` only when TRACE_TYPES names every member of the union (else tsc names the missing one). */
type Missing = Exclude<TraceType, (typeof TRACE_TYPES)[number]>
export const exhaustive: [Missing] extends [never] ? true : { missing: Missing } = true

