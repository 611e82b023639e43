// The typed API client: openapi-fetch over the types openapi-typescript generated from the server's /openapi/v1.json
// (src/api/openapi.json; `npm run gen:api` regenerates schema.d.ts; a .NET test fails when openapi.json falls behind the server).
import createClient, { type Middleware } from 'openapi-fetch'
import type { paths, components } from './schema'
import { session, signOut } from '../lib/session'

export type Schemas = components['schemas']

/** A refused request: `code` is the server's stable problem code (InsufficientDeposit, ValidationFailed, …). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(`${status} ${code}: ${detail}`)
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    if (session.token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${session.token}`)
    return request
  },
  onResponse({ response, request }) {
    // An expired token: back to sign-in (but not for the sign-in request itself).
    if (response.status === 401 && session.token && !request.url.includes('/api/accounts/')) signOut()
    return response
  },
}

export const api = createClient<paths>({
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : location.origin,
  // Looked up at each call, so tests can stand in for the network.
  fetch: (request: Request) => globalThis.fetch(request),
})
api.use(auth)

/** The problem details of a failed response as an ApiError. */
export function problemOf(status: number, body: unknown): ApiError {
  const problem = (body ?? {}) as { code?: string; title?: string; detail?: string; errors?: Record<string, string[]> }
  const code = problem.code ?? (status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : status === 404 ? 'NotFound' : status === 429 ? 'TooManyRequests' : 'HttpError')
  return new ApiError(status, code, problem.detail ?? problem.title ?? '', problem.errors ?? {})
}

/** Awaits an openapi-fetch call: its data, or an ApiError thrown. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await call
  } catch (failure) {
    throw new ApiError(0, 'NetworkError', String(failure))
  }
  if (!result.response.ok) throw problemOf(result.response.status, result.error)
  return result.data as T
}

/** A new idempotency key: made once per intended payment, so a double tap or a retry cannot pay twice. */
export function newIdempotencyKey(prefix: string): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`
  return `${prefix}-${random}`
}
