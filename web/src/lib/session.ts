import { reactive } from 'vue'

export interface Session {
  token: string
  userId: string
  phone: string
  roles: string[]
}

const KEY = 'session'

function load(): Session | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null
  } catch {
    return null
  }
}

const stored = typeof localStorage === 'undefined' ? null : load()

/** The signed-in user (token and roles) or empty; kept in localStorage. */
export const session = reactive<{ token: string; userId: string; phone: string; roles: string[] }>({
  token: stored?.token ?? '',
  userId: stored?.userId ?? '',
  phone: stored?.phone ?? '',
  roles: stored?.roles ?? [],
})

export function signIn(value: Session) {
  Object.assign(session, value)
  localStorage.setItem(KEY, JSON.stringify(value))
}

export function updateRoles(token: string, roles: string[]) {
  signIn({ ...session, token, roles })
}

export function signOut() {
  Object.assign(session, { token: '', userId: '', phone: '', roles: [] })
  localStorage.removeItem(KEY)
}

export const hasRole = (role: string) => session.roles.includes(role)
