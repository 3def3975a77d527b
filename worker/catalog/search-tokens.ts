/**
 * Chinese-aware tokens for FTS5: CJK runs become overlapping character bigrams (plus the single
 * character for one-character runs), ASCII runs become lowercase words. Numbers glued to units stay
 * searchable: "65英寸" → 65, 英寸.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function normalise(text: string): string {
  // Full-width ASCII → half-width, so ６５寸 and 65寸 match.
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .toLowerCase();
}

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const runs = normalise(text).match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:\.[0-9]+)?/g) ?? [];
  for (const run of runs) {
    if (!CJK.test(run)) {
      // FTS5's unicode61 splits on ".", which would turn 1.5匹 into 1 and 5: keep decimals whole.
      tokens.push(run.replace(".", "d"));
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  }
  return tokens;
}

/** The document stored in catalog_search.tokens. */
export const toIndexText = (parts: string[]) => tokenize(parts.join(" ")).join(" ");

/**
 * The catalog's synonym table: common ways shoppers say things that products are described otherwise
 * (a freezer is a 冰柜 to shoppers, a 冷柜 in the catalog). Typos are corrected separately
 * (search-correct.ts).
 */
export const QUERY_SYNONYMS: [RegExp, string][] = [
  [/(\d+)\s*(?:英寸|寸)/g, "$1英寸"],
  [/彩电|电视机/g, "电视"],
  [/一级能耗/g, "一级能效"],
  [/冰柜|冷冻柜|冰橱/g, "冷柜"],
  [/电冰箱/g, "冰箱"],
  [/冷气机|空调机/g, "空调"],
  [/烘干机/g, "干衣机"],
  [/抽油烟机|脱排/g, "油烟机"],
  [/热水壶|烧水壶/g, "电水壶"],
  [/电吹风/g, "吹风机"],
];

/** The query as the catalog says it (synonyms applied), e.g. 冰柜 → 冷柜. */
export function applySynonyms(query: string): string {
  let q = normalise(query);
  for (const [re, to] of QUERY_SYNONYMS) q = q.replace(re, to);
  return q;
}

export function queryTokens(query: string): string[] {
  return [...new Set(tokenize(applySynonyms(query)))];
}

/**
 * Turns query tokens into an FTS5 MATCH expression. Bigrams that occur nowhere in the index
 * (e.g. 尔冰 from 海尔冰箱, which spans brand and category) are dropped so the rest must all match;
 * `known` answers whether a token is in the index vocabulary.
 */
export function toMatchExpression(tokens: string[], known: (token: string) => boolean): string | undefined {
  const kept = tokens.filter(known);
  if (kept.length === 0) return undefined;
  return kept.map((t) => `"${t.replace(/"/g, '""')}"`).join(" AND ");
}
