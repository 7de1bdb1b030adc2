"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { endOtherOwnSessions } from "@/lib/auth/own-sessions";
import { defineFormAction } from "@/lib/gate/define-action";

export const endOtherSessionsAction = defineFormAction(
  { name: "sessions.end_others", input: z.looseObject({}) },
  async ({ db, user, clientAddress }) => {
    const result = await endOtherOwnSessions(db, user, clientAddress);
    revalidatePath("/account/sessions");
    return result;
  },
);
