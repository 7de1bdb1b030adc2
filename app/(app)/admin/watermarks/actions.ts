"use server";

import { revalidatePath } from "next/cache";
import { defineAction, defineFormAction } from "@/lib/gate/define-action";
import { createWatermark } from "@/lib/watermarks/create-watermark";
import { deleteWatermark } from "@/lib/watermarks/delete-watermark";
import { updateWatermark } from "@/lib/watermarks/update-watermark";
import { createWatermarkSchema, deleteWatermarkSchema, updateWatermarkSchema } from "@/lib/watermarks/watermark-schemas";

export const createWatermarkAction = defineAction(
  { name: "watermarks.create", input: createWatermarkSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await createWatermark(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/watermarks");
    return result;
  },
);

export const updateWatermarkAction = defineAction(
  { name: "watermarks.update", input: updateWatermarkSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await updateWatermark(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/watermarks");
    return result;
  },
);

export const deleteWatermarkAction = defineFormAction(
  { name: "watermarks.delete", input: deleteWatermarkSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await deleteWatermark(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/watermarks");
    return result;
  },
);
