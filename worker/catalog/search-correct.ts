/**
 * Typo correction for shopper searches. Chinese shoppers type with pinyin input methods, so a typo is
 * almost always a homophone (空凋 for 空调, 冰相 for 冰箱): a stretch of the query that is not a catalog
 * word but reads like one (per character, any reading of a polyphonic character, with the common
 * 模糊音 folded: zh/z, ch/c, sh/s, n/l, -ng/-n) is replaced by that word. Pure: the caller passes the
 * catalog's vocabulary (category names, brands, attribute values).
 */
import { polyphonic } from "pinyin-pro";
import { normalise } from "./search-tokens";

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const IS_CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/;

/** One reading with the fuzzy distinctions folded away, so 模糊音 count as the same sound. */
function fold(reading: string): string {
  return reading
    .replace(/^([zcs])h/, "$1")
    .replace(/^n/, "l")
    .replace(/([aei])ng$/, "$1n")
    .replace(/ing$/, "in");
}

/** Every folded reading of each character. */
function readings(text: string): Set<string>[] {
  return polyphonic(text, { toneType: "none", type: "array" }).map((rs) => new Set(rs.map(fold)));
}

const soundsAlike = (a: Set<string>[], b: Set<string>[]) =>
  a.length === b.length && a.every((ra, i) => [...ra].some((r) => b[i]!.has(r)));

/** The CJK words of the vocabulary (two characters or more), longest first so 洗衣机 wins over 洗衣. */
export function vocabularyWords(terms: readonly string[]): string[] {
  const words = new Set<string>();
  for (const t of terms)
    for (const run of normalise(t).match(CJK_RUN) ?? []) if (run.length >= 2) words.add(run);
  return [...words].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/**
 * The query with each homophone typo replaced by the catalog word it sounds like, or undefined when
 * nothing needed correcting. Stretches that are catalog words themselves are never changed.
 */
export function correctQuery(query: string, vocabulary: readonly string[]): string | undefined {
  const words = vocabularyWords(vocabulary);
  const known = new Set(words);
  const sounds = new Map<string, Set<string>[]>();
  const soundOf = (w: string) => {
    let s = sounds.get(w);
    if (!s) {
      s = readings(w);
      sounds.set(w, s);
    }
    return s;
  };
  const chars = [...normalise(query)];
  let out = "";
  let changed = false;
  for (let i = 0; i < chars.length; ) {
    let replaced = false;
    for (const word of words) {
      const len = [...word].length;
      const window = chars.slice(i, i + len).join("");
      if (window.length !== word.length || !IS_CJK.test(window)) continue;
      if (window === word || known.has(window)) {
        // Already a catalog word: keep it and move past it.
        out += window;
        i += len;
        replaced = true;
        break;
      }
      if (soundsAlike(soundOf(window), soundOf(word))) {
        out += word;
        i += len;
        replaced = changed = true;
        break;
      }
    }
    if (!replaced) out += chars[i++];
  }
  return changed ? out : undefined;
}
