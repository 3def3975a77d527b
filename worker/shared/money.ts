/** Exact yuan-string ↔ fen conversion: money never passes through floating point. */
export function yuanToFen(yuan: string): number | undefined {
  const m = yuan.trim().match(/^(\d{1,9})(?:\.(\d{1,2}))?$/);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
