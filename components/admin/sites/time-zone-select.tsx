import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/form-field";

interface TimeZoneSelectProps {
  id: string;
  /** Computed on the server (lib/sites/time-zones), so server and browser render the same list. */
  options: string[];
  defaultValue: string;
  describedBy?: string;
  invalid?: boolean;
}

/** IANA time zones, grouped by region; the zones keep their IANA names (Europe/Paris), the regions are translated. */
export function TimeZoneSelect({ id, options, defaultValue, describedBy, invalid = false }: TimeZoneSelectProps) {
  const t = useTranslations("adminSites.timeZone.regions");
  const groups = new Map<string, string[]>();
  for (const zone of options) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  // A region the catalogue does not know (a future IANA one) shows its IANA name.
  const regionLabel = (region: string) => {
    const key = region as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : region;
  };
  return (
    // Keyed by the default: React does not re-apply a select's changed defaultValue, and the form reset that follows
    // an action would otherwise put back the first default instead of the value the Admin had picked.
    <select
      key={defaultValue}
      id={id}
      name="timeZone"
      required
      defaultValue={defaultValue}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      className={inputClass(invalid)}
    >
      {[...groups].map(([region, zones]) => (
        <optgroup key={region} label={regionLabel(region)}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
