import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest'
import type { Schemas } from '../api/client'
import { ApiError } from '../api/client'
import { PaymentFollower, orderCheck, platformPaymentCheck, orderState, platformPaymentState, type PaymentCheck, type PaymentState } from './follow'
import { payChannel } from './payChannel'
import { usePaymentFollow } from './usePaymentFollow'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'

const qr: Schemas['PayerAction'] = { channel: 'qr', qrCode: 'weixin://wxpay/bizpayurl?pr=pay_1', url: null, inApp: null }

function platformPayment(status: string, refusal: string | null = null): Schemas['PlatformPaymentStateResponse'] {
  return {
    payment: { id: 'pp_1', payerId: 'u_1', purpose: 'depositTopUp', subject: 's_1', amount: '10.00', paymentId: 'pay_pp_1', status, refusal, createdAt: '2026-12-01T00:00:00Z' },
    action: status === 'awaitingPayment' ? qr : null,
  }
}

/** A check answering each look with the next of `answers` (the last one again after that), counting the looks. */
function scripted<T>(read: (answer: T) => PaymentState, ...answers: (T | Error)[]) {
  const check = {
    looks: 0,
    ask: vi.fn(async () => {
      const next = answers[Math.min(check.looks++, answers.length - 1)]
      if (next instanceof Error) throw next
      return next
    }),
    read,
  }
  return check satisfies PaymentCheck<T>
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('following a started payment', () => {
  it('looks every interval while the payer has not paid, and stops once the platform payment is applied', async () => {
    const check = scripted(platformPaymentState, platformPayment('awaitingPayment'), platformPayment('awaitingPayment'), platformPayment('applied'))
    const seen: string[] = []
    const follower = new PaymentFollower(check, { intervalMs: 2000, onAnswer: (_, state) => seen.push(state.stage) })
    expect(check.looks).toBe(0) // the first answer came with the request that started it: the first look waits an interval
    await vi.advanceTimersByTimeAsync(1999)
    expect(check.looks).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(check.looks).toBe(1)
    await vi.advanceTimersByTimeAsync(4000)
    expect(check.looks).toBe(3)
    const settled = await follower.settled
    expect(settled?.state).toEqual({ stage: 'paid' })
    expect(seen).toEqual(['awaiting', 'awaiting', 'paid'])
    await vi.advanceTimersByTimeAsync(20_000)
    expect(check.looks).toBe(3) // settled: no further look
  })

  it('stops on refundDue, with the engine refusal that makes the money due back', async () => {
    const check = scripted(platformPaymentState, platformPayment('refundDue', 'RegionTaken'))
    const follower = new PaymentFollower(check, { intervalMs: 1000 })
    await vi.advanceTimersByTimeAsync(1000)
    expect((await follower.settled)?.state).toEqual({ stage: 'refundDue', refusal: 'RegionTaken' })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(check.looks).toBe(1)
  })

  it('stops when an order is paid (completed), and reads a refunded one as failed', async () => {
    const order = (status: string): Schemas['PayResponse'] => ({
      order: { id: 'o_1', status } as Schemas['OrderResponse'], outcome: 'NotPaid', callback: null, action: status === 'created' ? qr : null,
    })
    const check = scripted(orderState, order('created'), order('completed'))
    const follower = new PaymentFollower(check, { intervalMs: 500 })
    await vi.advanceTimersByTimeAsync(1000)
    expect((await follower.settled)?.state).toEqual({ stage: 'paid' })
    expect(check.looks).toBe(2)
    expect(orderState(order('created'))).toEqual({ stage: 'awaiting', action: qr })
    expect(orderState(order('paid'))).toEqual({ stage: 'paid' })
    expect(orderState(order('refunded'))).toEqual({ stage: 'failed' })
  })

  it('asks nothing more once stopped (the page was left), and settles with null', async () => {
    const check = scripted(platformPaymentState, platformPayment('awaitingPayment'))
    const follower = new PaymentFollower(check, { intervalMs: 1000 })
    await vi.advanceTimersByTimeAsync(2000)
    expect(check.looks).toBe(2)
    follower.stop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(check.looks).toBe(2)
    expect(await follower.settled).toBeNull()
  })

  it('ignores an answer that arrives after it was stopped', async () => {
    let answer: (value: Schemas['PlatformPaymentStateResponse']) => void = () => undefined
    const check: PaymentCheck<Schemas['PlatformPaymentStateResponse']> = {
      ask: () => new Promise((resolve) => (answer = resolve)), read: platformPaymentState,
    }
    const onAnswer = vi.fn()
    const follower = new PaymentFollower(check, { intervalMs: 1000, onAnswer })
    await vi.advanceTimersByTimeAsync(1000) // the look is under way
    follower.stop()
    answer(platformPayment('applied'))
    await vi.advanceTimersByTimeAsync(1000)
    expect(onAnswer).not.toHaveBeenCalled()
    expect(await follower.settled).toBeNull()
  })

  it('tries again after a passing failure, and gives up on a final refusal', async () => {
    const passing = scripted(platformPaymentState, new ApiError(0, 'NetworkError', ''), new ApiError(503, 'HttpError', ''), platformPayment('applied'))
    const recovered = new PaymentFollower(passing, { intervalMs: 1000 })
    await vi.advanceTimersByTimeAsync(3000)
    expect((await recovered.settled)?.state.stage).toBe('paid')

    const final = scripted(platformPaymentState, new ApiError(404, 'NotFound', ''))
    const refused = new PaymentFollower(final, { intervalMs: 1000 })
    const failure = refused.settled.catch((e) => e)
    await vi.advanceTimersByTimeAsync(5000)
    expect(await failure).toBeInstanceOf(ApiError)
    expect(final.looks).toBe(1)
  })

  it('follows an order by paying it again through the same channel, and a platform payment by reading it', async () => {
    const requests: string[] = []
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`)
      const body = request.url.includes('/api/payments/') ? platformPayment('applied') : { order: { id: 'o_1', status: 'completed' }, outcome: 'Applied', callback: null }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })
    }))
    await orderCheck('o_1', 'mobileWeb').ask()
    await platformPaymentCheck('pp_1').ask()
    expect(requests).toEqual(['POST /api/orders/o_1/pay?channel=mobileWeb', 'GET /api/payments/pp_1'])
  })
})

describe('a page following its payment', () => {
  it('shows the state as it goes, and stops looking when the page is left', async () => {
    const check = scripted(platformPaymentState, platformPayment('awaitingPayment'))
    let followed: ReturnType<typeof usePaymentFollow> | null = null
    let settled: Promise<unknown> = Promise.resolve()
    const page = mount(defineComponent({
      setup() {
        followed = usePaymentFollow(1000)
        settled = followed.follow(check, platformPayment('awaitingPayment'))
        return () => h('p', followed!.state.value?.stage)
      },
    }))
    expect(followed!.action.value).toEqual(qr)
    await vi.advanceTimersByTimeAsync(3000)
    expect(check.looks).toBe(3)
    expect(page.text()).toBe('awaiting')
    page.unmount()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(check.looks).toBe(3)
    expect(await settled).toBeNull()
  })

  it('needs no look when the first answer is settled already (the simulated provider)', async () => {
    const check = scripted(platformPaymentState, platformPayment('applied'))
    let settled: Promise<unknown> = Promise.resolve()
    mount(defineComponent({ setup: () => { settled = usePaymentFollow(1000).follow(check, platformPayment('applied')); return () => h('p') } }))
    expect(await settled).toEqual({ answer: platformPayment('applied'), state: { stage: 'paid' } })
    await vi.advanceTimersByTimeAsync(5000)
    expect(check.looks).toBe(0)
  })
})

describe('the channel a browser pays through', () => {
  const desktop = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36'
  const phone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1'
  const weChat = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.50'

  it('shows a code on a desktop and inside WeChat, and opens the provider page on a phone browser', () => {
    expect(payChannel('wechatpay', desktop)).toBe('qr')
    expect(payChannel('wechatpay', phone)).toBe('mobileWeb')
    expect(payChannel('alipay', phone)).toBe('mobileWeb')
    expect(payChannel('alipay', weChat)).toBe('qr')
    expect(payChannel('simulated', phone)).toBe('qr')
  })
})
