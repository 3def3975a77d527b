// Test-only worker entry for tracking.test.ts: the real worker (worker/index.ts) with the tracking routes
// mounted, for as long as worker/app.ts does not mount them itself. Once it does, tracking.test.ts can
// use test/harness.ts startStack() and this file can go. Mounting twice is harmless (the first wins).
import { createApp } from "../app";
import worker from "../index";
import { logisticsAdminRoutes } from "./admin-routes";
import { logisticsRoutes } from "./routes";

export { AgentLobby, ChatRoom, OrderTimer, StockCounter } from "../index";

const app = createApp();
app.route("/api", logisticsRoutes);
app.route("/api/admin", logisticsAdminRoutes);

export default { ...worker, fetch: app.fetch };
