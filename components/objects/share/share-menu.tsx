import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonStyles } from "@/components/ui/button-styles";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { objectSharePath } from "@/lib/objects/object-paths";
import { ShareMenuControl } from "./share-menu-control";

/**
 * The Share control of an object's header (`<ObjectHeader shareControl={<ShareMenu context={context} />} />`): a menu
 * that changes the scope for those allowed to (Manager+ with Modify), else a link to the Share tab, which everyone who
 * can view the object may open.
 */
export async function ShareMenu({ context }: { context: ObjectPageContext }) {
  const { object } = context;
  const sharePath = objectSharePath(object.type, object.id);
  if (!object.access.actions.includes("change_scope")) {
    const t = await getTranslations("share.menu");
    return (
      <Link href={sharePath} className={buttonStyles.secondary}>
        {t("openTab")}
      </Link>
    );
  }
  return <ShareMenuControl object={{ id: object.id, version: object.version, scopeKind: object.scope.kind }} sharePath={sharePath} />;
}
