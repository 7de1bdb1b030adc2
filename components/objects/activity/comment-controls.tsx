"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import { deleteCommentAction, updateCommentAction } from "@/app/(app)/objects/comment-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmForm, useConfirmStep } from "@/components/ui/confirm-step";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import type { CommentItem } from "@/lib/activity/activity-item";
import { commentBodyMaxLength } from "@/lib/activity/comment-schemas";
import type { AppError } from "@/lib/result";
import { submitOnControlEnter } from "./submit-on-control-enter";

/** What the feed is told after a change: the comment as saved, or null once deleted. */
export type CommentChange = (commentId: string, next: CommentItem | null) => void;

const smallButton = "px-2 py-1 text-xs";

interface CommentControlsProps {
  comment: CommentItem;
  objectId: string;
  /** The reader: deleting someone else's comment (an Admin's moderation) says so. */
  viewerId: string;
  onChange: CommentChange;
}

/**
 * Edit and Delete under a comment, only as its permissions allow (its author within 15 minutes; an Admin may also
 * delete). Editing opens the text in place; deleting asks first. Escape or Cancel closes either and puts the focus
 * back on the button that opened it.
 */
export function CommentControls({ comment, objectId, viewerId, onChange }: CommentControlsProps) {
  const t = useTranslations("activity");
  const tActions = useTranslations("common.actions");
  const format = useFormatter();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const refocusEdit = useRef(false);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  const at = format.dateTime(new Date(comment.at), { dateStyle: "medium", timeStyle: "short" });

  useEffect(() => {
    if (!editing && refocusEdit.current) {
      refocusEdit.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const closeEditor = () => {
    refocusEdit.current = true;
    setEditing(false);
  };

  if (editing) {
    return (
      <EditCommentForm
        comment={comment}
        objectId={objectId}
        onSaved={(saved) => {
          onChange(comment.id, saved);
          closeEditor();
        }}
        onCancel={closeEditor}
      />
    );
  }
  if (confirming) {
    return (
      <DeleteCommentConfirmation
        comment={comment}
        objectId={objectId}
        moderation={comment.author.id !== viewerId}
        panelRef={panelRef}
        onKeyDown={onKeyDown}
        onCancel={cancel}
        onDeleted={() => onChange(comment.id, null)}
      />
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      {comment.permissions.edit && (
        <button ref={editButton} type="button" onClick={() => setEditing(true)} aria-label={t("edit.startLabel", { at })} className={`${buttonStyles.secondary} ${smallButton}`}>
          {tActions("edit")}
        </button>
      )}
      {comment.permissions.delete && (
        <button
          ref={triggerRef}
          type="button"
          onClick={open}
          aria-label={t("delete.startLabel", { author: comment.author.name, at })}
          className={`${buttonStyles.secondary} ${smallButton}`}
        >
          {tActions("delete")}
        </button>
      )}
    </div>
  );
}

interface EditCommentFormProps {
  comment: CommentItem;
  objectId: string;
  onSaved: (saved: CommentItem) => void;
  onCancel: () => void;
}

function EditCommentForm({ comment, objectId, onSaved, onCancel }: EditCommentFormProps) {
  const t = useTranslations("activity");
  const tActions = useTranslations("common.actions");
  const format = useFormatter();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => textarea.current?.focus(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get("body") ?? "");
    startTransition(async () => {
      const result = await updateCommentAction({ id: objectId, commentId: comment.id, body, version: comment.version });
      if (result.ok) onSaved(result.data);
      else setError(result.error);
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape") onCancel();
  };
  const until = format.dateTime(new Date(comment.editableUntil), { timeStyle: "short" });
  const fieldError = error?.fields?.body;

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate className="space-y-2">
      <FormField id={id} label={t("edit.label")} hint={t("edit.until", { until })} error={fieldError}>
        {(describedBy, invalid) => (
          <textarea
            ref={textarea}
            id={id}
            name="body"
            rows={3}
            required
            maxLength={commentBodyMaxLength}
            defaultValue={comment.body}
            onKeyDown={submitOnControlEnter}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={`${inputClass(invalid)} resize-y`}
          />
        )}
      </FormField>
      <FormStatus error={error && !fieldError ? error : null} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={`${buttonStyles.primary} ${smallButton}`}>
          {pending ? tActions("saving") : tActions("save")}
        </button>
        <button type="button" onClick={onCancel} className={`${buttonStyles.secondary} ${smallButton}`}>
          {tActions("cancel")}
        </button>
      </div>
    </form>
  );
}

interface DeleteCommentConfirmationProps {
  comment: CommentItem;
  objectId: string;
  moderation: boolean;
  panelRef: RefObject<HTMLFormElement | null>;
  onKeyDown: (event: KeyboardEvent) => void;
  onCancel: () => void;
  onDeleted: () => void;
}

function DeleteCommentConfirmation({ comment, objectId, moderation, panelRef, onKeyDown, onCancel, onDeleted }: DeleteCommentConfirmationProps) {
  const t = useTranslations("activity.delete");
  const tActions = useTranslations("common.actions");
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();

  const remove = () =>
    startTransition(async () => {
      const result = await deleteCommentAction({ id: objectId, commentId: comment.id, version: comment.version });
      if (result.ok) onDeleted();
      else setError(result.error);
    });

  return (
    <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={remove} tone="red" question={t("question")}>
      <p className="text-sm text-red-900">{t("consequence")}</p>
      {moderation && <p className="text-sm text-red-900">{t("moderation")}</p>}
      <FormStatus error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={`${buttonStyles.danger} ${smallButton}`}>
          {pending ? t("deleting") : t("submit")}
        </button>
        <button type="button" onClick={onCancel} className={`${buttonStyles.secondary} ${smallButton}`}>
          {tActions("cancel")}
        </button>
      </div>
    </ConfirmForm>
  );
}
