import { i18n, enumText } from '../i18n'
import { yuan, percent, decimal, toScaled } from './money'

export interface Finding { severity: string; code: string; message: string; rule: string }
type Config = Record<string, unknown>

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/** `amount ÷ (rate₁ · rate₂ …)` rounded down to the fen (the revenue at which a fee or an investment comes back), or '' when it cannot be. */
export function divideToYuan(amount: string, ...rates: string[]): string {
  const fen = toScaled(amount, 2)
  const scaled = rates.map((rate) => toScaled(rate, 6))
  if (fen === null || scaled.some((r) => r === null || r === 0n)) return ''
  const divisor = scaled.reduce<bigint>((product, r) => product * r!, 1n)
  const quotient = (fen * 1_000_000n ** BigInt(rates.length)) / divisor
  return `${quotient / 100n}.${(quotient % 100n).toString().padStart(2, '0')}`
}

/** A compliance finding in the reader's language, its figures taken from the configuration that was audited. */
export function findingText(finding: Finding, config: Config): string {
  const { t } = i18n.global
  const code = finding.code
  if (code === 'referral-depth') {
    const levels = Array.isArray(config.referralLevels) ? config.referralLevels.filter((r) => (toScaled(str(r), 6) ?? 0n) > 0n).length : 0
    return t('audit.referral-depth', { n: levels })
  }
  const settlement = (mode: string) => t(`modes.settlement.${str(config[mode]) || 'off'}`)
  const levels = Array.isArray(config.levels) ? config.levels.length : 0
  if (code === 'multi-level-differential')
    return t('audit.multi-level-differential', { levels, depth: str(config.depthMax), settlement: settlement('differential') })
  if (code === 'peer-reward') return t('audit.peer-reward', { rate: percent(str(config.peerRate)), settlement: settlement('peer') })
  if (code === 'platform-shareholder-dividend')
    return t('audit.platform-shareholder-dividend', { share: percent(str(config.dividendShare)), settlement: settlement('shareholderDividend') })
  if (code === 'payout-above-budget') return t('audit.payout-above-budget', { budget: percent(str(config.distributionBudget)) })
  if (code === 'static-return') {
    const m = str(config.exitMultiple)
    const p = str(config.payout)
    const product = Number(m) * Number(p)
    return t('audit.static-return', { multiple: decimal(m), payout: decimal(p), product: Number.isFinite(product) ? String(Math.round(product * 10000) / 10000) : '—' })
  }
  const entry = /^entry-fee-(district|city|province)$/.exec(code)
  if (entry) {
    const level = entry[1]
    const fee = str(config[`${level}AgentFee`])
    const rate = str(config[`${level}Agent`])
    return t('audit.entry-fee', { level: enumText('level', level), fee: yuan(fee), rate: percent(rate), breakEven: yuan(divideToYuan(fee, rate)) })
  }
  return t('audit.other', { code })
}

export function ruleText(finding: Finding): string {
  const { t } = i18n.global
  const code = finding.code
  if (/^(referral-depth|multi-level-differential|peer-reward|platform-shareholder-dividend|entry-fee)/.test(code)) return t('audit.rulePyramid')
  if (code === 'payout-above-budget') return t('audit.ruleBudget')
  if (code === 'static-return') return t('audit.ruleRebate')
  if (code.startsWith('store-payouts')) return t('audit.ruleStore')
  if (code.startsWith('product-rates')) return t('audit.ruleLimits')
  return t('audit.ruleOther')
}
