import type { PayChannel } from './payChannel'

/**
 * An order this browser tab left awaiting its payer, by the page that started it: the payer sent to the provider's page (H5,
 * wap.pay) comes back to a page loaded anew, which follows the same order again instead of showing a blank keypad.
 */
export interface AwaitedOrder {
  orderId: string
  amount: string
  channel: PayChannel
}

const key = (page: string) => `awaitedOrder:${page}`

export function rememberAwaitedOrder(page: string, order: AwaitedOrder) {
  sessionStorage.setItem(key(page), JSON.stringify(order))
}

export function awaitedOrder(page: string): AwaitedOrder | null {
  try {
    const order = JSON.parse(sessionStorage.getItem(key(page)) ?? 'null') as AwaitedOrder | null
    return order && typeof order.orderId === 'string' && typeof order.amount === 'string' ? order : null
  } catch {
    return null
  }
}

export function forgetAwaitedOrder(page: string) {
  sessionStorage.removeItem(key(page))
}
