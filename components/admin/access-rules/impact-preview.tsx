import { useFormatter, useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import type { RulePreview } from "@/lib/access-rules/preview-rule-change";
import type { ImpactSampleUser } from "@/lib/access-rules/rule-impact";
import type { AccessLevel } from "@/db/schema";
import { roleStopsBelow } from "@/lib/authz/role-ceilings";
import { impactBlocks, type ImpactBlock } from "./impact-blocks";

const directions = [
  { direction: "gained", heading: "gainedHeading" },
  { direction: "lost", heading: "lostHeading" },
] as const;

/**
 * What a rule change would do: who gains or loses which levels, on how many objects, with samples — one entry per
 * group of levels that concern the same users and objects — and whose role stops them short of those levels.
 */
export function ImpactPreview({ preview }: { preview: RulePreview }) {
  const t = useTranslations("adminRules.impact");
  const headingId = useId();
  const sections = directions
    .map((section) => ({ ...section, blocks: impactBlocks(preview.levels, section.direction) }))
    .filter((section) => section.blocks.length > 0);
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-blue-200 bg-blue-50/40 p-4">
      <h2 id={headingId} className="text-base font-semibold">
        {t("heading")}
      </h2>
      {sections.length === 0 && <p className="text-sm text-gray-700">{t(preview.change.altersAccess ? "nothingGainedOrLost" : "noChange")}</p>}
      {sections.map((section) => (
        <div key={section.direction} className="space-y-2">
          <h3 className="text-sm font-semibold">{t(section.heading)}</h3>
          <ul className="space-y-2">
            {section.blocks.map((block) => (
              <ImpactEntry key={block.levels.join()} block={block} direction={section.direction} />
            ))}
          </ul>
        </div>
      ))}
      <p className="text-xs text-gray-600">{t("footnote", { ms: preview.computedInMs })}</p>
    </section>
  );
}

function ImpactEntry({ block, direction }: { block: ImpactBlock; direction: "gained" | "lost" }) {
  const t = useTranslations("adminRules.impact");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const { figures } = block;
  const levels = format.list(
    block.levels.map((level) => tCommon(`levels.${level}`)),
    { type: "conjunction" },
  );
  return (
    <li className="space-y-1 rounded-md border border-blue-100 bg-white p-3 text-sm">
      <p className="font-medium">{t(direction, { users: figures.users, levels, objects: figures.objects })}</p>
      {figures.roleLimits.map((limit) => (
        <p key={limit.level} className="text-gray-700">
          {t(`limitedCount.${limit.level}`, { count: limit.users })}
        </p>
      ))}
      <div className="grid gap-3 pt-1 sm:grid-cols-2">
        <Samples
          label={t("users")}
          more={figures.users - figures.sampleUsers.length}
          items={figures.sampleUsers.map((user) => ({ key: user.id, content: <SampleUser user={user} level={block.levels.at(-1)!} /> }))}
        />
        <Samples
          label={t("objects")}
          more={figures.objects - figures.sampleObjects.length}
          items={figures.sampleObjects.map((object) => ({
            key: object.id,
            content: (
              <>
                <span className="font-mono text-xs">{object.reference}</span> {object.title}
              </>
            ),
          }))}
        />
      </div>
    </li>
  );
}

/** A user who gains or loses `level`, with what their role stops them at when it cannot use all of it. */
function SampleUser({ user, level }: { user: ImpactSampleUser; level: AccessLevel }) {
  const t = useTranslations("adminRules.impact");
  const stop = roleStopsBelow(user.role, level);
  if (!stop) return user.name;
  return t.rich("sampleUser", {
    name: user.name,
    reason: t(`limitedTo.${stop}`),
    note: (chunks) => <span className="text-gray-700">{chunks}</span>,
  });
}

function Samples({ label, items, more }: { label: string; items: { key: string; content: ReactNode }[]; more: number }) {
  const t = useTranslations("adminRules.impact");
  const id = useId();
  if (items.length === 0) return null;
  return (
    <div className="min-w-0 [overflow-wrap:anywhere]">
      <p id={id} className="text-xs font-medium text-gray-600">
        {label}
      </p>
      <ul aria-labelledby={id} className="mt-0.5 space-y-0.5 text-gray-900">
        {items.map((item) => (
          <li key={item.key}>{item.content}</li>
        ))}
        {more > 0 && <li className="text-gray-600">{t("more", { count: more })}</li>}
      </ul>
    </div>
  );
}
