import { useTranslations } from "next-intl";
import { Badge } from "@/components/admin/sites/admin-page-parts";
import type { TokenState } from "@/lib/integrations/integration-view";

const tones = { active: "blue", expired: "amber", revoked: "gray" } as const;

/** A token's state in words: active, expired or revoked. */
export function TokenStateBadge({ state }: { state: TokenState }) {
  const t = useTranslations("adminIntegrations.states");
  return <Badge tone={tones[state]}>{t(state)}</Badge>;
}
