import type { ReactNode } from "react";
import { inputClass } from "@/components/ui/form-field";

/** A labelled filter of an export form: a select of choices, or a date. */
export function ExportFilterField({ id, label, children }: { id: string; label: string; children: (props: { id: string; className: string }) => ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-sm font-medium text-gray-700">
        {label}
      </label>
      {children({ id, className: inputClass() })}
    </div>
  );
}
