import { describe, it, expect } from 'vitest'
import { payoutText, payableByHand } from './payout'

const payout = { status: 'failed', provider: 'wechatpay', payeeAccount: 'o-abc', failure: 'ACCOUNT_FROZEN', bankReference: null, finishedAt: null }

describe('payout', () => {
  it('names the state, provider, account and failure in Chinese', () => {
    expect(payoutText(payout)).toBe('转账失败 · 微信支付 · 收款账户 o-abc · 失败原因 ACCOUNT_FROZEN')
    expect(payoutText({ ...payout, status: 'paidByHand', provider: null, payeeAccount: null, failure: null, bankReference: 'B123' })).toBe('已线下打款 · 银行流水号 B123')
    expect(payoutText(null)).toBe('—')
  })
  it('lets finance record a payment by hand only for an approved withdrawal nothing was transferred for', () => {
    expect(payableByHand({ status: 'paid', payout: null })).toBe(true)
    expect(payableByHand({ status: 'paid', payout: { ...payout, status: 'awaiting' } })).toBe(true)
    expect(payableByHand({ status: 'paid', payout: { ...payout, status: 'transferred' } })).toBe(false)
    expect(payableByHand({ status: 'returned', payout })).toBe(false)
    expect(payableByHand({ status: 'pending', payout: null })).toBe(false)
  })
})
