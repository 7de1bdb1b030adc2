"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { deleteAccessRuleAction, previewAccessRuleChangeAction, updateAccessRuleAction } from "@/app/(app)/admin/access-rules/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import type { RulePreview } from "@/lib/access-rules/preview-rule-change";
import type { AppError } from "@/lib/result";
import { ImpactPreview } from "./impact-preview";

type StateChange = "enable" | "disable" | "delete";

const confirmKeys = { enable: "state.confirmEnable", disable: "state.confirmDisable", delete: "state.confirmDelete" } as const;

/**
 * Enabling, disabling and deleting a rule, each shown with its impact preview first and carried out only on
 * confirmation, stating the version previewed (a rule changed meanwhile is refused, not overwritten).
 */
export function RuleStatePanel({ rule }: { rule: { id: string; name: string; enabled: boolean; version: number } }) {
  const t = useTranslations("adminRules");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const [pendingChange, setPendingChange] = useState<{ kind: StateChange; preview: RulePreview; version: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const changeRef = useRef<HTMLDivElement>(null);
  const askedFrom = useRef<HTMLButtonElement | null>(null);

  // The preview and its confirmation appear below the buttons: keyboard and screen reader users are taken there.
  const shown = pendingChange?.kind;
  useEffect(() => {
    if (shown) changeRef.current?.focus();
  }, [shown]);

  const cancel = () => {
    setPendingChange(null);
    askedFrom.current?.focus();
  };

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
      <p className="text-sm text-gray-600">{t(rule.enabled ? "state.enabledNow" : "state.disabledNow")}</p>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={buttonStyles.secondary}
          onClick={(event) => {
            askedFrom.current = event.currentTarget;
            ask(rule.enabled ? "disable" : "enable");
          }}
          disabled={pending}
        >
          {t(rule.enabled ? "state.disable" : "state.enable")}
        </button>
        <button
          type="button"
          className={buttonStyles.secondary}
          onClick={(event) => {
            askedFrom.current = event.currentTarget;
            ask("delete");
          }}
          disabled={pending}
        >
          {t("state.delete")}
        </button>
      </div>
      {pendingChange && (
        <div ref={changeRef} tabIndex={-1} className="space-y-3 rounded-md">
          <ImpactPreview preview={pendingChange.preview} />
          <div className="flex flex-wrap gap-3">
            <button type="button" className={pendingChange.kind === "delete" ? buttonStyles.danger : buttonStyles.primary} onClick={confirm} disabled={pending}>
              {t(confirmKeys[pendingChange.kind])}
            </button>
            <button type="button" className={buttonStyles.secondary} onClick={cancel} disabled={pending}>
              {tCommon("actions.cancel")}
            </button>
          </div>
          {pendingChange.kind === "delete" && <p className="text-sm text-gray-600">{t("state.deleteNote")}</p>}
        </div>
      )}
      <FormStatus error={error} />
    </div>
  );
}
