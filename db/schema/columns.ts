import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Shared column builders: every id is an opaque UUID, every instant a timestamptz. */
export const primaryId = () => uuid().primaryKey().defaultRandom();
export const instant = () => timestamp({ withTimezone: true, mode: "date" });
export const createdAt = () => instant().notNull().defaultNow();
export const updatedAt = () => instant().notNull().defaultNow();
