import { sections, type SectionId } from "@/components/sections";

export function PlaceholderPage({ section }: { section: SectionId }) {
  const { title, summary, upcoming, arrivesWith } = sections[section];
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{title}</h1>
      <p className="mt-1 text-sm text-gray-600">{summary}</p>
      <div className="mt-8 rounded-lg border border-dashed border-gray-300 bg-white px-6 py-5">
        <p className="text-xs font-semibold uppercase tracking-wide text-gray-500">Not built yet</p>
        <p className="mt-2 text-sm leading-6 text-gray-700">{upcoming}</p>
        <p className="mt-3 text-sm text-gray-600">It arrives with {arrivesWith}.</p>
      </div>
    </div>
  );
}
