import { api, unwrap } from '../api/client'
import type { PayChannel } from './payChannel'

/** Pays the member's order through the provider (the order's id makes a retry the same payment). */
export const payOrder = (id: string, channel: PayChannel) => unwrap(api.POST('/api/orders/{id}/pay', { params: { path: { id }, query: { channel } } }))

/**
 * One intended purchase of a store's product: its order is created once for these figures (product and quantity) and every
 * retry or double tap pays that same order, until the payment is `settled` (paid, or failed for good); other figures are
 * another purchase.
 */
export class IntendedOrder {
  private pending: { figures: string; orderId: string } | null = null

  async buy(productId: string, quantity: number, channel: PayChannel) {
    const figures = JSON.stringify([productId, quantity])
    if (this.pending?.figures !== figures) {
      const created = await unwrap(api.POST('/api/orders', { body: { productId, quantity, storeId: null, amount: null, via: null } }))
      this.pending = { figures, orderId: created.id }
    }
    return payOrder(this.pending.orderId, channel)
  }

  /** The order's payment ended: the next purchase, even of the same figures, is a new order. */
  settled() {
    this.pending = null
  }
}
