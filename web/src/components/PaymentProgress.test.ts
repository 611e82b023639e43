import { describe, it, expect } from 'vitest'
import { mount } from '@vue/test-utils'
import PaymentProgress from './PaymentProgress.vue'
import { i18n, setLocale } from '../i18n'
import type { PaymentState } from '../lib/follow'

const render = (state: PaymentState, provider = 'wechatpay') =>
  mount(PaymentProgress, { props: { state, provider, amount: '¥300.00' }, global: { plugins: [i18n] } })

describe('a payment as the payer sees it', () => {
  it('draws the code to scan in the browser and says with which app', () => {
    const page = render({ stage: 'awaiting', action: { channel: 'qr', qrCode: 'weixin://wxpay/bizpayurl?pr=pay_1', url: null, inApp: null } })
    expect(page.find('[data-test=payer-qr] svg').exists()).toBe(true)
    expect(page.text()).toContain('等待支付 · ¥300.00')
    expect(page.text()).toContain('请用微信扫码支付')
    expect(page.find('[data-test=payer-open]').exists()).toBe(false)
    expect(render({ stage: 'awaiting', action: { channel: 'qr', qrCode: 'https://qr.alipay.com/x', url: null, inApp: null } }, 'alipay').text()).toContain('请用支付宝扫码支付')
  })

  it("links to the provider's page on a phone, and asks for WeChat where its sheet is needed", () => {
    const page = render({ stage: 'awaiting', action: { channel: 'mobileWeb', qrCode: null, url: 'https://wx.tenpay.com/h5?prepay_id=1', inApp: null } })
    expect(page.find('[data-test=payer-open]').attributes('href')).toBe('https://wx.tenpay.com/h5?prepay_id=1')
    expect(page.find('[data-test=payer-open]').text()).toBe('前往微信支付')
    expect(page.find('[data-test=payer-qr]').exists()).toBe(false)
    const inApp = render({ stage: 'awaiting', action: { channel: 'inApp', qrCode: null, url: null, inApp: { appId: 'wx1', paySign: 's' } } })
    expect(inApp.text()).toContain('请在微信中打开本页完成支付')
  })

  it('names the refusal and the money due back, in Chinese and in English, never the raw code', () => {
    const state: PaymentState = { stage: 'refundDue', refusal: 'RegionTaken' }
    const text = render(state).text()
    expect(text).toContain('退款待处理')
    expect(text).toContain('该区域已有代理')
    expect(text).toContain('¥300.00 将退还给付款人')
    expect(text).not.toContain('RegionTaken')
    setLocale('en')
    expect(render(state).text()).toContain('is due back to the payer')
    setLocale('zh-CN')
    expect(render({ stage: 'refundDue', refusal: 'SomethingNew' }).text()).toContain('平台拒绝了此操作')
    expect(render({ stage: 'paid' }).text()).toContain('已支付 · ¥300.00')
  })
})
