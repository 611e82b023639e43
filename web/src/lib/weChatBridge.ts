/** WeChat's in-app browser object (present only inside WeChat), through which a JSAPI payment opens WeChat's payment sheet. */
interface WeixinJSBridge {
  invoke(name: 'getBrandWCPayRequest', parameters: Record<string, string>, done: (result: { err_msg: string }) => void): void
}

const bridge = () => (globalThis as { WeixinJSBridge?: WeixinJSBridge }).WeixinJSBridge

/** Inside WeChat's browser. */
export const weChatPayAvailable = () => bridge() !== undefined

/**
 * Opens WeChat's payment sheet with the signed parameters the server answered (`inApp`: appId, timeStamp, nonceStr, package,
 * signType, paySign). What the sheet reports is not trusted: the page keeps asking the server, which asks WeChat Pay.
 */
export function invokeWeChatPay(parameters: Record<string, string>) {
  bridge()?.invoke('getBrandWCPayRequest', parameters, () => undefined)
}
