import { defineRoute } from "@/lib/gate/define-route";
import { deleteWatermark } from "@/lib/watermarks/delete-watermark";
import { updateWatermark } from "@/lib/watermarks/update-watermark";
import { deleteWatermarkSchema, updateWatermarkSchema } from "@/lib/watermarks/watermark-schemas";

/** Changes a watermark (Admin): any of `{ name, text, color, triggerPropertyId, triggerValues, enabled }` with `version`; 409 when stale. */
export const PATCH = defineRoute({ name: "watermarks.update", input: updateWatermarkSchema, capability: "administer" }, ({ db, user, input, clientAddress }) =>
  updateWatermark(db, user, input, { clientAddress }),
);

/** Deletes a watermark (Admin; `?version=` refuses a stale confirmation). */
export const DELETE = defineRoute({ name: "watermarks.delete", input: deleteWatermarkSchema, capability: "administer" }, ({ db, user, input, clientAddress }) =>
  deleteWatermark(db, user, input, { clientAddress }),
);
