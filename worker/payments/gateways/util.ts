export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Longest prefix (on code point boundaries) whose UTF-8 encoding fits in `maxBytes`. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > maxBytes) break;
    out += ch;
  }
  return out;
}
