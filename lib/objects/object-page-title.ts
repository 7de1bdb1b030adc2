import "server-only";
import { getTranslations } from "next-intl/server";
import type { ObjectType } from "@/db/schema";
import { enterObjectPage } from "@/lib/gate/object-page-gate";

/** The browser tab's title of an object page: "PRT-000012 Bracket" (and "Sharing · …" on the Share tab), through the gate. */
export async function objectPageTitle(type: ObjectType, id: string, tab?: "share"): Promise<string> {
  const { object } = await enterObjectPage({ name: tab === "share" ? "objects.share" : "objects.read", type, id });
  const name = `${object.reference} ${object.title}`;
  return tab === "share" ? (await getTranslations("workspace.objectPage"))("shareTitle", { name }) : name;
}
