import { reactive } from 'vue'
import { api, unwrap } from '../api/client'

const stores = reactive<Record<string, string>>({})
const products = reactive<Record<string, string>>({})

/**
 * What a member's order was for, by name: its product's, else its store's (an order names only ids). Each name is read once
 * and kept; until it arrives, and for a store or product the reader may not see, the answer is ''.
 */
export function orderTitle(order: { storeId: string | null; productId: string | null }): string {
  if (order.productId) return nameOf(products, order.productId, (id) => unwrap(api.GET('/api/products/{id}', { params: { path: { id } } })))
  if (order.storeId) return nameOf(stores, order.storeId, (id) => unwrap(api.GET('/api/stores/{id}', { params: { path: { id } } })))
  return ''
}

function nameOf(known: Record<string, string>, id: string, read: (id: string) => Promise<{ name: string }>): string {
  if (!(id in known)) {
    known[id] = ''
    read(id).then((found) => (known[id] = found.name), () => undefined)
  }
  return known[id]
}
