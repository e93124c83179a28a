/** The line `upgrade-lab start` prints: where to open the lab and where it really listens. */
import { describe, expect, it } from 'vitest'
import { readyLine } from '../../../server/cli/start.ts'

describe('the ready line', () => {
  it('says every interface for the default HOST, and the address otherwise', () => {
    expect(readyLine('0.0.0.0', 8080)).toBe('upgrade-lab: ready at http://localhost:8080/ (listening on every interface, 0.0.0.0:8080; HOST=127.0.0.1 for this machine only)\n')
    expect(readyLine('127.0.0.1', 3000)).toBe('upgrade-lab: ready at http://127.0.0.1:3000/ (listening on 127.0.0.1:3000)\n')
    expect(readyLine('::1', 3000)).toBe('upgrade-lab: ready at http://[::1]:3000/ (listening on [::1]:3000)\n')
  })
})
