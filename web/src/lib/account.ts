import { api, unwrap } from '../api/client'
import { session, signIn, updateRoles } from './session'

/** Signs in or registers (with the share code that invited them) and keeps the session. */
export async function enter(mode: 'signIn' | 'register', phone: string, password: string, ref?: string) {
  const body = { phone, password, ref: ref || null }
  const answer = await unwrap(
    mode === 'register' ? api.POST('/api/accounts/register', { body }) : api.POST('/api/accounts/login', { body: { phone, password } }),
  )
  signIn({ token: answer.token, userId: answer.userId, phone, roles: answer.roles })
}

/** A fresh token carrying roles granted since sign-in (a store approved, finance appointed), without signing in again. */
export async function refreshRoles() {
  if (!session.token) return
  try {
    const answer = await unwrap(api.POST('/api/accounts/token'))
    updateRoles(answer.token, answer.roles)
  } catch {
    /* an expired session signs out in the client's middleware */
  }
}
