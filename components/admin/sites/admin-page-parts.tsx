import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** "Admin › Sites › Toulouse": where an admin page sits, each step a link but the last (a long name wraps). */
export function AdminBreadcrumbs({ trail }: { trail: { label: string; href?: string }[] }) {
  const t = useTranslations("common");
  return (
    <nav aria-label={t("breadcrumb")} className="text-sm text-gray-600">
      <ol className="flex flex-wrap items-center gap-1">
        {trail.map((step, index) => (
          <li key={`${index}-${step.label}`} className="flex min-w-0 items-center gap-1 [overflow-wrap:anywhere]">
            {index > 0 && <span aria-hidden="true">›</span>}
            {step.href ? (
              <Link href={step.href} className="hover:text-gray-900 hover:underline">
                {step.label}
              </Link>
            ) : (
              <span aria-current="page" className="min-w-0 text-gray-800">
                {step.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A small status label: archived site, deactivated user. */
export function Badge({ tone, children }: { tone: "gray" | "amber" | "red" | "blue"; children: ReactNode }) {
  const tones = {
    gray: "bg-gray-100 text-gray-700",
    amber: "bg-amber-100 text-amber-800",
    red: "bg-red-50 text-red-700",
    blue: "bg-blue-50 text-blue-700",
  } as const;
  return <span className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

/** "12 members", with the deactivated ones said apart (they keep their membership but have no access). */
export function MemberCount({ total, active }: { total: number; active: number }) {
  const t = useTranslations("admin");
  const inactive = total - active;
  return (
    <span>
      {t("memberCount", { count: total })}
      {inactive > 0 && <span className="text-gray-600"> · {t("deactivatedCount", { count: inactive })}</span>}
    </span>
  );
}
