// Every domain's tables, for drizzle's relational API and drizzle-kit.
export * from "../auth/schema";
export * from "../catalog/schema";
export * from "../inventory/schema";
export * from "../notifications/schema";
export * from "../faq/schema";
export * from "../after-sales/schema";
