import { describe, it, expect } from 'vitest'
import { payoutText, payableByHand } from './payout'
import { findingText, ruleText } from './audit'

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

describe('mode findings', () => {
  const config = { levels: [{ name: 'V1', teamSpend: '100.00', rate: '0.001' }], differential: 'offline', peer: 'wallet', peerRate: '0.1', depthMax: 10,
    shareholderDividend: 'offline', dividendShare: '0.02' }
  it('names each mode with its settlement and figures, and the law it comes from', () => {
    const finding = (code: string) => ({ severity: 'Review', code, message: '', rule: '' })
    expect(findingText(finding('multi-level-differential'), config)).toContain('多级别级差（线下结算）：按团队业绩分 1 个级别，向上最多 10 层')
    expect(findingText(finding('peer-reward'), config)).toContain('平级奖 10%（钱包结算）')
    expect(findingText(finding('platform-shareholder-dividend'), config)).toContain('平台收入的 2%')
    expect(ruleText(finding('platform-shareholder-dividend'))).toContain('第224条之一')
  })
})
