import { useTranslations } from "next-intl";
import { Badge } from "@/components/admin/sites/admin-page-parts";
import type { WatermarkView } from "@/lib/watermarks/watermark-records";
import { DeleteWatermarkButton } from "./delete-watermark-button";
import { triggerValueLabel, type TriggerProperty } from "./trigger-property";
import { WatermarkForm } from "./watermark-form";

interface WatermarkListProps {
  watermarks: WatermarkView[];
  properties: TriggerProperty[];
  typeLabels: Record<string, string>;
}

/** Each watermark as it reads on a preview, with its trigger, and its edit form folded under it. */
export function WatermarkList({ watermarks, properties, typeLabels }: WatermarkListProps) {
  const t = useTranslations("adminWatermarks");
  const tCommon = useTranslations("common");
  const yesNo = { yes: tCommon("yes"), no: tCommon("no") };
  return (
    <ul className="space-y-3">
      {watermarks.map((watermark) => {
        const property = properties.find((candidate) => candidate.id === watermark.triggerPropertyId);
        const values = watermark.triggerValues.map((value) => triggerValueLabel(property, value, yesNo)).join(", ");
        return (
          <li key={watermark.id} className="rounded-lg border border-gray-200 bg-white p-4">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <h3 className="font-semibold [overflow-wrap:anywhere]">{watermark.name}</h3>
                <p className="mt-1 flex items-center gap-2 text-sm">
                  <span aria-hidden="true" className="inline-block h-4 w-4 shrink-0 rounded border border-gray-300" style={{ backgroundColor: watermark.color }} />
                  <span className="font-medium uppercase tracking-wide [overflow-wrap:anywhere]">{watermark.text}</span>
                  <span className="text-gray-600">{watermark.color}</span>
                </p>
                <p className="mt-1 text-sm text-gray-700 [overflow-wrap:anywhere]">
                  {watermark.triggerPropertyId === null
                    ? t("trigger.always")
                    : t("trigger.when", { property: property ? `${typeLabels[property.appliesTo] ?? property.appliesTo} · ${property.name}` : t("trigger.unknownProperty"), values })}
                </p>
              </div>
              <Badge tone={watermark.enabled ? "blue" : "gray"}>{watermark.enabled ? tCommon("states.enabled") : tCommon("states.disabled")}</Badge>
            </div>
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium text-blue-700 hover:underline">{t("editSummary", { name: watermark.name })}</summary>
              <div className="mt-3 space-y-4">
                <WatermarkForm properties={properties} watermark={watermark} typeLabels={typeLabels} />
                <DeleteWatermarkButton watermark={watermark} />
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
