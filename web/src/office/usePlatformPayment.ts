import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { platformPaymentCheck, isStarted } from '../lib/follow'
import { usePaymentFollow } from '../lib/usePaymentFollow'
import { paymentProvider } from '../lib/payChannel'
import { errorText, i18n } from '../i18n'
import { yuan } from '../lib/money'

/**
 * A back-office request paid to the platform (a deposit top-up, a region, a share investment). Under a real provider it
 * answers 202 with what the payer does next: `track` follows it (`GET /api/payments/{id}`) while the page shows `state`, and
 * once settled tells the outcome and reads the page again. `told` is the toast for the answer itself: granted, or started.
 */
export function usePlatformPayment() {
  const { t } = i18n.global
  const { state, follow, reset } = usePaymentFollow()
  const provider = ref('')
  const amount = ref('')
  paymentProvider().then((answer) => (provider.value = answer.name))

  function track(answer: unknown, paid: string, granted: string, then: () => Promise<unknown>) {
    if (!isStarted(answer)) return reset()
    amount.value = yuan(paid)
    follow(platformPaymentCheck(answer.payment.id), answer).then(
      async (settled) => {
        if (!settled) return
        if (settled.state.stage === 'paid') ElMessage.success(granted)
        else ElMessage.warning(settled.state.stage === 'refundDue' ? t('payment.refundDue') : t('payment.failed'))
        await then()
      },
      (failure) => ElMessage.error(errorText(failure)),
    )
  }

  const told = (granted: string) => (answer: unknown) => (isStarted(answer) ? t('payment.started') : granted)
  return { state, provider, amount, track, told }
}
