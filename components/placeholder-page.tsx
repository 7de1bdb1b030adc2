import { getTranslations } from "next-intl/server";
// Only the analytics dashboard is still being built.
type PlaceholderSection = "analytics";

/** A section still being built: its name and what it will hold. */
export async function PlaceholderPage({ section }: { section: PlaceholderSection }) {
  const [tShell, tHome] = await Promise.all([getTranslations("shell.sections"), getTranslations("home")]);
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{tShell(section)}</h1>
      <p className="mt-1 text-sm text-gray-600">{tHome(`summaries.${section}`)}</p>
      <div className="mt-8 rounded-lg border border-dashed border-gray-300 bg-white px-6 py-5">
        <p className="text-xs font-semibold uppercase tracking-wide text-gray-600">{tHome("placeholder.notBuilt")}</p>
        <p className="mt-2 text-sm leading-6 text-gray-700">{tHome(`placeholder.${section}`)}</p>
      </div>
    </div>
  );
}

/** The page title of a section, in the request's language. */
export async function sectionTitle(section: PlaceholderSection): Promise<string> {
  return (await getTranslations("shell.sections"))(section);
}
