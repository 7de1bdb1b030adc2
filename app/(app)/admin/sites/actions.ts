"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineFormAction } from "@/lib/gate/define-action";
import { createSite } from "@/lib/sites/create-site";
import { addSiteMember, removeSiteMember, siteMemberSchema } from "@/lib/sites/site-members";
import { flagSchema, rowVersionSchema, siteIdSchema, siteNameSchema, timeZoneSchema } from "@/lib/sites/site-schemas";
import { updateSite } from "@/lib/sites/update-site";

// The forms of the admin Sites tab. Each states the site version it was rendered with, so a change made from a
// stale page is refused instead of overwriting someone else's.

export const createSiteAction = defineFormAction(
  { name: "sites.create", input: z.object({ name: siteNameSchema, timeZone: timeZoneSchema }), capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await createSite(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/sites");
    return result;
  },
);

export const updateSiteAction = defineFormAction(
  {
    name: "sites.update",
    input: z.object({ id: siteIdSchema, name: siteNameSchema, timeZone: timeZoneSchema, version: rowVersionSchema }),
    capability: "administer",
  },
  async ({ db, user, input, clientAddress }) => {
    const result = await updateSite(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/sites", "layout");
    return result;
  },
);

export const setSiteArchivedAction = defineFormAction(
  { name: "sites.update", input: z.object({ id: siteIdSchema, archived: flagSchema, version: rowVersionSchema }), capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await updateSite(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/sites", "layout");
    return result;
  },
);

export const addSiteMemberAction = defineFormAction(
  { name: "sites.add_member", input: siteMemberSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await addSiteMember(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/sites", "layout");
    return result;
  },
);

export const removeSiteMemberAction = defineFormAction(
  { name: "sites.remove_member", input: siteMemberSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await removeSiteMember(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/sites", "layout");
    return result;
  },
);
