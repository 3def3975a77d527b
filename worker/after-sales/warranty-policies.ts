/**
 * Warranty (保修) policy per appliance category.
 *
 * Baseline figures follow the national 三包 rules (《部分商品修理更换退货责任规定》 and the
 * household-appliance 三包 provisions): 整机 is usually 1 year and 主要部件 3 years. Longer part promises
 * (冰箱压缩机/洗衣机变频电机 10年) are listed as brand extensions because they depend on the brand.
 *
 * One source of truth for a product's 整机 term: `products.warranty_months` (e.g. 72 for a Gree or
 * Midea air conditioner). The category's `wholeUnitYears` is only the 三包 floor under it, so no policy
 * lists a 整机 extension: the product page, banners, the warranty lookup (warranty.ts warrantyStatus)
 * and this policy text all read the product's own term.
 */

export interface PartWarranty {
  /** 部件名称 */
  part: string;
  years: number;
  /** Who grants it when it goes beyond 三包 (e.g. "部分品牌"). */
  note?: string;
}

export interface WarrantyPolicy {
  /** Stable slug used in FAQ ids (warranty-<slug>). */
  slug: string;
  /** 品类名称, as shown to shoppers. */
  category: string;
  /** Other names shoppers use for the category (feed retrieval keywords). */
  aliases: string[];
  wholeUnitYears: number;
  mainParts: string[];
  mainPartsYears: number;
  /** Longer brand/manufacturer commitments on top of 三包. */
  extensions: PartWarranty[];
  /** 不在保修范围内的常见情况 */
  exclusions: string[];
}

export const COMMON_WARRANTY_EXCLUSIONS = [
  "人为损坏、进水、摔坏",
  "未按说明书使用或私自拆修",
  "不可抗力（如雷击、水灾）造成的损坏",
];

export const WARRANTY_POLICIES: WarrantyPolicy[] = [
  {
    slug: "tv",
    category: "电视",
    aliases: ["彩电", "液晶电视", "智能电视", "显示屏"],
    wholeUnitYears: 1,
    mainParts: ["液晶面板（屏幕）", "主板"],
    mainPartsYears: 3,
    extensions: [],
    exclusions: ["屏幕外力碰撞导致的碎屏、划痕", ...COMMON_WARRANTY_EXCLUSIONS],
  },
  {
    slug: "fridge",
    category: "冰箱",
    aliases: ["电冰箱", "冰柜", "冷柜"],
    wholeUnitYears: 1,
    mainParts: ["压缩机", "冷凝器", "蒸发器"],
    mainPartsYears: 3,
    extensions: [{ part: "变频压缩机", years: 10, note: "部分品牌承诺" }],
    exclusions: ["门封条、灯泡、搁物架等易损件的自然老化", ...COMMON_WARRANTY_EXCLUSIONS],
  },
  {
    slug: "washer",
    category: "洗衣机",
    aliases: ["滚筒洗衣机", "波轮洗衣机", "洗烘一体机", "烘干机"],
    wholeUnitYears: 1,
    mainParts: ["电机", "程控器（电脑板）"],
    mainPartsYears: 3,
    extensions: [{ part: "直驱变频电机", years: 10, note: "部分品牌承诺" }],
    exclusions: ["排水管、进水管等易损件", "洗涤异物（硬币、钥匙）造成的损坏", ...COMMON_WARRANTY_EXCLUSIONS],
  },
  {
    slug: "ac",
    category: "空调",
    aliases: ["挂机", "柜机", "中央空调", "冷气"],
    wholeUnitYears: 1,
    mainParts: ["压缩机", "电脑板"],
    mainPartsYears: 3,
    extensions: [{ part: "压缩机", years: 10, note: "部分品牌承诺" }],
    exclusions: ["非本店或品牌授权师傅安装、移机造成的故障", ...COMMON_WARRANTY_EXCLUSIONS],
  },
  {
    slug: "water-heater",
    category: "热水器",
    aliases: ["电热水器", "燃气热水器", "空气能热水器"],
    wholeUnitYears: 1,
    mainParts: ["内胆", "加热管", "主控板"],
    mainPartsYears: 3,
    extensions: [{ part: "内胆", years: 8, note: "部分电热水器品牌承诺" }],
    exclusions: [
      "镁棒等耗材需定期更换，不在保修范围",
      "水质、气源问题导致的故障",
      ...COMMON_WARRANTY_EXCLUSIONS,
    ],
  },
  {
    slug: "small-appliance",
    category: "小家电",
    aliases: ["电饭煲", "微波炉", "吸尘器", "电风扇", "空气净化器", "扫地机器人"],
    wholeUnitYears: 1,
    mainParts: [],
    mainPartsYears: 1,
    extensions: [],
    exclusions: ["滤网、电池、刷头等耗材", ...COMMON_WARRANTY_EXCLUSIONS],
  },
];

/** Human-readable policy text, shared by the FAQ seed and anyone displaying the policy. */
export function describeWarranty(policy: WarrantyPolicy): string {
  const parts: string[] = [`${policy.category}整机保修${policy.wholeUnitYears}年起`];
  if (policy.mainParts.length > 0) {
    parts.push(`主要部件（${policy.mainParts.join("、")}）保修${policy.mainPartsYears}年`);
  }
  let text = `${parts.join("，")}，自签收（需安装的以安装完成）之日起计算。商品承诺更长整机保修的（如部分空调整机6年），以商品详情页「保障」所示期限为准，保修查询按该期限计算。`;
  if (policy.extensions.length > 0) {
    const ext = policy.extensions.map((e) => `${e.part}${e.years}年（${e.note ?? "品牌承诺"}）`).join("、");
    text += `在三包基础上，${ext}，具体以商品详情页和保修卡为准。`;
  }
  text += `以下情况不在免费保修范围：${policy.exclusions.join("；")}。`;
  return text;
}
