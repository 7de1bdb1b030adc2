import { defineRoute, noInput } from "@/lib/gate/define-route";
import { createWatermark } from "@/lib/watermarks/create-watermark";
import { listWatermarks } from "@/lib/watermarks/list-watermarks";
import { createWatermarkSchema } from "@/lib/watermarks/watermark-schemas";

/** The organisation's custom watermarks (Admin): `{ items: [{ id, name, text, color, triggerPropertyId, triggerValues, enabled, version }], nextCursor }`. */
export const GET = defineRoute({ name: "watermarks.list", input: noInput, capability: "administer" }, ({ db, user }) => listWatermarks(db, user));

/** Creates a watermark (Admin): `{ name, text, color?, triggerPropertyId?, triggerValues?, enabled? }`; 201 with it. */
export const POST = defineRoute(
  { name: "watermarks.create", input: createWatermarkSchema, capability: "administer" },
  ({ db, user, input, clientAddress }) => createWatermark(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
