import type { ReactNode } from "react";

/** One labelled fact of a record (a `<dt>`/`<dd>` pair inside a `<dl>`): role, sites, expiry… */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-gray-600">{label}</dt>
      <dd className="text-sm text-gray-900 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}
