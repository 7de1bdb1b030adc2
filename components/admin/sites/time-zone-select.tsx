import { inputClass } from "@/components/ui/form-field";

interface TimeZoneSelectProps {
  id: string;
  /** Computed on the server (lib/sites/time-zones), so server and browser render the same list. */
  options: string[];
  defaultValue: string;
  describedBy?: string;
  invalid?: boolean;
}

/** IANA time zones, grouped by region. */
export function TimeZoneSelect({ id, options, defaultValue, describedBy, invalid = false }: TimeZoneSelectProps) {
  const groups = new Map<string, string[]>();
  for (const zone of options) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
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
      className={`${inputClass(invalid)} bg-white`}
    >
      {[...groups].map(([region, zones]) => (
        <optgroup key={region} label={region}>
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
