import { useId } from "react";
import type { RulePreview } from "@/lib/access-rules/preview-rule-change";
import type { ImpactFigures } from "@/lib/access-rules/rule-impact";
import { levelLabels } from "@/lib/authz/levels";

const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

function Figures({ figures, verb }: { figures: ImpactFigures; verb: "gain" | "lose" }) {
  if (figures.users === 0) return <span className="text-gray-500">No one</span>;
  return (
    <div className="space-y-1">
      <p className="font-medium">
        {plural(figures.users, "user", "users")} {figures.users === 1 ? `${verb}s` : verb} it on {plural(figures.objects, "object", "objects")}
      </p>
      {figures.sampleUsers.length > 0 && (
        <p className="text-gray-700">
          <span className="text-gray-500">Users: </span>
          {figures.sampleUsers.map((user) => user.name).join(", ")}
          {figures.users > figures.sampleUsers.length && ", …"}
        </p>
      )}
      {figures.sampleObjects.length > 0 && (
        <ul className="text-gray-700">
          {figures.sampleObjects.map((object) => (
            <li key={object.id}>
              <span className="font-mono text-xs">{object.reference}</span> {object.title}
            </li>
          ))}
          {figures.objects > figures.sampleObjects.length && <li className="text-gray-500">…</li>}
        </ul>
      )}
    </div>
  );
}

/** What a rule change would do, level by level: who gains or loses it, on how many objects, with samples. */
export function ImpactPreview({ preview }: { preview: RulePreview }) {
  const headingId = useId();
  const changes = preview.levels.filter((level) => level.gained.users > 0 || level.lost.users > 0);
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-blue-200 bg-blue-50/40 p-4">
      <h2 id={headingId} className="text-base font-semibold">
        Impact preview
      </h2>
      {changes.length === 0 ? (
        <p className="mt-2 text-sm text-gray-700">
          {preview.change.altersAccess
            ? "Nobody gains or loses any access: other rules already grant the same, or nobody matches."
            : "This change does not alter anyone's access."}
        </p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-gray-500">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Level reached
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Gained
                </th>
                <th scope="col" className="py-1 font-medium">
                  Lost
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-blue-100 align-top">
              {changes.map((level) => (
                <tr key={level.level}>
                  <th scope="row" className="whitespace-nowrap py-2 pr-4 font-medium">
                    {levelLabels[level.level]}
                  </th>
                  <td className="py-2 pr-4">
                    <Figures figures={level.gained} verb="gain" />
                  </td>
                  <td className="py-2">
                    <Figures figures={level.lost} verb="lose" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-2 text-xs text-gray-500">
        A level counts as gained where a user reaches it (or more) after the change and did not before; scope and other rules are taken into
        account. Figures and samples cover only the objects you can view. Computed in {preview.computedInMs.toLocaleString("en")} ms.
      </p>
    </section>
  );
}
