import { and, asc, count, eq, sql } from "drizzle-orm";
import { buildIndex, type FaqIndex, search } from "../../faq-bot/retrieval";
import { EXAMPLE_QUESTIONS } from "../../faq-bot/seed/example-questions";
import { FAQ_ENTRIES } from "../../faq-bot/seed/faq-entries";
import type { FaqEntry } from "../../faq-bot/types";
import type { Db } from "../db/client";
import { notFound } from "../shared/errors";
import type { FaqInput, FaqPatch, FaqReplace } from "./model";
import { faqEntries, faqRevision } from "./schema";

type FaqRow = typeof faqEntries.$inferSelect;

/** Search results below this confidence are noise on the FAQ page (same scale as the bot's thresholds). */
export const SEARCH_MIN_CONFIDENCE = 0.1;

const toEntry = (r: FaqRow): FaqEntry => ({
  id: r.id,
  question: r.question,
  answer: r.answer,
  keywords: r.keywords,
  category: r.category,
  enabled: r.enabled,
});

const toAdmin = (r: FaqRow) => ({
  ...toEntry(r),
  sortOrder: r.sortOrder,
  examples: [...(EXAMPLE_QUESTIONS.get(r.id) ?? [])],
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/**
 * Bumps the FAQ revision only when the previous statement of the same batch changed a row, so a write
 * that matched nothing (unknown id) leaves no trace. `changes()` is per connection, and a batch runs its
 * statements in order on one connection.
 */
const bumpRevisionIfChanged = (db: Db) =>
  db.run(sql`INSERT INTO faq_revision (id, revision) SELECT 1, 1 WHERE changes() > 0
             ON CONFLICT(id) DO UPDATE SET revision = revision + 1`);

function generatedId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return `faq-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

// ---------- public ----------

/** Enabled entries grouped by category, categories in the order of their first entry. */
export async function listFaqByCategory(db: Db, category?: string) {
  const rows = await db
    .select()
    .from(faqEntries)
    .where(and(eq(faqEntries.enabled, true), category ? eq(faqEntries.category, category) : undefined))
    .orderBy(asc(faqEntries.sortOrder), asc(faqEntries.id));
  const groups = new Map<string, { id: string; question: string; answer: string }[]>();
  for (const r of rows) {
    const items = groups.get(r.category) ?? [];
    items.push({ id: r.id, question: r.question, answer: r.answer });
    groups.set(r.category, items);
  }
  return [...groups].map(([name, items]) => ({ name, items }));
}

export async function searchFaq(db: Db, q: string, limit: number) {
  const hits = search(await loadFaqIndex(db), q, limit);
  return hits
    .filter((h) => h.confidence >= SEARCH_MIN_CONFIDENCE)
    .map((h) => ({
      id: h.entry.id,
      question: h.entry.question,
      answer: h.entry.answer,
      category: h.entry.category,
      confidence: Math.round(h.confidence * 1000) / 1000,
    }));
}

// ---------- the retrieval index, cached per isolate ----------

interface CachedIndex {
  revision: number;
  index: FaqIndex;
}
// One per isolate: an isolate serves one database (LIBSQL_URL is per deployment), while the Db objects
// are per request (see worker/shared/middleware.ts), so the cache must not be keyed by them.
let indexCache: CachedIndex | undefined;
// In-flight rebuilds are shared only within a request: promises must not cross request I/O contexts.
const rebuilding = new WeakMap<Db, Promise<CachedIndex>>();

async function currentRevision(db: Db): Promise<number> {
  const row = await db
    .select({ revision: faqRevision.revision })
    .from(faqRevision)
    .where(eq(faqRevision.id, 1))
    .get();
  return row?.revision ?? 0;
}

async function rebuild(db: Db): Promise<CachedIndex> {
  // One batch = one snapshot: the entries and the revision they belong to cannot disagree.
  const [rev, rows] = await db.batch([
    db.select({ revision: faqRevision.revision }).from(faqRevision).where(eq(faqRevision.id, 1)),
    db.select().from(faqEntries).where(eq(faqEntries.enabled, true)),
  ]);
  // Example questions (相似问法) of seed ids; entries the merchant added or deleted simply have none.
  const built = {
    revision: rev[0]?.revision ?? 0,
    index: buildIndex(rows.map(toEntry), {}, EXAMPLE_QUESTIONS),
  };
  if (!indexCache || built.revision >= indexCache.revision) indexCache = built;
  return built;
}

/**
 * The retrieval index over the enabled FAQ entries. Costs one small query per call (the revision); the
 * entries are reloaded and re-indexed only after a merchant edit.
 * Used by the FAQ search API and the ChatRoom's bot.
 */
export async function loadFaqIndex(db: Db): Promise<FaqIndex> {
  const revision = await currentRevision(db);
  if (indexCache?.revision === revision) return indexCache.index;
  let pending = rebuilding.get(db);
  if (!pending) {
    pending = rebuild(db).finally(() => rebuilding.delete(db));
    rebuilding.set(db, pending);
  }
  return (await pending).index;
}

// ---------- merchant ----------

export async function listFaqAdmin(db: Db, category?: string) {
  const rows = await db
    .select()
    .from(faqEntries)
    .where(category ? eq(faqEntries.category, category) : undefined)
    .orderBy(asc(faqEntries.sortOrder), asc(faqEntries.id));
  return rows.map(toAdmin);
}

export async function getFaq(db: Db, id: string) {
  const row = await db.select().from(faqEntries).where(eq(faqEntries.id, id)).get();
  if (!row) throw notFound("FAQ 不存在");
  return toAdmin(row);
}

/** A taken id fails the batch on the primary key: 409 DUPLICATE, nothing written. */
export async function createFaq(db: Db, input: FaqInput) {
  const now = Date.now();
  const [rows] = await db.batch([
    db
      .insert(faqEntries)
      .values({ ...input, id: input.id ?? generatedId(), createdAt: now, updatedAt: now })
      .returning(),
    bumpRevisionIfChanged(db),
  ]);
  return toAdmin(rows[0]!);
}

export async function updateFaq(db: Db, id: string, changes: FaqReplace | FaqPatch) {
  const [rows] = await db.batch([
    db
      .update(faqEntries)
      .set({ ...changes, updatedAt: Date.now() })
      .where(eq(faqEntries.id, id))
      .returning(),
    bumpRevisionIfChanged(db),
  ]);
  if (!rows[0]) throw notFound("FAQ 不存在");
  return toAdmin(rows[0]);
}

export async function deleteFaq(db: Db, id: string) {
  const [rows] = await db.batch([
    db.delete(faqEntries).where(eq(faqEntries.id, id)).returning({ id: faqEntries.id }),
    bumpRevisionIfChanged(db),
  ]);
  if (!rows[0]) throw notFound("FAQ 不存在");
}

// ---------- seed ----------

/**
 * Inserts the seed FAQ when the table is empty; otherwise does nothing (merchant edits win).
 * Safe to run concurrently: an entry another run inserted first is skipped. Returns rows inserted.
 */
export async function seedFaq(db: Db): Promise<number> {
  const existing = await db.select({ n: count() }).from(faqEntries).get();
  if ((existing?.n ?? 0) > 0) return 0;
  const now = Date.now();
  const [inserted] = await db.batch([
    db
      .insert(faqEntries)
      .values(FAQ_ENTRIES.map((e, i) => ({ ...e, sortOrder: (i + 1) * 10, createdAt: now, updatedAt: now })))
      .onConflictDoNothing()
      .returning({ id: faqEntries.id }),
    bumpRevisionIfChanged(db),
  ]);
  return inserted.length;
}
