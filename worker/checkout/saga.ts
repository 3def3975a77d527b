// Checkout as a list of steps with compensations (Medusa-style workflows, without the engine):
// each step that succeeded is undone, newest first, when a later step fails. Pure orchestration.

export interface SagaStep<C> {
  name: string;
  run(ctx: C): Promise<C>;
  /** Undo this step's effect; called only if it ran and a later step failed. */
  compensate?(ctx: C, cause: unknown): Promise<void>;
}

export class CompensationFailed extends Error {
  constructor(
    readonly step: string,
    readonly error: unknown,
  ) {
    super(`compensation of ${step} failed`);
  }
}

/**
 * Runs the steps in order. On failure, compensates the completed ones in reverse and rethrows the
 * original error; a failing compensation is reported to `onCompensationError` (the sweeper retries
 * it from durable state) and does not hide the original error.
 */
export async function runSaga<C>(
  steps: readonly SagaStep<C>[],
  initial: C,
  onCompensationError: (e: CompensationFailed) => void = () => {},
): Promise<C> {
  let ctx = initial;
  const done: { step: SagaStep<C>; ctx: C }[] = [];
  for (const step of steps) {
    try {
      ctx = await step.run(ctx);
      done.push({ step, ctx });
    } catch (err) {
      for (const d of done.reverse()) {
        try {
          await d.step.compensate?.(d.ctx, err);
        } catch (cerr) {
          onCompensationError(new CompensationFailed(d.step.name, cerr));
        }
      }
      throw err;
    }
  }
  return ctx;
}
