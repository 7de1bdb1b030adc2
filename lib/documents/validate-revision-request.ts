import "server-only";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { parseInput } from "@/lib/validation/parse-input";
import type { Result } from "@/lib/result";
import { findRevisionId } from "./find-revision";
import { revisionTargetSchema, revisionVersionSchema } from "./revision-schemas";
import type { RevisionSummary } from "./revision-summary";
import { validateRevision } from "./validate-revision";

export const validateRevisionRequestSchema = revisionTargetSchema.extend({ version: revisionVersionSchema });
export type ValidateRevisionRequest = z.input<typeof validateRevisionRequestSchema>;

/** `POST …/revisions/{rev}/validate` and the page's validate button: the revision named by id or label. */
export async function validateRevisionRequest(
  db: Executor,
  user: ActingUser,
  input: ValidateRevisionRequest,
  context: { clientAddress?: string | null } = {},
): Promise<Result<RevisionSummary>> {
  const parsed = parseInput(validateRevisionRequestSchema, input);
  if (!parsed.ok) return parsed;
  const { id, rev, version } = parsed.data;
  const revisionId = (await findRevisionId(db, { organizationId: user.organizationId, objectId: id }, rev)) ?? rev;
  return validateRevision(db, user, { objectId: id, revisionId, version }, context);
}
