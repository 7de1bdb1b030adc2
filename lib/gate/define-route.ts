import "server-only";
import { z } from "zod";
import { errorStatus, fail, type Result } from "@/lib/result";
import { enterGate, type GateContext, type GateSpec } from "./gate-context";

type RouteParams = Record<string, string | string[] | undefined>;

export interface RouteContext<Input> extends GateContext<Input> {
  request: Request;
}

export interface RouteOptions {
  /** HTTP status of a successful answer (201 for creations). */
  successStatus?: number;
}

async function readInput(request: Request, params: RouteParams): Promise<unknown | { invalidJson: true }> {
  const query = Object.fromEntries(new URL(request.url).searchParams.entries());
  if (request.method === "GET" || request.method === "HEAD" || request.method === "DELETE") return { ...query, ...params };
  const text = await request.text();
  if (!text) return { ...query, ...params };
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === "object" && body !== null && !Array.isArray(body) ? { ...query, ...body, ...params } : body;
  } catch {
    return { invalidJson: true };
  }
}

function respond<T>(result: Result<T>, successStatus: number): Response {
  if (result.ok) return Response.json(result.data, { status: successStatus });
  return Response.json({ error: result.error }, { status: errorStatus[result.error.code] });
}

/**
 * Declares a route handler through the gate. The input schema sees query parameters, the JSON body and the path
 * parameters merged (path parameters win), so one schema describes the whole request.
 */
export function defineRoute<Schema extends z.ZodType, T>(
  spec: GateSpec<Schema>,
  run: (context: RouteContext<z.output<Schema>>) => Promise<Result<T>>,
  options: RouteOptions = {},
): (request: Request, context: { params: Promise<RouteParams> }) => Promise<Response> {
  return async (request, context) => {
    const input = await readInput(request, (await context?.params) ?? {});
    if (typeof input === "object" && input !== null && "invalidJson" in input) {
      return respond(fail("invalid", "The request body is not valid JSON."), 200);
    }
    const entered = await enterGate(spec, input);
    if (!entered.ok) return respond(entered, 200);
    return respond(await run({ ...entered.context, request }), options.successStatus ?? 200);
  };
}

/** The schema of routes that take no input. */
export const noInput = z.looseObject({});
