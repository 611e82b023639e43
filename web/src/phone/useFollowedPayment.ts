import { ref, computed } from 'vue'
import { isStarted, platformPaymentCheck, type PaymentCheck, type PaymentState } from '../lib/follow'
import type { IntendedRequest } from '../lib/intent'
import { usePaymentFollow } from '../lib/usePaymentFollow'
import { paymentProvider } from '../lib/payChannel'

/**
 * A phone page's payment that a real provider may leave awaiting the payer: `untilSettled` follows it from its first answer
 * while `PaymentSheet` shows the code to scan or the page to open, and resolves with how it ended: `paid` (at once when it was
 * paid while the payer waited), `refundDue` or `failed` (left on the sheet for the payer to read), or null when the payer
 * closed the sheet first (the payment may still be paid; asking again under the same key resumes it).
 */
export function useFollowedPayment() {
  const { state, follow, reset } = usePaymentFollow()
  const provider = ref('')
  const amount = ref('')
  paymentProvider().then((answer) => (provider.value = answer.name))

  async function untilSettled<T>(check: PaymentCheck<T>, first: T, shownAmount: string): Promise<PaymentState['stage'] | null> {
    amount.value = shownAmount
    const settled = await follow(check, first)
    if (settled?.state.stage === 'paid') reset()
    return settled?.state.stage ?? null
  }

  /**
   * A purchase paid to the platform (a card, the shop's cash part): granted while the payer waited, its answer; else followed
   * until settled, and its answer only once paid. `intent` keeps its key until the payment ended, so asking again resumes it.
   */
  async function platformPurchase<T>(answer: T, shownAmount: string, intent: IntendedRequest): Promise<T | undefined> {
    if (!isStarted(answer)) {
      intent.answered()
      return answer
    }
    const stage = await untilSettled(platformPaymentCheck(answer.payment.id), answer, shownAmount)
    if (stage !== null) intent.answered()
    return stage === 'paid' ? answer : undefined
  }

  const showing = computed(() => state.value !== null && state.value.stage !== 'paid')
  return { state, provider, amount, showing, untilSettled, platformPurchase, close: reset }
}
