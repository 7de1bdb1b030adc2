"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { addLinkAction, searchLinkTargetsAction } from "@/app/(app)/objects/link-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import type { UserLinkKind } from "@/lib/links/link-kinds";

interface AddLinkFormProps {
  /** The source: the object whose page this is. */
  objectId: string;
  /** The kinds this object's type may make, the one to preselect first. */
  kinds: UserLinkKind[];
  /** Whether one of the kinds carries a quantity (a product's parts, BOM lines). */
  withQuantity: boolean;
}

interface Suggestion {
  id: string;
  reference: string;
  title: string;
}

// Typing pauses this long before the suggestions are asked for.
const searchDelayMs = 250;

/**
 * "Add a link": the target named by its reference, with suggestions of objects the user can view as they type (a
 * native datalist: the keyboard and screen readers already know it). Without JavaScript the reference typed is
 * enough; the server finds it among the objects the user can view.
 */
export function AddLinkForm({ objectId, kinds, withQuantity }: AddLinkFormProps) {
  const t = useTranslations("links.add");
  const tKinds = useTranslations("links.kinds");
  const ids = { target: useId(), suggestions: useId(), kind: useId(), quantity: useId() };
  const formRef = useRef<HTMLFormElement>(null);
  const { state, formAction, pending, onSubmit } = useKeptFormAction(addLinkAction, null);
  const [query, setQuery] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const failed = state && !state.ok ? state : null;
  const fields = failed?.error.fields ?? {};

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    let current = true;
    const timer = setTimeout(async () => {
      const found = await searchLinkTargetsAction({ id: objectId, q });
      if (current && found.ok) setSuggestions(found.data);
    }, searchDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, objectId]);

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormField id={ids.target} label={t("target")} hint={t("targetHint")} error={fields.target ?? fields.targetId}>
        {(describedBy, invalid) => (
          <>
            <input
              id={ids.target}
              name="target"
              list={ids.suggestions}
              autoComplete="off"
              required
              defaultValue={failed?.values.target ?? ""}
              onChange={(event) => setQuery(event.currentTarget.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              className={inputClass(invalid)}
            />
            <datalist id={ids.suggestions}>
              {suggestions.map((suggestion) => (
                <option key={suggestion.id} value={suggestion.reference} label={t("suggestion", { reference: suggestion.reference, title: suggestion.title })} />
              ))}
            </datalist>
          </>
        )}
      </FormField>
      <div className="space-y-4">
        <FormField id={ids.kind} label={t("kind")} error={fields.kind}>
          {(describedBy, invalid) => (
            <select
              id={ids.kind}
              name="kind"
              defaultValue={failed?.values.kind ?? kinds[0]}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              className={inputClass(invalid)}
            >
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {tKinds(kind)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {withQuantity && (
          <FormField id={ids.quantity} label={t("quantity")} hint={t("quantityHint")} error={fields.quantity}>
            {(describedBy, invalid) => (
              <input
                id={ids.quantity}
                name="quantity"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={failed?.values.quantity ?? ""}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={inputClass(invalid)}
              />
            )}
          </FormField>
        )}
      </div>
      <input type="hidden" name="id" value={objectId} />
      <FormStatus
        error={failed && Object.keys(fields).length === 0 ? failed.error : null}
        success={state?.ok ? t("added", { reference: state.data.object.reference }) : null}
      />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? t("adding") : t("submit")}
      </button>
    </form>
  );
}
