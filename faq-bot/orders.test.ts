import { describe, expect, it } from "vitest";
import {
  beijingShortTime,
  describeOrder,
  MAX_ORDERS_IN_ANSWER,
  orderStatusAnswer,
  relevantOrders,
} from "./orders";
import type { OrderContext } from "./types";

const order = (n: number, over: Partial<OrderContext> = {}): OrderContext => ({
  orderNo: `2026112700000${n}`,
  status: "shipped",
  statusText: "已发货",
  itemsSummary: "小米电视 ×1",
  createdAt: n * 1000,
  ...over,
});

describe("relevantOrders", () => {
  it("prefers the order whose number the question mentions", () => {
    const orders = [order(1), order(2), order(3)];
    expect(relevantOrders("20261127000002 到哪了", orders).map((o) => o.orderNo)).toEqual(["20261127000002"]);
  });
  it("then orders whose items the question names", () => {
    const orders = [
      order(1, { itemsSummary: "海尔冰箱 ×1" }),
      order(2),
      order(3, { itemsSummary: "美的冰箱 ×1" }),
    ];
    expect(relevantOrders("我的冰箱到哪了", orders).map((o) => o.createdAt)).toEqual([3000, 1000]);
  });
  it("else the open orders, newest first, capped", () => {
    const orders = [1, 2, 3, 4, 5].map((n) =>
      order(n, n === 5 ? { status: "completed", statusText: "已完成" } : {}),
    );
    const picked = relevantOrders("发货了没", orders);
    expect(picked).toHaveLength(MAX_ORDERS_IN_ANSWER);
    expect(picked.map((o) => o.createdAt)).toEqual([4000, 3000, 2000]);
  });
});

describe("order texts", () => {
  it("states status, carrier and tracking number", () => {
    const line = describeOrder(order(1, { carrier: "顺丰速运", trackingNo: "SF1234567890" }));
    expect(line).toBe("订单 20261127000001（小米电视 ×1）：已发货，顺丰速运 运单号 SF1234567890。");
    expect(describeOrder(order(2, { status: "paid", statusText: "待发货" }))).not.toContain("运单号");
  });
  it("adds the newest trace line in Beijing time", () => {
    // 2026-12-06 06:05 UTC = 14:05 in Beijing.
    const time = Date.UTC(2026, 11, 6, 6, 5);
    expect(beijingShortTime(time)).toBe("12-06 14:05");
    expect(beijingShortTime(Date.UTC(2026, 11, 31, 16, 30))).toBe("01-01 00:30");
    const line = describeOrder(
      order(1, { carrier: "顺丰速运", trackingNo: "SF1", latestTrace: { time, context: "【深圳】派件中" } }),
    );
    expect(line).toBe(
      "订单 20261127000001（小米电视 ×1）：已发货，顺丰速运 运单号 SF1。最新物流（12-06 14:05）：【深圳】派件中",
    );
    expect(
      orderStatusAnswer("我的电视到哪了", [order(1, { latestTrace: { time, context: "已签收" } })]),
    ).toContain("最新物流（12-06 14:05）：已签收");
  });
  it("is undefined without orders and points to the order list when some are left out", () => {
    expect(orderStatusAnswer("到哪了", [])).toBeUndefined();
    const many = [1, 2, 3, 4].map((n) => order(n));
    expect(orderStatusAnswer("到哪了", many)).toContain("我的订单");
    expect(orderStatusAnswer("到哪了", [order(1)])).not.toContain("其他订单");
  });
});
