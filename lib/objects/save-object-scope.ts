import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { ObjectReadContext } from "@/lib/authz/object-access";
import type { Result } from "@/lib/result";
import { siteIdsFromForm } from "@/lib/users/user-form-fields";
import { changeObjectScope } from "./change-object-scope";
import type { ObjectView } from "./object-view";
import { previewObjectAccessChange } from "./preview-object-access-change";
import type { ScopeChoice } from "./scope-choice";
import { saveAfterAccessCheck, type AccessCheckedSave } from "./save-after-access-check";

/** The names of the scope form's inputs; each site is a checkbox `site:<id>` (as in the user forms). */
export const scopeFormFields = { id: "id", version: "version", kind: "kind", confirmedAccessChange: "confirmedAccessChange" } as const;

// The preview names the scope's fields inside its draft (`scope.siteIds`); the form's inputs are the scope's own.
function withScopeFields<T>(result: Result<T>): Result<T> {
  if (result.ok || !result.error.fields) return result;
  const fields = Object.fromEntries(Object.entries(result.error.fields).map(([key, message]) => [key.replace(/^scope\./, ""), message]));
  return { ok: false, error: { ...result.error, fields } };
}

/**
 * The Share menu and the Share tab's scope form: the scope picked, through the access-change warning
 * (saveAfterAccessCheck) to changeObjectScope, which refuses a scope that would lock the user out and a stale version.
 */
export async function saveObjectScope(
  db: Executor,
  user: ActingUser,
  values: Record<string, string>,
  context: ObjectReadContext = {},
): Promise<Result<AccessCheckedSave<ObjectView>>> {
  const fields = scopeFormFields;
  const id = values[fields.id] ?? "";
  const kind = values[fields.kind] as ScopeChoice["kind"];
  const scope: ScopeChoice = kind === "sites" ? { kind, siteIds: siteIdsFromForm(values) } : { kind };
  return withScopeFields(
    await saveAfterAccessCheck({
      preview: () => previewObjectAccessChange(db, user, { id, scope }, context),
      confirmedToken: values[fields.confirmedAccessChange],
      save: () => changeObjectScope(db, user, { id, ...scope, version: values[fields.version] }, context),
    }),
  );
}
