import { useTranslations } from "next-intl";
import { LabelledInput, LabelledSelect } from "./form-inputs";

export interface AssignableUser {
  id: string;
  name: string;
}

interface TaskFieldsProps {
  /** Prefix of the inputs' ids: one form per task on the page. */
  idPrefix: string;
  values: { title: string; assigneeId: string; dueDate: string };
  assignable: AssignableUser[];
  /** The task's current assignee, kept as a choice even if they could no longer be picked. */
  currentAssignee?: AssignableUser | null;
  errors: Record<string, string>;
}

/** Title, assignee and due date: the fields a task is added and edited with. */
export function TaskFields({ idPrefix, values, assignable, currentAssignee, errors }: TaskFieldsProps) {
  const t = useTranslations("details.tasks");
  const choices = currentAssignee && !assignable.some((person) => person.id === currentAssignee.id) ? [currentAssignee, ...assignable] : assignable;
  return (
    <>
      <LabelledInput id={`${idPrefix}-title`} name="title" label={t("labels.title")} required maxLength={200} defaultValue={values.title} error={errors.title} />
      <LabelledSelect
        id={`${idPrefix}-assignee`}
        name="assigneeId"
        label={t("labels.assignee")}
        hint={t("assigneeHint")}
        defaultValue={values.assigneeId}
        options={[{ value: "", label: t("unassigned") }, ...choices.map((person) => ({ value: person.id, label: person.name }))]}
        error={errors.assigneeId}
      />
      <LabelledInput id={`${idPrefix}-due`} name="dueDate" type="date" label={t("labels.dueDate")} defaultValue={values.dueDate} error={errors.dueDate} />
    </>
  );
}
