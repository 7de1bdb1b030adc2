import { useTranslations } from "next-intl";
import { useId } from "react";
import type { ProjectProgress } from "@/lib/object-details/object-details-view";

/** A project's completion in words ("40 % · 2 of 5 tasks done"); without tasks, a sentence instead of 0 %. */
export function CompletionText({ progress }: { progress: ProjectProgress }) {
  const t = useTranslations("details.tasks");
  if (progress.completion === null) return <span className="font-normal text-gray-600">{t("noTasks")}</span>;
  return (
    <>
      {t("percent", { percent: progress.completion })} <span className="font-normal text-gray-700">· {t("progress", { done: progress.done, total: progress.total })}</span>
    </>
  );
}

/** A project's completion as a bar, with the figures in words under it; without tasks, a sentence instead of 0 %. */
export function CompletionBar({ progress }: { progress: ProjectProgress }) {
  const t = useTranslations("details.tasks");
  const labelId = useId();
  if (progress.completion === null) return <span className="font-normal text-gray-600">{t("noTasks")}</span>;
  const words = t("progress", { done: progress.done, total: progress.total });
  const percent = t("percent", { percent: progress.completion });
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.completion}
        aria-valuetext={`${percent} · ${words}`}
        className="h-2 w-full overflow-hidden rounded-full bg-gray-200"
      >
        <div className="h-full rounded-full bg-green-700" style={{ width: `${progress.completion}%` }} />
      </div>
      <p id={labelId} className="text-sm font-normal text-gray-700">
        <span className="font-semibold text-gray-900">{percent}</span> · {words}
      </p>
    </div>
  );
}
