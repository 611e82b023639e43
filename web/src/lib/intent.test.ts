import { describe, expect, it } from 'vitest'
import { IntendedRequest } from './intent'

describe('IntendedRequest', () => {
  it('keeps one key for the same figures until the server answers', () => {
    const intent = new IntendedRequest('payout')
    const first = intent.keyFor(['s_1', '100.00'])
    expect(intent.keyFor(['s_1', '100.00'])).toBe(first) // a retry, a double tap
    expect(intent.keyFor(['s_1', '200.00'])).not.toBe(first) // other figures: another intention
    const second = intent.keyFor(['s_1', '200.00'])
    intent.answered()
    expect(intent.keyFor(['s_1', '200.00'])).not.toBe(second) // after the answer, the same figures again are new
    expect(first.startsWith('payout-')).toBe(true)
  })
})
