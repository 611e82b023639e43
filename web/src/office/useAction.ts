import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { errorText } from '../i18n'
import { confirmMoney } from './confirm'

export interface ActionSteps<T> {
  /** Asked first (naming the figures when money moves); the action runs only when confirmed. */
  confirm?: string
  /** Shown when the call succeeded (from its answer, when it names a figure the answer brings). */
  success: string | ((answer: T) => string)
  /** Run after a success: the page's lists read again. */
  reload?: () => Promise<unknown>
}

/**
 * The back office's one way to act: confirm → busy → call → toast → reload, failures shown in the reader's language.
 * `busy` names the action running (a row's id, or any key), so its button spins and the others stay usable.
 */
export function useAction() {
  const busy = ref('')
  async function run<T>(key: string, call: () => Promise<T>, steps: ActionSteps<T>): Promise<T | undefined> {
    if (busy.value) return undefined
    if (steps.confirm !== undefined && !(await confirmMoney(steps.confirm))) return undefined
    busy.value = key
    try {
      const answer = await call()
      ElMessage.success(typeof steps.success === 'string' ? steps.success : steps.success(answer))
      if (steps.reload) await steps.reload()
      return answer
    } catch (failure) {
      ElMessage.error(errorText(failure))
      return undefined
    } finally {
      busy.value = ''
    }
  }
  return { busy, run }
}
