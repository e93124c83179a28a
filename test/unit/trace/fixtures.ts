/** The real event streams of test/fixtures/trace/ (see its README for how they were made). */
import { readFileSync } from 'node:fs'
import type { NumberedEvent } from '../../../server/sandbox/session.ts'

export type FixtureName = 'canonical' | 'no-upgrade' | 'backend-down' | 'read-timeout' | 'two-clients-keepalive' | 'reload'

export function fixture(name: FixtureName): NumberedEvent[] {
  return JSON.parse(readFileSync(new URL(`../../fixtures/trace/${name}.json`, import.meta.url), 'utf8')) as NumberedEvent[]
}
