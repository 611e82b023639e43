import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { IntendedRequest } from '../../lib/intent'
import { moneyInput } from '../../lib/money'
import { useMyStores } from '../useStores'
import { useAction, type ActionSteps } from '../useAction'

/**
 * A merchant's request that moves an amount for the picked store (a deposit top-up, a payout): the store, the amount typed,
 * one Idempotency-Key per intended request (kept across retries of the same store and amount until the server answers), and
 * the back office's confirm → call → toast → reload, the amount cleared after a success. `busy` is `prefix` while it runs.
 */
export function useStoreAmountRequest(prefix: string) {
  const { t } = useI18n()
  const { stores, picked } = useMyStores()
  const typed = ref('')
  const intent = new IntendedRequest(prefix)
  const { busy, run } = useAction()

  function submit<T>(send: (storeId: string, amount: string, key: string) => Promise<T>, steps: (amount: string) => ActionSteps<T>) {
    const amount = moneyInput(typed.value)
    if (!amount) return ElMessage.error(t('pay.amountInvalid'))
    const storeId = picked.value
    const { reload, ...rest } = steps(amount)
    return run(prefix, async () => {
      const answer = await send(storeId, amount, intent.keyFor([storeId, amount]))
      intent.answered()
      return answer
    }, { ...rest, reload: async () => { typed.value = ''; await reload?.() } })
  }

  return { stores, picked, typed, busy, submit }
}
