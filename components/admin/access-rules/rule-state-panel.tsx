"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteAccessRuleAction, previewAccessRuleChangeAction, updateAccessRuleAction } from "@/app/(app)/admin/access-rules/actions";
import type { RulePreview } from "@/lib/access-rules/preview-rule-change";
import type { AppError } from "@/lib/result";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { ImpactPreview } from "./impact-preview";

type StateChange = "enable" | "disable" | "delete";

const confirmLabels: Record<StateChange, string> = { enable: "Confirm: enable", disable: "Confirm: disable", delete: "Confirm: delete" };

/**
 * Enabling, disabling and deleting a rule, each shown with its impact preview first and carried out only on
 * confirmation, stating the version previewed (a rule changed meanwhile is refused, not overwritten).
 */
export function RuleStatePanel({ rule }: { rule: { id: string; name: string; enabled: boolean; version: number } }) {
  const router = useRouter();
  const [pendingChange, setPendingChange] = useState<{ kind: StateChange; preview: RulePreview; version: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();

  const ask = (kind: StateChange) =>
    startTransition(async () => {
      const result = await previewAccessRuleChangeAction({ kind, id: rule.id });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setPendingChange({ kind, preview: result.data, version: rule.version });
    });

  const confirm = () =>
    startTransition(async () => {
      if (!pendingChange) return;
      const { kind, version } = pendingChange;
      const result =
        kind === "delete"
          ? await deleteAccessRuleAction({ id: rule.id, version })
          : await updateAccessRuleAction({ id: rule.id, version, enabled: kind === "enable" });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setPendingChange(null);
      setError(null);
      router.replace(kind === "delete" ? "/admin/access-rules?deleted=1" : `/admin/access-rules/${rule.id}?${kind}d=1`);
    });

  return (
    <div className="space-y-3">
      <p className="text-sm text-gray-600">
        {rule.enabled ? "This rule is enabled: it grants its level now." : "This rule is disabled: it grants nothing until enabled."}
      </p>
      <div className="flex flex-wrap gap-3">
        <button type="button" className={buttonStyles.secondary} onClick={() => ask(rule.enabled ? "disable" : "enable")} disabled={pending}>
          {rule.enabled ? "Disable…" : "Enable…"}
        </button>
        <button type="button" className={buttonStyles.secondary} onClick={() => ask("delete")} disabled={pending}>
          Delete…
        </button>
      </div>
      {pendingChange && (
        <div className="space-y-3">
          <ImpactPreview preview={pendingChange.preview} />
          <div className="flex flex-wrap gap-3">
            <button type="button" className={pendingChange.kind === "delete" ? buttonStyles.danger : buttonStyles.primary} onClick={confirm} disabled={pending}>
              {confirmLabels[pendingChange.kind]}
            </button>
            <button type="button" className={buttonStyles.secondary} onClick={() => setPendingChange(null)} disabled={pending}>
              Cancel
            </button>
          </div>
          {pendingChange.kind === "delete" && <p className="text-sm text-gray-600">The audit log keeps the whole rule as it was.</p>}
        </div>
      )}
      <FormStatus error={error} />
    </div>
  );
}
