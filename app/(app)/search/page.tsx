import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SearchResults } from "@/components/objects/search/search-results";
import { enterPage } from "@/lib/gate/page-gate";
import { requestLocale } from "@/lib/i18n/request-locale";
import { firstParam, type SearchParams } from "@/lib/objects/object-list-url";
import { searchObjects } from "@/lib/objects/search-objects";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace.search"))("title") };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, db } = await enterPage({ name: "objects.search", capability: "view_objects" });
  const params = await searchParams;
  const q = firstParam(params, "q")?.trim() ?? "";
  const cursor = firstParam(params, "cursor");
  const search = q ? await searchObjects(db, user, { q, cursor }, await requestLocale()) : null;
  return <SearchResults q={q} cursor={cursor} search={search} />;
}
