"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { objectTypes } from "@/db/schema/enums";
import { defineFormAction } from "@/lib/gate/define-action";
import { rowVersionSchema } from "@/lib/properties/property-schemas";
import { fail } from "@/lib/result";
import { createView } from "@/lib/views/create-view";
import { deleteView } from "@/lib/views/delete-view";
import { updateView } from "@/lib/views/update-view";
import { viewIdSchema } from "@/lib/views/view-schemas";

// The admin panel manages shared views; personal views belong to each user (the API, and later the object lists).
// The editor sends columns, filters and sort as one JSON field, `config`; errors come back keyed like the API's.

function parseConfig(text: string): { columns?: unknown; filters?: unknown; sort?: unknown } | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

const configError = fail("invalid", "adminViews.errors.configUnreadable");

export const createSharedViewAction = defineFormAction(
  {
    name: "views.create",
    capability: "administer",
    input: z.object({ name: z.string(), objectType: z.enum(objectTypes, "adminViews.errors.objectTypeInvalid"), config: z.string() }),
  },
  async ({ db, user, input, clientAddress }) => {
    const config = parseConfig(input.config);
    if (!config) return configError;
    const result = await createView(
      db,
      user,
      { name: input.name, objectType: input.objectType, shared: true, ...(config as { columns: string[] }) },
      { clientAddress },
    );
    if (!result.ok) return result;
    revalidatePath("/admin/views");
    redirect(`/admin/views/${result.data.id}?created=1`);
  },
);

export const updateSharedViewAction = defineFormAction(
  { name: "views.update", capability: "administer", input: z.object({ id: viewIdSchema, version: rowVersionSchema, name: z.string(), config: z.string() }) },
  async ({ db, user, input, clientAddress }) => {
    const config = parseConfig(input.config);
    if (!config) return configError;
    const result = await updateView(
      db,
      user,
      { id: input.id, version: input.version, name: input.name, ...(config as { columns?: string[] }) },
      { clientAddress },
    );
    if (result.ok) {
      revalidatePath("/admin/views");
      revalidatePath(`/admin/views/${result.data.id}`);
    }
    return result;
  },
);

export const deleteSharedViewAction = defineFormAction(
  {
    name: "views.delete",
    capability: "administer",
    input: z.object({ id: viewIdSchema, version: rowVersionSchema, confirm: z.literal("on", "adminViews.errors.confirmDelete") }),
  },
  async ({ db, user, input, clientAddress }) => {
    const result = await deleteView(db, user, { id: input.id, version: input.version }, { clientAddress });
    if (!result.ok) return result;
    revalidatePath("/admin/views");
    redirect("/admin/views?deleted=1");
  },
);
