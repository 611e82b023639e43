import { api, unwrap } from '../api/client'

/** The server's names for how the payer pays (OrdersApi.ReadPayer): a code to scan, the provider's app (JSAPI), a phone's browser (H5, wap.pay). */
export type PayChannel = 'qr' | 'inApp' | 'mobileWeb'

/** Both real providers send a phone's browser to their payment page (WeChat Pay H5, Alipay wap.pay); the simulated one pays at once. */
const givesPageUrl = new Set(['wechatpay', 'alipay'])

/**
 * How this browser pays: a desktop shows a code to scan with the phone; a phone's browser opens the provider's page when the
 * provider gives one, except inside WeChat, which blocks both H5 and Alipay's page (JSAPI needs the payer's openId, which the
 * console does not have), so it shows the code there too.
 */
export function payChannel(provider: string, userAgent: string): PayChannel {
  const phone = /Android|iPhone|iPad|iPod|Mobile|HarmonyOS/i.test(userAgent)
  const inWeChat = /MicroMessenger/i.test(userAgent)
  return phone && !inWeChat && givesPageUrl.has(provider) ? 'mobileWeb' : 'qr'
}

let provider: Promise<{ name: string; simulated: boolean }> | null = null

/** The platform's payment provider (`GET /api/payments/provider`), asked once per page load. */
export function paymentProvider() {
  provider ??= unwrap(api.GET('/api/payments/provider')).catch(() => {
    provider = null
    return { name: '', simulated: false }
  })
  return provider
}

/** The channel this browser pays through with the platform's provider. */
export async function thisBrowsersChannel(): Promise<PayChannel> {
  return payChannel((await paymentProvider()).name, typeof navigator === 'undefined' ? '' : navigator.userAgent)
}
