import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", ".data/**"],
    // Integration files each start a gateway and a workerd; a slow shared CI box needs headroom.
    testTimeout: 30_000,
    hookTimeout: 90_000,
    // expect.poll waits 1 s by default: too short for a browser journey on a loaded 2-core box (a reload
    // that renews a token and reopens a socket). A poll that succeeds returns at once; only a failing one
    // waits this long.
    expect: { poll: { timeout: 10_000 } },
    pool: "forks",
    maxWorkers: 2,
  },
});
