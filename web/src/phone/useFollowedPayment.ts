import { ref, computed } from 'vue'
import type { PaymentCheck } from '../lib/follow'
import { usePaymentFollow } from '../lib/usePaymentFollow'
import { paymentProvider } from '../lib/payChannel'

/**
 * A phone page's payment that a real provider may leave awaiting the payer: `untilPaid` follows it from its first answer while
 * `PaymentSheet` shows the code to scan or the page to open, and resolves true once it is paid (at once when it was paid while
 * the payer waited). Refused or failed, it stays on the sheet for the payer to read, and resolves false; so does a sheet closed.
 */
export function useFollowedPayment() {
  const { state, follow, reset } = usePaymentFollow()
  const provider = ref('')
  const amount = ref('')
  paymentProvider().then((answer) => (provider.value = answer.name))

  async function untilPaid<T>(check: PaymentCheck<T>, first: T, shownAmount: string): Promise<boolean> {
    amount.value = shownAmount
    const settled = await follow(check, first)
    if (settled?.state.stage !== 'paid') return false
    reset()
    return true
  }

  const showing = computed(() => state.value !== null && state.value.stage !== 'paid')
  return { state, provider, amount, showing, untilPaid, close: reset }
}
