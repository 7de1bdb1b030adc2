"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId, useState } from "react";
import { changeObjectScopeAction } from "@/app/(app)/objects/share-actions";
import { useDisclosure } from "@/components/app-shell/use-disclosure";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import type { ScopeKind } from "@/db/schema";
import { AccessChangeWarning } from "./access-change-warning";

export interface ShareMenuObject {
  id: string;
  version: number;
  scopeKind: ScopeKind;
}

const quickChoices = ["owner", "organization"] as const;

/**
 * The Share menu of an object's header: Private or the whole organisation in one step (through the access-change
 * warning), sites and everything else on the Share tab. Escape, a click or the focus outside closes it.
 */
export function ShareMenuControl({ object, sharePath }: { object: ShareMenuObject; sharePath: string }) {
  const t = useTranslations("share.menu");
  const { open, setOpen, rootRef, buttonRef } = useDisclosure<HTMLDivElement>();
  const panelId = useId();
  const headingId = useId();
  const [state, action, pending] = useActionState(changeObjectScopeAction, null);
  const [dismissed, setDismissed] = useState<typeof state>(null);
  const [asked, setAsked] = useState<ScopeKind | null>(null);
  const failed = state && !state.ok ? state : null;
  const confirming = state?.ok && state.data.status === "confirm" && dismissed !== state ? state.data : null;
  const saved = state?.ok && state.data.status === "saved" && dismissed !== state;

  const send = (kind: ScopeKind, confirmedAccessChange?: string) => {
    const data = new FormData();
    data.set("id", object.id);
    data.set("version", String(object.version));
    data.set("kind", kind);
    if (confirmedAccessChange) data.set("confirmedAccessChange", confirmedAccessChange);
    setAsked(kind);
    startTransition(() => action(data));
  };
  const itemClass = "block w-full rounded px-2 py-1.5 text-left text-sm text-gray-800 hover:bg-gray-100 disabled:opacity-60";

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setDismissed(state);
          setOpen(!open);
        }}
        className={buttonStyles.secondary}
      >
        {t("button")}
      </button>
      <div
        id={panelId}
        hidden={!open}
        role="group"
        aria-labelledby={headingId}
        className="absolute left-0 z-40 mt-1 w-72 max-w-[calc(100vw-2rem)] sm:left-auto sm:right-0 space-y-1 rounded-md border border-gray-200 bg-white p-2 shadow-lg"
      >
        <p id={headingId} className="px-2 py-1 text-xs font-medium uppercase tracking-wide text-gray-600">
          {t("heading")}
        </p>
        {confirming && asked ? (
          <AccessChangeWarning
            impact={confirming.impact}
            token={confirming.token}
            pending={pending}
            onCancel={() => setDismissed(state)}
            onConfirm={() => send(asked, confirming.token)}
          />
        ) : (
          <ul className="space-y-0.5">
            {quickChoices.map((kind) => (
              <li key={kind}>
                <button type="button" disabled={pending || object.scopeKind === kind} onClick={() => send(kind)} aria-current={object.scopeKind === kind || undefined} className={itemClass}>
                  {object.scopeKind === kind ? t("current", { label: t(kind) }) : t(kind)}
                </button>
              </li>
            ))}
            <li>
              <Link href={`${sharePath}#scope-form`} onClick={() => setOpen(false)} aria-current={object.scopeKind === "sites" || undefined} className={itemClass}>
                {object.scopeKind === "sites" ? t("current", { label: t("someSites") }) : t("sites")}
              </Link>
            </li>
          </ul>
        )}
        {!confirming && <FormStatus error={failed?.error ?? null} success={saved ? t("saved") : null} />}
        <div className="border-t border-gray-100 pt-1">
          <Link href={sharePath} onClick={() => setOpen(false)} className="block rounded px-2 py-1.5 text-sm font-medium text-blue-700 hover:bg-gray-100">
            {t("openTab")}
          </Link>
        </div>
      </div>
    </div>
  );
}
