"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type DragEvent } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { fileSizeFormat, fileSizeParts } from "./file-size";

interface UploadFilesProps {
  objectId: string;
  revision: { id: string; label: string };
  limits: { megabytes: number; files: number };
}

type Upload = { phase: "idle" } | { phase: "sending"; percent: number } | { phase: "done"; count: number } | { phase: "failed"; message: string };

/**
 * Files for the draft: dropped on the zone or picked with the file chooser (a native control, so the keyboard works),
 * checked here for what can be checked before sending (size, emptiness, count), then sent in one streamed request
 * with its progress shown. The server checks everything again and answers a refusal in the user's language.
 */
export function UploadFiles({ objectId, revision, limits }: UploadFilesProps) {
  const t = useTranslations("documents.upload");
  const tRefusals = useTranslations("documents.uploads");
  const format = useFormatter();
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [upload, setUpload] = useState<Upload>({ phase: "idle" });

  const choose = (files: File[]) => {
    setChosen(files);
    setUpload({ phase: "idle" });
  };

  const refusalOf = (files: File[]): string | null => {
    if (files.length === 0) return tRefusals("noFile");
    if (files.length > limits.files) return tRefusals("tooManyFiles", { count: limits.files });
    const empty = files.find((file) => file.size === 0);
    if (empty) return tRefusals("empty", { name: empty.name });
    const large = files.find((file) => file.size > limits.megabytes * 1024 * 1024);
    if (large) return tRefusals("tooLarge", { name: large.name, megabytes: limits.megabytes });
    return null;
  };

  const send = () => {
    const refusal = refusalOf(chosen);
    if (refusal) return setUpload({ phase: "failed", message: refusal });
    const body = new FormData();
    for (const file of chosen) body.append("file", file, file.name);
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/objects/${objectId}/revisions/${revision.id}/files`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) setUpload({ phase: "sending", percent: Math.round((event.loaded / event.total) * 100) });
    };
    request.onload = () => {
      if (request.status === 201) {
        setUpload({ phase: "done", count: chosen.length });
        setChosen([]);
        if (input.current) input.current.value = "";
        router.refresh();
        return;
      }
      const answer = request.response as { error?: { message?: string } } | null;
      setUpload({ phase: "failed", message: answer?.error?.message ?? t("failed") });
    };
    request.onerror = () => setUpload({ phase: "failed", message: t("networkError") });
    setUpload({ phase: "sending", percent: 0 });
    request.send(body);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose([...event.dataTransfer.files]);
  };
  const sending = upload.phase === "sending";

  return (
    <div className="space-y-3">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-md border-2 border-dashed p-4 text-sm ${dragging ? "border-blue-600 bg-blue-50" : "border-gray-300 bg-white"}`}
      >
        <label htmlFor={inputId} className="block font-medium text-gray-900">
          {t("label", { label: revision.label })}
        </label>
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-gray-600">
          {t("hint", { megabytes: limits.megabytes, count: limits.files })}
        </p>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          disabled={sending}
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => choose([...(event.target.files ?? [])])}
          className="mt-2 block w-full text-sm text-gray-700 file:mr-3 file:rounded-md file:border file:border-gray-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-gray-800 hover:file:bg-gray-50"
        />
        {chosen.length > 0 && (
          <ul className="mt-3 space-y-1" aria-label={t("chosen")}>
            {chosen.map((file, index) => {
              const size = fileSizeParts(file.size);
              return (
                <li key={`${file.name}-${index}`} className="text-gray-800 [overflow-wrap:anywhere]">
                  {file.name} <span className="text-gray-600">({format.number(size.value, fileSizeFormat(size.unit))})</span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={send} disabled={sending || chosen.length === 0} className={buttonStyles.primary}>
          {sending ? t("sending") : t("submit", { count: chosen.length })}
        </button>
        {sending && (
          <label className="flex items-center gap-2 text-sm text-gray-700">
            {t("progress", { percent: upload.percent })}
            <progress max={100} value={upload.percent} className="h-2 w-40" />
          </label>
        )}
      </div>
      <div aria-live="polite">
        {upload.phase === "done" && (
          <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("done", { count: upload.count, label: revision.label })}
          </p>
        )}
      </div>
      {upload.phase === "failed" && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {upload.message}
        </p>
      )}
    </div>
  );
}
