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
