/**
 * Writes the benchmark's 2,000-line config (test/fixtures/check/ok-large-2000-lines) from
 * large-config.ts. Deterministic, so the committed file can be regenerated identically:
 *   node --import ./server/bin/register.mjs test/bench/make-large-config.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { largeConfig } from './large-config.ts'

const dir = join(import.meta.dirname, '../fixtures/check/ok-large-2000-lines')
mkdirSync(join(dir, 'logs'), { recursive: true })
writeFileSync(join(dir, 'logs/.keep'), '')
writeFileSync(join(dir, 'nginx.conf'), largeConfig())
