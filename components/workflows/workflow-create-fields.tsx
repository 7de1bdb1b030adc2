"use client";

import { useTranslations } from "next-intl";
import { LabelledSelect } from "@/components/objects/details/form-inputs";
import type { WorkflowCreateChoices } from "@/lib/workflows/load-workflow-create-choices";
import { createFormTaskRows } from "@/lib/workflows/create-form-rows";
import { TaskRowFields } from "./task-row-fields";

const taskRows = Array.from({ length: createFormTaskRows }, (_, row) => row);

interface Props {
  choices: WorkflowCreateChoices;
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** The workflow part of the create form: its responsible, its subjects and up to three first tasks. */
export function WorkflowCreateFields({ choices, values, errors }: Props) {
  const t = useTranslations("workflows.create");
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <LabelledSelect
          id="create-responsible"
          name="responsibleId"
          label={t("responsible")}
          hint={t("responsibleHint")}
          defaultValue={values.responsibleId ?? choices.creatorId}
          error={errors.responsibleId}
          options={choices.responsibles.map((person) => ({ value: person.id, label: person.name }))}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-gray-900">{t("subjects")}</legend>
        <p className="text-xs text-gray-600">{t("subjectsHint")}</p>
        {choices.subjects.length === 0 ? (
          <p className="text-sm text-gray-600">{t("noSubjects")}</p>
        ) : (
          <div className="max-h-56 space-y-1 overflow-y-auto rounded-md border border-gray-200 p-3 text-sm">
            {choices.subjects.map((subject) => (
              <label key={subject.id} className="flex items-start gap-2 [overflow-wrap:anywhere]">
                <input type="checkbox" name={`subject:${subject.id}`} value="on" defaultChecked={values[`subject:${subject.id}`] === "on"} className="mt-1" />
                <span>
                  {subject.reference} {subject.title}
                </span>
              </label>
            ))}
          </div>
        )}
        {errors.subjectIds && (
          <p role="alert" className="text-sm text-red-700">
            {errors.subjectIds}
          </p>
        )}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-gray-900">{t("tasks")}</legend>
        <p className="text-xs text-gray-600">{t("tasksHint")}</p>
        {taskRows.map((row) => (
          <fieldset key={row} className="grid gap-4 rounded-md border border-gray-200 p-3 sm:grid-cols-2">
            <legend className="px-1 text-sm text-gray-700">{t("taskRow", { number: row + 1 })}</legend>
            <TaskRowFields
              idPrefix={`create-task-${row}`}
              namePrefix={`tasks.${row}.`}
              values={values}
              errors={errors}
              assignable={choices.assignees}
              revisions={choices.revisions}
              optional
            />
          </fieldset>
        ))}
      </fieldset>
    </div>
  );
}
