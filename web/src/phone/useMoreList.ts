import { ref, type Ref } from 'vue'

export interface Page<T> { items: T[]; total: number | string }

/**
 * A phone list read a page at a time, newest first: 加载更多 appends the next page. `rows` is null until the first page
 * arrives; a failed read shows what was read so far.
 */
export function useMoreList<T>(read: (page: number, pageSize: number) => Promise<Page<T>>, pageSize = 50) {
  const rows = ref<T[] | null>(null) as Ref<T[] | null>
  const total = ref(0)
  const busy = ref(false)
  async function more() {
    busy.value = true
    const page = Math.floor((rows.value?.length ?? 0) / pageSize) + 1
    const found = await read(page, pageSize).catch(() => ({ items: [] as T[], total: rows.value?.length ?? 0 }))
    rows.value = [...(rows.value ?? []), ...found.items]
    total.value = Number(found.total)
    busy.value = false
  }
  async function reload() {
    rows.value = null
    await more()
  }
  return { rows, total, busy, more, reload }
}
