// ValuePool web console: one page, zh-CN first, English second. It only calls the public API
// (docs/API.md) with the signed-in user's token; every rule is enforced by the server.
"use strict";

const TEXT = {
  zh: {
    title: "ValuePool 本地生活消费增值平台", language: "English",
    notice: "积分价格是历史记录，不是预测；平台不承诺任何收益。",
    login: "登录", register: "注册", logout: "退出", phone: "手机号", password: "密码", referral: "推荐码（可选）",
    wallet: "我的钱包", pay: "到店付款", merchant: "商家", finance: "财务审核", admin: "平台管理",
    points: "增值积分", price: "积分价格", pointsValue: "积分价值", cash: "零钱", shoppingPoints: "购物积分",
    exitProgress: "距强制出局", exits: "出局次数", exitTarget: "出局目标", cycleConsumed: "本轮消费",
    sell: "卖出积分", sellPoints: "卖出数量", withdraw: "提现", amount: "金额", history: "流水", rewards: "奖励",
    withdrawals: "提现记录", approve: "通过", reject: "驳回", pending: "待审核", storeId: "门店编号",
    payNow: "付款", orders: "我的订单", myStores: "我的门店", newStore: "申请开店", name: "名称",
    province: "省", city: "市", district: "区", qr: "收款码", account: "门店账户", pool: "盈利池",
    circulating: "流通积分", members: "会员数", platformRevenue: "平台收入", priceHistory: "价格走势",
    audit: "合规审计", pendingStores: "待审核门店", done: "已完成", status: "状态", kind: "类型", time: "时间",
    id: "编号", code: "代码", fee: "手续费", revenue: "营业额", balance: "余额", severity: "级别", rule: "依据", message: "说明",
    testPayment: "测试支付",
  },
  en: {
    title: "ValuePool local-life consumption platform", language: "中文",
    notice: "The point price is history, not a forecast; the platform promises no return.",
    login: "Sign in", register: "Register", logout: "Sign out", phone: "Phone", password: "Password", referral: "Referral code (optional)",
    wallet: "Wallet", pay: "Pay in store", merchant: "Merchant", finance: "Finance review", admin: "Administration",
    points: "Points", price: "Point price", pointsValue: "Points value", cash: "Cash", shoppingPoints: "Shopping points",
    exitProgress: "Progress to forced exit", exits: "Exits", exitTarget: "Exit target", cycleConsumed: "Spent this cycle",
    sell: "Sell points", sellPoints: "Points to sell", withdraw: "Withdraw", amount: "Amount", history: "History", rewards: "Rewards",
    withdrawals: "Withdrawals", approve: "Approve", reject: "Reject", pending: "Pending", storeId: "Store id",
    payNow: "Pay", orders: "My orders", myStores: "My stores", newStore: "Open a store", name: "Name",
    province: "Province", city: "City", district: "District", qr: "Payment QR code", account: "Store account", pool: "Pool",
    circulating: "Circulating points", members: "Members", platformRevenue: "Platform revenue", priceHistory: "Price history",
    audit: "Compliance audit", pendingStores: "Stores to approve", done: "Done", status: "Status", kind: "Kind", time: "Time",
    id: "Id", code: "Code", fee: "Fee", revenue: "Revenue", balance: "Balance", severity: "Severity", rule: "Rule", message: "Finding",
    testPayment: "test payment",
  },
};

let language = localStorage.getItem("language") || "zh";
let session = JSON.parse(localStorage.getItem("session") || "null");
let paymentProvider = null; // GET /api/payments/provider, read once: the simulated one collects no money
const t = key => TEXT[language][key] ?? key;

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
  return node;
}

async function api(method, path, body, headers = {}) {
  const response = await fetch(path, {
    method,
    headers: { "content-type": "application/json", ...(session ? { authorization: `Bearer ${session.token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const fields = payload?.errors ? Object.entries(payload.errors).map(([field, messages]) => `${field}: ${messages.join(", ")}`) : [];
    throw new Error([payload?.detail || payload?.title || response.statusText, ...fields].join(" · "));
  }
  return payload;
}

const figure = (label, value) => el("div", { class: "figure" }, el("span", {}, label), el("b", {}, value));

function table(rows, columns) {
  if (!rows?.length) return el("p", {}, "—");
  return el("table", {},
    el("thead", {}, el("tr", {}, columns.map(column => el("th", {}, t(column))))),
    el("tbody", {}, rows.map(row => el("tr", {}, columns.map(column => {
      const value = row[column];
      return el("td", /^-?\d+\.\d+$/.test(value ?? "") ? { class: "amount" } : {}, typeof value === "object" ? JSON.stringify(value) : value);
    })))));
}

/** A form of [name, type, optional] fields whose submit runs `action` with their values, showing the error or `done`. */
function form(fields, buttonText, action) {
  const message = el("span");
  const node = el("form", {}, fields.map(([name, type = "text", optional = false]) =>
      el("label", {}, t(name), el("input", optional ? { name, type } : { name, type, required: "" }))),
    el("button", { type: "submit" }, buttonText), message);
  node.addEventListener("submit", async event => {
    event.preventDefault();
    try { await action(Object.fromEntries(new FormData(node))); message.className = "ok"; message.textContent = t("done"); }
    catch (error) { message.className = "error"; message.textContent = error.message; }
  });
  return node;
}

/** A pay button's text, marked 测试支付 while the simulated provider (which collects nothing) is the active one. */
const payText = text => [text, ...(paymentProvider?.simulated ? [el("span", { class: "badge" }, t("testPayment"))] : [])];

const section = (title, ...content) => el("section", {}, el("h2", {}, title), ...content);
const idempotencyKey = () => ({ "Idempotency-Key": crypto.randomUUID() });

const views = {
  async login() {
    const referral = new URLSearchParams(location.search).get("ref") || "";
    const signIn = async (path, values) => {
      session = await api("POST", path, { phone: values.phone, password: values.password, ref: values.referral || referral || undefined });
      localStorage.setItem("session", JSON.stringify(session));
      location.hash = "#wallet";
    };
    return [
      section(t("login"), form([["phone", "tel"], ["password", "password"]], t("login"), values => signIn("/api/accounts/login", values))),
      section(t("register"), form([["phone", "tel"], ["password", "password"], ["referral", "text", true]], t("register"),
        values => signIn("/api/accounts/register", values))),
    ];
  },

  async wallet() {
    const [wallet, history, rewards, withdrawals] = await Promise.all([
      api("GET", "/api/wallet"), api("GET", "/api/wallet/history"), api("GET", "/api/wallet/rewards"), api("GET", "/api/withdrawals")]);
    const progress = Number(wallet.exitProgress) * 100;
    return [
      section(t("wallet"),
        el("div", { class: "figures" }, figure(t("points"), wallet.points), figure(t("price"), wallet.price), figure(t("pointsValue"), wallet.pointsValue),
          figure(t("cash"), wallet.cash), figure(t("shoppingPoints"), wallet.shoppingPoints), figure(t("exits"), wallet.exits)),
        el("p", {}, `${t("exitProgress")}: ${progress.toFixed(1)}% (${t("cycleConsumed")} ${wallet.cycleConsumed}, ${t("exitTarget")} ${wallet.exitTarget})`),
        el("div", { class: "progress" }, el("div", { style: `width:${Math.min(progress, 100)}%` }))),
      section(t("sell"), form([["sellPoints"]], t("sell"), async values => { await api("POST", "/api/wallet/sell", { points: values.sellPoints }, idempotencyKey()); render(); })),
      section(t("withdraw"), form([["amount"]], t("withdraw"), async values => { await api("POST", "/api/withdrawals", { amount: values.amount }, idempotencyKey()); render(); }),
        table(withdrawals, ["id", "amount", "fee", "status"])),
      section(t("rewards"), table(rewards, Object.keys(rewards?.[0] ?? {}))),
      section(t("history"), table(history, Object.keys(history?.[0] ?? {}))),
    ];
  },

  async pay() {
    const orders = await api("GET", "/api/orders");
    return [
      section(t("pay"), form([["storeId"], ["amount"]], payText(t("payNow")), async values => {
        const order = await api("POST", "/api/orders", { storeId: values.storeId, amount: values.amount });
        await api("POST", `/api/orders/${encodeURIComponent(order.id)}/pay`, {});
        render();
      })),
      section(t("orders"), table(orders, ["id", "storeId", "amount", "status"])),
    ];
  },

  async merchant() {
    const stores = await api("GET", "/api/stores");
    const mine = await Promise.all(stores.filter(store => store.status === "approved").map(async store => section(`${store.name} (${store.id})`,
      el("img", { src: `/api/stores/${encodeURIComponent(store.id)}/qr.svg`, alt: t("qr"), width: "160", height: "160" }),
      table([await api("GET", `/api/stores/${encodeURIComponent(store.id)}/account`)], ["revenue", "balance"]))));
    return [
      section(t("myStores"), table(stores, ["id", "name", "status", "shareCode"])),
      section(t("newStore"), form([["name"], ["province"], ["city"], ["district"]], t("newStore"), async values => {
        await api("POST", "/api/stores", { name: values.name, region: { province: values.province, city: values.city, district: values.district } });
        render();
      })),
      ...mine,
    ];
  },

  async finance() {
    const pending = await api("GET", "/api/withdrawals/pending");
    const review = (id, verdict) => el("button", { type: "button", onclick: async () => { await api("POST", `/api/withdrawals/${encodeURIComponent(id)}/${verdict}`, {}); render(); } }, t(verdict));
    return [section(t("pending"), pending.length ? el("table", {}, pending.map(w => el("tr", {},
      el("td", {}, w.id), el("td", {}, w.memberId), el("td", { class: "amount" }, w.amount), el("td", {}, review(w.id, "approve"), " ", review(w.id, "reject"))))) : el("p", {}, "—"))];
  },

  async admin() {
    const [pool, history, config, stores] = await Promise.all([
      api("GET", "/api/admin/pool"), api("GET", "/api/pool/price-history"), api("GET", "/api/admin/config"), api("GET", "/api/stores?status=pending")]);
    const approve = id => el("button", { type: "button", onclick: async () => { await api("POST", `/api/stores/${encodeURIComponent(id)}/approve`, {}); render(); } }, t("approve"));
    return [
      section(t("pool"), el("div", { class: "figures" }, figure(t("pool"), pool.pool), figure(t("circulating"), pool.points), figure(t("price"), pool.price),
        figure(t("members"), pool.members), figure(t("platformRevenue"), pool.platformRevenue))),
      section(t("priceHistory"), chart(history.map(point => Number(point.price)))),
      section(t("audit"), table(config.findings, ["severity", "code", "message", "rule"])),
      section(t("pendingStores"), stores.length ? el("table", {}, stores.map(store => el("tr", {}, el("td", {}, store.id), el("td", {}, store.name), el("td", {}, approve(store.id))))) : el("p", {}, "—")),
    ];
  },
};

/** A line of the price over time, scaled to its own range (the price only rises). */
function chart(values) {
  if (values.length < 2) return el("p", {}, "—");
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const points = values.map((value, i) => `${(i / (values.length - 1)) * 100},${40 - ((value - low) / (high - low || 1)) * 38}`).join(" ");
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 100 42");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", "chart");
  svg.innerHTML = `<polyline fill="none" stroke="#2f80ed" stroke-width="0.6" points="${points}"/>`;
  return el("div", {}, svg, el("p", {}, `${low.toFixed(4)} → ${high.toFixed(4)}`));
}

const NAV = [["wallet", "member"], ["pay", "member"], ["merchant", "member"], ["finance", "finance"], ["admin", "admin"]];

async function render() {
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  document.querySelectorAll("[data-text]").forEach(node => node.textContent = t(node.dataset.text));
  document.getElementById("language").textContent = t("language");
  const roles = session?.roles ?? [];
  const page = session ? (location.hash.slice(1) || "wallet") : "login";
  const nav = document.getElementById("nav");
  nav.replaceChildren(...(session
    ? [...NAV.filter(([, role]) => roles.includes(role) || roles.includes("admin")).map(([name]) => el("a", { href: `#${name}`, class: name === page ? "active" : "" }, t(name))),
       el("a", { href: "#", onclick: () => { session = null; localStorage.removeItem("session"); render(); } }, t("logout"))]
    : []));
  const view = document.getElementById("view");
  try {
    paymentProvider ??= await api("GET", "/api/payments/provider"); view.replaceChildren(...await (views[page] ?? views.wallet)()); }
  catch (error) { view.replaceChildren(el("p", { class: "error" }, error.message)); }
}

document.getElementById("language").addEventListener("click", () => {
  language = language === "zh" ? "en" : "zh";
  localStorage.setItem("language", language);
  render();
});
window.addEventListener("hashchange", render);
render();
