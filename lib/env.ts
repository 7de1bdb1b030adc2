import { z } from "zod";

// Every setting Atelier reads from the environment, validated in one place (README "Configuration"). The server
// checks them before it serves anything (lib/server-start.ts) and stops with a message naming the variable;
// nothing else reads process.env. scripts/*.mjs are plain Node and read the few they need themselves.

const unset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const text = () => z.preprocess(unset, z.string().trim().optional());
const whole = (fallback: number, min: number, max: number) =>
  z.preprocess(unset, z.coerce.number(`a whole number from ${min} to ${max}`).int(`a whole number from ${min} to ${max}`).min(min).max(max).default(fallback));
const positive = (fallback: number) => z.preprocess(unset, z.coerce.number("a positive number").positive("a positive number").default(fallback));
const flag = (fallback: boolean) =>
  z.preprocess(unset, z.enum(["true", "false"], "true or false").default(fallback ? "true" : "false")).transform((value) => value === "true");
const url = (protocols: RegExp, what: string) =>
  z.preprocess(unset, z.string().trim().refine((value) => URL.canParse(value) && protocols.test(new URL(value).protocol), what).optional());

export const envSchema = z.object({
  NODE_ENV: z.preprocess(unset, z.enum(["development", "production", "test"]).default("production")),
  DATABASE_URL: url(/^postgres(ql)?:$/, "a postgres:// connection string"),
  DATABASE_POOL_SIZE: whole(10, 1, 1000),
  ATELIER_DATA_DIR: z.preprocess(unset, z.string().default(".data")),
  PGLITE_DIR: text(),
  ATELIER_MIGRATIONS_DIR: z.preprocess(unset, z.string().default("db/migrations")),
  PORT: whole(3000, 1, 65535),
  SEED_DEMO: flag(true),
  DEMO_PASSWORD: z.preprocess(unset, z.string().min(12, "at least 12 characters").default("atelier-demo-2026")),
  AUTH_SECRET: z.preprocess(unset, z.string().min(16, "at least 16 characters").optional()),
  AUTH_URL: url(/^https?:$/, "an http:// or https:// address"),
  AUTH_TRUST_HOST: flag(false),
  SESSION_IDLE_MINUTES: positive(30),
  SESSION_MAX_HOURS: positive(12),
  THROTTLE_ACCOUNT_MAX_FAILURES: whole(5, 1, 1_000_000),
  THROTTLE_ADDRESS_MAX_FAILURES: whole(50, 1, 1_000_000),
  THROTTLE_WINDOW_SECONDS: whole(900, 1, 31_536_000),
  SMTP_URL: url(/^smtps?:$/, "an smtp:// or smtps:// address"),
  MAIL_FROM: text(),
  PASSWORD_RESET_TTL_MINUTES: whole(60, 1, 10_080),
  PASSWORD_RESET_MAX_PER_ADDRESS: whole(20, 1, 1_000_000),
  SSO_ISSUER: url(/^https?:$/, "the IdP's issuer URL (https://…)"),
  SSO_CLIENT_ID: text(),
  SSO_CLIENT_SECRET: text(),
  SSO_BUTTON_LABEL: text(),
  SSO_ORGANIZATION: text(),
  SSO_CLAIMS_SOURCE: z.preprocess(unset, z.enum(["userinfo", "id_token"], "userinfo or id_token").default("userinfo")),
  SSO_EMAIL_VERIFIED_CLAIM: z.preprocess(unset, z.string().trim().default("email_verified")),
  ATELIER_MAX_UPLOAD_MB: whole(250, 1, 102_400),
  INTEGRATION_RATE_LIMIT_PER_MINUTE: whole(600, 1, 1_000_000),
  INTEGRATION_LOG_RETENTION_DAYS: whole(90, 1, 3650),
});

export type Env = z.output<typeof envSchema>;
const names = Object.keys(envSchema.shape) as (keyof Env)[];

/** What is wrong with the environment, one line per variable; null when every setting is valid. */
export function environmentProblems(source: Record<string, string | undefined> = process.env): string[] | null {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return null;
  return parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${name}=${JSON.stringify(source[name] ?? "")} is not valid: expected ${issue.message}.`;
  });
}

let cached: { key: string; env: Env } | undefined;

/**
 * The validated settings. Read again when the environment changed (tests point the database elsewhere between
 * files); throws, naming the variables, when one is invalid — the start has checked them already.
 */
export function env(): Env {
  const key = names.map((name) => process.env[name] ?? "").join("\u0000");
  if (cached?.key === key) return cached.env;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid settings:\n${environmentProblems()!.join("\n")}`);
  cached = { key, env: parsed.data };
  return parsed.data;
}
