import { ref, reactive, watch } from 'vue'
import { ElMessage } from 'element-plus'
import { errorText } from '../i18n'

export interface PageOf<T> { items: T[]; total: number | string; page: number | string; pageSize: number | string }

/** The server-side query of a paged list: page, pageSize, search (q) and sort, as strings for the typed client. */
export interface ListParams extends Record<string, string | undefined> { page: string; pageSize: string; q?: string; sort?: string }

/**
 * A list paged, searched and sorted on the server: the page's rows and the total, read again whenever the query or a
 * filter the page watches changes (the search goes back to page 1).
 */
export function usePagedList<T>(fetch: (params: ListParams) => Promise<PageOf<T>>, options: { pageSize?: number; sort?: string } = {}) {
  const rows = ref<T[]>([])
  const total = ref(0)
  const loading = ref(false)
  const query = reactive({ page: 1, pageSize: options.pageSize ?? 20, q: '', sort: options.sort ?? '' })
  async function load() {
    loading.value = true
    try {
      const found = await fetch(params())
      rows.value = found.items
      total.value = Number(found.total)
    } catch (failure) {
      rows.value = []
      total.value = 0
      ElMessage.error(errorText(failure))
    } finally {
      loading.value = false
    }
  }
  function params(): ListParams {
    return { page: String(query.page), pageSize: String(query.pageSize), ...(query.q.trim() ? { q: query.q.trim() } : {}), ...(query.sort ? { sort: query.sort } : {}) }
  }
  function search() {
    if (query.page === 1) void load()
    else query.page = 1
  }
  /** Element Plus's sort-change event as the API's sort key (`-key` descending); `keys` maps a column's prop to its key. */
  function sortBy({ prop, order }: { prop: string; order: 'ascending' | 'descending' | null }, keys: Record<string, string>) {
    query.sort = order && keys[prop] ? (order === 'descending' ? '-' : '') + keys[prop] : options.sort ?? ''
  }
  watch(() => [query.page, query.pageSize, query.sort], () => void load())
  return { rows, total, loading, query, load, search, sortBy, params }
}
