import { api, unwrap, newIdempotencyKey } from '../api/client'

/**
 * One intended payment: its Idempotency-Key is made once, when the payer first confirms this amount at this store, and
 * reused by every retry or double tap until the payment is answered, so it can be charged only once.
 */
export class PendingPayment {
  private key: string | null = null
  private amount: string | null = null
  private inFlight: Promise<unknown> | null = null

  constructor(private readonly storeId: string, private readonly via: string) {}

  keyFor(amount: string): string {
    if (this.key === null || this.amount !== amount) {
      this.key = newIdempotencyKey('pay')
      this.amount = amount
    }
    return this.key
  }

  /** Pays `amount`; a second call while the first is under way returns the same answer. */
  pay(amount: string) {
    if (this.inFlight && this.amount === amount) return this.inFlight as ReturnType<PendingPayment['send']>
    const request = this.send(amount, this.keyFor(amount))
    this.inFlight = request
    request.then(
      () => { this.key = null; this.amount = null; this.inFlight = null },
      () => { this.inFlight = null },
    )
    return request
  }

  private send(amount: string, key: string) {
    return unwrap(
      api.POST('/api/stores/{storeId}/pay', {
        params: { path: { storeId: this.storeId } },
        headers: { 'Idempotency-Key': key },
        body: { amount, via: this.via },
      }),
    )
  }
}
