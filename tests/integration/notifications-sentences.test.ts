import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { EventSentence } from "@/components/objects/activity/event-sentence";
import { eventDetails } from "@/lib/activity/event-details";
import type { EventItem } from "@/lib/activity/activity-item";
import { catalogues } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { notificationMail } from "@/lib/mail/notification-mail";

// The words of revision, file and workflow events and of notifications, in both languages, as readers see them.

function sentence(locale: Locale, kind: string, data: Record<string, unknown>): string {
  const event: EventItem = { type: "event", id: "e", at: "2026-12-07T10:00:00.000Z", kind, author: { id: "u", name: "Marie Curie" }, details: eventDetails(kind, data, null) } as EventItem;
  const html = renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      // The children travel as createElement's third argument, which the props type does not know of.
      { locale, messages: catalogues[locale], timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>,
      createElement(EventSentence, { event, objectType: "document" }),
    ),
  );
  return html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&#x27;/g, "'");
}

describe("event and notification sentences", () => {
  it("says each revision, file and workflow event as a sentence, with or without its details", () => {
    expect(sentence("en", "file_added", { label: "B", fileName: "drawing.pdf" })).toBe("Marie Curie added the file “drawing.pdf” to revision B.");
    expect(sentence("en", "file_removed", {})).toBe("Marie Curie removed a file.");
    expect(sentence("fr", "file_added", { label: "B", fileName: "plan.pdf" })).toBe("Marie Curie a ajouté le fichier « plan.pdf » à la révision B.");
    expect(sentence("en", "workflow_started", { title: "ECO gearbox" })).toBe("Marie Curie started the workflow “ECO gearbox”.");
    expect(sentence("fr", "workflow_cancelled", {})).toBe("Marie Curie a annulé le workflow.");
    expect(sentence("en", "workflow_completed", {})).toBe("Marie Curie completed the workflow.");
    expect(sentence("en", "task_assigned", { title: "Sign", assigneeName: "Victor" })).toBe("Marie Curie assigned the task “Sign” to Victor.");
    expect(sentence("fr", "task_completed", { title: "Signer" })).toBe("Marie Curie a terminé la tâche « Signer ».");
    expect(sentence("en", "revision_signed", { label: "A", decision: "approved" })).toBe("Marie Curie signed revision A: approved.");
    expect(sentence("en", "revision_rejected", { label: "A", comment: "Tolerances missing" })).toBe("Marie Curie rejected revision A — “Tolerances missing”.");
    expect(sentence("fr", "revision_signed", { label: "A", comment: "OK" })).toBe("Marie Curie a signé la révision A : approuvée — « OK ».");
  });

  it("writes a notification e-mail in the recipient's language, with a link to the object", () => {
    const target = { id: "0b7c2c6e-8f0e-4a43-9d39-1f1e0e7f3b2a", type: "workflow" as const, reference: "ECO-0007", title: "Gearbox" };
    const mail = notificationMail("fr", {
      name: "Victor",
      email: "victor@example.test",
      baseUrl: "https://atelier.example/",
      items: [{ kind: "task_assigned", data: { actorName: "Marie", title: "Signer" }, target }],
    });
    expect(mail.subject).toBe("Atelier : Marie vous a confié la tâche « Signer » dans ECO-0007 Gearbox.");
    expect(mail.text).toContain(`https://atelier.example/workflows/${target.id}`);
    const digest = notificationMail("en", {
      name: "Victor",
      email: "victor@example.test",
      baseUrl: "https://atelier.example",
      items: [
        { kind: "task_due", data: { title: "Sign", dueDate: "2026-12-01" }, target },
        { kind: "workflow_changed", data: { actorName: "Marie", change: "completed" }, target },
      ],
    });
    expect(digest.subject).toBe("Atelier: 2 notifications today");
    expect(digest.text).toContain("The task “Sign” in ECO-0007 Gearbox was due on 2026-12-01.");
    expect(digest.text).toContain("Marie completed ECO-0007 Gearbox.");
  });
});
