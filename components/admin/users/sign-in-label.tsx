import { useTranslations } from "next-intl";
import type { SignInMethod, UserKind } from "@/db/schema/enums";

/** How an account signs in, in words: service accounts (integrations) never sign in. */
export function SignInLabel({ user }: { user: { kind: UserKind; signInMethod: SignInMethod } }) {
  const t = useTranslations();
  return user.kind === "service" ? t("adminUsers.integrationSignIn") : t(`common.signInMethods.${user.signInMethod}`);
}
