import { ref, computed, onBeforeUnmount } from 'vue'
import { PaymentFollower, isSettled, type PaymentCheck, type PaymentState } from './follow'

/**
 * A page's following of the payment it started: `state` as it goes (what the payer does next while awaiting; then paid,
 * refund due or failed), stopped when the page is left. Starting another payment stops the one before.
 */
export function usePaymentFollow(intervalMs?: number) {
  const state = ref<PaymentState | null>(null)
  let follower: PaymentFollower<unknown> | null = null

  /** Follows from the first answer (the one that started the payment); resolves with the settled answer, or null when stopped. */
  function follow<T>(check: PaymentCheck<T>, first: T): Promise<{ answer: T; state: PaymentState } | null> {
    stop()
    const initial = check.read(first)
    state.value = initial
    if (isSettled(initial)) return Promise.resolve({ answer: first, state: initial })
    const current = new PaymentFollower(check, { intervalMs, onAnswer: (_, next) => (state.value = next) })
    follower = current as PaymentFollower<unknown>
    return current.settled.finally(() => {
      if (follower === current) follower = null
    })
  }

  function stop() {
    follower?.stop()
    follower = null
  }

  /** Forgets the last payment (the page is ready for another). */
  function reset() {
    stop()
    state.value = null
  }

  onBeforeUnmount(stop)
  const action = computed(() => (state.value?.stage === 'awaiting' ? state.value.action : null))
  return { state, action, follow, stop, reset }
}
