/** Every gated action, by name: audit entries and denials refer to these, never to free strings. */
export const actionNames = [
  "me.read",
  "sessions.list_own",
  "sessions.end_others",
] as const;
export type ActionName = (typeof actionNames)[number];
