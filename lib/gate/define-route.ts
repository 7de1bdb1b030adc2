import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { renderAppError } from "@/lib/i18n/render-error";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { resolveApiToken, type TokenCaller } from "@/lib/integrations/api-tokens";
import { recordIntegrationCall } from "@/lib/integrations/integration-log";
import { takeRateLimitSlot } from "@/lib/integrations/rate-limit";
import { errorStatus, fail, ok, type AppError, type Result } from "@/lib/result";
import { isSameOriginRequest, isWriteMethod } from "@/lib/security/same-origin";
import { enterGate, resolveSessionCaller, type GateContext, type GateSpec } from "./gate-context";
import { declaresJson, declaresMultipart, hasBody, readBodyText } from "./request-body";
import { env } from "@/lib/env";

type RouteParams = Record<string, string | string[] | undefined>;

export interface RouteContext<Input> extends GateContext<Input> {
  request: Request;
}

export interface RouteOptions {
  /** HTTP status of a successful answer (201 for creations). */
  successStatus?: number;
  /**
   * The body the route declares: JSON (read, parsed and merged into the input), or a multipart upload that the
   * handler streams itself from `request` (the input schema then sees only the query and path parameters).
   */
  body?: "json" | "multipart";
}

/** A gated handler keeps its declaration, so the API's description can be generated from the routes themselves. */
export type GatedRouteHandler = ((request: Request, context: { params: Promise<RouteParams> }) => Promise<Response>) & {
  gate: { spec: GateSpec<z.ZodType>; options: RouteOptions };
};

type Refusal = { ok: false; error: AppError };

/**
 * What a cookie-authenticated write must show before its body is read: it comes from Atelier's own pages (a
 * cross-site form or fetch carries the victim's cookie too), and its body is the JSON the route declares (a
 * `text/plain` form can forge a JSON-looking body without a CORS preflight).
 */
function refuseForgedWrite(request: Request, body: BodyKind): Refusal | null {
  if (!isWriteMethod(request.method)) return null;
  if (!isSameOriginRequest(request.headers, env().AUTH_URL)) return fail("forbidden", "errors.crossSite");
  return refuseUndeclaredBody(request, body);
}

type BodyKind = NonNullable<RouteOptions["body"]>;

function refuseUndeclaredBody(request: Request, body: BodyKind): Refusal | null {
  if (!isWriteMethod(request.method) || !hasBody(request)) return null;
  if (body === "multipart") return declaresMultipart(request) ? null : fail("unsupported_media_type", "errors.notMultipartBody");
  return declaresJson(request) ? null : fail("unsupported_media_type", "errors.notJsonBody");
}

/** Query parameters, the JSON body and the path parameters merged (path parameters win). */
async function readInput(request: Request, params: RouteParams, bodyKind: BodyKind): Promise<Result<unknown>> {
  const query = Object.fromEntries(new URL(request.url).searchParams.entries());
  if (bodyKind === "multipart" || request.method === "GET" || request.method === "HEAD" || request.method === "DELETE") {
    return { ok: true, data: { ...query, ...params } };
  }
  const body = await readBodyText(request);
  if (!body.ok) return body;
  if (!body.text) return { ok: true, data: { ...query, ...params } };
  try {
    const parsed: unknown = JSON.parse(body.text);
    return { ok: true, data: typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? { ...query, ...parsed, ...params } : parsed };
  } catch {
    return fail("invalid", "errors.bodyNotJson");
  }
}

/** The answer: the data as JSON, or the error in the caller's language. */
function respond<T>(result: Result<T>, successStatus: number, request: Request, user?: ActingUser): Response {
  if (result.ok) return Response.json(result.data, { status: successStatus });
  const error = renderAppError(localeOfRequest(request.headers, user?.locale ?? null), result.error);
  return Response.json({ error }, { status: errorStatus[error.code] });
}

type RouteCaller = { via: "session"; user: ActingUser } | ({ via: "token" } & TokenCaller);

/**
 * Who calls: an integration's bearer token when the request carries one (a wrong, expired or revoked token is 401,
 * never a fall-back to the cookie), else the browser session.
 */
async function resolveRouteCaller(request: Request): Promise<Result<RouteCaller>> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const caller = token ? await resolveApiToken(await getDb(), token) : null;
    return caller ? ok({ via: "token", ...caller }) : fail("unauthenticated", "errors.tokenInvalid");
  }
  const session = await resolveSessionCaller(request);
  return session.ok ? ok({ via: "session", user: session.user }) : session;
}

/**
 * Declares a route handler through the gate. The handler answers a Result (sent as JSON) or its own Response (a
 * stream, a file). The caller is known before anything of the request is read: an anonymous or forged write is
 * refused without reading its body, and a body is read only up to its limit. The input schema sees query
 * parameters, the JSON body and the path parameters merged, so one schema describes the whole request. Calls made
 * with a token are written to the integration log.
 */
export function defineRoute<Schema extends z.ZodType, T>(
  spec: GateSpec<Schema>,
  run: (context: RouteContext<z.output<Schema>>) => Promise<Result<T> | Response>,
  options: RouteOptions = {},
): GatedRouteHandler {
  const successStatus = options.successStatus ?? 200;
  const body = options.body ?? "json";
  const handler = async (request: Request, context: { params: Promise<RouteParams> }): Promise<Response> => {
    const started = performance.now();
    const caller = await resolveRouteCaller(request);
    if (!caller.ok) return respond(caller, successStatus, request);
    const limited = caller.data.via === "token" ? await refuseOverRateLimit(caller.data, request) : null;
    const response = limited ?? (await answer(spec, run, request, (await context?.params) ?? {}, caller.data, { successStatus, body }));
    if (caller.data.via === "token") {
      await recordIntegrationCall(await getDb(), {
        organizationId: caller.data.user.organizationId,
        integrationId: caller.data.integrationId,
        tokenId: caller.data.tokenId,
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        durationMs: performance.now() - started,
      });
    }
    return response;
  };
  return Object.assign(handler, { gate: { spec: spec as GateSpec<z.ZodType>, options } });
}

/** A token past its calls per minute: 429 with `Retry-After`, before anything of the request is read. */
async function refuseOverRateLimit(caller: TokenCaller, request: Request): Promise<Response | null> {
  const verdict = await takeRateLimitSlot(await getDb(), caller);
  if (verdict.allowed) return null;
  const refused = respond(fail("rate_limited", "adminIntegrations.errors.rateLimited", undefined, { seconds: verdict.retryAfterSeconds }), 200, request, caller.user);
  refused.headers.set("retry-after", String(verdict.retryAfterSeconds));
  return refused;
}

async function answer<Schema extends z.ZodType, T>(
  spec: GateSpec<Schema>,
  run: (context: RouteContext<z.output<Schema>>) => Promise<Result<T> | Response>,
  request: Request,
  params: RouteParams,
  caller: RouteCaller,
  { successStatus, body }: { successStatus: number; body: BodyKind },
): Promise<Response> {
  // A bearer token is no ambient credential: a cross-site page cannot make the browser send it.
  const forged = caller.via === "session" ? refuseForgedWrite(request, body) : refuseUndeclaredBody(request, body);
  if (forged) return respond(forged, successStatus, request, caller.user);
  const input = await readInput(request, params, body);
  if (!input.ok) return respond(input, successStatus, request, caller.user);
  const entered = await enterGate(spec, input.data, { user: caller.user, clientAddress: clientAddressFrom(request.headers) });
  if (!entered.ok) return respond(entered, successStatus, request, caller.user);
  const answered = await run({ ...entered.context, request });
  // A file, an image or a CSV export: the handler streams its own answer, after the same gate.
  if (answered instanceof Response) return answered;
  return respond(answered, successStatus, request, caller.user);
}

/** The schema of routes that take no input: any parameter sent is an unknown field. */
export const noInput = z.strictObject({});
