import { newIdempotencyKey } from '../api/client'

/**
 * One intended request that moves money: its Idempotency-Key is made when the user first confirms these figures and
 * kept for every retry of the same figures (a double tap, a timeout, a failure that may have landed) until the server
 * answers it, so the server applies it at most once. Other figures are another intention, with a new key.
 */
export class IntendedRequest {
  private key: string | null = null
  private figures: string | null = null

  constructor(private readonly prefix: string) {}

  /** The key for a request with these figures (any JSON-able value: the body, with its store). */
  keyFor(figures: unknown): string {
    const text = JSON.stringify(figures)
    if (this.key === null || this.figures !== text) {
      this.key = newIdempotencyKey(this.prefix)
      this.figures = text
    }
    return this.key
  }

  /** The server answered: the next request, even with the same figures, is a new intention. */
  answered() {
    this.key = null
    this.figures = null
  }
}
