import type { useTranslations } from "next-intl";
import { isBuiltInViewField, type ViewFieldChoice } from "@/lib/views/view-fields";

type ViewsTranslator = ReturnType<typeof useTranslations<"adminViews">>;
type CommonTranslator = ReturnType<typeof useTranslations<"common">>;

/** The editor's fields in the reader's language: built-in columns, scope kinds and yes / no are named by id until here. */
export function labelViewFields(t: ViewsTranslator, tCommon: CommonTranslator, choices: readonly ViewFieldChoice[]): ViewFieldChoice[] {
  return choices.map((choice) => {
    const label = isBuiltInViewField(choice.field) ? t(`fields.${choice.field}`) : choice.label;
    if (choice.kind === "scope") return { ...choice, label, choices: choice.choices?.map((entry) => ({ ...entry, label: t(`scopes.${entry.id as "owner" | "sites" | "organization"}`) })) };
    if (choice.kind === "boolean") return { ...choice, label, choices: choice.choices?.map((entry) => ({ ...entry, label: tCommon(entry.id === "true" ? "yes" : "no") })) };
    return { ...choice, label };
  });
}
