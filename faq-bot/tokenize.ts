/**
 * Chinese-aware tokenizer for FAQ retrieval. Pure, web-standard only.
 *
 * Pipeline: NFKC (full-width → half-width) → lowercase → traditional → simplified (shop vocabulary only)
 * → synonyms to a canonical form → Chinese numerals before units to digits → punctuation and filler
 * words become separators → tokens:
 *   - CJK character bigrams inside each run (the main signal: Chinese has no spaces),
 *   - CJK unigrams (recall for typos and one-character words like 退/修/装),
 *   - ASCII words / numbers, plus number+unit tokens ("7天", "12期", "8楼").
 */

/** Canonical term → variants shoppers use. Canonical forms map to themselves so they are matched first. */
export const SYNONYMS: Record<string, string[]> = {
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

/** Words that carry no retrieval meaning; they split CJK runs so no bigram spans them. */
const FILLER_WORDS = [
  "请问",
  "你好",
  "您好",
  "谢谢",
  "麻烦",
  "你们",
  "我们",
  "我的",
  "怎么样",
  "怎么",
  "咋样",
  "怎样",
  "如何",
  "为什么",
  "什么",
  "可不可以",
  "能不能",
  "是不是",
  "有没有",
  "可以",
  "能否",
  "一下",
  "这个",
  "那个",
  "一般",
  "吗",
  "呢",
  "吧",
  "啊",
  "呀",
  "哦",
  "嘛",
  "啦",
  "么",
  "的",
  "了",
  "我",
  "你",
  "您",
  "咋",
  "啥",
];

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

const synonymCanonical = new Map<string, string>();
for (const [canonical, variants] of Object.entries(SYNONYMS)) {
  synonymCanonical.set(canonical, canonical);
  for (const v of variants) synonymCanonical.set(v, canonical);
}
const SYNONYM_RE = alternation(synonymCanonical.keys());
const FILLER_RE = alternation(FILLER_WORDS);
const TRADITIONAL_RE = new RegExp(`[${Object.keys(TRADITIONAL_TO_SIMPLIFIED).join("")}]`, "g");
const CHINESE_NUMBER_UNIT_RE = /([零一二两三四五六七八九十]{1,3})(?=天|年|期|楼|层|个月|小时|分钟|周|米|匹)/g;
const PUNCTUATION_RE = /[\p{P}\p{S}]/gu;
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

/** Normalised text: half-width, lowercase, simplified, canonical synonyms, punctuation as spaces. */
export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(TRADITIONAL_RE, (ch) => TRADITIONAL_TO_SIMPLIFIED[ch] ?? ch)
    .replace(SYNONYM_RE, (w) => synonymCanonical.get(w) ?? w)
    .replace(CHINESE_NUMBER_UNIT_RE, (n) => chineseNumberToDigits(n))
    .replace(PUNCTUATION_RE, (ch, offset: number, whole: string) =>
      // Keep decimal points ("1.5匹"); everything else separates tokens.
      ch === "." && /\d/.test(whole[offset - 1] ?? "") && /\d/.test(whole[offset + 1] ?? "") ? ch : " ",
    )
    .replace(/\s+/g, " ")
    .trim();
}

/** A token of one CJK character: weaker evidence than a bigram. */
export function isUnigram(token: string): boolean {
  return token.length === 1 && CJK_RE.test(token);
}

/** Tokens of `text`, repeated as often as they occur (term frequency matters to BM25). */
export function tokenize(text: string): string[] {
  const normalized = normalize(text).replace(FILLER_RE, " ");
  const tokens: string[] = [];
  for (const match of normalized.matchAll(TOKEN_RUN_RE)) {
    const run = match[0];
    if (CJK_RE.test(run[0] ?? "")) {
      for (let i = 0; i < run.length; i++) {
        tokens.push(run[i]!);
        if (i + 1 < run.length) tokens.push(run.slice(i, i + 2));
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
