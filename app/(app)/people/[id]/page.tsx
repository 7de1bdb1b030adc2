import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PersonCard } from "@/components/people/person-card";
import { PersonReferences } from "@/components/people/person-references";
import { enterPage } from "@/lib/gate/page-gate";
import { getPerson } from "@/lib/people/get-person";
import { personName } from "@/lib/people/person-name";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { user, db } = await enterPage({ name: "people.read", capability: "view_objects" });
  return { title: (await personName(db, user, (await params).id)) ?? (await getTranslations("people"))("metaTitle") };
}

/** A colleague's page: any signed-in user of the organisation may open it; anyone else's id is the 404 page. */
export default async function PersonPage({ params }: { params: Params }) {
  const { user, db } = await enterPage({ name: "people.read", capability: "view_objects" });
  const found = await getPerson(db, user, { id: (await params).id });
  if (!found.ok) notFound();
  const t = await getTranslations("people");
  const { person } = found.data;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-gray-600">{t("title")}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-gray-900 [overflow-wrap:anywhere]">{person.name}</h1>
      </div>
      <PersonCard person={person} />
      <PersonReferences page={found.data} />
    </div>
  );
}
