import type { ManufacturingOrderStatus } from "@/db/schema";

/**
 * The moves of a manufacturing order: planned → in progress → done, and planned or in progress → cancelled. Done
 * and cancelled are final: a finished order is history, and a new order is made instead of reopening one.
 */
const moves: Record<ManufacturingOrderStatus, readonly ManufacturingOrderStatus[]> = {
  planned: ["in_progress", "cancelled"],
  in_progress: ["done", "cancelled"],
  done: [],
  cancelled: [],
};

export function nextOrderStatuses(status: ManufacturingOrderStatus): ManufacturingOrderStatus[] {
  return [...moves[status]];
}

export function isOrderMove(from: ManufacturingOrderStatus, to: ManufacturingOrderStatus): boolean {
  return moves[from].includes(to);
}

/** The times a move records: the start when work begins, the finish when it is done (a cancelled order made nothing). */
export function orderMoveTimes(to: ManufacturingOrderStatus, now: Date): { startedAt?: Date; finishedAt?: Date } {
  if (to === "in_progress") return { startedAt: now };
  if (to === "done") return { finishedAt: now };
  return {};
}
