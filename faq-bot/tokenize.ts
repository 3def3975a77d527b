/**
 * Chinese-aware text normalisation and word-level tokenisation for FAQ retrieval. Pure, web-standard
 * only: the segmentation is `Intl.Segmenter` (ICU's dictionary, present in workerd and Node), corrected
 * by a user dictionary (the FAQ's keywords plus the shop vocabulary of synonyms.ts) matched first.
 *
 * Text: NFKC (full-width → half-width) → lowercase → traditional → simplified (shop vocabulary only) →
 * Chinese numerals before units to digits → punctuation as separators; for retrieval also "A不A"
 * questions to "A" (收不收钱 → 收钱: asking, not negating).
 * Tokens of a text (see `Tokenizer.tokenize`):
 *   - words: user-dictionary words, else ICU words; mapped to a canonical synonym; stop words dropped;
 *     a negation merged into the word it negates ("没收到" → "不收到", which does not match "收到");
 *   - "#xy" character bigrams inside each word and each run between dictionary words (recall for typos
 *     and compounds segmented differently), never across a dictionary word or a stop word, and not for
 *     negated words;
 *   - ASCII words / numbers, plus number+unit tokens ("7天", "12期", "8楼").
 */
import { ACTION_WORDS, NEGATIONS, PRODUCT_WORDS, SHOP_WORDS, STOP_WORDS, SYNONYMS } from "./synonyms";

/**
 * Spelling variants and set phrases rewritten in the TEXT before intent patterns run (intent.ts and
 * orders.ts match regular expressions over whole messages and were written against these canonical
 * forms). Retrieval does not use this table: it maps whole words through synonyms.ts instead.
 */
const TEXT_VARIANTS: Record<string, string[]> = {
  退款: ["退钱", "退费", "返款", "退回钱"],
  发票: ["开票", "发漂"],
  专票: ["增值税专用发票", "专用发票", "增票"],
  普票: ["普通发票", "电子普票"],
  保修: ["质保", "包修", "保固", "保休", "维保期"],
  以旧换新: ["旧机回收", "回收旧机", "旧家电回收", "旧换新"],
  安装: ["装机", "安裝", "按装"],
  快递: ["物流", "配送", "快件", "包裹"],
  运费: ["邮费", "运输费"],
  支付: ["付款", "付钱", "付费", "买单"],
  价保: ["保价", "价格保护", "价保护"],
  登录: ["登陆", "登入", "登錄"],
  优惠券: ["优惠卷", "优惠劵", "代金券", "折扣券"],
  券: ["卷", "劵"],
  收费: ["要钱", "收钱", "花钱", "加钱", "费用", "多少钱", "几块钱", "价钱"],
  多久: ["多长时间", "多少天", "几天", "啥时候", "什么时候", "几时", "多长"],
  手机号: ["手机号码", "电话号码"],
  电视: ["电视机", "彩电"],
  注销: ["销户", "删除账号", "注消"],
  维修: ["修理"],
};

/** Traditional characters common in shop questions (HK/TW shoppers); anything else passes through. */
const TRADITIONAL_TO_SIMPLIFIED: Record<string, string> = {
  貨: "货",
  發: "发",
  訂: "订",
  單: "单",
  維: "维",
  換: "换",
  機: "机",
  運: "运",
  費: "费",
  號: "号",
  碼: "码",
  問: "问",
  題: "题",
  賬: "账",
  帳: "账",
  戶: "户",
  銷: "销",
  電: "电",
  視: "视",
  幾: "几",
  麼: "么",
  優: "优",
  價: "价",
  團: "团",
  購: "购",
  買: "买",
  賣: "卖",
  錢: "钱",
  裝: "装",
  熱: "热",
  壞: "坏",
  氣: "气",
  調: "调",
  舊: "旧",
  積: "积",
  會: "会",
  員: "员",
  級: "级",
  絡: "络",
  網: "网",
  點: "点",
  務: "务",
  請: "请",
  嗎: "吗",
  們: "们",
  這: "这",
  個: "个",
  時: "时",
  間: "间",
  為: "为",
  麽: "么",
  還: "还",
  沒: "没",
  樣: "样",
  從: "从",
  開: "开",
  關: "关",
  過: "过",
  達: "达",
  統: "统",
  證: "证",
  讓: "让",
  說: "说",
  話: "话",
  聯: "联",
  專: "专",
  稅: "税",
  驗: "验",
  紀: "纪",
  録: "录",
  錄: "录",
  繫: "系",
  係: "系",
};

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Longest-first alternation so "以旧换新" wins over "旧换新" at the same position. */
function alternation(words: Iterable<string>): RegExp {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(escapeRegExp).join("|"), "g");
}

const textVariantOf = new Map<string, string>();
for (const [canonical, variants] of Object.entries(TEXT_VARIANTS)) {
  textVariantOf.set(canonical, canonical);
  for (const v of variants) textVariantOf.set(v, canonical);
}
const TEXT_VARIANT_RE = alternation(textVariantOf.keys());
const TRADITIONAL_RE = new RegExp(`[${Object.keys(TRADITIONAL_TO_SIMPLIFIED).join("")}]`, "g");
const CHINESE_NUMBER_UNIT_RE = /([零一二两三四五六七八九十]{1,3})(?=天|年|期|楼|层|个月|小时|分钟|周|米|匹)/g;
const PUNCTUATION_RE = /[\p{P}\p{S}]/gu;
/** "A不A" / "A没A" questions ("收不收钱", "包不包邮", "送没送"): the same as asking "A", not a negation. */
const A_NOT_A_RE = /(\p{Script=Han})[不没]\1/gu;
const CJK_RE = /\p{Script=Han}/u;
const TOKEN_RUN_RE = /\p{Script=Han}+|[a-z0-9]+(?:\.[0-9]+)?/gu;

function chineseNumberToDigits(numeral: string): string {
  // Handles 一..九十九, enough for "七天", "十五天", "十二期", "三十天".
  const tenAt = numeral.indexOf("十");
  if (tenAt === -1) {
    if (numeral.length !== 1) return numeral;
    return String(CHINESE_DIGITS[numeral] ?? numeral);
  }
  const tensPart = numeral.slice(0, tenAt);
  const onesPart = numeral.slice(tenAt + 1);
  const tens = tensPart === "" ? 1 : CHINESE_DIGITS[tensPart];
  const ones = onesPart === "" ? 0 : CHINESE_DIGITS[onesPart];
  if (tens === undefined || ones === undefined || tensPart.length > 1 || onesPart.length > 1) return numeral;
  return String(tens * 10 + ones);
}

/** Half-width, lowercase, simplified, digits for numerals before units, punctuation as spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(TRADITIONAL_RE, (ch) => TRADITIONAL_TO_SIMPLIFIED[ch] ?? ch)
    .replace(CHINESE_NUMBER_UNIT_RE, (n) => chineseNumberToDigits(n))
    .replace(PUNCTUATION_RE, (ch, offset: number, whole: string) =>
      // Keep decimal points ("1.5匹"); everything else separates tokens.
      ch === "." && /\d/.test(whole[offset - 1] ?? "") && /\d/.test(whole[offset + 1] ?? "") ? ch : " ",
    )
    .replace(/\s+/g, " ")
    .trim();
}

/** normalizeText plus "A不A" → "A": what words are segmented from (intent patterns keep "有没有人"). */
function normalizeForRetrieval(text: string): string {
  return normalizeText(text).replace(A_NOT_A_RE, "$1");
}

/** normalizeText plus TEXT_VARIANTS rewritten to their canonical form: the input of intent patterns. */
export function normalize(text: string): string {
  return normalizeText(text)
    .replace(TEXT_VARIANT_RE, (w) => textVariantOf.get(w) ?? w)
    .replace(CHINESE_NUMBER_UNIT_RE, (n) => chineseNumberToDigits(n));
}

// ---------- word-level tokenisation ----------

const canonicalOf = new Map<string, string>();
for (const [canonical, variants] of Object.entries(SYNONYMS)) {
  canonicalOf.set(canonical, canonical);
  for (const v of variants) canonicalOf.set(v, canonical);
}
const STOP = new Set(STOP_WORDS);
const NEGATION = new Set(NEGATIONS);
/** Negation prefixes of dictionary words, longest first ("没有收到" before "没收到"). */
const NEGATION_PREFIXES = [...NEGATIONS].sort((a, b) => b.length - a.length);
const ACTIONS = new Set(ACTION_WORDS);
const PRODUCTS = new Set(PRODUCT_WORDS);

/** Marks sub-word character bigrams so they never collide with words. */
export const SUBWORD_MARK = "#";

export type TokenKind = "action" | "product" | "word" | "char" | "subword" | "negated";

export function tokenKind(token: string): TokenKind {
  if (token.startsWith(SUBWORD_MARK)) return "subword";
  if (ACTIONS.has(token)) return "action";
  if (PRODUCTS.has(token)) return "product";
  if (token.length > 1 && token.startsWith("不") && token.slice(1) !== "") return "negated";
  if (token.length === 1 && CJK_RE.test(token)) return "char";
  return "word";
}

/** A token of one CJK character: weaker evidence than a word. */
export function isUnigram(token: string): boolean {
  return tokenKind(token) === "char";
}

const wordSegmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Words every tokenizer knows: the shop vocabulary (synonyms, actions, products, multi-character stop words). */
export const BASE_DICTIONARY: readonly string[] = [
  ...canonicalOf.keys(),
  ...ACTION_WORDS,
  ...PRODUCT_WORDS,
  ...SHOP_WORDS,
  ...STOP_WORDS,
  ...NEGATIONS,
].filter((w) => w.length >= 2);

export interface Tokenizer {
  /** Tokens of `text`, repeated as often as they occur (term frequency matters to BM25). */
  tokenize(text: string): string[];
  /** Words only (no sub-word bigrams): for tests and diagnostics. */
  words(text: string): string[];
}

/** A tokenizer whose segmentation first matches `userWords` (e.g. the FAQ keywords) and BASE_DICTIONARY. */
export function createTokenizer(userWords: Iterable<string> = []): Tokenizer {
  const dictionary = new Set<string>();
  for (const w of [...BASE_DICTIONARY, ...userWords]) {
    const n = normalizeForRetrieval(w).replace(/\s+/g, "");
    if (n.length >= 2 && CJK_RE.test(n)) dictionary.add(n);
  }
  const longest = Math.max(2, ...[...dictionary].map((w) => w.length));

  /** Longest dictionary words of `run`, matched from the left (forward) or from the right (backward). */
  function maximumMatch(run: string, backward: boolean): { start: number; end: number }[] {
    const found: { start: number; end: number }[] = [];
    const fits = (start: number, end: number) => dictionary.has(run.slice(start, end));
    if (!backward) {
      for (let i = 0; i < run.length; ) {
        let len = Math.min(longest, run.length - i);
        while (len >= 2 && !fits(i, i + len)) len--;
        if (len >= 2) found.push({ start: i, end: i + len });
        i += len >= 2 ? len : 1;
      }
      return found;
    }
    for (let j = run.length; j > 0; ) {
      let len = Math.min(longest, j);
      while (len >= 2 && !fits(j - len, j)) len--;
      if (len >= 2) found.unshift({ start: j - len, end: j });
      j -= len >= 2 ? len : 1;
    }
    return found;
  }

  /**
   * ICU glues function characters to words ("能送", "我家", "用了", "我没"): they are split off, so the
   * word is the shop word it contains and a negation still reaches the word after it ("我没拿到" → 不收到).
   */
  function withoutFunctionEdges(word: string): string[] {
    const isFunction = (ch: string) => STOP.has(ch) || NEGATION.has(ch);
    const chars = [...word];
    let start = 0;
    let end = chars.length;
    while (start < end && isFunction(chars[start]!)) start++;
    while (end > start && isFunction(chars[end - 1]!)) end--;
    if (start === 0 && end === chars.length) return [word];
    const core = chars.slice(start, end).join("");
    return [...chars.slice(0, start), ...(core ? [core] : []), ...chars.slice(end)];
  }

  /**
   * Dictionary words first, ICU's words in between. Both matching directions are tried and the one that
   * leaves fewer characters uncovered (then has fewer words) wins: "退款几天到账" → 退款/几天/到账, where
   * forward matching alone would take "几天到".
   */
  function segmentRun(run: string): { text: string; dictionary: boolean }[] {
    const covered = (m: { start: number; end: number }[]) => m.reduce((n, w) => n + w.end - w.start, 0);
    const forward = maximumMatch(run, false);
    const backward = maximumMatch(run, true);
    const matches =
      covered(backward) > covered(forward) ||
      (covered(backward) === covered(forward) && backward.length <= forward.length)
        ? backward
        : forward;
    const out: { text: string; dictionary: boolean }[] = [];
    let gapStart = 0;
    const flushGap = (end: number) => {
      if (end <= gapStart) return;
      for (const s of wordSegmenter.segment(run.slice(gapStart, end))) {
        if (!s.isWordLike) continue;
        // ICU's "我没", "这么", "我要": function characters glued together, read one by one so a
        // negation still reaches the word after it ("我没拿到" → 不收到).
        for (const piece of withoutFunctionEdges(s.segment)) out.push({ text: piece, dictionary: false });
      }
    };
    for (const m of matches) {
      flushGap(m.start);
      out.push({ text: run.slice(m.start, m.end), dictionary: true });
      gapStart = m.end;
    }
    flushGap(run.length);
    return out;
  }

  /** Canonical words of a CJK run with negations merged, each with the raw text it came from. */
  function runWords(run: string): { word: string; raw: string; negated: boolean }[] {
    const words: { word: string; raw: string; negated: boolean }[] = [];
    let pendingNegation = false;
    for (const seg of segmentRun(run)) {
      let raw = seg.text;
      let negated: boolean = pendingNegation;
      pendingNegation = false;
      const canonical = canonicalOf.get(raw);
      if (!canonical && NEGATION.has(raw)) {
        pendingNegation = true;
        continue;
      }
      // A dictionary word spelled with its negation ("没收到", "无法配送"): the same as 不 + the word.
      if (!canonical && seg.dictionary) {
        const prefix = NEGATION_PREFIXES.find((p) => raw.startsWith(p) && raw.length > p.length);
        if (prefix) {
          raw = raw.slice(prefix.length);
          negated = true;
        }
      }
      const word = canonicalOf.get(raw) ?? raw;
      if (STOP.has(word)) {
        // "不 + 了/吗" is no negated word; the negation waits for the next meaningful word.
        pendingNegation = negated;
        continue;
      }
      words.push({ word: negated ? `不${word}` : word, raw, negated });
    }
    return words;
  }

  function tokensOf(text: string, withSubwords: boolean): string[] {
    const normalized = normalizeForRetrieval(text);
    const tokens: string[] = [];
    for (const match of normalized.matchAll(TOKEN_RUN_RE)) {
      const run = match[0];
      if (CJK_RE.test(run[0] ?? "")) {
        for (const { word, raw, negated } of runWords(run)) {
          tokens.push(word);
          if (!withSubwords || negated) continue;
          // Bigrams of the word as written and as canonicalised: "质保期" and "保修" both count.
          for (const form of new Set([raw, word]))
            for (let i = 0; i + 2 <= form.length; i++) tokens.push(SUBWORD_MARK + form.slice(i, i + 2));
        }
        continue;
      }
      tokens.push(run);
      // Number followed by a CJK unit: "7天" means something "7" alone does not.
      const end = (match.index ?? 0) + run.length;
      const next = normalized[end];
      if (/^[0-9.]+$/.test(run) && next && CJK_RE.test(next)) tokens.push(run + next);
    }
    return tokens;
  }

  return {
    tokenize: (text) => tokensOf(text, true),
    words: (text) => tokensOf(text, false),
  };
}

const defaultTokenizer = createTokenizer();

/** Tokens with the shop vocabulary only (no FAQ keywords): for callers without an index. */
export function tokenize(text: string): string[] {
  return defaultTokenizer.tokenize(text);
}
