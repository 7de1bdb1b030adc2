import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/form-field";

export interface AuditFilterValues {
  actor?: string;
  targetType?: string;
  targetId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** The audit log's filters, as a GET form: the filtered page has its own address (shareable, back-button friendly). */
export function AuditFiltersForm({ values, actions, errors }: { values: AuditFilterValues; actions: string[]; errors: Record<string, string> }) {
  const t = useTranslations("adminAudit.filters");
  const field = (name: keyof AuditFilterValues, type: "text" | "email" | "date" = "text", list?: string) => {
    const id = `audit-${name}`;
    const error = errors[name];
    return (
      <div className="min-w-0">
        <label htmlFor={id} className="block text-sm font-medium text-gray-700">
          {t(name)}
        </label>
        <input
          id={id}
          name={name}
          type={type}
          list={list}
          defaultValue={values[name] ?? ""}
          maxLength={type === "date" ? undefined : 200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={inputClass(Boolean(error))}
        />
        {error && (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    );
  };
  const filtered = Object.values(values).some(Boolean);
  return (
    <form action="/admin/audit-log" method="get" role="search" aria-label={t("heading")} className="rounded-lg border border-gray-200 bg-white p-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
        {field("actor", "email")}
        {field("action", "text", "audit-actions")}
        {field("targetType")}
        {field("targetId")}
        {field("from", "date")}
        {field("to", "date")}
      </div>
      <datalist id="audit-actions">
        {actions.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonStyles.secondary}>
          {t("apply")}
        </button>
        {filtered && (
          <Link href="/admin/audit-log" className="text-sm text-gray-700 hover:underline">
            {t("clear")}
          </Link>
        )}
      </div>
    </form>
  );
}
