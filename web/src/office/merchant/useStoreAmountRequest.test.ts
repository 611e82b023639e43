import { describe, it, expect, vi, afterEach } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount, flushPromises } from '@vue/test-utils'
import { i18n } from '../../i18n'
import { useStoreAmountRequest } from './useStoreAmountRequest'

afterEach(() => vi.unstubAllGlobals())

describe("a merchant's amount request for the picked store", () => {
  it('keeps one key across retries of the same store and amount, clears the amount once answered, and then makes a new key', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ items: [{ id: 's_1', status: 'approved' }] }), {
      status: 200, headers: { 'content-type': 'application/json' } })))
    let request: ReturnType<typeof useStoreAmountRequest> | null = null
    mount(defineComponent({ setup: () => { request = useStoreAmountRequest('payout'); return () => h('p') } }), { global: { plugins: [i18n] } })
    await flushPromises()
    const r = request!
    expect(r.picked.value).toBe('s_1') // the first approved store

    const sent: [string, string, string][] = []
    let fail = true
    const send = async (storeId: string, amount: string, key: string) => {
      sent.push([storeId, amount, key])
      if (fail) { fail = false; throw new Error('timeout') }
      return { ok: true }
    }
    const reload = vi.fn(async () => undefined)
    r.typed.value = '100'
    await r.submit(send, () => ({ success: 'done', reload }))
    expect(r.typed.value).toBe('100') // failed: the amount stays for the retry
    await r.submit(send, () => ({ success: 'done', reload }))
    expect(sent.map(([store, amount]) => `${store} ${amount}`)).toEqual(['s_1 100.00', 's_1 100.00'])
    expect(sent[1][2]).toBe(sent[0][2]) // the retry: the same key
    expect(sent[0][2]).toMatch(/^payout-/)
    expect(r.typed.value).toBe('')
    expect(reload).toHaveBeenCalledOnce()

    r.typed.value = '100'
    await r.submit(send, () => ({ success: 'done' }))
    expect(sent[2][2]).not.toBe(sent[0][2]) // answered: the same figures again are a new request
  })
})
