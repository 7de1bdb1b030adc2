/** IANA time zones (SPEC §9: organisations and sites have one). */

/** Whether the runtime knows this IANA name (aliases such as Asia/Kolkata included, which the list may omit). */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zones a site form offers: UTC first, then the runtime's list (`Intl.supportedValuesOf`), plus the value
 * already stored when the list does not name it. Computed on the server and handed to the form, so the browser's
 * own list (which may differ) cannot make the server and client renders disagree.
 */
export function timeZoneOptions(current?: string | null): string[] {
  const zones = Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC");
  const options = ["UTC", ...zones];
  if (current && !options.includes(current)) options.push(current);
  return options;
}
