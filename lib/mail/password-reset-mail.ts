import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { catalogues } from "@/lib/i18n/messages";
import type { MailMessage } from "./send-mail";

export interface PasswordResetMailFacts {
  name: string;
  email: string;
  link: string;
  ttlMinutes: number;
}

/** The mail that carries a reset link, in the recipient's language (plain text: the link stays copyable). */
export function passwordResetMail(locale: Locale, facts: PasswordResetMailFacts): MailMessage {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "mail.passwordReset" });
  const text = [
    t("greeting", { name: facts.name }),
    "",
    t("requested", { email: facts.email }),
    t("openLink"),
    "",
    facts.link,
    "",
    t("validity", { minutes: facts.ttlMinutes }),
  ].join("\n");
  return { to: facts.email, subject: t("subject"), text };
}
