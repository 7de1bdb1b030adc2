import { useTranslations } from "next-intl";
import type { ObjectType } from "@/db/schema";

/** Client twin of statusLabels (status-label.ts): the same words, `workspace.statuses.<type>.<status>`. */
export function useStatusLabel(): (type: ObjectType, status: string) => string {
  const t = useTranslations("workspace.statuses");
  return (type, status) => t(`${type}.${status}` as Parameters<typeof t>[0]);
}
