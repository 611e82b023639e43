// zh-CN first: every key here must exist in en.ts (the type says so, and a Vitest test checks the values).
const zhCN = {
  app: {
    title: 'ValuePool 本地生活', fullTitle: 'ValuePool 本地生活消费增值平台', language: 'English', signOut: '退出登录',
    notice: '积分价格是历史记录，不是预测；平台不承诺任何收益。', backOffice: '管理后台', phonePages: '会员端', loading: '加载中…',
    empty: '暂无记录', retry: '重试', confirm: '确认', cancel: '取消', save: '保存', refresh: '刷新', done: '完成', back: '返回',
    time: '时间', amount: '金额', status: '状态', kind: '类型', detail: '说明', actions: '操作', search: '搜索', copy: '复制', copied: '已复制',
  },
  nav: {
    wallet: '钱包', pay: '付款', history: '明细', me: '我的', sell: '卖出积分', withdraw: '提现', rewards: '我的奖励', invite: '邀请好友',
    shopping: '购物积分', dividends: '分红', merchant: '商家中心', finance: '财务审核', admin: '平台管理', agent: '代理中心',
    stores: '我的门店', till: '收银台', account: '门店账户', payouts: '门店提现', withdrawals: '提现审核', dashboard: '数据看板',
    approveStores: '门店审核', rates: '费率设置', subsidies: '补贴注资', regions: '我的区域', openStore: '我要开店',
  },
  auth: {
    signIn: '登录', register: '注册', phone: '手机号', password: '密码', passwordHint: '至少 8 位', haveAccount: '已有账号？去登录',
    noAccount: '没有账号？注册', invitedBy: '邀请人：{who}', invitedByStore: '{store} 邀请您加入', welcome: '欢迎来到 ValuePool',
    signInToPay: '登录或注册后即可付款', phoneInvalid: '请输入正确的手机号', passwordInvalid: '密码至少 8 位',
  },
  wallet: {
    points: '增值积分', price: '积分价格', priceNote: '价格是历史成交记录，不代表未来，更不是承诺。', value: '积分价值', valueNote: '按当前价格折算',
    cash: '可提现零钱', owed: '门店待付', owedNote: '门店暂欠您的款项，到账后才可提现', shoppingPoints: '购物积分',
    exitTitle: '强制出局进度', exitExplain: '本轮消费 {consumed}，出局目标为消费的 {multiple} 倍即 {target}。积分价值加上已卖出所得达到目标时，系统按当时价格自动卖出全部积分（强制出局），新一轮从零开始。',
    exits: '已出局 {n} 次', referrer: '我的邀请人', noReferrer: '无', priceHistory: '价格走势（历史）',
  },
  pay: {
    title: '扫码付款', testPayment: '测试支付：不会扣款', store: '门店', amount: '付款金额', pay: '付款', payAmount: '付款 {amount}', confirmTitle: '确认付款',
    confirmBody: '向 {store} 支付 {amount}？', paying: '付款中…', success: '付款成功', paid: '已向 {store} 支付 {amount}',
    pointsNow: '当前增值积分', again: '再付一笔', toWallet: '查看钱包', scanHint: '用手机相机扫描门店的收款码即可打开付款页；也可输入门店码：',
    code: '门店码', open: '打开', unknownStore: '找不到这家门店，请确认收款码', amountInvalid: '请输入正确的金额',
  },
  sell: {
    title: '卖出积分', available: '可卖积分', points: '卖出数量', all: '全部', preview: '预计到账 {cash}', previewNote: '按当前价格 {price} × {payout}，以实际成交为准',
    confirmTitle: '确认卖出', confirmBody: '卖出 {points} 积分，预计 {cash} 进入零钱？', success: '已卖出，零钱 {cash}', pointsInvalid: '请输入正确的积分数量',
  },
  withdraw: {
    title: '提现', cash: '可提现零钱', amount: '提现金额', minimum: '最低提现 {min}，手续费 {fee}', confirmTitle: '确认提现',
    confirmBody: '提现 {amount}（手续费 {fee}），提交后由财务审核？', success: '已提交，等待财务审核', records: '提现记录', belowMinimum: '低于最低提现金额',
  },
  history: { title: '资金明细', cashAfter: '零钱余额', pointsAfter: '积分余额' },
  rewards: { title: '我的奖励', source: '来源', total: '合计 {amount}' },
  invite: {
    title: '邀请好友', link: '我的邀请链接', qr: '我的邀请码', note: '好友通过链接或扫码注册即与您绑定', notQualified: '暂未获得推广资格',
  },
  shopping: { title: '购物积分', balance: '余额', lots: '积分批次', store: '发放门店', day: '日期', nextExpiry: '最近到期', noExpiry: '永不过期' },
  dividends: { title: '分红与奖励', partner: '合伙人分红', shareholder: '股东分红', capTable: '股东名册' },
  merchant: {
    apply: '申请开店', name: '门店名称', region: '所在地区', regionPick: '选择省 / 市 / 区', submit: '提交申请', submitted: '已提交，等待平台审核',
    myStores: '我的门店', qr: '收款码', download: '下载收款码', qrNote: '顾客用手机扫码即可付款', shareCode: '门店码',
    till: '收银台', tillNote: '线下收款记账：本单佣金从门店预存保证金中扣除。', member: '会员编号', memberHint: '会员的编号（u_ 开头）', benefit: '会员卡权益',
    deposit: '预存保证金', ring: '记账', confirmRing: '为会员 {member} 记账 {amount}？佣金将从保证金 {deposit} 中扣除。', charged: '记账成功，实收 {amount}',
    account: '门店账户', revenue: '营业额', balance: '可提余额', owed: '待付款项', revenueByDay: '每日营业额', orders: '订单数', net: '净收入',
    payouts: '门店提现', payoutAmount: '提现金额', confirmPayout: '从门店余额 {balance} 中提现 {amount}，提交后由财务审核？', payoutDone: '已提交，等待财务审核',
    noStore: '还没有门店', pickStore: '选择门店', refreshRoles: '门店已通过？刷新权限',
  },
  finance: {
    queue: '待审核提现', member: '会员', store: '门店', requestedAt: '申请时间', fee: '手续费', approve: '通过', reject: '驳回',
    confirmApprove: '通过 {who} 的提现 {amount}（手续费 {fee}）？通过后将打款。', confirmReject: '驳回 {who} 的提现 {amount}？金额将退回其零钱。',
    approved: '已通过', rejected: '已驳回', none: '没有待审核的提现', payout: '门店提现',
  },
  admin: {
    pool: '盈利池', points: '流通积分', price: '积分价格', orders: '订单数', revenue: '平台收入', members: '会员数', awaitingExit: '待出局会员',
    priceChart: '积分价格走势', pendingStores: '待审核门店', owner: '店主', approve: '通过', confirmApprove: '通过门店「{name}」（{region}）？',
    approved: '已通过', rates: '费率设置', ratesNote: '修改后实时进行合规审计；只能在第一笔订单前修改。', audit: '合规审计', auditClean: '未发现合规风险',
    rule: '依据', saved: '已保存', confirmSave: '保存新的费率配置？', subsidies: '补贴注资', subsidyAmount: '注资金额', subsidySource: '资金来源',
    confirmSubsidy: '向盈利池注资 {amount}（来源：{source}）？', subsidyDone: '已注资，盈利池 {pool}', allStores: '全部门店',
  },
  agent: { regions: '我的代理区域', level: '级别', region: '区域', fee: '费用', rewards: '代理奖励', byDay: '每日奖励' },
  rate: {
    commission: '门店抽成', platformProfit: '平台利润', distributionBudget: '分销预算', poolContribution: '进池比例', mintShare: '铸币比例',
    payout: '卖出到账比例', exitMultiple: '出局倍数', recruiterReward: '招商奖励', districtAgent: '区代奖励', cityAgent: '市代奖励',
    provinceAgent: '省代奖励', peerReward: '平级奖', withdrawalMinimum: '最低提现', withdrawalFee: '提现手续费', referralLevels: '推荐奖励（各级）',
    multiLevelDifferential: '多级别级差', districtAgentFee: '区代费用', cityAgentFee: '市代费用', provinceAgentFee: '省代费用',
  },
  audit: {
    'referral-depth': '推荐奖励发放 {n} 级：超过两级属于传销特征',
    'multi-level-differential': '开启了多级别级差：沿整条上线按级别发奖',
    'peer-reward': '平级奖 {rate}：为同级别的下线向上线发奖',
    'static-return': '出局倍数 {multiple} × 卖出比例 {payout} = {product}：强制出局返还的现金多于会员消费（静态收益）',
    'entry-fee': '{level}代理付 {fee} 购买区域，最多获得区域内每笔订单的 {rate}：区域订单达到 {breakEven} 才能回本（入门费风险）',
    other: '其他合规提示（代码 {code}）',
    rulePyramid: '《刑法》第224条之一（组织、领导传销活动罪）与《禁止传销条例》', ruleRebate: '2018 年六部委关于“消费返利”的风险提示（非法集资风险）',
    ruleStore: 'MODEL.md §3：门店承诺的支出超过其收入', ruleLimits: '配置限制', ruleOther: '平台规则',
  },
  field: {
    phone: '手机号', password: '密码', amount: '金额', points: '积分', name: '名称', 'region.province': '省', 'region.city': '市',
    'region.district': '区', memberId: '会员编号', ref: '邀请码', via: '门店码', source: '来源', benefit: '权益',
  },
  enum: {
    status: {
      pending: '待审核', approved: '已通过', rejected: '已驳回', created: '待付款', paid: '已付款', completed: '已完成', refunded: '已退款', returned: '已退回',
    },
    severity: { Review: '需人工复核', Risk: '风险', review: '需人工复核', risk: '风险' },
    role: {
      member: '会员', merchant: '商家', promoter: '推广员', agent: '代理', finance: '财务', shareholder: '股东', admin: '管理员', partner: '合伙人',
    },
    benefit: { none: '无', dailySpecial: '每日特价', freeItem: '免费项目', None: '无', DailySpecial: '每日特价', FreeItem: '免费项目' },
    level: { district: '区', city: '市', province: '省', District: '区', City: '市', Province: '省' },
    // The engine's transfer kinds (what a credit to a wallet was).
    transfer: {
      StoreSale: '门店营收', PoolContribution: '进池', PlatformProfit: '平台利润', ReferralReward: '推荐奖励', RecruiterReward: '招商奖励',
      AgentReward: '代理奖励', Mint: '积分铸造', SaleBurn: '卖出销毁', SalePayout: '卖出到账', ForcedExitBurn: '出局销毁',
      ForcedExitPayout: '强制出局到账', Subsidy: '补贴注资', AgentFee: '代理费', ShoppingPointsGrant: '购物积分发放',
      ShoppingPointsRedeemed: '购物积分抵扣', ShoppingPointsExpired: '购物积分过期', ShoppingRebate: '购物返利', GoodsCost: '商品成本',
      ShareholderDividend: '股东分红', InitiatorBonus: '发起人奖励', PartnerDividend: '合伙人分红', PartnerReferralReward: '合伙人推荐奖励',
      CardSale: '会员卡销售', CardSellerReward: '售卡奖励', WithdrawalRequested: '申请提现', WithdrawalPaid: '提现到账', WithdrawalFee: '提现手续费',
      WithdrawalReturned: '提现退回', DepositTopUp: '保证金充值', ShareInvestment: '股份投资',
      DifferentialReward: '多级别级差奖', PeerReward: '平级奖', PlatformShareholderDividend: '股东加权分红',
    },
    // The engine's commands (what a journal entry in a member's history was).
    entry: {
      Configure: '配置', Consume: '消费', Sell: '卖出积分', Subsidy: '补贴注资', RegisterStore: '门店开通', AppointAgent: '代理开通',
      Bind: '绑定邀请人', BuyWithShoppingPoints: '购物积分购物', ExpireShoppingPoints: '购物积分过期', AddPartner: '成为合伙人',
      AddShareholder: '股东入股', TopUpDeposit: '保证金充值', SettleShareholders: '股东分红结算', SettlePartners: '合伙人分红结算',
      RequestWithdrawal: '申请提现', RequestStorePayout: '门店提现', SettlePlatformShareholders: '股东加权分红结算', ReviewWithdrawal: '提现审核', ReturnFailedPayout: '转账失败退回', DefineCard: '发布会员卡', BuyCard: '购买会员卡',
      Unknown: '其他',
    },
    unknown: '其他',
  },
  // Server problem codes (the engine's CommandResult names and the server's own).
  error: {
    generic: '操作失败（{status}），请稍后重试', NetworkError: '网络连接失败，请检查网络', Unauthorized: '请先登录', Forbidden: '没有权限',
    NotFound: '找不到该记录', TooManyRequests: '操作太频繁，请稍后再试', HttpError: '服务器错误', ValidationFailed: '请检查填写的内容',
    BadCredentials: '手机号或密码错误', TooManyFailedLogins: '密码错误次数过多，请 15 分钟后再试', IdempotencyKeyConflict: '这笔操作已提交过',
    OrderNotRefundable: '订单已完成，不能退款', PhoneTaken: '该手机号已注册',
    Ok: '成功', BindingIgnored: '已绑定过邀请人', AmountNotPositive: '金额必须大于 0', InsufficientPoints: '积分不足', UnknownStore: '门店不存在',
    DuplicateStore: '门店已存在', RegionTaken: '该区域已有代理', RegionLevelMismatch: '区域与级别不符', StoreRegionIncomplete: '门店地区不完整',
    ConfigAfterFirstOrder: '已有订单，不能再修改费率', InvalidConfig: '费率配置不合规则', InvalidId: '编号无效',
    ShoppingPointsAboveLimit: '购物积分超过可抵扣上限', InsufficientShoppingPoints: '购物积分不足', SharesAboveOne: '股份合计不能超过 100%',
    SharesNotOne: '股份合计须为 100%', InvalidPeriod: '结算周期无效', PeriodOverlaps: '结算周期重叠', UnknownCard: '会员卡不存在',
    DuplicateCard: '会员卡已存在', CardBenefitUnavailable: '会员卡权益不可用', InvalidTerms: '门店条款超出限制', BelowWithdrawalMinimum: '低于最低提现金额',
    InsufficientCash: '零钱不足', DuplicateWithdrawal: '重复的提现申请', UnknownWithdrawal: '提现申请不存在', WithdrawalAlreadyReviewed: '该提现已审核过', WithdrawalNotPaid: '该提现尚未批准打款，或款项已退回',
    InvalidRates: '商品费率不合规则', AmountAboveMaximum: '金额超过上限', InsufficientDeposit: '门店保证金不足，无法支付本单佣金，请先充值保证金',
    InsufficientStoreBalance: '门店余额不足', UnknownCommand: '未知操作', CommandFailed: '系统处理失败，请稍后重试',
    DividendPeriodOverlaps: '该期间与已结算的股东分红期间重叠',
  },
}

export type Messages = typeof zhCN
export default zhCN
