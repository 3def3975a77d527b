import { describe, expect, it } from "vitest";
import { type CompensationFailed, runSaga, type SagaStep } from "./saga";

function recorder() {
  const log: string[] = [];
  const step = (name: string, fail = false, failUndo = false): SagaStep<number> => ({
    name,
    async run(n) {
      if (fail) throw new Error(`${name} broke`);
      log.push(`run ${name}`);
      return n + 1;
    },
    async compensate(n) {
      if (failUndo) throw new Error(`undo ${name} broke`);
      log.push(`undo ${name}@${n}`);
    },
  });
  return { log, step };
}

describe("checkout saga", () => {
  it("runs every step and threads the context", async () => {
    const { log, step } = recorder();
    expect(await runSaga([step("reserve"), step("write")], 0)).toBe(2);
    expect(log).toEqual(["run reserve", "run write"]);
  });

  it("compensates completed steps newest first and rethrows the original error", async () => {
    const { log, step } = recorder();
    await expect(runSaga([step("a"), step("b"), step("c", true)], 0)).rejects.toThrow("c broke");
    expect(log).toEqual(["run a", "run b", "undo b@2", "undo a@1"]);
  });

  it("does not compensate the failing step itself, and reports failed compensations", async () => {
    const { log, step } = recorder();
    const failures: CompensationFailed[] = [];
    await expect(
      runSaga([step("a"), step("b", false, true), step("c", true)], 0, (e) => failures.push(e)),
    ).rejects.toThrow("c broke");
    expect(failures.map((f) => f.step)).toEqual(["b"]);
    expect(log).toEqual(["run a", "run b", "undo a@1"]);
  });
});
