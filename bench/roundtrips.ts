/**
 * `npm run bench -- roundtrips`: libSQL round trips (Hrana HTTP requests) and statements per shopper
 * request against the real worker, counted by the local gateway (see bench/lib/round-trips.ts).
 */
import { startOrderFixture } from "../test/order-fixture";
import { FLOW_GOAL, flowRoundTrips, measureRoundTrips, roundTripTable } from "./lib/round-trips";

export async function run(): Promise<void> {
  const f = await startOrderFixture();
  try {
    const rows = await measureRoundTrips(f);
    console.log(roundTripTable(rows));
    const over = rows.filter((r) => r.beforeReply > r.goal);
    const flow = flowRoundTrips(rows);
    console.log(
      `\n${rows.length - over.length}/${rows.length} requests within the issue #16 goal before their reply; create + pay + notification: ${flow.beforeReply} before the replies (goal ≤ ${FLOW_GOAL}), ${flow.roundTrips} in all`,
    );
    if (process.env.BENCH_ROUNDTRIPS_LOG) {
      for (const r of rows) {
        console.log(`\n### ${r.name}`);
        for (const [i, l] of r.log.entries()) console.log(`${i + 1}. [${l.statements}] ${l.sql.join(" ; ")}`);
      }
    }
  } finally {
    await f.close();
  }
}
