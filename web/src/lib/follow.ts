import { api, unwrap, ApiError, type Schemas } from '../api/client'
import type { PayChannel } from './payChannel'
import { payOrder } from './order'

export type PayerAction = Schemas['PayerAction']

/**
 * Where a started payment stands, whatever it pays for (an order, a platform payment): the payer still has to pay (with
 * what they do next), it is paid (and granted), the money is due back (the engine refused what was paid for), or it failed.
 */
export type PaymentState =
  | { stage: 'awaiting'; action: PayerAction | null }
  | { stage: 'paid' }
  | { stage: 'refundDue'; refusal: string | null }
  | { stage: 'failed' }

/** A settled state ends the following; `awaiting` asks again. */
export const isSettled = (state: PaymentState) => state.stage !== 'awaiting'

/** An order's state: `created` awaits the payer; paid, completing or completed is paid; refunded has failed. */
export function orderState(answer: Schemas['PayResponse']): PaymentState {
  switch (answer.order.status) {
    case 'created': return { stage: 'awaiting', action: answer.action ?? null }
    case 'paid': case 'completing': case 'completed': return { stage: 'paid' }
    default: return { stage: 'failed' }
  }
}

/** A platform payment's state (`awaitingPayment`, `applied`, `refundDue`). */
export function platformPaymentState(answer: Schemas['PlatformPaymentStateResponse']): PaymentState {
  switch (answer.payment.status) {
    case 'awaitingPayment': return { stage: 'awaiting', action: answer.action }
    case 'applied': return { stage: 'paid' }
    case 'refundDue': return { stage: 'refundDue', refusal: answer.payment.refusal }
    default: return { stage: 'failed' }
  }
}

type Started = Schemas['PlatformPaymentStateResponse']

/** A real provider's payment, started and awaiting the payer (202), rather than a grant made while the payer waited (200, 201). */
export const isStarted = (answer: unknown): answer is Started =>
  typeof answer === 'object' && answer !== null && 'payment' in answer && 'action' in answer && (answer as Started).payment.status === 'awaitingPayment'

/** What one look at a payment needs: ask the server, read its answer as a state. */
export interface PaymentCheck<T> {
  ask: () => Promise<T>
  read: (answer: T) => PaymentState
}

/**
 * An order is followed by paying it again: the server asks the provider (a signed query) and answers the same action while
 * unpaid, and never charges twice (one payment intent per order). A GET of the order would only see a notification.
 */
export const orderCheck = (orderId: string, channel: PayChannel): PaymentCheck<Schemas['PayResponse']> => ({
  ask: () => payOrder(orderId, channel),
  read: orderState,
})

/** A platform payment is followed by reading it: while it awaits the payer the server asks the provider and grants a paid one. */
export const platformPaymentCheck = (paymentId: string): PaymentCheck<Schemas['PlatformPaymentStateResponse']> => ({
  ask: () => unwrap(api.GET('/api/payments/{id}', { params: { path: { id: paymentId } } })),
  read: platformPaymentState,
})

export interface FollowOptions<T> {
  /** Between two looks (the provider is asked each time): 2 s by default. */
  intervalMs?: number
  /** Every answer, settled or not (the page shows the state as it goes). */
  onAnswer?: (answer: T, state: PaymentState) => void
}

/** Refused for good (the payment is not the caller's, or the request is wrong): asking again would not change the answer. */
const isFinal = (failure: unknown) => failure instanceof ApiError && failure.status >= 400 && failure.status < 500 && failure.status !== 408 && failure.status !== 429

/**
 * Follows a started payment: looks at it every `intervalMs` until its state is settled. `settled` resolves with the last answer
 * and its state, or null once `stop()` was called (the page was left); a look that fails for a passing reason (the network, the
 * server busy) is tried again at the next interval, a final refusal rejects it.
 */
export class PaymentFollower<T> {
  private timer: ReturnType<typeof setTimeout> | null = null
  private stopped = false
  private finish: (settled: { answer: T; state: PaymentState } | null) => void = () => undefined
  private fail: (failure: unknown) => void = () => undefined
  readonly settled: Promise<{ answer: T; state: PaymentState } | null>

  constructor(private readonly check: PaymentCheck<T>, private readonly options: FollowOptions<T> = {}) {
    this.settled = new Promise((resolve, reject) => {
      this.finish = resolve
      this.fail = reject
    })
    this.schedule()
  }

  /** Stops looking (the page is left): no further request, `settled` resolves with null. */
  stop() {
    if (this.stopped) return
    this.stopped = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.finish(null)
  }

  private schedule() {
    this.timer = setTimeout(() => void this.look(), this.options.intervalMs ?? 2000)
  }

  private async look() {
    this.timer = null
    let answer: T
    try {
      answer = await this.check.ask()
    } catch (failure) {
      if (this.stopped) return
      if (isFinal(failure)) {
        this.stopped = true
        this.fail(failure)
      } else this.schedule()
      return
    }
    if (this.stopped) return
    const state = this.check.read(answer)
    this.options.onAnswer?.(answer, state)
    if (!isSettled(state)) return this.schedule()
    this.stopped = true
    this.finish({ answer, state })
  }
}
