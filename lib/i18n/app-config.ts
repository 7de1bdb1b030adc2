import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Types every `t("…")` key against the English catalogue: a key missing there fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
