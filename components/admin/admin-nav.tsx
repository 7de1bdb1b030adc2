import { useTranslations } from "next-intl";
import { NavLink } from "@/components/app-shell/nav-link";

const adminSections = [
  { href: "/admin/users", key: "users" },
  { href: "/admin/sites", key: "sites" },
  { href: "/admin/properties", key: "properties" },
  { href: "/admin/teams", key: "teams" },
  { href: "/admin/templates", key: "templates" },
  { href: "/admin/views", key: "views" },
  { href: "/admin/access-rules", key: "accessRules" },
  { href: "/admin/watermarks", key: "watermarks" },
  { href: "/admin/integrations", key: "integrations" },
  { href: "/admin/integration-log", key: "integrationLog" },
  { href: "/admin/exports", key: "exports" },
  { href: "/admin/audit-log", key: "auditLog" },
] as const;

// The tabs wrap onto a second line on a narrow screen rather than hiding some behind a sideways scroll.
export function AdminNav() {
  const t = useTranslations("admin.nav");
  return (
    <nav aria-label={t("label")} className="border-b border-gray-200">
      <ul className="flex flex-wrap gap-1 pb-2">
        {adminSections.map((section) => (
          <li key={section.href}>
            <NavLink href={section.href}>{t(section.key)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
