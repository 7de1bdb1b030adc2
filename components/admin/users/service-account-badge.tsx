import { useTranslations } from "next-intl";
import { Badge } from "@/components/admin/sites/admin-page-parts";
import type { UserKind } from "@/db/schema/enums";

/** Marks an integration's service account in the users list: it acts through the API and never signs in. */
export function ServiceAccountBadge({ kind }: { kind: UserKind }) {
  const t = useTranslations("adminIntegrations");
  return kind === "service" ? (
    <>
      {" "}
      <Badge tone="blue">{t("serviceBadge")}</Badge>
    </>
  ) : null;
}
