/** ¥1,234.50 from integer fen. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return "—";
  return `¥${(fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** yyyy-MM-dd HH:mm in the browser's time zone. */
export function dateTime(ms: number | null | undefined): string {
  if (!ms) return "—";
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const specsText = (specs: Record<string, string> | null | undefined) =>
  specs
    ? Object.entries(specs)
        .map(([k, v]) => `${k}：${v}`)
        .join("，")
    : "";
