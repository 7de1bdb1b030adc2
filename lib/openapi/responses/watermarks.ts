import { z } from "zod";
import type { deleteWatermark } from "@/lib/watermarks/delete-watermark";
import type { createWatermark } from "@/lib/watermarks/create-watermark";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { id, instant, page, version } from "./common-schemas";

const watermark = describes<ServiceData<typeof createWatermark>>()(
  z.strictObject({
    id,
    name: z.string(),
    text: z.string(),
    color: z.string(),
    triggerPropertyId: id.nullable(),
    triggerValues: z.array(z.unknown()),
    enabled: z.boolean(),
    version,
    updatedAt: instant,
  }),
);

export const watermarkResponses: ResponseDeclarations = {
  "GET /api/v1/watermarks": { summary: "List custom watermarks (Admin)", schema: page(watermark) },
  "POST /api/v1/watermarks": { summary: "Create a watermark (Admin)", schema: watermark },
  "PATCH /api/v1/watermarks/{id}": { summary: "Change a watermark (Admin)", schema: watermark },
  "DELETE /api/v1/watermarks/{id}": {
    summary: "Delete a watermark (Admin)",
    schema: describes<ServiceData<typeof deleteWatermark>>()(z.strictObject({ id, name: z.string() })),
  },
};
