import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/form-field";

export interface LogFilterValues {
  integrationId?: string;
  status?: string;
  from?: string;
  to?: string;
}

const statusChoices = [
  ["2xx", "success"],
  ["4xx", "clientError"],
  ["401", "unauthorized"],
  ["403", "forbidden"],
  ["404", "notFound"],
  ["429", "rateLimited"],
  ["5xx", "serverError"],
] as const;

/** The log's filters as a plain GET form: integration, status and a range of days; the URL keeps them. */
export function LogFilters({ integrations, values }: { integrations: { id: string; name: string }[]; values: LogFilterValues }) {
  const t = useTranslations("adminIntegrationLog.filters");
  const filtered = Object.values(values).some(Boolean);
  return (
    <form action="/admin/integration-log" method="get" aria-label={t("label")} className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-5">
      <div>
        <label htmlFor="log-integration" className="block text-sm font-medium text-gray-700">
          {t("integration")}
        </label>
        <select id="log-integration" name="integrationId" defaultValue={values.integrationId ?? ""} className={inputClass()}>
          <option value="">{t("anyIntegration")}</option>
          {integrations.map((integration) => (
            <option key={integration.id} value={integration.id}>
              {integration.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="log-status" className="block text-sm font-medium text-gray-700">
          {t("status")}
        </label>
        <select id="log-status" name="status" defaultValue={values.status ?? ""} className={inputClass()}>
          <option value="">{t("anyStatus")}</option>
          {statusChoices.map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="log-from" className="block text-sm font-medium text-gray-700">
          {t("from")}
        </label>
        <input id="log-from" name="from" type="date" defaultValue={values.from ?? ""} className={inputClass()} />
      </div>
      <div>
        <label htmlFor="log-to" className="block text-sm font-medium text-gray-700">
          {t("to")}
        </label>
        <input id="log-to" name="to" type="date" defaultValue={values.to ?? ""} className={inputClass()} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonStyles.primary}>
          {t("apply")}
        </button>
        {filtered && (
          <Link href="/admin/integration-log" className="rounded px-2 py-2 text-sm text-gray-700 hover:underline">
            {t("clear")}
          </Link>
        )}
      </div>
    </form>
  );
}
