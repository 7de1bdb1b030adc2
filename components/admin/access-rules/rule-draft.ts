import type { AccessLevel, RuleObjectCondition, RulePropertyMatch, RuleUserCondition } from "@/db/schema";

/** The rule being edited, in the API's shape (API.md "Access rule shape"). */
export interface RuleDraft {
  name: string;
  level: AccessLevel;
  enabled: boolean;
  users: RuleUserCondition;
  objects: RuleObjectCondition;
  match: RulePropertyMatch[];
}

export const emptyRuleDraft: RuleDraft = {
  name: "",
  level: "view",
  enabled: true,
  users: { all: false, siteIds: [], roles: [], teamIds: [], userIds: [], properties: [] },
  objects: { types: [], properties: [] },
  match: [],
};

/** A stable text of the draft, to know whether the preview shown is the preview of what would be saved. */
export function draftKey(draft: RuleDraft): string {
  return JSON.stringify(draft);
}

/** The draft as it is sent: "everyone" drops the user lists it hid, so the two choices never mix. */
export function draftToSend(draft: RuleDraft): RuleDraft {
  if (!draft.users.all) return draft;
  return { ...draft, users: { ...emptyRuleDraft.users, all: true } };
}

/** Field errors by path (`users.properties.0.in`); the preview's own are prefixed `rule.`, which is dropped. */
export function draftFieldErrors(fields: Record<string, string> | undefined): Record<string, string> {
  if (!fields) return {};
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [key.replace(/^rule\./, ""), message]));
}

/** Toggles a value in a list, keeping the list's order. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((entry) => entry !== value);
}
