import type { AppError } from "@/lib/result";

/**
 * A refusal met halfway through a write made of several steps: thrown to roll the transaction back, caught by the
 * service that opened it and answered as its result.
 */
export class WorkflowRefusal extends Error {
  constructor(readonly refusal: { ok: false; error: AppError }) {
    super(refusal.error.message);
  }
}

/** Runs `steps`, answering a WorkflowRefusal they throw as the failure it carries. */
export async function refusalAsResult<T>(steps: () => Promise<T>): Promise<T | { ok: false; error: AppError }> {
  try {
    return await steps();
  } catch (error) {
    if (error instanceof WorkflowRefusal) return error.refusal;
    throw error;
  }
}
