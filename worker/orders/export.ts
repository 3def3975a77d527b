// The merchant's CSV export: header first, times in Beijing time, money in yuan.

import type { Db } from "../db/client";
import { METHOD_LABELS } from "../payments/labels";
import { fenToYuan } from "../shared/money";
import { type MerchantFilter, merchantWhere, ordersWithItems } from "./queries";
import { STATUS_LABELS } from "./state-machine";

export const EXPORT_MAX_ROWS = 5000;

const beijingTime = (ms: number | null) =>
  ms ? new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ") : "";

const HEADER = [
  "订单号",
  "下单时间",
  "状态",
  "收货人",
  "电话",
  "收货地址",
  "商品",
  "件数",
  "商品金额",
  "运费",
  "优惠",
  "应付金额",
  "支付方式",
  "支付时间",
  "快递公司",
  "运单号",
  "买家备注",
  "商家备注",
];

export async function exportRows(db: Db, q: MerchantFilter) {
  const rows = await ordersWithItems(db, merchantWhere(q), EXPORT_MAX_ROWS);
  return [
    HEADER,
    ...rows.map(({ order: o, items }) => {
      const a = o.address;
      return [
        o.orderNo,
        beijingTime(o.createdAt),
        STATUS_LABELS[o.status],
        o.receiverName,
        o.receiverPhone,
        `${a.province}${a.city}${a.district}${a.detail}`,
        items
          .map((i) => {
            const specs = Object.values(i.specs);
            return `${i.name}${specs.length ? `(${specs.join("/")})` : ""}×${i.quantity}`;
          })
          .join("；"),
        items.reduce((n, i) => n + i.quantity, 0),
        fenToYuan(o.itemsTotalFen),
        fenToYuan(o.shippingFen),
        fenToYuan(o.discountFen),
        fenToYuan(o.payableFen),
        o.paymentMethod && o.paidAt
          ? (METHOD_LABELS[o.paymentMethod as keyof typeof METHOD_LABELS] ?? o.paymentMethod)
          : "",
        beijingTime(o.paidAt),
        o.carrier ?? "",
        o.trackingNo ?? "",
        o.shopperRemark,
        o.merchantRemark,
      ];
    }),
  ];
}
