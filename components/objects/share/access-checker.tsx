import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/form-field";
import { roleAllows } from "@/lib/authz/roles";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { renderAppError } from "@/lib/i18n/render-error";
import type { Locale } from "@/lib/i18n/locales";
import { explainObjectAccess } from "@/lib/objects/explain-object-access";
import { objectSharePath } from "@/lib/objects/object-paths";
import { userChoices } from "@/lib/objects/relation-choices";
import type { AppError } from "@/lib/result";
import { AccessVerdicts } from "./access-verdicts";

/** A refusal of the checked user (an id that is none, or no such user): the field's own words when it has some. */
function refusalText(error: AppError): string {
  return error.fields?.userId ?? error.message;
}

// A search answers a short list to pick from; a more precise search finds anyone else.
const searchLimit = 20;

/**
 * The Share tab's effective-access checker: anyone sees their own access; Managers and Admins (SPEC §9) find an active
 * user by name or e-mail (`?q=`) and pick one (`?user=<id>`) — plain links and a GET form, so it works without
 * JavaScript and a check can be shared as a link. The answer is explainObjectAccess's, as `/api/v1/objects/{id}/access`.
 */
export async function AccessChecker({ context, q, userId, locale }: { context: ObjectPageContext; q: string; userId: string | undefined; locale: Locale }) {
  const t = await getTranslations("share.access");
  const { db, user, object, authorized } = context;
  const checksOthers = roleAllows(user.role, "edit_objects");
  const sharePath = objectSharePath(object.type, object.id);
  const [explained, found] = await Promise.all([
    explainObjectAccess(db, user, { id: object.id, userId: checksOthers ? userId : undefined }, { authorized, locale }),
    checksOthers && q ? userChoices(db, user.organizationId, { q, limit: searchLimit }) : null,
  ]);
  const hrefFor = (picked: string | null) => {
    const query = new URLSearchParams({ ...(q ? { q } : {}), ...(picked ? { user: picked } : {}) }).toString();
    return `${sharePath}${query ? `?${query}` : ""}#access`;
  };

  return (
    <section id="access" aria-labelledby="share-access-heading" className="space-y-4">
      <h2 id="share-access-heading" className="text-lg font-semibold text-gray-900">
        {t("heading")}
      </h2>
      <p className="text-sm text-gray-700">{t("intro")}</p>
      {checksOthers ? (
        <div className="space-y-3">
          <form method="get" action={sharePath} className="flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1 sm:max-w-sm">
              <label htmlFor="access-user-search" className="block text-sm font-medium text-gray-700">
                {t("findUser")}
              </label>
              <input
                id="access-user-search"
                type="search"
                name="q"
                defaultValue={q}
                maxLength={200}
                aria-describedby="access-user-search-hint"
                className={inputClass()}
              />
              <p id="access-user-search-hint" className="mt-1 text-xs text-gray-600">
                {t("findUserHint")}
              </p>
            </div>
            <button type="submit" className={`${buttonStyles.secondary} mb-5`}>
              {t("search")}
            </button>
          </form>
          {found && (
            <div>
              <p id="access-results" className="text-sm font-medium text-gray-700">
                {t("results")}
              </p>
              {found.choices.length === 0 ? (
                <p className="text-sm text-gray-600">{t("noUserFound")}</p>
              ) : (
                <ul aria-labelledby="access-results" className="mt-1 space-y-1 text-sm">
                  {found.choices.map((choice) => (
                    <li key={choice.id}>
                      <Link href={hrefFor(choice.id)} aria-current={choice.id === userId || undefined} className="text-blue-700 hover:underline aria-[current=true]:font-semibold [overflow-wrap:anywhere]">
                        {choice.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {userId && userId !== user.id && (
            <Link href={hrefFor(null)} className="inline-block text-sm text-blue-700 hover:underline">
              {t("checkYourself")}
            </Link>
          )}
        </div>
      ) : (
        <p className="text-sm text-gray-700">{t("othersManagersOnly")}</p>
      )}
      {explained.ok ? (
        <AccessVerdicts access={explained.data} heading={explained.data.userId === user.id ? t("yours") : t("whose", { name: explained.data.userName })} />
      ) : (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {refusalText(renderAppError(locale, explained.error))}
        </p>
      )}
    </section>
  );
}
