"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import type { PreviewKind } from "@/lib/previews/preview-kind";

interface PreviewPagesProps {
  file: { id: string; fileName: string; kind: PreviewKind; pageCount: number };
}

/** One rendered page at a time, with Previous and Next (buttons, so the keyboard pages through too). */
export function PreviewPages({ file }: PreviewPagesProps) {
  const t = useTranslations("previews.panel");
  const [page, setPage] = useState(1);
  const [state, setState] = useState<"loading" | "shown" | "failed">("loading");
  const go = (next: number) => {
    setPage(next);
    setState("loading");
  };
  const alt = file.kind === "image" ? t("imageAlt", { name: file.fileName }) : t("pageAlt", { page, count: file.pageCount, name: file.fileName });

  return (
    <div className="space-y-3">
      {file.pageCount > 1 && (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <button type="button" onClick={() => go(page - 1)} disabled={page <= 1} className={`${buttonStyles.secondary} gap-1`}>
            <span aria-hidden="true">←</span>
            {t("previous")}
          </button>
          <p aria-live="polite" className="text-sm text-gray-700">
            {t("page", { page, count: file.pageCount })}
          </p>
          <button type="button" onClick={() => go(page + 1)} disabled={page >= file.pageCount} className={`${buttonStyles.secondary} gap-1`}>
            {t("next")}
            <span aria-hidden="true">→</span>
          </button>
        </div>
      )}
      <div className="relative min-h-48 overflow-hidden rounded-md border border-gray-200 bg-gray-100">
        {/* A plain img: each page is rendered for this user, logged at every view and never cached, so Next's image
            optimizer (which would fetch it without the user's session) cannot serve it. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          key={page}
          src={`/api/v1/files/${file.id}/preview?page=${page}`}
          alt={alt}
          // The server-rendered page may finish loading before hydration, when onLoad is not listened to yet.
          ref={(image) => {
            if (image?.complete) setState(image.naturalWidth > 0 ? "shown" : "failed");
          }}
          onLoad={() => setState("shown")}
          onError={() => setState("failed")}
          className={`mx-auto block h-auto w-full max-w-3xl ${state === "shown" ? "" : "invisible"}`}
        />
        {state !== "shown" && (
          <p role={state === "failed" ? "alert" : "status"} className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-gray-700">
            {state === "failed" ? t("failed") : t("loading")}
          </p>
        )}
      </div>
    </div>
  );
}
