import { describe, it, expect } from 'vitest'
import { yuan, points, decimal, percent, multiplyToFen, moneyInput, pointsInput, compare, dateTime, day, subtractMoney } from './money'

describe('money formatting', () => {
  it('formats yuan with grouping and two decimals, exactly', () => {
    expect(yuan('1000.00')).toBe('¥1,000.00')
    expect(yuan('1234567.5')).toBe('¥1,234,567.50')
    expect(yuan('999999999999.99')).toBe('¥999,999,999,999.99')
    expect(yuan('0')).toBe('¥0.00')
    expect(yuan('-3.1')).toBe('-¥3.10')
  })
  it('never shows null, undefined or NaN', () => {
    for (const bad of [null, undefined, '', 'NaN', 'abc', '1e5']) {
      for (const format of [yuan, points, decimal, percent]) expect(format(bad as string)).toBe('—')
    }
  })
  it('formats points with four decimals and rates as percents', () => {
    expect(points('112')).toBe('112.0000')
    expect(points('12345.5')).toBe('12,345.5000')
    expect(decimal('8.928571')).toBe('8.928571')
    expect(percent('0.8')).toBe('80%')
    expect(percent('0.003')).toBe('0.3%')
    expect(percent('0')).toBe('0%')
  })
  it('previews a sale in fen, rounded down', () => {
    expect(multiplyToFen('112.0000', '8.9286', '0.8')).toBe('800.00')
    expect(multiplyToFen('1', '1.23456', '0.8')).toBe('0.98')
    expect(multiplyToFen('x', '1')).toBeNull()
    expect(subtractMoney('10.00', '0.50')).toBe('9.50')
  })
  it('reads what people type', () => {
    expect(moneyInput('12')).toBe('12.00')
    expect(moneyInput('0012.5')).toBe('12.50')
    expect(moneyInput('0')).toBeNull()
    expect(moneyInput('1.234')).toBeNull()
    expect(pointsInput('12.5')).toBe('12.5000')
    expect(compare('10.00', '9.99')).toBe(1)
  })
  it('formats dates for zh-CN', () => {
    expect(day('2026-11-01')).toBe('2026/11/01')
    expect(day(null)).toBe('—')
    expect(dateTime('not a date')).toBe('—')
    expect(dateTime('2026-11-01T06:03:00Z')).toMatch(/^2026\/11\/0[12] \d{2}:\d{2}$/)
  })
})
