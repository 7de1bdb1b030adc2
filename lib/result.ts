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
  message: string;
  /** Per-field messages for forms (`invalid`), keyed by input name. */
  fields?: Record<string, string>;
}

/** What every service function returns: data, or an error the caller can show. Exceptions are for bugs only. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, fields?: Record<string, string>): { ok: false; error: AppError } {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}
