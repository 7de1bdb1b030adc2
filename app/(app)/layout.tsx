import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-shell/header";
import { UserMenu } from "@/components/app-shell/user-menu";
import { requireActingUser } from "@/lib/auth/require-acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { roleLabels } from "@/lib/users/role-labels";

// Every page of the workspace needs a signed-in, active user, re-read from the database on each request.
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const user = await requireActingUser();
  return (
    <>
      <AppHeader
        showAnalytics={roleAllows(user.role, "view_analytics")}
        showAdmin={roleAllows(user.role, "administer")}
        userMenu={<UserMenu name={user.name} email={user.email} roleLabel={roleLabels[user.role]} />}
      />
      <main id="content" className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
        {children}
      </main>
    </>
  );
}
