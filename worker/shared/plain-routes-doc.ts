import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { bearer } from "./router";

/**
 * The OpenAPI entries of routes that are plain Hono handlers: binary bodies (image upload and
 * serving), WebSocket upgrades, gateway callbacks that answer in the gateway's own format, and the
 * documentation and health endpoints. Registered on the app (createApp) so /api/openapi.json lists
 * every route; app.test.ts's route-coverage test fails when a route is added without an entry.
 */
const error = {
  "application/json": { schema: z.object({ error: z.object({ code: z.string(), message: z.string() }) }) },
};
const binary = { schema: z.string().openapi({ format: "binary" }) };
const keyParam = (example: string) =>
  z.object({
    key: z.string().openapi({
      param: { name: "key", in: "path" },
      description: "对象键，含斜杠（路径其余部分）",
      example,
    }),
  });
const idParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, example: "42" }) });

const imageResponses = {
  200: {
    description:
      "图片（image/jpeg | png | gif | webp | svg+xml），Cache-Control immutable，带沙箱 CSP 与 nosniff",
    content: { "image/*": binary },
  },
  304: { description: "If-None-Match 与 ETag 相同" },
  404: { description: "键格式不对或对象不存在", content: error },
};

const CHAT_FRAMES = `WebSocket 帧均为一个 JSON 对象，以 type 区分（worker/chat/protocol.ts，docs/chat.md）。
客户端 → 服务端：{type:"message", text, clientMsgId?}（text ≤ 1000 字，clientMsgId 使重发幂等）、
{type:"sync", after}（取 id > after 的消息）、{type:"handoff"}（顾客转人工）、{type:"ping"}（心跳，答 {"type":"pong"}）。
服务端 → 客户端：{type:"ready", conversationId, role, status, agent, queuePosition, lastId}（连接后第一帧）、
{type:"history", messages, hasMore}、{type:"message", message, streamId?}、{type:"delta", streamId, text}（机器人流式片段）、
{type:"status", status, agent, queuePosition}、{type:"csat_request", conversationId}、
{type:"error", code: BAD_FRAME|TOO_LARGE|EMPTY_MESSAGE|RATE_LIMITED|CONVERSATION_CLOSED|NOT_ALLOWED, message, clientMsgId?}、{type:"pong"}。
单帧 ≤ 4096 字节（超出以 1009 关闭），每连接令牌桶 5 条突发、每秒补 1 条；客服被转走或会话结束以 4003 关闭。`;

const LOBBY_FRAMES = `仅客服（agent）。WebSocket 帧均为 JSON 对象（worker/chat/protocol.ts）。
客户端 → 服务端：{type:"presence", available}（置忙/空闲）、{type:"claim", conversationId}（认领排队会话）、{type:"ping"}。
服务端 → 客户端：{type:"lobby", queue:[{conversationId, shopperId, shopperName, reason, enqueuedAt, position}],
agents:[{id, name, online, available, load, capacity}], mine:[会话 id]}（连接时及每次变化时的全貌）、
{type:"assigned", conversationId, shopperName, transferredFrom}、{type:"released", conversationId, reason: closed|transferred}、
{type:"error", code, message}、{type:"pong"}。`;

const socketAuth = `握手身份：Authorization: Bearer <token>（小程序 wx.connectSocket 可带头），或 ?ticket=<POST /api/chat/tickets 取得的一次性凭证>（浏览器无法给 WebSocket 设置请求头）。`;

const upgrade = {
  101: { description: "切换为 WebSocket" },
  401: { description: "未登录或凭证无效/已用过", content: error },
  403: { description: "身份不允许（如商家管理员）", content: error },
  426: { description: "不是 WebSocket 握手（缺 Upgrade: websocket）", content: error },
};

export function documentPlainRoutes(app: OpenAPIHono<AppEnv>) {
  const r = app.openAPIRegistry;

  r.registerPath({
    method: "get",
    path: "/api/images/{key}",
    tags: ["catalog"],
    summary: "商品图片（公开；键由上传接口返回，不可猜测，内容不变）",
    request: { params: keyParam("products/202612/0b8f…-….png") },
    responses: imageResponses,
  });
  r.registerPath({
    method: "post",
    path: "/api/admin/images",
    tags: ["catalog-admin"],
    security: bearer,
    summary: "上传商品图片（merchant_admin）：multipart/form-data 的 file 字段，或请求体即图片字节；≤ 5MB",
    description:
      "类型按文件内容判断（不看 Content-Type）：JPG、PNG、GIF、WebP、SVG。SVG 会被解析并按白名单重建（去掉脚本、事件属性、外部引用），保存的是重建后的内容。",
    request: {
      body: {
        required: true,
        content: {
          "multipart/form-data": { schema: z.object({ file: z.string().openapi({ format: "binary" }) }) },
          "application/octet-stream": binary,
        },
      },
    },
    responses: {
      201: {
        description: "已保存",
        content: {
          "application/json": {
            schema: z.object({
              key: z.string(),
              url: z.string(),
              contentType: z.string(),
              sizeBytes: z.number().int(),
            }),
          },
        },
      },
      400: { description: "空文件、SVG 格式不正确（INVALID_SVG）或缺 file 字段", content: error },
      413: { description: "超过 5MB（FILE_TOO_LARGE）", content: error },
      415: { description: "不是支持的图片（UNSUPPORTED_IMAGE）", content: error },
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/after-sales/photos/{key}",
    tags: ["after-sales"],
    summary: "售后凭证照片（按不可猜测的键公开，内容不变）",
    request: { params: keyParam("after-sales/202612/….jpg") },
    responses: imageResponses,
  });
  r.registerPath({
    method: "get",
    path: "/api/installation/work-orders/{id}/photo",
    tags: ["installation"],
    security: bearer,
    summary: "安装完工照片（工单的顾客、商家管理员、可见该工单的安装师傅）",
    request: { params: idParam },
    responses: {
      ...imageResponses,
      401: { description: "未登录", content: error },
      404: { description: "工单不存在、无权查看或无照片", content: error },
    },
  });

  r.registerPath({
    method: "post",
    path: "/api/payments/notify/wechat",
    tags: ["payments"],
    summary: "微信支付 v3 回调（支付成功与退款结果）",
    description:
      '无 Bearer：以请求头 Wechatpay-Signature / -Timestamp / -Nonce / -Serial 的平台证书签名验真后才读取内容；resource 为 AEAD_AES_256_GCM 密文（APIv3 密钥）。金额与订单不符只记录不入账。应答为微信的格式：成功 204 无内容，失败 4xx/5xx 与 {code:"FAIL", message}（微信会重试）。',
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              id: z.string(),
              event_type: z.string().openapi({ example: "TRANSACTION.SUCCESS" }),
              resource_type: z.string().optional(),
              resource: z.object({
                algorithm: z.literal("AEAD_AES_256_GCM"),
                ciphertext: z.string(),
                nonce: z.string(),
                associated_data: z.string().optional(),
              }),
            }),
          },
        },
      },
    },
    responses: {
      204: { description: "已受理（含重复通知）" },
      400: {
        description: '签名、时间戳或解密失败：{code:"FAIL", message}',
        content: {
          "application/json": { schema: z.object({ code: z.literal("FAIL"), message: z.string() }) },
        },
      },
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/payments/notify/alipay",
    tags: ["payments"],
    summary: "支付宝异步通知（支付成功与退款）",
    description:
      "无 Bearer：application/x-www-form-urlencoded 表单，以支付宝公钥验 sign（sign_type=RSA2）后才处理；金额与订单不符只记录不入账。应答为支付宝的格式：纯文本 success（受理，含重复通知），否则 failure（支付宝会重试）。",
    request: {
      body: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": {
            schema: z.object({
              notify_id: z.string(),
              out_trade_no: z.string(),
              trade_no: z.string(),
              trade_status: z.string().openapi({ example: "TRADE_SUCCESS" }),
              total_amount: z.string().openapi({ example: "2999.00" }),
              app_id: z.string(),
              sign_type: z.literal("RSA2"),
              sign: z.string(),
            }),
          },
        },
      },
    },
    responses: {
      200: {
        description: "success 或 failure（text/plain）",
        content: { "text/plain": { schema: z.string() } },
      },
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/logistics/kuaidi100/callback",
    tags: ["logistics"],
    summary: "快递100 轨迹推送",
    description:
      "无 Bearer：表单字段 param（JSON）与 sign = MD5(param + salt) 验真后才读取。应答为快递100 的格式 {result, returnCode, message}。",
    request: {
      body: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": { schema: z.object({ param: z.string(), sign: z.string() }) },
        },
      },
    },
    responses: {
      200: {
        description: "已受理",
        content: {
          "application/json": {
            schema: z.object({ result: z.boolean(), returnCode: z.string(), message: z.string() }),
          },
        },
      },
    },
  });

  r.registerPath({
    method: "get",
    path: "/api/chat/conversations/{id}/ws",
    tags: ["chat"],
    summary: "客服会话 WebSocket（顾客本人或接待客服）",
    description: `${socketAuth}\n查询参数 after：只补发 id 大于它的消息。\n\n${CHAT_FRAMES}`,
    request: {
      params: idParam,
      query: z.object({
        ticket: z.string().optional(),
        after: z.string().optional().openapi({ example: "0" }),
      }),
    },
    responses: { ...upgrade, 404: { description: "会话不存在（或不是你的）", content: error } },
  });
  r.registerPath({
    method: "get",
    path: "/api/agent/lobby/ws",
    tags: ["agent"],
    summary: "客服工作台大厅 WebSocket：排队、在线状态与分配",
    description: `${socketAuth}\n\n${LOBBY_FRAMES}`,
    request: { query: z.object({ ticket: z.string().optional() }) },
    responses: upgrade,
  });

  r.registerPath({
    method: "get",
    path: "/api/openapi.json",
    tags: ["meta"],
    summary: "本文档（OpenAPI 3.1）",
    responses: {
      200: { description: "OpenAPI 文档", content: { "application/json": { schema: z.object({}) } } },
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/docs",
    tags: ["meta"],
    summary: "API 文档页面（HTML，读取 /api/openapi.json）",
    responses: { 200: { description: "HTML", content: { "text/html": { schema: z.string() } } } },
  });
  r.registerPath({
    method: "get",
    path: "/api/health",
    tags: ["meta"],
    summary: "存活检查",
    responses: {
      200: {
        description: "{ ok: true }",
        content: { "application/json": { schema: z.object({ ok: z.boolean() }) } },
      },
    },
  });
  r.registerPath({
    method: "get",
    path: "/agent",
    tags: ["agent"],
    summary: "旧的客服工作台地址：302 跳转到商家后台的客服工作台 /admin/#/service/workbench",
    responses: { 302: { description: "Location: /admin/#/service/workbench" } },
  });
}
