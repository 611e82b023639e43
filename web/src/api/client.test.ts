import { describe, it, expect, vi, afterEach } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'
import { api, unwrap, ApiError, problemOf, newIdempotencyKey } from './client'
import { PendingPayment } from '../lib/payment'
import { session, signIn, signOut } from '../lib/session'

afterEach(() => {
  vi.unstubAllGlobals()
  signOut()
})

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } })
}

describe('the API client', () => {
  it('types were generated from the committed OpenAPI document (npm run gen:api)', async () => {
    const spec = JSON.parse(readFileSync(resolve('src/api/openapi.json'), 'utf8'))
    const generated = astToString(await openapiTS(spec))
    const committed = readFileSync(resolve('src/api/schema.d.ts'), 'utf8')
    const body = (text: string) => text.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim()
    expect(body(committed)).toBe(body(generated))
  }, 30_000)

  it('sends the bearer token and turns problem details into an ApiError with the code', async () => {
    signIn({ token: 'tok', userId: 'u_1', phone: '13900000000', roles: ['member'] })
    const fetch = vi.fn(async (request: Request) => {
      expect(request.headers.get('authorization')).toBe('Bearer tok')
      return answer(422, { code: 'InsufficientDeposit', detail: 'the deposit cannot cover it' })
    })
    vi.stubGlobal('fetch', fetch)
    const failure = await unwrap(api.GET('/api/wallet', { fetch })).catch((e) => e)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure.code).toBe('InsufficientDeposit')
    expect(failure.status).toBe(422)
  })

  it('names status codes without a problem body', () => {
    expect(problemOf(404, null).code).toBe('NotFound')
    expect(problemOf(429, undefined).code).toBe('TooManyRequests')
    expect(newIdempotencyKey('pay')).toMatch(/^pay-/)
  })

  it('pays once per intended payment: a double tap and a retry reuse one Idempotency-Key', async () => {
    signIn({ token: 'tok', userId: 'u_1', phone: '13900000000', roles: ['member'] })
    const keys: string[] = []
    let fail = true
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      keys.push(request.headers.get('idempotency-key') ?? '')
      await new Promise((resolve) => setTimeout(resolve, 5))
      if (fail) { fail = false; return answer(503, {}) }
      return answer(200, { order: { id: 'o_1' }, outcome: 'Applied', callback: {} })
    }))
    const payment = new PendingPayment('s_1', 'c_1')
    // A failed attempt, then a retry of the same amount: the same key.
    await payment.pay('10.00').catch(() => undefined)
    const [first, second] = [payment.pay('10.00'), payment.pay('10.00')]
    expect(first).toBe(second) // the double tap waits for the first request
    await first
    expect(keys.length).toBe(2)
    expect(keys[0]).toBe(keys[1])
    // After an answer, the next payment is a new one.
    await payment.pay('10.00')
    expect(keys[2]).not.toBe(keys[0])
    expect(session.token).toBe('tok')
  })
})
