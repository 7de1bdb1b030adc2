"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";

/**
 * A token's secret, shown once right after it was issued: selectable text, a copy button, and the warning that it
 * will not be shown again. The panel takes the focus, so a screen reader reads it first.
 */
export function IssuedTokenPanel({ name, token, children }: { name: string; token: string; children?: React.ReactNode }) {
  const t = useTranslations("adminIntegrations.issued");
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), [token]);

  async function copyToken() {
    try {
      await navigator.clipboard.writeText(token);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <div ref={panelRef} tabIndex={-1} role="region" aria-labelledby="issued-token-heading" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h3 id="issued-token-heading" className="text-base font-semibold text-amber-900">
        {t("heading")}
      </h3>
      <p className="text-sm text-amber-900">{t("warning")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="issued-token" className="sr-only">
          {t("label", { name })}
        </label>
        <input
          id="issued-token"
          readOnly
          value={token}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-gray-500 bg-white px-3 py-2 font-mono text-xs text-gray-900"
          data-testid="issued-token"
        />
        <button type="button" onClick={copyToken} className={buttonStyles.secondary}>
          {t("copy")}
        </button>
      </div>
      <p role="status" className="text-sm text-amber-900">
        {copy === "copied" ? t("copied") : copy === "failed" ? t("copyFailed") : ""}
      </p>
      <p className="text-xs text-gray-700">{t("usage")}</p>
      {children}
    </div>
  );
}
