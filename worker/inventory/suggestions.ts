/** Restock suggestions from recent sales: plain arithmetic over the daily sales series. */

export interface SuggestionInput {
  available: number;
  reserved: number;
  /** Net units sold (returns subtracted) in the window. */
  soldInWindow: number;
  windowDays: number;
  /** How many days of sales the merchant wants on the shelf after restocking. */
  targetDays: number;
}

export interface Suggestion {
  /** Units per day over the window. */
  velocity: number;
  /** Days until available runs out at that velocity; null when nothing sells. */
  daysOfCover: number | null;
  /** Units to order to reach targetDays of cover (0 when there is enough). */
  suggestedQty: number;
}

export function restockSuggestion(i: SuggestionInput): Suggestion {
  const velocity = Math.max(0, i.soldInWindow) / i.windowDays;
  if (velocity === 0) return { velocity: 0, daysOfCover: null, suggestedQty: 0 };
  // Held units will mostly turn into sales already counted by velocity, so cover counts only available.
  const daysOfCover = Math.max(0, i.available) / velocity;
  const suggestedQty = Math.max(0, Math.ceil(velocity * i.targetDays - Math.max(0, i.available)));
  return {
    velocity: Math.round(velocity * 100) / 100,
    daysOfCover: Math.round(daysOfCover * 10) / 10,
    suggestedQty,
  };
}
