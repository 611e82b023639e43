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

/** Asks for the reason of a rejection, naming what is rejected; the reason, or null when cancelled. */
export async function promptReason(message: string): Promise<string | null> {
  const { t } = i18n.global
  try {
    const { value } = await ElMessageBox.prompt(message, t('app.confirm'), {
      confirmButtonText: t('app.confirm'), cancelButtonText: t('app.cancel'), inputPlaceholder: t('app.reasonHint'),
      inputValidator: (text: string) => (text.trim().length > 0 && text.trim().length <= 200) || t('app.reasonRequired'), type: 'warning',
    })
    return value.trim()
  } catch {
    return null
  }
}
