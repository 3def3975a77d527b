import { createApp } from "./app";
import type { Env } from "./env";

export { StockCounter } from "../durable-objects/stock-counter";

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
