import { getTranslations } from "next-intl/server";
import type { ObjectType } from "@/db/schema";

/** Words for object statuses: a status is a database text, one of `statusesByType[type]`, so its key is built. */
export async function statusLabels(): Promise<(type: ObjectType, status: string) => string> {
  const t = await getTranslations("workspace.statuses");
  return (type, status) => t(`${type}.${status}` as Parameters<typeof t>[0]);
}
