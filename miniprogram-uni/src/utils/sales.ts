/**
 * 已售 as shoppers read it: exact below 100, then rounded down to a round figure with "+" (已售 300+,
 * 已售 1000+, 已售 2万+), like JD / Tmall. Nothing sold yet shows nothing rather than 已售 0.
 */
export function soldLabel(count: number | null | undefined): string {
  const n = Math.max(0, Math.floor(count ?? 0));
  if (n === 0) return "";
  if (n < 100) return `已售 ${n}`;
  if (n < 1000) return `已售 ${Math.floor(n / 100) * 100}+`;
  if (n < 10_000) return `已售 ${Math.floor(n / 1000) * 1000}+`;
  return `已售 ${Math.floor(n / 10_000)}万+`;
}
