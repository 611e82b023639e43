import { describe, it, expect, vi, afterEach } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createRouter, createMemoryHistory } from 'vue-router'
import WalletPage from './WalletPage.vue'
import HistoryPage from './HistoryPage.vue'
import { i18n } from '../i18n'

afterEach(() => vi.unstubAllGlobals())

const wallet = {
  memberId: 'u_1', points: '112.0000', price: '1.4286', pointsValue: '160.00', cash: '0.00', shoppingPoints: '3000.00',
  cycleConsumed: '1000.00', cycleRealized: '0.00', exitTarget: '1200.00', exitProgress: '0.1333', exits: 0, referrer: 'u_2', owed: '0.00',
}
const terms = { payout: '0.8', withdrawalMinimum: '10.00', withdrawalFee: '0', exitMultiple: '1.2' }
const history = [{ sequence: 7, cash: '0.00', points: '112.0000', kind: 'Consume', at: '2026-11-01T06:03:00Z' }, { sequence: 9, cash: '1.00', points: '112.0000', kind: 'SomethingNew', at: null }]

function serve(routes: Record<string, unknown>) {
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    const body = routes[new URL(request.url).pathname]
    return new Response(JSON.stringify(body ?? {}), { status: body ? 200 : 404, headers: { 'content-type': 'application/json' } })
  }))
}

async function render(component: object) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div/>' } }] })
  const page = mount(component, { global: { plugins: [i18n, router] } })
  await flushPromises()
  await flushPromises()
  return page.text()
}

describe('member pages', () => {
  it('the wallet shows the figures formatted, the price as history, the exit explained', async () => {
    serve({ '/api/wallet': wallet, '/api/wallet/terms': terms })
    const text = await render(WalletPage)
    for (const expected of ['112.0000', '¥160.00', '¥1,000.00', '¥1,200.00', '1.2 倍', '80%', '价格是历史成交记录']) expect(text).toContain(expected)
    expect(text).not.toMatch(/null|undefined|NaN/)
  })
  it('history shows kinds in Chinese and never a raw or missing value', async () => {
    serve({ '/api/wallet/history': { items: history, total: history.length, page: 1, pageSize: 50 } })
    const text = await render(HistoryPage)
    expect(text).toContain('消费')
    expect(text).toContain('其他')
    expect(text).not.toMatch(/Consume|SomethingNew|null|undefined|NaN/)
  })
})
