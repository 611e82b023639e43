import type { Schemas } from '../api/client'
import { i18n, enumText, locale } from '../i18n'
import { dateTime } from './money'

type Payout = Schemas['PayoutResponse']

/** How an approved withdrawal reaches its payee, as one line: the state, the provider and account, a failure or the bank's reference, when. */
export function payoutText(payout: Payout | null | undefined): string {
  const { t } = i18n.global
  if (!payout) return '—'
  return [
    enumText('payout', payout.status),
    payout.provider ? enumText('provider', payout.provider) : null,
    payout.payeeAccount ? t('payout.account', { account: payout.payeeAccount }) : null,
    payout.failure ? t('payout.failure', { failure: payout.failure }) : null,
    payout.bankReference ? t('payout.reference', { reference: payout.bankReference }) : null,
    payout.finishedAt ? dateTime(payout.finishedAt, locale()) : null,
  ].filter((part): part is string => part !== null).join(' · ')
}

/** Approved, and nothing was transferred through a provider: finance may record that it paid it by hand. */
export const payableByHand = (row: { status: string; payout?: Payout | null }) =>
  row.status === 'paid' && (!row.payout || row.payout.status === 'awaiting')
