import { siteIdsFromForm } from "@/lib/users/user-form-fields";
import type { CreateIntegrationInput } from "./create-integration";
import type { CreateIntegrationTokenInput } from "./create-integration-token";
import type { RotateIntegrationTokenInput } from "./rotate-integration-token";

// The forms post flat strings, one per input name: these take exactly the fields each service reads (an empty
// optional field is left out), and the services parse and check everything themselves.

function optional(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/** The new integration form's values as createIntegration's input. */
export function createIntegrationFormInput(values: Record<string, string>): CreateIntegrationInput {
  return {
    name: values.name ?? "",
    role: values.role ?? "",
    siteIds: siteIdsFromForm(values),
    primarySiteId: optional(values.primarySiteId),
    tokenName: values.credentialName ?? "",
    expiresAt: optional(values.expiresAt),
    rateLimitPerMinute: optional(values.rateLimitPerMinute),
  } as CreateIntegrationInput;
}

/** The new token form's values as createIntegrationToken's input. */
export function createTokenFormInput(values: Record<string, string>): CreateIntegrationTokenInput {
  return {
    id: values.id ?? "",
    name: values.credentialName ?? "",
    expiresAt: optional(values.expiresAt),
    rateLimitPerMinute: optional(values.rateLimitPerMinute),
  };
}

/** The rotation form's values as rotateIntegrationToken's input. */
export function rotateTokenFormInput(values: Record<string, string>): RotateIntegrationTokenInput {
  return { id: values.credentialId ?? "", graceMinutes: optional(values.graceMinutes) };
}
