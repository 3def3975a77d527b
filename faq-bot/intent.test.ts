import { describe, expect, it } from "vitest";
import {
  asksForHuman,
  isComplaint,
  isDissatisfied,
  isOwnOrderQuestion,
  mentionedOrderNos,
  withoutDissatisfaction,
} from "./intent";

describe("asksForHuman", () => {
  it("recognises requests for a person in several phrasings", () => {
    for (const q of [
      "转人工",
      "人工客服在吗",
      "我要找真人",
      "人工！",
      "別用機器人了 找个活人",
      "不要机器人回复我",
    ])
      expect(asksForHuman(q), q).toBe(true);
  });
  it("does not mistake labour costs or ordinary questions for a handoff request", () => {
    for (const q of ["过保维修人工费多少", "空调安装收费吗", "客服几点下班", "扫地机器人保修多久"])
      expect(asksForHuman(q), q).toBe(false);
  });
});

describe("isComplaint", () => {
  it("flags complaints and threats", () => {
    for (const q of ["我要投诉", "去12315举报你们", "师傅态度太差", "再不处理就曝光", "师傅多收了我50"])
      expect(isComplaint(q), q).toBe(true);
  });
  it("leaves product words alone", () => {
    for (const q of ["垃圾处理器保修多久", "送上楼要多收钱吗", "退货流程"])
      expect(isComplaint(q), q).toBe(false);
  });
});

describe("isDissatisfied", () => {
  it("detects 'that did not help'", () => {
    for (const q of ["没用", "不是这个", "答非所问", "还是没解决"]) expect(isDissatisfied(q), q).toBe(true);
  });
  it("does not fire on questions that merely contain 不对-like words", () => {
    for (const q of ["收货地址不对怎么改", "7天无理由是什么意思"]) expect(isDissatisfied(q), q).toBe(false);
  });
  it("strips the complaint part and keeps a follow-up question", () => {
    expect(withoutDissatisfaction("不是这个，我问的是专票")).toContain("专票");
    expect(withoutDissatisfaction("没用").trim()).toBe("");
  });
});

describe("isOwnOrderQuestion", () => {
  it("recognises questions about the shopper's own orders", () => {
    for (const q of [
      "我买的冰箱到哪了",
      "我的快递发货了没",
      "物流到哪里了",
      "帮我查一下订单",
      "20261127000123 怎么样了",
    ])
      expect(isOwnOrderQuestion(q), q).toBe(true);
  });
  it("leaves general delivery questions to the FAQ", () => {
    for (const q of ["一般几天发货", "今天买明天能到不", "运费怎么收", "怎么取消订单"])
      expect(isOwnOrderQuestion(q), q).toBe(false);
  });
  it("extracts order numbers", () => {
    expect(mentionedOrderNos("订单JD20261127000123和20261127000456")).toEqual([
      "JD20261127000123",
      "20261127000456",
    ]);
    expect(mentionedOrderNos("电话400-000-0000")).toEqual([]);
  });
});
