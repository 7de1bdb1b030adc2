"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import type { AccessChangeGroup, ObjectAccessImpact } from "@/lib/objects/object-access-impact";

const directions = [
  { direction: "gained", heading: "gainedHeading" },
  { direction: "lost", heading: "lostHeading" },
] as const;

interface AccessChangeWarningProps {
  impact: ObjectAccessImpact;
  /** The confirmation's token: posted as `confirmedAccessChange` with the form when `onConfirm` is absent. */
  token: string;
  pending: boolean;
  onCancel: () => void;
  /** Confirms outside a form (the Share menu); without it, "Save anyway" submits the surrounding form. */
  onConfirm?: () => void;
}

/**
 * The access-change warning (issue 15, point 7): before a change that alters who can access the object is saved, how
 * many active users gain or lose which level, and a second confirmation. It takes the focus when it appears, so a
 * keyboard or screen-reader user meets it at once; Cancel leaves the form as it was.
 */
export function AccessChangeWarning({ impact, token, pending, onCancel, onConfirm }: AccessChangeWarningProps) {
  const t = useTranslations("share.impact");
  const tLevels = useTranslations("common.levels");
  const tActions = useTranslations("common.actions");
  const headingId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), [token]);
  const you = impact.you.before !== impact.you.after ? t("you", { before: tLevels(impact.you.before), after: tLevels(impact.you.after) }) : null;

  return (
    <div
      ref={panelRef}
      tabIndex={-1}
      role="group"
      aria-labelledby={headingId}
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <p id={headingId} className="font-semibold text-amber-900">
        {t("heading")}
      </p>
      {directions.map(({ direction, heading }) =>
        impact[direction].length === 0 ? null : (
          <div key={direction} className="space-y-1">
            <p className="font-medium text-gray-900">{t(heading)}</p>
            <ul className="space-y-2">
              {impact[direction].map((group) => (
                <ChangeGroup key={group.levels.join()} group={group} direction={direction} />
              ))}
            </ul>
          </div>
        ),
      )}
      {you && <p className="font-medium text-amber-900">{you}</p>}
      <p className="text-xs text-gray-700">{t("footnote", { count: impact.usersDecided })}</p>
      <p className="font-medium text-gray-900">{t("question")}</p>
      <div className="flex flex-wrap gap-2">
        {onConfirm ? (
          <button type="button" onClick={onConfirm} disabled={pending} className={buttonStyles.primary}>
            {pending ? tActions("saving") : t("saveAnyway")}
          </button>
        ) : (
          <>
            <input type="hidden" name="confirmedAccessChange" value={token} />
            <button type="submit" disabled={pending} className={buttonStyles.primary}>
              {pending ? tActions("saving") : t("saveAnyway")}
            </button>
          </>
        )}
        <button type="button" onClick={onCancel} disabled={pending} className={buttonStyles.secondary}>
          {tActions("cancel")}
        </button>
      </div>
    </div>
  );
}

function ChangeGroup({ group, direction }: { group: AccessChangeGroup; direction: "gained" | "lost" }) {
  const t = useTranslations("share.impact");
  const tLevels = useTranslations("common.levels");
  const format = useFormatter();
  const levels = format.list(
    group.levels.map((level) => tLevels(level)),
    { type: "conjunction" },
  );
  const more = group.users - group.sampleUsers.length;
  // "A, B and C", or "A, B, C and 4 others": the message says the last "and" when some are left out.
  const names = format.list(
    group.sampleUsers.map((user) => user.name),
    { type: more > 0 ? "unit" : "conjunction" },
  );
  return (
    <li className="rounded-md border border-amber-200 bg-white p-3">
      <p className="font-medium text-gray-900">{t(direction, { users: group.users, levels })}</p>
      {group.roleLimits.map((limit) => (
        <p key={limit.level} className="text-gray-700">
          {t(`limitedCount.${limit.level}`, { count: limit.users })}
        </p>
      ))}
      <p className="text-gray-700 [overflow-wrap:anywhere]">{more > 0 ? t("amongMore", { names, count: more }) : t("among", { names })}</p>
    </li>
  );
}
