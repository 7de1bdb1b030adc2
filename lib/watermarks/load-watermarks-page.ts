import "server-only";
import type { Executor } from "@/db/client";
import { objectTypes } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { loadPropertyDefinitions, type PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { ok, type Result } from "@/lib/result";
import { listWatermarks } from "./list-watermarks";
import type { WatermarkView } from "./watermark-records";

/** What Admin → Watermarks shows: the watermarks, and the object properties a trigger may name. */
export interface WatermarksPage {
  watermarks: WatermarkView[];
  triggerProperties: PropertyDefinitionFacts[];
}

export async function loadWatermarksPage(db: Executor, actor: ActingUser): Promise<Result<WatermarksPage>> {
  const listed = await listWatermarks(db, actor);
  if (!listed.ok) return listed;
  const definitions = await loadPropertyDefinitions(db, actor.organizationId, objectTypes);
  return ok({ watermarks: listed.data.items, triggerProperties: [...definitions.values()] });
}
