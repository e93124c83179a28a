/**
 * A request's state for tests that evaluate variables or build upstream requests without a
 * connection: a fresh request's bookkeeping (as request-flow.ts newState starts it), with the
 * parts a test cares about given by the test.
 */
import { DEFAULT_BUDGET } from '../../server/proxy/budget.ts'
import { noCaptures, VARIABLE_DEPTH, type RequestState } from '../../server/proxy/request-state.ts'

type Given = Pick<RequestState, 'head' | 'connection'> & Partial<RequestState>

export function requestState(given: Given): RequestState {
  return {
    serverName: '',
    nginxVersion: '1.22.1',
    hostname: 'lab',
    pid: 1,
    startMs: 0,
    nowMs: () => 0,
    captures: noCaptures(),
    assigned: new Map(),
    maps: new Map(),
    setOnly: new Set(),
    onVariable: null,
    warnUninitialized: true,
    cached: new Map(),
    evaluations: 0,
    action: null,
    variableDepth: VARIABLE_DEPTH,
    uriChanges: 11,
    built: 0,
    budget: DEFAULT_BUDGET,
    log: () => {},
    proxyHost: '',
    proxyPort: '',
    upstreamTries: [],
    status: 0,
    bodyBytesSent: 0,
    bytesSent: 0,
    responseHeaders: [],
    upstreamHeaders: [],
    ...given,
  }
}
