import { describe, expect, it } from 'vitest'
import { divideToYuan, findingText, ruleText } from './audit'

describe('divideToYuan', () => {
  it('divides by one rate, rounding down to the fen', () => {
    expect(divideToYuan('10000.00', '0.01')).toBe('1000000.00')
    expect(divideToYuan('100.00', '0.03')).toBe('3333.33')
  })

  it('divides by a product of rates exactly: a ¥5,000 stake of 4% at a 58% dividend comes back after ¥215,517.24 of revenue', () => {
    expect(divideToYuan('5000.00', '0.58', '0.04')).toBe('215517.24')
  })

  it('answers nothing for a zero or unreadable rate', () => {
    expect(divideToYuan('1.00', '0')).toBe('')
    expect(divideToYuan('1.00', 'x')).toBe('')
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
