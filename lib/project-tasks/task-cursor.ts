import { and, eq, gt, or, type SQL } from "drizzle-orm";
import { projectTasks } from "@/db/schema";
import { decodeCursorText, encodeCursorText, parseCursorJson } from "@/lib/pagination/cursor-text";
import { isUuid } from "@/lib/validation/uuid";

/** A position in a project's task list, sorted by (position, id). */
export interface TaskCursor {
  position: number;
  id: string;
}

export function encodeTaskCursor(cursor: TaskCursor): string {
  return encodeCursorText(JSON.stringify([cursor.position, cursor.id]));
}

/** The cursor, or null when it is not one encodeTaskCursor made. */
export function decodeTaskCursor(text: string): TaskCursor | null {
  const payload = decodeCursorText(text);
  const value = payload === null ? undefined : parseCursorJson(payload);
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [position, id] = value as unknown[];
  if (typeof position !== "number" || !Number.isSafeInteger(position) || Math.abs(position) > 2_147_483_647 || !isUuid(id)) return null;
  const cursor = { position, id };
  return encodeTaskCursor(cursor) === text ? cursor : null;
}

/** The tasks after the cursor. */
export function afterTaskCursorSql(cursor: TaskCursor): SQL {
  return or(gt(projectTasks.position, cursor.position), and(eq(projectTasks.position, cursor.position), gt(projectTasks.id, cursor.id)))!;
}
