import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import { ApiError, api } from '../api/client'

export type Locale = 'zh-CN' | 'en'
const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem('language')
const initial: Locale = saved === 'en' ? 'en' : 'zh-CN'

export const i18n = createI18n({
  legacy: false,
  locale: initial,
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale
  localStorage.setItem('language', locale)
  document.documentElement.lang = locale
}

export const locale = () => i18n.global.locale.value as Locale

// The server's own texts (problem details, the operator log's action names, a webhook's last error…) in the console's language.
api.use({
  onRequest({ request }) {
    request.headers.set('accept-language', locale())
    return request
  },
})

export type EnumGroup = 'status' | 'purpose' | 'severity' | 'role' | 'benefit' | 'level' | 'transfer' | 'entry' | 'recon' | 'difference' | 'subject' | 'provider' | 'statementKind' | 'payout' | 'refund'

/** A server enum value (a status, a reward kind…) in the reader's language; never the raw value. */
export function enumText(group: EnumGroup, value: string | null | undefined): string {
  const { t, te } = i18n.global
  if (value && te(`enum.${group}.${value}`, 'zh-CN')) return t(`enum.${group}.${value}`)
  if (value && te(`enum.${group}.${value.toLowerCase()}`, 'zh-CN')) return t(`enum.${group}.${value.toLowerCase()}`)
  return t('enum.unknown')
}

/** A problem code or an engine's refusal (InsufficientDeposit, RegionTaken, …) as a sentence, or null when it has none. */
export function codeText(code: string | null | undefined): string | null {
  const { t, te } = i18n.global
  return code && te(`error.${code}`, 'zh-CN') ? t(`error.${code}`) : null
}

/** A failure as a sentence for people: the problem code translated, with the fields a validation named. */
export function errorText(failure: unknown): string {
  const { t, te } = i18n.global
  if (!(failure instanceof ApiError)) return t('error.generic', { status: '—' })
  const base = codeText(failure.code) ?? t('error.generic', { status: failure.status })
  const fields = Object.keys(failure.fields)
    .map((name) => (te(`field.${name}`, 'zh-CN') ? t(`field.${name}`) : null))
    .filter((name): name is string => name !== null)
  return fields.length ? `${base}：${fields.join('、')}` : base
}
