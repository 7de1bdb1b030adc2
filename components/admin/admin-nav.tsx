import { NavLink } from "@/components/app-shell/nav-link";

const adminSections = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/sites", label: "Sites" },
  { href: "/admin/properties", label: "Properties" },
  { href: "/admin/teams", label: "Teams" },
  { href: "/admin/templates", label: "Templates" },
  { href: "/admin/views", label: "Views" },
  { href: "/admin/access-rules", label: "Access rules" },
] as const;

export function AdminNav() {
  return (
    <nav aria-label="Administration" className="overflow-x-auto border-b border-gray-200">
      <ul className="flex gap-1 whitespace-nowrap pb-2">
        {adminSections.map((section) => (
          <li key={section.href}>
            <NavLink href={section.href}>{section.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
