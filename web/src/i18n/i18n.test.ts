import { describe, it, expect } from 'vitest'
import zhCN from './zh-CN'
import en from './en'
import { i18n, enumText, errorText } from './index'
import { ApiError } from '../api/client'
import spec from '../api/openapi.json'

type Tree = { [key: string]: string | Tree }
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
}
function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v)))
}

describe('i18n', () => {
  it('has every key in both locales, none empty', () => {
    expect(keys(en as unknown as Tree).sort()).toEqual(keys(zhCN as unknown as Tree).sort())
    for (const text of [...values(zhCN as unknown as Tree), ...values(en as unknown as Tree)]) {
      expect(text.trim().length).toBeGreaterThan(0)
      expect(text).not.toMatch(/\b(null|undefined|NaN)\b/)
    }
  })
  it('writes the Chinese pages in Chinese', () => {
    const latinOnly = values(zhCN as unknown as Tree).filter((text) => !/[\u4e00-\u9fff]/.test(text) && !/^[\s\d{}%()¥.,:·/-]*$/.test(text))
    // Brand names and units may stay Latin; nothing else.
    expect(latinOnly.filter((text) => !/ValuePool|English|MODEL\.md|ID/.test(text))).toEqual([])
  })
  it('translates every enum value and never shows the raw one', () => {
    const statuses = ['pending', 'approved', 'rejected', 'created', 'paid', 'completed', 'refunded']
    for (const s of statuses) expect(enumText('status', s)).not.toBe(s)
    expect(enumText('transfer', 'ReferralReward')).toBe('推荐奖励')
    expect(enumText('entry', 'Consume')).toBe('消费')
    expect(enumText('status', 'somethingNew')).toBe('其他')
    expect(enumText('status', null)).toBe('其他')
    const severities = (spec.components.schemas.FindingSeverity as { enum: string[] }).enum
    for (const s of severities) expect(enumText('severity', s)).not.toBe(s)
  })
  it('translates server problem codes, with the fields a validation names', () => {
    expect(errorText(new ApiError(422, 'InsufficientDeposit', 'x'))).toContain('保证金不足')
    expect(errorText(new ApiError(400, 'ValidationFailed', 'x', { amount: ['bad'] }))).toBe('请检查填写的内容：金额')
    expect(errorText(new ApiError(500, 'SomethingElse', 'x'))).toBe('操作失败（500），请稍后重试')
    i18n.global.locale.value = 'en'
    expect(errorText(new ApiError(422, 'InsufficientPoints', 'x'))).toBe('Not enough points')
    i18n.global.locale.value = 'zh-CN'
  })
})
