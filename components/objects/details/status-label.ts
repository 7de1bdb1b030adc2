import { useTranslations } from "next-intl";
import type { ObjectType } from "@/db/schema";

/** Words for a type's status (`details.statuses.<type>.<status>`): statuses are enum values, so the key is built. */
export function useStatusLabel(): (type: ObjectType, status: string) => string {
  const t = useTranslations("details.statuses");
  return (type, status) => t(`${type}.${status}` as Parameters<typeof t>[0]);
}
