import type { Metadata } from "next";
import Link from "next/link";
import { sections, workspaceSectionIds } from "@/components/sections";

export const metadata: Metadata = { title: { absolute: "Atelier" } };

const cardIds = [...workspaceSectionIds, "analytics", "admin"] as const;

export default function HomePage() {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Welcome to Atelier</h1>
      <p className="mt-2 max-w-3xl text-sm leading-6 text-gray-600">
        Atelier is your organisation&apos;s engineering workspace: documents, parts, products, projects,
        manufacturing orders and change workflows, shared across your sites, with access control at its core. You
        will see only what you are allowed to see, and do only what your role and access allow. The sections are
        still being built; each one says what it will hold.
      </p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cardIds.map((id) => (
          <li key={id}>
            <Link
              href={sections[id].href}
              className="block h-full rounded-lg border border-gray-200 bg-white p-5 transition-colors hover:border-gray-300 hover:bg-gray-50"
            >
              <h2 className="text-sm font-semibold text-gray-900">{sections[id].title}</h2>
              <p className="mt-1 text-sm leading-6 text-gray-600">{sections[id].summary}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
