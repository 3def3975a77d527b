/** "A ×1" or "A 等3件": the short name of an order in notices, payment descriptions and lists. */
export function itemsSummary(items: readonly { name: string; quantity: number }[]): string {
  const first = items[0];
  if (!first) return "";
  const count = items.reduce((n, i) => n + i.quantity, 0);
  return items.length === 1 ? `${first.name} ×${first.quantity}` : `${first.name} 等${count}件`;
}
