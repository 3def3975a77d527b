/**
 * Allow-list HTML sanitiser for product descriptions (rich text from the merchant console, shown in
 * the mini program's rich-text/v-html). Runs without a DOM: tags are tokenised, every tag and
 * attribute not on the list is dropped, text is re-escaped, and the contents of script-like
 * elements are removed entirely.
 */
const ALLOWED_TAGS = new Set([
  "p",
  "br",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "span",
  "div",
  "h2",
  "h3",
  "h4",
  "ul",
  "ol",
  "li",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "img",
  "blockquote",
  "hr",
  "section",
]);
const VOID_TAGS = new Set(["br", "img", "hr"]);
const DROP_WITH_CONTENT = new Set([
  "script",
  "style",
  "iframe",
  "object",
  "embed",
  "noscript",
  "template",
  "svg",
  "math",
  "textarea",
  "select",
]);
const ALLOWED_ATTRS: Record<string, Set<string>> = {
  img: new Set(["src", "alt", "width", "height"]),
  td: new Set(["colspan", "rowspan"]),
  th: new Set(["colspan", "rowspan"]),
};
const SAFE_URL = /^(?:https:\/\/|\/api\/images\/)[^\s"'<>`]*$/i;

const escapeText = (s: string) =>
  s
    .replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(
      /&(amp|lt|gt|quot|apos|colon|tab|newline);/gi,
      (_, n: string) =>
        ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", colon: ":", tab: "\t", newline: "\n" })[
          n.toLowerCase()
        ] ?? "",
    );
}

function sanitiseAttributes(tag: string, raw: string): string {
  const allowed = ALLOWED_ATTRS[tag];
  if (!allowed) return "";
  let out = "";
  for (const m of raw.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = m[1]!.toLowerCase();
    if (!allowed.has(name)) continue;
    const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "").trim();
    if (name === "src" && !SAFE_URL.test(value)) continue;
    if (
      (name === "width" || name === "height" || name === "colspan" || name === "rowspan") &&
      !/^\d{1,4}$/.test(value)
    )
      continue;
    out += ` ${name}="${escapeAttr(value)}"`;
  }
  return out;
}

export function sanitizeHtml(input: string): string {
  let out = "";
  let dropUntil: string | undefined;
  const open: string[] = [];
  const re =
    /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<[!?][^>]*>?|([^<]+)|</g;
  for (const m of input.matchAll(re)) {
    const [whole, slash, rawName, attrs, text] = m;
    if (text !== undefined) {
      if (!dropUntil) out += escapeText(text);
      continue;
    }
    if (!rawName) {
      // comments, doctype, stray '<': dropped (a lone '<' becomes text)
      if (whole === "<" && !dropUntil) out += "&lt;";
      continue;
    }
    const name = rawName.toLowerCase();
    if (dropUntil) {
      if (slash && name === dropUntil) dropUntil = undefined;
      continue;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!slash && !attrs?.trimEnd().endsWith("/")) dropUntil = name;
      continue;
    }
    if (!ALLOWED_TAGS.has(name)) continue;
    if (slash) {
      const idx = open.lastIndexOf(name);
      if (idx === -1) continue;
      while (open.length > idx) out += `</${open.pop()}>`;
      continue;
    }
    out += `<${name}${sanitiseAttributes(name, attrs ?? "")}>`;
    if (!VOID_TAGS.has(name)) open.push(name);
  }
  while (open.length) out += `</${open.pop()}>`;
  return out;
}
