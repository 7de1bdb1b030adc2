import { useTranslations } from "next-intl";
import { LabelledInput, LabelledSelect } from "@/components/objects/details/form-inputs";
import type { PersonRef } from "@/lib/workflows/workflow-view";

interface Props {
  /** Prefix of the inputs' ids, and of their names (`tasks.0.` in the create form). */
  idPrefix: string;
  namePrefix: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Who may be picked: never a shared-computer account (the server refuses one anyway). */
  assignable: PersonRef[];
  revisions: { id: string; label: string; status: string; documentReference: string }[];
  /** The create form's rows may stay empty. */
  optional?: boolean;
}

/** Title, kind, assignee, due date and — for a signature — the revision: the fields of one workflow task. */
export function TaskRowFields({ idPrefix, namePrefix, values, errors, assignable, revisions, optional }: Props) {
  const t = useTranslations("workflows.taskFields");
  const field = (name: string) => ({ id: `${idPrefix}-${name}`, name: `${namePrefix}${name}`, defaultValue: values[`${namePrefix}${name}`] ?? "", error: errors[`${namePrefix}${name}`] });
  return (
    <>
      <LabelledInput {...field("title")} label={t("title")} maxLength={200} required={!optional} />
      <LabelledSelect
        {...field("kind")}
        defaultValue={values[`${namePrefix}kind`] ?? "task"}
        label={t("kind")}
        options={[
          { value: "task", label: t("kinds.task") },
          { value: "signature", label: t("kinds.signature") },
        ]}
      />
      <LabelledSelect
        {...field("assigneeId")}
        label={t("assignee")}
        hint={t("assigneeHint")}
        options={[{ value: "", label: t("pickAssignee") }, ...assignable.map((person) => ({ value: person.id, label: person.name }))]}
      />
      <LabelledInput {...field("dueDate")} type="date" label={t("dueDate")} />
      <LabelledSelect
        {...field("revisionId")}
        label={t("revision")}
        hint={t("revisionHint")}
        options={[{ value: "", label: t("noRevision") }, ...revisions.map((revision) => ({ value: revision.id, label: t("revisionChoice", { reference: revision.documentReference, label: revision.label, status: revision.status }) }))]}
      />
    </>
  );
}
