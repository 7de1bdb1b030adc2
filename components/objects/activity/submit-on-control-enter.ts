import type { KeyboardEvent } from "react";

/** Ctrl+Enter (⌘+Enter on a Mac) in a comment box sends its form, as in most discussion tools. */
export function submitOnControlEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}
