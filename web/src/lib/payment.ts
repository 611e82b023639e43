import { api, unwrap } from '../api/client'
import { IntendedRequest } from './intent'
import type { PayChannel } from './payChannel'

/**
 * One intended payment at a store: its key (an {@link IntendedRequest}) is kept by every retry or double tap of the
 * same amount until the payment is answered, so it can be charged only once. With a real provider the answer is the order
 * awaiting the payer and what they do next, followed from then on by the order (`orderCheck`), never by paying anew.
 */
export class PendingPayment {
  private readonly intent = new IntendedRequest('pay')
  private amount: string | null = null
  private inFlight: Promise<unknown> | null = null

  constructor(private readonly storeId: string, private readonly via: string) {}

  keyFor(amount: string): string {
    return this.intent.keyFor(amount)
  }

  /** Pays `amount` through `channel`; a second call while the first is under way returns the same answer. */
  pay(amount: string, channel: PayChannel = 'qr') {
    if (this.inFlight && this.amount === amount) return this.inFlight as ReturnType<PendingPayment['send']>
    this.amount = amount
    const request = this.send(amount, channel, this.keyFor(amount))
    this.inFlight = request
    request.then(
      () => { this.intent.answered(); this.amount = null; this.inFlight = null },
      () => { this.inFlight = null },
    )
    return request
  }

  private send(amount: string, channel: PayChannel, key: string) {
    return unwrap(
      api.POST('/api/stores/{storeId}/pay', {
        params: { path: { storeId: this.storeId } },
        headers: { 'Idempotency-Key': key },
        body: { amount, via: this.via, channel },
      }),
    )
  }
}
