import { describe, expect, it } from "vitest";
import {
  asksForHuman,
  type COMPLAINT_FAMILIES,
  complaintFamilies,
  type HUMAN_REQUEST_FAMILIES,
  humanRequestFamilies,
  isComplaint,
  isDissatisfied,
  isOffTopic,
  isOwnOrderQuestion,
  mentionedOrderNos,
  type OFF_TOPIC_FAMILIES,
  offTopicFamilies,
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

describe("asksForHuman, by pattern family", () => {
  const cases: Record<keyof typeof HUMAN_REQUEST_FAMILIES, string[]> = {
    handoff: [
      "转人工",
      "转接一下",
      "给我接线",
      "有没有人工啊",
      "找个真人来",
      "请安排专人处理",
      "你们有没有真的客服",
    ],
    staff: [
      "找个懂的人来",
      "我要找一个能做主的人",
      "找客服",
      "叫你们经理来",
      "帮我联系一下客服",
      "让你们工作人员联系我",
      "我要跟你们的人说话",
      "我要找客服专员",
      "在线客服在吗",
      "可以打电话给我吗",
    ],
    presence: ["人呢", "有人吗", "有没有人管管"],
    notTheBot: [
      "不要机器人",
      "别用AI糊弄我",
      "我不想和AI聊",
      "不想跟机器说话",
      "不要自动回复",
      "你是机器人吧",
      "智能客服太笨了",
      "机器人听不懂",
      "机器人回答的不对",
    ],
  };
  for (const [family, questions] of Object.entries(cases))
    it(`recognises the ${family} family`, () => {
      for (const q of questions) expect(humanRequestFamilies(q), q).toContain(family);
    });

  it("leaves questions about the service, labour costs and technician visits to the FAQ", () => {
    for (const q of [
      "人工客服几点上班",
      "客服电话是多少",
      "送货师傅什么时候联系我",
      "空调漏水了 叫人来修",
      "冰箱不制冷了 怎么找人修",
      "自己找人装热水器影响保修吗",
      "过保维修人工费多少",
      "扫地机器人保修多久",
      "人工智能空调好用吗",
    ])
      expect(asksForHuman(q), q).toBe(false);
  });
});

describe("isComplaint, by pattern family", () => {
  const cases: Record<keyof typeof COMPLAINT_FAMILIES, string[]> = {
    threat: ["投诉", "我要去消协告你们", "再这样我就差评了", "给个说法", "再不处理我就打12345", "我要维权"],
    accusation: ["你们就是骗子", "你们太坑了", "你们是不是不想退钱", "乱收费"],
    anger: ["气死我了", "什么破服务", "受不了你们了", "非常不满意", "太过分了", "我很生气", "垃圾商城"],
  };
  for (const [family, questions] of Object.entries(cases))
    it(`recognises the ${family} family`, () => {
      for (const q of questions) expect(complaintFamilies(q), q).toContain(family);
    });

  it("does not accuse the store when the shopper asks about a scam caller", () => {
    expect(isComplaint("接到电话说要给我理赔 是骗子吗")).toBe(false);
    expect(isComplaint("滚筒洗衣机保修多久")).toBe(false);
    expect(isComplaint("开箱发现外包装破损")).toBe(false);
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

describe("offTopicFamilies", () => {
  const cases: Record<keyof typeof OFF_TOPIC_FAMILIES, string[]> = {
    weatherAndDate: ["明天会下雨吗", "今天星期几", "今天几号"],
    aboutTheBot: ["你叫什么名字", "你是男的还是女的", "你是谁"],
    entertainment: ["讲个笑话", "帮我写一首诗", "推荐一部电影"],
    elsewhere: ["股票明天会涨吗", "火车票怎么退", "你们招不招人"],
    everydayLife: ["怎么做红烧肉", "我家猫不吃饭怎么办", "附近有没有加油站", "帮我算一下100乘以3"],
  };
  for (const [family, questions] of Object.entries(cases))
    it(`recognises the ${family} family`, () => {
      for (const q of questions) expect(offTopicFamilies(q), q).toContain(family);
    });
  it("leaves shop questions alone", () => {
    for (const q of ["冰箱温度怎么调", "昵称怎么改", "维修网点在哪", "空调多少钱", "电视能看电视剧吗"])
      expect(
        offTopicFamilies(q).filter((f) => f !== "entertainment"),
        q,
      ).toEqual([]);
    for (const q of ["冰箱温度怎么调", "昵称怎么改", "维修网点在哪"]) expect(isOffTopic(q), q).toBe(false);
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
    for (const q of [
      "一般几天发货",
      "今天买明天能到不",
      "运费怎么收",
      "怎么取消订单",
      "新疆能发货吗",
      "我的地址为什么显示无法配送",
    ])
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
