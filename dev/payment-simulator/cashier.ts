// The shopper-facing cashier page (Chinese), standing in for WeChat's pay sheet and Alipay's H5 cashier.
import { fenToYuan } from "../../worker/shared/money";
import type { SimTrade } from "./state";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const METHOD_NAME = { wechat: "微信支付", alipay: "支付宝" } as const;

function page(title: string, inner: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5;margin:0;padding:24px}
.card{max-width:420px;margin:0 auto;background:#fff;border-radius:12px;padding:24px;text-align:center}
.amount{font-size:36px;font-weight:600;margin:16px 0}.muted{color:#888;font-size:14px}
button{width:100%;padding:14px;border:0;border-radius:8px;font-size:17px;color:#fff;cursor:pointer}
.wechat button{background:#07c160}.alipay button{background:#1677ff}.sim{color:#c00;font-size:12px;margin-top:16px}
</style></head><body>${inner}</body></html>`;
}

export function cashierPage(
  t: SimTrade,
  payable: "ok" | "paid" | "closed" | "expired",
  /** WeChat H5: where the browser returns after paying or cancelling. */
  redirectUrl?: string,
): string {
  const quit = redirectUrl ?? t.quitUrl;
  const blocked = { paid: "该订单已支付", closed: "该订单已关闭", expired: "该订单已过期" } as const;
  const action =
    payable === "ok"
      ? `<form method="post" action="/pay/confirm">
<input type="hidden" name="method" value="${t.method}">
<input type="hidden" name="out_trade_no" value="${escapeHtml(t.outTradeNo)}">
${redirectUrl ? `<input type="hidden" name="redirect_url" value="${escapeHtml(redirectUrl)}">` : ""}
<button type="submit" id="confirm-pay">确认支付</button></form>
${quit ? `<p><a href="${escapeHtml(quit)}" id="quit">取消支付</a></p>` : ""}`
      : `<p id="status">${blocked[payable]}</p>`;
  return page(
    `${METHOD_NAME[t.method]} - 收银台`,
    `<div class="card ${t.method}">
<h2>${METHOD_NAME[t.method]}</h2>
<p class="muted">${escapeHtml(t.description)}</p>
<div class="amount" id="amount">¥${fenToYuan(t.amountFen)}</div>
<p class="muted">商户订单号 ${escapeHtml(t.outTradeNo)}</p>
${action}
<p class="sim">本地支付模拟器 · 不会产生真实扣款</p></div>`,
  );
}

export function resultPage(t: SimTrade, message: string): string {
  return page(
    message,
    `<div class="card ${t.method}"><h2 id="status">${escapeHtml(message)}</h2>
<div class="amount">¥${fenToYuan(t.amountFen)}</div>
<p class="muted">商户订单号 ${escapeHtml(t.outTradeNo)}</p>
<p class="sim">本地支付模拟器 · 不会产生真实扣款</p></div>`,
  );
}

export function errorPage(message: string): string {
  return page("支付出错", `<div class="card"><h2 id="status">${escapeHtml(message)}</h2></div>`);
}
