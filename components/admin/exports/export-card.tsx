"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { buttonStyles } from "@/components/ui/button-styles";
import { downloadExport, type ExportProgress } from "./download-export";

type State = { step: "idle" } | { step: "running"; progress: ExportProgress } | { step: "done"; rows: number } | { step: "failed"; reason: string };

/**
 * One export: its filters (a form of named fields) and a download button. The rows stream in with a progress bar
 * measured against the total the server announces; the file is offered once complete.
 */
export function ExportCard({ kind, title, description, children }: { kind: string; title: string; description: string; children?: ReactNode }) {
  const t = useTranslations("adminExports");
  const format = useFormatter();
  const headingId = useId();
  const [state, setState] = useState<State>({ step: "idle" });

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value) query.set(name, value);
    const url = `/api/v1/exports/${kind}${query.size > 0 ? `?${query}` : ""}`;
    setState({ step: "running", progress: { received: 0, total: 0 } });
    try {
      const rows = await downloadExport(url, (progress) => setState({ step: "running", progress }));
      setState({ step: "done", rows });
    } catch (error) {
      setState({ step: "failed", reason: error instanceof TypeError ? t("networkFailed") : (error as Error).message });
    }
  }

  const running = state.step === "running";
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col rounded-lg border border-gray-200 bg-white p-5">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-gray-600">{description}</p>
      <form onSubmit={start} className="mt-4 flex flex-1 flex-col gap-3">
        {children}
        <div className="mt-auto pt-2">
          <button type="submit" className={buttonStyles.primary} disabled={running}>
            {t("download")}
          </button>
        </div>
      </form>
      <div className="mt-3 min-h-6 text-sm" aria-live="polite">
        {state.step === "running" && (
          <div className="space-y-1">
            <progress
              className="h-2 w-full"
              aria-label={t("progressLabel", { title })}
              max={Math.max(1, state.progress.total)}
              value={Math.min(state.progress.received, state.progress.total)}
            />
            <p className="text-gray-700">
              {t("progress", { received: format.number(state.progress.received), total: format.number(state.progress.total) })}
            </p>
          </div>
        )}
        {state.step === "done" && <p className="text-green-800">{t("done", { count: state.rows })}</p>}
        {state.step === "failed" && (
          <p role="alert" className="text-red-700">
            {t("failed", { reason: state.reason })}
          </p>
        )}
      </div>
    </section>
  );
}
