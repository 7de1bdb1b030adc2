/** Error codes shared by services, server actions and the API (API.md), with their HTTP status. */
export const errorStatus = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  invalid: 422,
  rate_limited: 429,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface AppError {
  code: ErrorCode;
  /**
   * A catalogue key (`errors.roleForbidden`), rendered in the caller's language where the answer leaves the server
   * (lib/i18n/render-error.ts); text that is no key passes through as it is.
   */
  message: string;
  /** Per-field messages for forms (`invalid`), keyed by input name: catalogue keys too. */
  fields?: Record<string, string>;
  /** Values the message's words need (`{ name }`); never sent, only used to render the message. */
  params?: Record<string, string | number>;
}

/** What every service function returns: data, or an error the caller can show. Exceptions are for bugs only. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
  params?: Record<string, string | number>,
): { ok: false; error: AppError } {
  return { ok: false, error: { code, message, ...(fields ? { fields } : {}), ...(params ? { params } : {}) } };
}
