/**
 * The presets' predicates over real event streams (test/fixtures/trace/): each says yes to the
 * stream where its outcome happened and no to the others. The ones no fixture covers are held
 * to their outcome by the browser test of every preset.
 */
import { describe, expect, it } from 'vitest'
import { PREDICATES, type PredicateName } from '../../components/presets/predicates.ts'
import type { NumberedEvent } from '../../server/sandbox/session.ts'
import { fixture, type FixtureName } from './trace/fixtures.ts'

const STREAMS: FixtureName[] = ['canonical', 'no-upgrade', 'backend-down', 'read-timeout', 'two-clients-keepalive', 'reload']

/** Which fixtures each predicate holds on. */
const HOLDS: Partial<Record<PredicateName, FixtureName[]>> = {
  // Only where a chat message came back through the tunnel (read-timeout and reload have a welcome alone).
  'chat-works': ['canonical', 'two-clients-keepalive'],
  'upgrade-dropped': ['no-upgrade'],
  'closed-port': ['backend-down'],
  'split-across-backends': [],
  'upstream-http10-refused': [],
  'plain-request-asks-upgrade': [],
  'wss-terminated': [],
  'idle-timeout': [],
}

describe('presets predicates', () => {
  for (const [name, holds] of Object.entries(HOLDS) as Array<[PredicateName, FixtureName[]]>) {
    it(`${name}: holds on ${holds.join(', ') || 'none of the fixtures'}`, () => {
      const verdicts = STREAMS.filter((stream) => PREDICATES[name](fixture(stream)))
      expect(verdicts).toEqual(holds)
    })
  }

  it('idle-timeout wants the 60 s default: the 3 s fixture has the timeout, at 3000 ms', () => {
    const events = fixture('read-timeout')
    expect(events.some((e) => e.type === 'timeout' && e.timer === 'proxy_read_timeout' && e.ms === 3000)).toBe(true)
    const at60 = events.map((e) => (e.type === 'timeout' ? { ...e, ms: 60_000 } : e)) as NumberedEvent[]
    expect(PREDICATES['idle-timeout'](at60)).toBe(true)
  })

  it('refused and applied read the session events', () => {
    const refused = [{ type: 'session.refused', time: 1, seq: 1, diagnostics: [{ severity: 'emerg', code: 'NGINX_UNKNOWN_VARIABLE', message: 'unknown "connection_upgrade" variable', file: '/etc/nginx/nginx.conf', line: 1, column: 1, endLine: 1, endColumn: 2 }], diagnosticsOmitted: 0 }] as unknown as NumberedEvent[]
    expect(PREDICATES.refused(refused)).toBe(true)
    expect(PREDICATES['refused-unknown-variable'](refused)).toBe(true)
    expect(PREDICATES.applied(refused)).toBe(false)
    expect(PREDICATES.applied(fixture('canonical'))).toBe(true)
  })
})
