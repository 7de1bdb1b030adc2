/** A file size for people: bytes, kB, MB or GB (decimal units, as file managers show them), in their language. */
export function fileSizeParts(bytes: number): { value: number; unit: "byte" | "kilobyte" | "megabyte" | "gigabyte" } {
  if (bytes < 1000) return { value: bytes, unit: "byte" };
  if (bytes < 1000 ** 2) return { value: bytes / 1000, unit: "kilobyte" };
  if (bytes < 1000 ** 3) return { value: bytes / 1000 ** 2, unit: "megabyte" };
  return { value: bytes / 1000 ** 3, unit: "gigabyte" };
}

export const fileSizeFormat = (unit: ReturnType<typeof fileSizeParts>["unit"]) =>
  ({ style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }) as const;
