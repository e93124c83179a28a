import { describe, expect, it } from 'vitest'
import { Session } from '../../server/sandbox/session.ts'
import { warmUp } from '../../server/sandbox/warm-up.ts'

describe('warm-up', () => {
  it('runs a WebSocket conversation through a throwaway session, and closes it', async () => {
    const closed: boolean[] = []
    const close = Session.prototype.close
    Session.prototype.close = async function (this: Session) {
      await close.call(this)
      closed.push(this.isClosed)
    }
    try {
      const result = await warmUp()
      expect(result.upgraded).toBe(true)
      expect(result.ms).toBeGreaterThan(0)
      expect(closed).toEqual([true])
    } finally {
      Session.prototype.close = close
    }
  })
})
