import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { session } from './lib/session'

const phone = () => import('./phone/PhoneLayout.vue')
const office = () => import('./office/OfficeLayout.vue')

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    redirect: (to) =>
      to.query.ref ? { path: '/login', query: { ref: String(to.query.ref), mode: 'register' } } : session.token ? '/m/wallet' : '/login',
  },
  { path: '/login', component: () => import('./phone/LoginPage.vue'), meta: { public: true } },
  // A promoter's share link (the QR code encodes it) and the old ?ref= form both land on registration.
  { path: '/join/:code', redirect: (to) => ({ path: '/login', query: { ref: String(to.params.code), mode: 'register' } }) },
  // A store's payment QR code opens this page: public, it signs in or registers inline.
  { path: '/pay/:code', component: () => import('./phone/PayPage.vue'), meta: { public: true } },
  {
    path: '/m',
    component: phone,
    children: [
      { path: 'wallet', component: () => import('./phone/WalletPage.vue') },
      { path: 'pay', component: () => import('./phone/PayStart.vue') },
      { path: 'history', component: () => import('./phone/HistoryPage.vue') },
      { path: 'me', component: () => import('./phone/MePage.vue') },
      { path: 'sell', component: () => import('./phone/SellPage.vue') },
      { path: 'withdraw', component: () => import('./phone/WithdrawPage.vue') },
      { path: 'rewards', component: () => import('./phone/RewardsPage.vue') },
      { path: 'invite', component: () => import('./phone/InvitePage.vue') },
      { path: 'shopping', component: () => import('./phone/ShoppingPage.vue') },
      { path: 'dividends', component: () => import('./phone/DividendsPage.vue') },
      { path: 'shop', component: () => import('./phone/ShopPage.vue') },
      { path: 'holdings', component: () => import('./phone/HoldingsPage.vue') },
      { path: 'cards', component: () => import('./phone/CardsPage.vue') },
      { path: 'stores/:storeId', component: () => import('./phone/StorePage.vue') },
      { path: 'orders', component: () => import('./phone/OrdersPage.vue') },
      { path: 'account', component: () => import('./phone/AccountPage.vue') },
    ],
  },
  {
    path: '/office',
    component: office,
    children: [
      { path: '', redirect: '/office/merchant/stores' },
      { path: 'merchant/stores', component: () => import('./office/merchant/StoresPage.vue') },
      { path: 'merchant/till', component: () => import('./office/merchant/TillPage.vue') },
      { path: 'merchant/account', component: () => import('./office/merchant/AccountPage.vue') },
      { path: 'merchant/payouts', component: () => import('./office/merchant/PayoutsPage.vue') },
      { path: 'merchant/orders', component: () => import('./office/merchant/OrdersPage.vue') },
      { path: 'merchant/products', component: () => import('./office/merchant/ProductsPage.vue') },
      { path: 'merchant/cards', component: () => import('./office/merchant/CardsPage.vue') },
      { path: 'merchant/people', component: () => import('./office/merchant/PeoplePage.vue') },
      { path: 'merchant/deposit', component: () => import('./office/merchant/DepositPage.vue') },
      { path: 'finance/withdrawals', component: () => import('./office/finance/WithdrawalsPage.vue') },
      { path: 'finance/rewards', component: () => import('./office/finance/RewardsPage.vue') },
      { path: 'finance/reconciliation', component: () => import('./office/finance/ReconciliationPage.vue') },
      { path: 'finance/refunds-due', component: () => import('./office/finance/RefundsDuePage.vue') },
      { path: 'finance/statements', component: () => import('./office/finance/StatementsPage.vue') },
      { path: 'admin/dashboard', component: () => import('./office/admin/DashboardPage.vue') },
      { path: 'admin/stores', component: () => import('./office/admin/StoresPage.vue') },
      { path: 'admin/rates', component: () => import('./office/admin/RatesPage.vue') },
      { path: 'admin/subsidies', component: () => import('./office/admin/SubsidiesPage.vue') },
      { path: 'admin/users', component: () => import('./office/admin/UsersPage.vue') },
      { path: 'admin/products', component: () => import('./office/merchant/ProductsPage.vue'), props: { platform: true } },
      { path: 'admin/webhooks', component: () => import('./office/admin/WebhooksPage.vue') },
      { path: 'admin/holdings', component: () => import('./office/admin/HoldingsPage.vue') },
      { path: 'admin/compliance', component: () => import('./office/admin/CompliancePage.vue') },
      { path: 'admin/operator-log', component: () => import('./office/admin/OperatorLogPage.vue') },
      { path: 'agent', component: () => import('./office/agent/AgentPage.vue') },
    ],
  },
  { path: '/:rest(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach((to) => {
  if (to.meta.public || session.token) return true
  return { path: '/login', query: { redirect: to.fullPath } }
})
