/**
 * The agent workbench: one self-contained page (no CDN, works offline) served at /agent. Every piece of
 * user text is put into the DOM with textContent, never innerHTML; the CSP allows only this page's own
 * script (by nonce), so even a missed spot could not run injected markup.
 */
import { CHAT_LIMITS, PING_FRAME } from "../chat/protocol";

export function agentPageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function agentPage(nonce: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>家电商城 · 客服工作台</title>
<style>
*{box-sizing:border-box}body{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f4f5f7;color:#1f2329}
header{background:#e4393c;color:#fff;padding:10px 16px;display:flex;gap:12px;align-items:center}header h1{font-size:17px;margin:0;flex:1}
button{cursor:pointer;border:1px solid #ccc;background:#fff;border-radius:6px;padding:4px 10px}button.primary{background:#e4393c;color:#fff;border-color:#e4393c}
#login{max-width:320px;margin:80px auto;background:#fff;padding:20px;border-radius:10px;display:flex;flex-direction:column;gap:10px}
#app{display:none;height:calc(100vh - 48px);grid-template-columns:240px 1fr 260px}
aside,section{overflow:auto;padding:10px}aside{background:#fff;border-right:1px solid #e5e6eb}#side{border-left:1px solid #e5e6eb;border-right:0}
.item{padding:8px;border-radius:6px;margin:4px 0;background:#f7f8fa;cursor:pointer}.item.active{background:#fde2e2}
h3{font-size:13px;color:#666;margin:12px 0 4px}
#messages{height:calc(100% - 120px);overflow:auto;background:#fff;border-radius:8px;padding:10px}
.msg{margin:6px 0;max-width:80%;padding:6px 10px;border-radius:8px;background:#f2f3f5;white-space:pre-wrap;word-break:break-word}
.msg.agent{margin-left:auto;background:#e8f3ff}.msg.system{margin:6px auto;background:none;color:#888;font-size:12px;text-align:center}
.who{font-size:12px;color:#888}.streaming{opacity:.6}
#composer{display:flex;gap:6px;margin-top:8px}#composer textarea{flex:1;height:60px}
.muted{color:#999}.err{color:#e4393c}
</style></head><body>
<header><h1>客服工作台</h1><span id="me"></span><label><input type="checkbox" id="available" checked> 接单</label></header>
<form id="login"><b>客服登录</b><input id="username" placeholder="用户名" autocomplete="username" required>
<input id="password" type="password" placeholder="密码" autocomplete="current-password" required>
<button class="primary" type="submit">登录</button><div id="loginError" class="err"></div></form>
<div id="app">
  <aside><h3>我的会话</h3><div id="mine"></div><h3>排队中</h3><div id="queue"></div><h3>在线客服</h3><div id="agents"></div></aside>
  <section><div id="title" class="muted">请选择会话</div><div id="messages"></div>
    <div id="composer"><select id="canned"><option value="">快捷回复</option></select>
    <textarea id="text" maxlength="${CHAT_LIMITS.maxTextLength}" placeholder="输入回复，Enter 发送"></textarea>
    <button class="primary" id="send">发送</button></div>
    <div style="margin-top:6px;display:flex;gap:6px"><select id="transferTo"><option value="">转接给…</option></select>
    <button id="transfer">转接</button><button id="close">结束会话</button><span id="roomError" class="err"></span></div>
  </section>
  <aside id="side"><h3>顾客</h3><div id="shopper" class="muted">—</div><h3>最近订单</h3><div id="orders"></div></aside>
</div>
<script nonce="${nonce}">
"use strict";
const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = String(text); return e; };
const PING = ${JSON.stringify(PING_FRAME)};
let token = sessionStorage.getItem("agentToken");
let me = null, lobby = null, room = null, current = null, lastId = {}, agents = [];

// Tokens last an hour: on a 401, renew once with the (rotating) refresh token and repeat the call.
async function renew() {
  const refreshToken = sessionStorage.getItem("agentRefresh");
  if (!refreshToken) return false;
  const r = await fetch("/api/auth/refresh", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ refreshToken }) });
  if (!r.ok) { sessionStorage.removeItem("agentRefresh"); return false; }
  const body = await r.json();
  token = body.token; sessionStorage.setItem("agentToken", token); sessionStorage.setItem("agentRefresh", body.refreshToken);
  return true;
}
async function api(path, opts = {}, renewed = false) {
  const res = await fetch(path, { ...opts, headers: { "content-type": "application/json", authorization: "Bearer " + token } });
  if (res.status === 401 && !renewed && (await renew())) return api(path, opts, true);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
  return body;
}
const wsUrl = async (path) => {
  const { ticket } = await api("/api/chat/tickets", { method: "POST" });
  return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path + (path.includes("?") ? "&" : "?") + "ticket=" + encodeURIComponent(ticket);
};
setInterval(() => { for (const s of [lobby, room]) if (s && s.readyState === 1) s.send(PING); }, 30000);

$("login").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    const r = await fetch("/api/auth/staff-login", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: $("username").value, password: $("password").value }) });
    const body = await r.json();
    if (!r.ok) throw new Error(body.error.message);
    if (body.staff.role !== "agent") throw new Error("该账号不是客服账号");
    token = body.token; sessionStorage.setItem("agentToken", token);
    if (body.refreshToken) sessionStorage.setItem("agentRefresh", body.refreshToken);
    start();
  } catch (err) { $("loginError").textContent = err.message; }
});

async function start() {
  try { me = await api("/api/me"); } catch { sessionStorage.removeItem("agentToken"); return; }
  $("login").style.display = "none"; $("app").style.display = "grid"; $("me").textContent = me.name;
  loadCanned(); connectLobby();
}

async function loadCanned() {
  const { items } = await api("/api/agent/canned-replies");
  for (const c of items) { const o = el("option", "", c.title); o.value = c.text; $("canned").append(o); }
}
$("canned").addEventListener("change", (e) => { if (e.target.value) $("text").value = e.target.value; e.target.value = ""; });

async function connectLobby() {
  lobby = new WebSocket(await wsUrl("/api/agent/lobby/ws"));
  lobby.onmessage = (ev) => {
    const f = JSON.parse(ev.data);
    if (f.type === "lobby") renderLobby(f);
    if (f.type === "assigned" && !current) openRoom(f.conversationId);
    if (f.type === "released" && f.conversationId === current) { $("roomError").textContent = f.reason === "transferred" ? "会话已转接" : "会话已结束"; }
  };
  lobby.onclose = () => setTimeout(connectLobby, 2000);
}
$("available").addEventListener("change", (e) => lobby && lobby.send(JSON.stringify({ type: "presence", available: e.target.checked })));

function renderLobby(f) {
  agents = f.agents;
  $("mine").replaceChildren(...f.mine.map((id) => { const d = el("div", "item" + (id === current ? " active" : ""), "会话 #" + id); d.onclick = () => openRoom(id); return d; }));
  $("queue").replaceChildren(...f.queue.map((q) => { const d = el("div", "item", q.position + ". " + q.shopperName + "（" + q.reason + "）");
    const b = el("button", "", "接入"); b.onclick = (e) => { e.stopPropagation(); api("/api/agent/conversations/" + q.conversationId + "/claim", { method: "POST" }).catch((err) => alert(err.message)); };
    d.append(" ", b); return d; }));
  $("agents").replaceChildren(...f.agents.filter((a) => a.online).map((a) => el("div", "muted", a.name + " " + a.load + "/" + a.capacity + (a.available ? "" : "（忙碌）"))));
  $("transferTo").replaceChildren(el("option", "", "转接给…"), ...f.agents.filter((a) => a.online && a.id !== me.id).map((a) => { const o = el("option", "", a.name); o.value = a.id; return o; }));
}

async function openRoom(id) {
  if (room) { room.onclose = null; room.close(); }
  current = id; $("messages").replaceChildren(); $("roomError").textContent = ""; lastId[id] = 0;
  $("title").textContent = "会话 #" + id;
  room = new WebSocket(await wsUrl("/api/chat/conversations/" + id + "/ws"));
  room.onmessage = (ev) => onRoomFrame(id, JSON.parse(ev.data));
  room.onclose = (ev) => { if (current === id && ev.code !== 4003) setTimeout(() => reconnect(id), 2000); };
  api("/api/agent/conversations/" + id + "/context").then(renderContext).catch(() => {});
}
async function reconnect(id) {
  if (current !== id) return;
  room = new WebSocket(await wsUrl("/api/chat/conversations/" + id + "/ws?after=" + (lastId[id] || 0)));
  room.onmessage = (ev) => onRoomFrame(id, JSON.parse(ev.data));
}

function addMessage(m) {
  if (m.id <= (lastId[current] || 0)) return;
  lastId[current] = m.id;
  const d = el("div", "msg " + m.from.kind); d.dataset.id = m.id;
  d.append(el("div", "who", m.from.name + " · " + new Date(m.at).toLocaleTimeString()), el("div", "text", m.text));
  $("messages").append(d); $("messages").scrollTop = 1e9;
}
const streams = {};
function onRoomFrame(id, f) {
  if (id !== current) return;
  if (f.type === "history") f.messages.forEach(addMessage);
  if (f.type === "message") { if (f.streamId && streams[f.streamId]) { streams[f.streamId].remove(); delete streams[f.streamId]; } addMessage(f.message); }
  if (f.type === "delta") { let d = streams[f.streamId]; if (!d) { d = streams[f.streamId] = el("div", "msg bot streaming", ""); $("messages").append(d); } d.textContent += f.text; }
  if (f.type === "status" && f.status === "closed") $("roomError").textContent = "会话已结束";
  if (f.type === "error") $("roomError").textContent = f.message;
}
function renderContext(ctx) {
  $("shopper").textContent = ctx.shopper.nickname + "（ID " + ctx.shopper.id + "）";
  $("orders").replaceChildren(...(ctx.orders.length ? ctx.orders.map((o) => el("div", "item", o.orderNo + " " + o.statusText + "\\n" + o.itemsSummary)) : [el("div", "muted", "暂无订单")]));
}

function send() {
  const text = $("text").value.trim();
  if (!text || !room || room.readyState !== 1) return;
  room.send(JSON.stringify({ type: "message", text, clientMsgId: crypto.randomUUID() }));
  $("text").value = "";
}
$("send").onclick = send;
$("text").addEventListener("keydown", (e) => { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); send(); } });
$("close").onclick = () => current && api("/api/agent/conversations/" + current + "/close", { method: "POST" }).catch((err) => { $("roomError").textContent = err.message; });
$("transfer").onclick = () => { const to = Number($("transferTo").value); if (current && to) api("/api/agent/conversations/" + current + "/transfer", { method: "POST", body: JSON.stringify({ toAgentId: to }) }).catch((err) => { $("roomError").textContent = err.message; }); };
if (token) start();
</script></body></html>`;
}
