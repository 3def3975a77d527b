/**
 * Deterministic stand-in for an embedding model (OpenAI-compatible /v1/embeddings). Like a real model it
 * knows some paraphrases the shop's own synonym table may not: a few concept groups below put 付钱 near
 * 支付 and 不喜欢 near 无理由. The rest is character unigrams and bigrams hashed into a fixed number of
 * dimensions, L2-normalised, so similar wording gives a cosine near 1 and unrelated text one near 0.
 */

export const SIMULATED_EMBEDDING_DIMENSIONS = 256;

/** Concept groups the simulated model "understands": any member adds the group's feature. */
const CONCEPTS: string[][] = [
  ["支付", "付钱", "付款", "买单", "结账"],
  ["无理由", "不喜欢", "不想要", "不合适", "后悔"],
  ["退款", "退钱", "钱退", "返钱"],
  ["骗子", "诈骗", "冒充", "假客服", "骗"],
  ["维修", "修理", "报修", "坏了", "故障", "毛病"],
  ["安装", "装机", "上门装"],
  ["快递", "物流", "包裹", "到哪", "运单"],
  ["发票", "开票", "报销"],
  ["保修", "质保", "包修"],
  ["破损", "磕碰", "划痕", "凹", "碎"],
];

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function simulatedEmbedding(text: string, dims = SIMULATED_EMBEDDING_DIMENSIONS): number[] {
  const v = new Array<number>(dims).fill(0);
  const add = (feature: string, weight: number) => {
    const h = fnv1a(feature);
    v[h % dims]! += h & 0x80000000 ? -weight : weight;
  };
  const chars = Array.from(
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\p{P}\p{S}\s]/gu, ""),
  );
  for (let i = 0; i < chars.length; i++) {
    add(`u:${chars[i]}`, 0.5);
    if (i + 1 < chars.length) add(`b:${chars[i]}${chars[i + 1]}`, 1);
  }
  const joined = chars.join("");
  for (const [n, group] of CONCEPTS.entries()) if (group.some((w) => joined.includes(w))) add(`c:${n}`, 3);
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

/** The base64 wire form (little-endian float32) the openai client asks for by default. */
export function toBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString("base64");
}
