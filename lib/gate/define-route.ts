import "server-only";
import { z } from "zod";
import { errorStatus, fail, type AppError, type Result } from "@/lib/result";
import { isSameOriginRequest, isWriteMethod } from "@/lib/security/same-origin";
import { enterGate, resolveSessionCaller, type GateContext, type GateSpec } from "./gate-context";
import { declaresJson, hasBody, readBodyText } from "./request-body";

type RouteParams = Record<string, string | string[] | undefined>;

export interface RouteContext<Input> extends GateContext<Input> {
  request: Request;
}

export interface RouteOptions {
  /** HTTP status of a successful answer (201 for creations). */
  successStatus?: number;
}

type Refusal = { ok: false; error: AppError };

/**
 * What a cookie-authenticated write must show before its body is read: it comes from Atelier's own pages (a
 * cross-site form or fetch carries the victim's cookie too), and its body is the JSON the route declares (a
 * `text/plain` form can forge a JSON-looking body without a CORS preflight).
 */
function refuseForgedWrite(request: Request): Refusal | null {
  if (!isWriteMethod(request.method)) return null;
  if (!isSameOriginRequest(request.headers, process.env.AUTH_URL)) {
    return fail("forbidden", "Cross-site request refused: writes with a session cookie must come from Atelier's own pages.");
  }
  if (hasBody(request) && !declaresJson(request)) {
    return fail("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
  return null;
}

/** Query parameters, the JSON body and the path parameters merged (path parameters win). */
async function readInput(request: Request, params: RouteParams): Promise<Result<unknown>> {
  const query = Object.fromEntries(new URL(request.url).searchParams.entries());
  if (request.method === "GET" || request.method === "HEAD" || request.method === "DELETE") return { ok: true, data: { ...query, ...params } };
  const body = await readBodyText(request);
  if (!body.ok) return body;
  if (!body.text) return { ok: true, data: { ...query, ...params } };
  try {
    const parsed: unknown = JSON.parse(body.text);
    return { ok: true, data: typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? { ...query, ...parsed, ...params } : parsed };
  } catch {
    return fail("invalid", "The request body is not valid JSON.");
  }
}

function respond<T>(result: Result<T>, successStatus: number): Response {
  if (result.ok) return Response.json(result.data, { status: successStatus });
  return Response.json({ error: result.error }, { status: errorStatus[result.error.code] });
}

/**
 * Declares a route handler through the gate. The caller is known before anything of the request is read: an
 * anonymous or forged write is refused without reading its body, and a body is read only up to its limit. The
 * input schema sees query parameters, the JSON body and the path parameters merged, so one schema describes the
 * whole request.
 */
export function defineRoute<Schema extends z.ZodType, T>(
  spec: GateSpec<Schema>,
  run: (context: RouteContext<z.output<Schema>>) => Promise<Result<T>>,
  options: RouteOptions = {},
): (request: Request, context: { params: Promise<RouteParams> }) => Promise<Response> {
  return async (request, context) => {
    const caller = await resolveSessionCaller();
    if (!caller.ok) return respond(caller, 200);
    const forged = refuseForgedWrite(request);
    if (forged) return respond(forged, 200);
    const input = await readInput(request, (await context?.params) ?? {});
    if (!input.ok) return respond(input, 200);
    const entered = await enterGate(spec, input.data, caller.user);
    if (!entered.ok) return respond(entered, 200);
    return respond(await run({ ...entered.context, request }), options.successStatus ?? 200);
  };
}

/** The schema of routes that take no input: any parameter sent is an unknown field. */
export const noInput = z.strictObject({});
