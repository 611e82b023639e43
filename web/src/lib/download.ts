import { session } from './session'
import { ApiError, problemOf } from '../api/client'

/** Downloads an export (CSV or XLSX) with the session's token, under the file name the server gave it. */
export async function download(path: string, query: Record<string, string | undefined>) {
  const search = new URLSearchParams(Object.entries(query).filter((pair): pair is [string, string] => Boolean(pair[1])))
  const response = await fetch(`${path}?${search}`, { headers: { authorization: `Bearer ${session.token}` } }).catch((failure) => {
    throw new ApiError(0, 'NetworkError', String(failure))
  })
  if (!response.ok) throw problemOf(response.status, await response.json().catch(() => null))
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export'
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = decodeURIComponent(name)
  link.click()
  URL.revokeObjectURL(url)
}
