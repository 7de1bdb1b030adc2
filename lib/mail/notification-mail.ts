import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { catalogues } from "@/lib/i18n/messages";
import { notificationSentence } from "@/lib/notifications/notification-sentence";
import type { NotificationItem } from "@/lib/notifications/notification-item";
import { objectPath } from "@/lib/objects/object-paths";
import type { MailMessage } from "./send-mail";

export interface NotificationMailFacts {
  name: string;
  email: string;
  /** The app's address (AUTH_URL): links in the mail lead there. */
  baseUrl: string;
  items: Pick<NotificationItem, "kind" | "data" | "target">[];
}

/**
 * One notification, or the day's digest of several, in the recipient's language (plain text, links copyable). The
 * subject of a single notification is its sentence, so a mailbox list says what happened.
 */
export function notificationMail(locale: Locale, facts: NotificationMailFacts): MailMessage {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "notifications" });
  const base = facts.baseUrl.replace(/\/+$/, "");
  const lines = facts.items.flatMap((item) => {
    const sentence = notificationSentence(t, item);
    return item.target ? [sentence, t("mail.open", { link: `${base}${objectPath(item.target.type, item.target.id)}` }), ""] : [sentence, ""];
  });
  const [only] = facts.items;
  const subject = facts.items.length === 1 && only ? t("mail.subjectOne", { sentence: notificationSentence(t, only) }) : t("mail.subjectDigest", { count: facts.items.length });
  const text = [
    t("mail.greeting", { name: facts.name }),
    "",
    ...(facts.items.length === 1 ? [] : [t("mail.digestIntro"), ""]),
    ...lines,
    "—",
    t("mail.footer", { link: `${base}/account/notifications` }),
  ].join("\n");
  return { to: facts.email, subject, text };
}
