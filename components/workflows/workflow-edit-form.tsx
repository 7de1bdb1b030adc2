"use client";

import { useTranslations } from "next-intl";
import { updateWorkflowAction } from "@/app/(app)/workflows/workflow-actions";
import { LabelledSelect } from "@/components/objects/details/form-inputs";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import { workflowKinds, type WorkflowKind } from "@/db/schema/enums";
import type { PersonRef } from "@/lib/workflows/workflow-view";

interface Props {
  workflow: { id: string; kind: WorkflowKind; responsibleId: string; version: number };
  responsibles: PersonRef[];
}

/** The workflow's kind and responsible, at the version shown (a stale edit is refused). */
export function WorkflowEditForm({ workflow, responsibles }: Props) {
  const t = useTranslations("workflows.edit");
  const { state, formAction, onSubmit, pending } = useKeptFormAction(updateWorkflowAction, null);
  const failed = state && !state.ok ? state : null;
  const current = responsibles.some((person) => person.id === workflow.responsibleId) ? responsibles : [{ id: workflow.responsibleId, name: t("currentResponsible") }, ...responsibles];
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="workflow-edit-heading" className="space-y-4 rounded-md border border-gray-200 p-4">
      <h3 id="workflow-edit-heading" className="text-sm font-semibold text-gray-900">
        {t("heading")}
      </h3>
      <div key={workflow.version} className="grid gap-4 sm:grid-cols-2">
        <LabelledSelect
          id="workflow-edit-kind"
          name="kind"
          label={t("kind")}
          defaultValue={failed?.values.kind ?? workflow.kind}
          error={failed?.error.fields?.kind}
          options={workflowKinds.map((kind) => ({ value: kind, label: kind }))}
        />
        <LabelledSelect
          id="workflow-edit-responsible"
          name="responsibleId"
          label={t("responsible")}
          defaultValue={failed?.values.responsibleId ?? workflow.responsibleId}
          error={failed?.error.fields?.responsibleId}
          options={current.map((person) => ({ value: person.id, label: person.name }))}
        />
      </div>
      <FormStatus error={failed?.error} success={state?.ok ? t("saved") : null} />
      <button type="submit" disabled={pending} className={buttonStyles.secondary}>
        {t("submit")}
      </button>
      <input type="hidden" name="id" value={workflow.id} />
      <input type="hidden" name="version" value={workflow.version} />
    </form>
  );
}
