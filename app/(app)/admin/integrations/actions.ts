"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineFormAction } from "@/lib/gate/define-action";
import { createIntegration } from "@/lib/integrations/create-integration";
import { createIntegrationToken } from "@/lib/integrations/create-integration-token";
import { deactivateIntegration } from "@/lib/integrations/deactivate-integration";
import { integrationsHidden } from "@/lib/integrations/integration-gate";
import { createIntegrationFormInput, createTokenFormInput, rotateTokenFormInput } from "@/lib/integrations/integration-form-input";
import { revokeIntegrationToken } from "@/lib/integrations/revoke-integration-token";
import { rotateIntegrationToken } from "@/lib/integrations/rotate-integration-token";

// The forms post flat strings (one per input name); lib/integrations/integration-form-input.ts picks the fields.
const formValuesSchema = z.record(z.string(), z.string());

function refreshPages(integrationId?: string) {
  revalidatePath("/admin/integrations");
  if (integrationId) revalidatePath(`/admin/integrations/${integrationId}`);
}

/** New integration form: the service account and its first token, whose secret the form shows once. */
export const createIntegrationAction = defineFormAction(
  { name: "integrations.create", input: formValuesSchema, ...integrationsHidden },
  async ({ db, user, input, clientAddress }) => {
    const created = await createIntegration(db, user, createIntegrationFormInput(input), { clientAddress });
    if (created.ok) refreshPages();
    return created;
  },
);

/** Integration page: one more token, shown once. */
export const createTokenAction = defineFormAction(
  { name: "integration_tokens.create", input: formValuesSchema, ...integrationsHidden },
  async ({ db, user, input, clientAddress }) => {
    const created = await createIntegrationToken(db, user, createTokenFormInput(input), { clientAddress });
    if (created.ok) refreshPages(input.id);
    return created;
  },
);

/** Integration page: replaces a token (the old one stops at once or after the grace period picked). */
export const rotateTokenAction = defineFormAction(
  { name: "integration_tokens.rotate", input: formValuesSchema, ...integrationsHidden },
  async ({ db, user, input, clientAddress }) => {
    const rotated = await rotateIntegrationToken(db, user, rotateTokenFormInput(input), { clientAddress });
    if (rotated.ok) refreshPages(input.id);
    return rotated;
  },
);

/** Integration page: revokes a token. */
export const revokeTokenAction = defineFormAction(
  { name: "integration_tokens.revoke", input: formValuesSchema, ...integrationsHidden },
  async ({ db, user, input, clientAddress }) => {
    const revoked = await revokeIntegrationToken(db, user, { id: input.credentialId ?? "" }, { clientAddress });
    if (revoked.ok) refreshPages(input.id);
    return revoked;
  },
);

/** Integration page: deactivates the integration (its account and every token). */
export const deactivateIntegrationAction = defineFormAction(
  { name: "integrations.delete", input: formValuesSchema, ...integrationsHidden },
  async ({ db, user, input, clientAddress }) => {
    const deactivated = await deactivateIntegration(db, user, { id: input.id ?? "" }, { clientAddress });
    if (deactivated.ok) {
      refreshPages(input.id);
      revalidatePath("/admin/users");
    }
    return deactivated;
  },
);
