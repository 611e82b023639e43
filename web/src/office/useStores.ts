import { ref, computed, onMounted } from 'vue'
import { api, unwrap, type Schemas } from '../api/client'

/** The caller's own stores and the one picked (the first approved by default). */
export function useMyStores() {
  const stores = ref<Schemas['StoreResponse'][]>([])
  const picked = ref('')
  const store = computed(() => stores.value.find((s) => s.id === picked.value) ?? null)
  async function load() {
    stores.value = (await unwrap(api.GET('/api/stores', { params: { query: { pageSize: '200' } } }))).items
    if (!stores.value.some((s) => s.id === picked.value))
      picked.value = (stores.value.find((s) => s.status === 'approved') ?? stores.value[0])?.id ?? ''
  }
  onMounted(() => load().catch(() => undefined))
  return { stores, picked, store, load }
}
