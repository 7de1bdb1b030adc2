import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TrashTable } from "@/components/trash/trash-table";
import { FormStatus } from "@/components/ui/form-status";
import { enterPage } from "@/lib/gate/page-gate";
import { getObject } from "@/lib/objects/get-object";
import { objectPath } from "@/lib/objects/object-paths";
import { listTrash } from "@/lib/trash/list-trash";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("trash"))("title") };
}

export default async function TrashPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[]; restored?: string | string[] }> }) {
  const { user, db } = await enterPage({ name: "trash.list", capability: "edit_objects" });
  const { cursor, restored } = await searchParams;
  const listed = await listTrash(db, user, { cursor: typeof cursor === "string" ? cursor : undefined });
  // Only a cursor that is not ours fails here: start again from the most recent.
  if (!listed.ok) redirect("/trash");
  const back = typeof restored === "string" ? await getObject(db, user, { id: restored }) : null;
  const t = await getTranslations("trash");

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">{t("intro")}</p>
      </div>
      {back?.ok && (
        <div className="space-y-1">
          <FormStatus success={t("restore.restored", { reference: back.data.reference })} />
          <Link href={objectPath(back.data.type, back.data.id)} className="text-sm font-medium text-blue-700 hover:underline">
            {t("restore.open", { reference: back.data.reference })}
          </Link>
        </div>
      )}
      <TrashTable page={listed.data} paged={typeof cursor === "string"} readAt={new Date()} />
    </div>
  );
}
