import { inputClass } from "@/components/ui/form-field";

/** inputClass on a white ground: Chromium paints selects grey otherwise. */
export function fieldClass(invalid = false): string {
  return `${inputClass(invalid)} bg-white`;
}
