// Every domain's tables, for drizzle's relational API and drizzle-kit.

export * from "../addresses/schema";
export * from "../after-sales/schema";
export * from "../auth/schema";
export * from "../cart/schema";
export * from "../catalog/schema";
export * from "../chat/schema";
export * from "../checkout/schema";
export * from "../faq/schema";
export * from "../inventory/schema";
export * from "../notifications/schema";
export * from "../notifications/subscribe-schema";
export * from "../orders/schema";
export * from "../payments/schema";
