import { ElMessageBox } from 'element-plus'
import { i18n } from '../i18n'

/** Asks before an action that moves money, naming its figures; resolves to false when cancelled. */
export async function confirmMoney(message: string): Promise<boolean> {
  const { t } = i18n.global
  try {
    await ElMessageBox.confirm(message, t('app.confirm'), { confirmButtonText: t('app.confirm'), cancelButtonText: t('app.cancel'), type: 'warning' })
    return true
  } catch {
    return false
  }
}

/** Asks for one line of text (1 to `lengthMax` characters) naming what it is for; the text, or null when cancelled. */
export async function promptText(message: string, hint: string, invalid: string, lengthMax: number): Promise<string | null> {
  const { t } = i18n.global
  try {
    const { value } = await ElMessageBox.prompt(message, t('app.confirm'), {
      confirmButtonText: t('app.confirm'), cancelButtonText: t('app.cancel'), inputPlaceholder: hint,
      inputValidator: (text: string) => (text.trim().length > 0 && text.trim().length <= lengthMax) || invalid, type: 'warning',
    })
    return value.trim()
  } catch {
    return null
  }
}

/** Asks for the reason of a rejection, naming what is rejected; the reason, or null when cancelled. */
export function promptReason(message: string): Promise<string | null> {
  const { t } = i18n.global
  return promptText(message, t('app.reasonHint'), t('app.reasonRequired'), 200)
}
