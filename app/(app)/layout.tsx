import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { chooseLanguageAction } from "@/app/(app)/account/actions";
import { markNotificationsReadAction } from "@/app/(app)/notifications/actions";
import { signOutAction } from "@/app/(auth)/actions";
import { AppHeader } from "@/components/app-shell/header";
import { HeaderSearch } from "@/components/app-shell/header-search";
import { LanguageSwitch } from "@/components/app-shell/language-switch";
import { UserMenu } from "@/components/app-shell/user-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { requireActingUser } from "@/lib/auth/require-acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { isLocale, defaultLocale } from "@/lib/i18n/locales";
import { loadNotificationBell } from "@/lib/notifications/load-notification-bell";

// Every page of the workspace needs a signed-in, active user, re-read from the database on each request.
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const user = await requireActingUser();
  const [t, tRoles, tNotifications, locale, bell] = await Promise.all([
    getTranslations("shell"),
    getTranslations("common.roles"),
    getTranslations("notifications"),
    getLocale(),
    loadNotificationBell(user),
  ]);
  return (
    <>
      <AppHeader
        showAnalytics={roleAllows(user.role, "view_analytics")}
        showAdmin={roleAllows(user.role, "administer")}
        search={<HeaderSearch label={t("search.label")} placeholder={t("search.placeholder")} />}
        notifications={bell && <NotificationBell bell={bell} markRead={markNotificationsReadAction} />}
        userMenu={
          <UserMenu
            name={user.name}
            email={user.email}
            roleLabel={tRoles(user.role)}
            buttonLabel={t("userMenu.button", { name: user.name })}
            links={[
              { href: `/people/${user.id}`, label: t("userMenu.myPage") },
              { href: "/account/sessions", label: t("userMenu.sessions") },
              ...(bell ? [{ href: "/account/notifications", label: tNotifications("preferences.menuLink") }] : []),
              ...(roleAllows(user.role, "edit_objects") ? [{ href: "/trash", label: t("userMenu.trash") }] : []),
            ]}
          >
            <LanguageSwitch
              current={isLocale(locale) ? locale : defaultLocale}
              label={t("userMenu.language")}
              names={{ en: t("languages.en"), fr: t("languages.fr") }}
              choose={chooseLanguageAction}
            />
            <form action={signOutAction}>
              <button type="submit" className="w-full rounded px-2 py-1.5 text-left text-sm text-gray-700 hover:bg-gray-100">
                {t("userMenu.signOut")}
              </button>
            </form>
          </UserMenu>
        }
      />
      <main id="content" className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
        {children}
      </main>
    </>
  );
}
