/**
 * The FAQ promises only what the store has: every button, page or label an answer quotes (「…」 or “…”)
 * appears in the mini program's source. Quotes of other things (WeChat's own screens, messages shoppers
 * see from the bank, texts with a number filled in, questions to ask the bot) are listed with the reason.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FAQ_ENTRIES } from "./faq-entries";

const MINIPROGRAM_SRC = join(__dirname, "../../miniprogram-uni/src");

/** Quoted in answers but not ours to find in the mini program. */
const NOT_OUR_UI: Record<string, string> = {
  交易存在风险: "WeChat Pay's risk message",
  支付被拦截: "WeChat Pay's risk message",
  钱包: "WeChat's own 我 → 服务 → 钱包",
  帮助中心: "WeChat Pay's help centre",
  我的订单到哪了: "a question to ask the bot",
  以旧换新怎么参加: "another FAQ question",
};
/** Labels with a value filled in: the fixed parts must be in the source. */
const TEMPLATES: Record<string, string[]> = {
  "再消费 ¥x 升级…": ["再消费", "升级"],
  "支持以旧换新：…可抵钱，结算时申报": ["支持以旧换新：", "可抵钱，结算时申报"],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(vue|ts|json)$/.test(name) ? [readFileSync(path, "utf8")] : [];
  });
}

describe("FAQ answers against the mini program", () => {
  const code = sources(MINIPROGRAM_SRC).join("\n");

  it("quote only buttons, pages and labels the mini program has", () => {
    const missing: string[] = [];
    for (const entry of FAQ_ENTRIES)
      for (const [, quoted] of entry.answer.matchAll(/[「“]([^」”]{1,24})[」”]/g)) {
        const label = quoted!;
        if (label in NOT_OUR_UI) continue;
        const parts = TEMPLATES[label] ?? label.split("→").map((p) => p.trim());
        for (const part of parts) if (part && !code.includes(part)) missing.push(`${entry.id}: ${part}`);
      }
    expect(missing).toEqual([]);
  });

  it("has an answer for the content the bot lacked (unboxing damage, payment risk, profile, addresses, trade-in edge cases)", () => {
    const ids = new Set(FAQ_ENTRIES.filter((e) => e.enabled).map((e) => e.id));
    for (const id of [
      "unboxing-damage",
      "payment-risk",
      "account-profile",
      "address-book",
      "address-undeliverable",
      "trade-in-rules",
    ])
      expect(ids, id).toContain(id);
  });
});
