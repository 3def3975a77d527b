/**
 * FAQ API through the real worker in workerd over HTTP, against a real libSQL file: merchant CRUD and
 * role checks, validation (4xx, Chinese message, nothing written), seeding, the public list, search
 * ranking for Chinese questions, and the per-isolate index following merchant edits.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAQ_ENTRIES } from "../../faq-bot/seed/faq-entries";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";
import { createDb } from "../db/client";
import { seedFaq } from "./service";

let stack: Stack;
let merchant: string;
let agent: string;
let shopper: string;

type Json = Record<string, unknown> & { error?: { code: string; message: string } };
const json = async (res: Response) => (await res.json()) as Json;
const scalar = async (q: string) => (await stack.sql.execute(q)).rows[0]?.[0] ?? null;
const entryCount = async () => Number(await scalar("SELECT count(*) FROM faq_entries"));
const revision = async () => Number((await scalar("SELECT revision FROM faq_revision WHERE id = 1")) ?? 0);
const searchIds = async (q: string) =>
  (
    (await json(await stack.fetch(`/api/faq/search?q=${encodeURIComponent(q)}`))).items as { id: string }[]
  ).map((i) => i.id);

const newEntry = {
  id: "dishwasher-iron-pot",
  question: "洗碗机能洗铸铁锅吗？",
  answer: "铸铁锅不建议放入洗碗机，高温和洗涤剂会让铸铁锅生锈。",
  keywords: ["铸铁锅", "洗碗机"],
  category: "使用",
};

beforeAll(async () => {
  stack = await startStack();
  [merchant, agent, shopper] = await Promise.all([
    staffToken(stack, "merchant_admin"),
    staffToken(stack, "agent"),
    shopperToken(stack, "小李"),
  ]);
}, 60_000);
afterAll(() => stack.close());

describe("seeding", () => {
  it("seeds once, even when two seeds run at the same time", async () => {
    const db = createDb(stack.vars.LIBSQL_URL!);
    const runs = await Promise.all([seedFaq(db), seedFaq(db)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(FAQ_ENTRIES.length);
    expect(await entryCount()).toBe(FAQ_ENTRIES.length);
    expect(await seedFaq(db)).toBe(0);
    expect(await revision()).toBeGreaterThan(0);
  });
});

describe("merchant FAQ management: roles", () => {
  it("requires a merchant admin", async () => {
    expect((await stack.fetch("/api/admin/faq")).status).toBe(401);
    expect((await stack.fetch("/api/admin/faq", { token: shopper })).status).toBe(403);
    expect((await stack.fetch("/api/admin/faq", { token: agent })).status).toBe(403);
    const before = await entryCount();
    const res = await stack.fetch("/api/admin/faq", { method: "POST", token: shopper, json: newEntry });
    expect(res.status).toBe(403);
    expect((await json(res)).error?.code).toBe("FORBIDDEN");
    expect((await stack.fetch("/api/admin/faq/return-7day", { method: "DELETE" })).status).toBe(401);
    expect(await entryCount()).toBe(before);
    const list = await json(await stack.fetch("/api/admin/faq", { token: merchant }));
    expect((list.items as unknown[]).length).toBe(before);
  });
});

describe("merchant FAQ management: validation writes nothing", () => {
  it.each([
    ["missing question", { ...newEntry, question: undefined }],
    ["blank answer", { ...newEntry, answer: "  " }],
    ["bad id", { ...newEntry, id: "Bad Id!" }],
    ["keywords not a list", { ...newEntry, keywords: "铸铁锅" }],
    ["too many keywords", { ...newEntry, keywords: Array.from({ length: 31 }, (_, i) => `词${i}`) }],
  ])("rejects %s with 400", async (_, body) => {
    const [count, rev] = [await entryCount(), await revision()];
    const res = await stack.fetch("/api/admin/faq", { method: "POST", token: merchant, json: body });
    expect(res.status).toBe(400);
    const err = (await json(res)).error!;
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
    expect([await entryCount(), await revision()]).toEqual([count, rev]);
  });

  it("rejects malformed JSON, an empty patch and unknown ids without writing", async () => {
    const rev = await revision();
    const raw = await stack.fetch("/api/admin/faq", {
      method: "POST",
      token: merchant,
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(raw.status).toBe(400);
    expect(
      (await stack.fetch("/api/admin/faq/return-7day", { method: "PATCH", token: merchant, json: {} }))
        .status,
    ).toBe(400);
    const missing = await stack.fetch("/api/admin/faq/no-such-entry", {
      method: "PATCH",
      token: merchant,
      json: { enabled: false },
    });
    expect(missing.status).toBe(404);
    expect(
      (await stack.fetch("/api/admin/faq/no-such-entry", { method: "DELETE", token: merchant })).status,
    ).toBe(404);
    expect(await revision()).toBe(rev);
  });
});

describe("merchant FAQ management: CRUD and the search index", () => {
  it("creates, finds, disables, re-enables, replaces and deletes an entry; search follows at once", async () => {
    expect(await searchIds("洗碗机洗铸铁锅")).not.toContain(newEntry.id);

    const created = await stack.fetch("/api/admin/faq", { method: "POST", token: merchant, json: newEntry });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ ...newEntry, enabled: true });
    expect((await searchIds("洗碗机洗铸铁锅"))[0]).toBe(newEntry.id);

    const dup = await stack.fetch("/api/admin/faq", { method: "POST", token: merchant, json: newEntry });
    expect(dup.status).toBe(409);

    const off = await stack.fetch(`/api/admin/faq/${newEntry.id}`, {
      method: "PATCH",
      token: merchant,
      json: { enabled: false },
    });
    expect((await json(off)).enabled).toBe(false);
    expect(await searchIds("洗碗机洗铸铁锅")).not.toContain(newEntry.id);
    const publicList = await json(await stack.fetch("/api/faq"));
    const publicIds = (publicList.categories as { items: { id: string }[] }[]).flatMap((c) =>
      c.items.map((i) => i.id),
    );
    expect(publicIds).not.toContain(newEntry.id);

    await stack.fetch(`/api/admin/faq/${newEntry.id}`, {
      method: "PATCH",
      token: merchant,
      json: { enabled: true },
    });
    expect((await searchIds("洗碗机洗铸铁锅"))[0]).toBe(newEntry.id);

    const replaced = await stack.fetch(`/api/admin/faq/${newEntry.id}`, {
      method: "PUT",
      token: merchant,
      json: {
        question: "洗碗机可以洗不粘锅吗？",
        answer: "可以，但涂层会加速老化，建议手洗。",
        category: "使用",
      },
    });
    expect(await json(replaced)).toMatchObject({
      question: "洗碗机可以洗不粘锅吗？",
      keywords: [],
      enabled: true,
    });
    expect((await searchIds("不粘锅能放洗碗机吗"))[0]).toBe(newEntry.id);

    expect(
      (await stack.fetch(`/api/admin/faq/${newEntry.id}`, { method: "DELETE", token: merchant })).status,
    ).toBe(200);
    expect((await stack.fetch(`/api/admin/faq/${newEntry.id}`, { token: merchant })).status).toBe(404);
    expect(await searchIds("不粘锅能放洗碗机吗")).not.toContain(newEntry.id);
  });

  it("creates an id once under concurrent duplicates, and concurrent searches all see it", async () => {
    const before = await entryCount();
    const body = {
      ...newEntry,
      id: "concurrent-entry",
      question: "洗碗机需要软水盐吗？",
      keywords: ["软水盐"],
    };
    const statuses = await Promise.all(
      [1, 2, 3].map(
        async () =>
          (await stack.fetch("/api/admin/faq", { method: "POST", token: merchant, json: body })).status,
      ),
    );
    expect(statuses.sort()).toEqual([201, 409, 409]);
    expect(await entryCount()).toBe(before + 1);
    const results = await Promise.all(Array.from({ length: 8 }, () => searchIds("洗碗机软水盐")));
    expect(results.every((ids) => ids[0] === "concurrent-entry")).toBe(true);
    await stack.fetch("/api/admin/faq/concurrent-entry", { method: "DELETE", token: merchant });
  });

  it("generates an id when none is given", async () => {
    const { id: _id, ...withoutId } = newEntry;
    const res = await stack.fetch("/api/admin/faq", { method: "POST", token: merchant, json: withoutId });
    expect(res.status).toBe(201);
    const { id } = await json(res);
    expect(id).toMatch(/^faq-[0-9a-f]{10}$/);
    expect((await stack.fetch(`/api/admin/faq/${id}`, { method: "DELETE", token: merchant })).status).toBe(
      200,
    );
  });
});

describe("public FAQ", () => {
  it("lists enabled entries by category in seed order, and filters by category", async () => {
    const body = await json(await stack.fetch("/api/faq"));
    const categories = body.categories as {
      name: string;
      items: { id: string; question: string; answer: string }[];
    }[];
    expect(categories[0]?.name).toBe(FAQ_ENTRIES[0]!.category);
    expect(categories.map((c) => c.name)).toEqual(
      expect.arrayContaining(["支付", "配送", "退换货", "保修", "发票"]),
    );
    const invoices = await json(await stack.fetch(`/api/faq?category=${encodeURIComponent("发票")}`));
    const only = invoices.categories as { name: string; items: unknown[] }[];
    expect(only.map((c) => c.name)).toEqual(["发票"]);
    expect(only[0]!.items.length).toBe(FAQ_ENTRIES.filter((e) => e.category === "发票").length);
  });

  it.each([
    ["买了不合适七天内能退吗", "return-7day"],
    ["公司采购要开增值税专票", "invoice-vat-special"],
    ["空调安装铜管超了怎么收费", "install-ac"],
    ["旧冰箱以旧换新怎么估价", "trade-in"],
    ["積分可以抵錢嗎", "member-points"],
  ])("search ranks the right entry first for %s", async (q, id) => {
    expect((await searchIds(q))[0]).toBe(id);
  });

  it("returns nothing useful for off-topic text and 400 without a query", async () => {
    expect(await searchIds("量子力学")).toEqual([]);
    const res = await stack.fetch("/api/faq/search?q=");
    expect(res.status).toBe(400);
    expect((await json(res)).error?.code).toBe("VALIDATION_FAILED");
  });
});

describe("试一试 (POST /api/admin/faq/try)", () => {
  type Tried = {
    answer: string;
    confidence: number;
    escalates: boolean;
    escalationReason: string | null;
    sources: { id: string; question: string }[];
  };
  const tryBot = async (question: string, token = merchant) =>
    stack.fetch("/api/admin/faq/try", { method: "POST", token, json: { question } });

  it("answers as the chat bot would, and follows an edited answer at once", async () => {
    const probe = {
      id: "try-drum-clean",
      question: "滚筒洗衣机多久清洗一次滚筒？",
      answer: "建议每月用滚筒清洁程序清洗一次。",
      keywords: ["滚筒清洁", "洗衣机清洗"],
      category: "使用",
    };
    expect(
      (await stack.fetch("/api/admin/faq", { method: "POST", token: merchant, json: probe })).status,
    ).toBe(201);
    const first = (await json(await tryBot("洗衣机滚筒多久清洗一次"))) as unknown as Tried;
    expect(first.escalates).toBe(false);
    expect(first.answer).toContain(probe.answer);
    expect(first.confidence).toBeGreaterThan(0.5);
    expect(first.sources[0]).toEqual({ id: probe.id, question: probe.question });

    const edited = "建议每两周用滚筒自洁程序清洗一次，洗完打开舱门通风。";
    expect(
      (
        await stack.fetch(`/api/admin/faq/${probe.id}`, {
          method: "PATCH",
          token: merchant,
          json: { answer: edited },
        })
      ).status,
    ).toBe(200);
    const second = (await json(await tryBot("洗衣机滚筒多久清洗一次"))) as unknown as Tried;
    expect(second.answer).toContain(edited);
    expect(second.answer).not.toContain(probe.answer);
  });

  it("shows when a question goes to a person, and why", async () => {
    const person = (await json(await tryBot("我要人工客服"))) as unknown as Tried;
    expect(person).toMatchObject({ escalates: true, escalationReason: "explicit" });
    const unknown = (await json(await tryBot("量子力学的测不准原理"))) as unknown as Tried;
    expect(unknown).toMatchObject({ escalates: true, escalationReason: "low_confidence", sources: [] });
  });

  it("is for merchant admins, and a blank question is a 400 with a Chinese message", async () => {
    expect((await tryBot("怎么退货", agent)).status).toBe(403);
    expect((await tryBot("怎么退货", shopper)).status).toBe(403);
    const blank = await tryBot("   ");
    expect(blank.status).toBe(400);
    expect((await json(blank)).error?.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
