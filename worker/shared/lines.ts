/** Repeated SKUs summed into one line each (by `key`: "quantity" in carts, "qty" in stock calls), first appearance first. */
export function sumBySku<K extends string>(
  lines: readonly ({ skuId: number } & Record<K, number>)[],
  key: K,
): ({ skuId: number } & Record<K, number>)[] {
  const bySku = new Map<number, number>();
  for (const l of lines) bySku.set(l.skuId, (bySku.get(l.skuId) ?? 0) + l[key]);
  return [...bySku].map(([skuId, n]) => ({ skuId, [key]: n }) as { skuId: number } & Record<K, number>);
}
