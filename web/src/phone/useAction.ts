import { ref } from 'vue'
import { showConfirmDialog, showSuccessToast, showFailToast } from 'vant'
import { errorText, i18n } from '../i18n'

export interface PhoneActionSteps<T> {
  /** The dialog asked first, naming the figures that move; the action runs only when confirmed. */
  confirm: { title: string; message: string }
  /** The toast after a success (from its answer, when it names a figure the answer brings). */
  success: string | ((answer: T) => string)
}

/**
 * The phone pages' one way to act on money: confirm with the figures → busy → call → toast, failures shown in the reader's
 * language. A second tap while the call runs does nothing. A call that answers nothing (a payment the payer left unpaid)
 * shows no toast.
 */
export function useAction() {
  const busy = ref(false)
  async function run<T>(call: () => Promise<T | undefined>, steps: PhoneActionSteps<T>): Promise<T | undefined> {
    if (busy.value) return undefined
    const { t } = i18n.global
    try {
      await showConfirmDialog({ ...steps.confirm, confirmButtonText: t('app.confirm'), cancelButtonText: t('app.cancel'), confirmButtonColor: '#c8102e' })
    } catch {
      return undefined
    }
    busy.value = true
    try {
      const answer = await call()
      if (answer !== undefined) showSuccessToast(typeof steps.success === 'string' ? steps.success : steps.success(answer))
      return answer
    } catch (failure) {
      showFailToast(errorText(failure))
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, run }
}
