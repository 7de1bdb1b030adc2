import type { GatedRouteHandler } from "@/lib/gate/define-route";
import { errorStatus, type ErrorCode } from "@/lib/result";
import type { HttpMethod } from "./route-modules";

const writeMethods: HttpMethod[] = ["POST", "PUT", "PATCH", "DELETE"];
const bodyMethods: HttpMethod[] = ["POST", "PUT", "PATCH"];

interface ErrorFacts {
  method: HttpMethod;
  gate: GatedRouteHandler["gate"];
  hasPathParameters: boolean;
  takesVersion: boolean;
  /** Codes the service answers beyond these (the route's response declaration). */
  declared: ErrorCode[];
}

/**
 * The refusals an operation can answer, derived from what its route declares to the gate: every call may be
 * unauthenticated (401), invalid (422: an unknown parameter at least) or rate limited (429, token calls); a role
 * capability, an object action other than viewing, or a write (cross-site refusal) may be forbidden (403); a path
 * parameter or a target object may be not found (404); an input with a `version` may conflict (409); a write with a
 * body may be too large (413) or of an undeclared type (415).
 */
export function errorCodesOf({ method, gate, hasPathParameters, takesVersion, declared }: ErrorFacts): ErrorCode[] {
  const { spec } = gate;
  const codes = new Set<ErrorCode>(["unauthenticated", "invalid", "rate_limited", ...declared]);
  if (spec.capability || (spec.object && spec.object.action !== "view") || writeMethods.includes(method)) codes.add("forbidden");
  if (hasPathParameters || spec.object || spec.unknownToOtherRoles) codes.add("not_found");
  if (takesVersion && writeMethods.includes(method)) codes.add("conflict");
  if (bodyMethods.includes(method)) {
    codes.add("too_large");
    codes.add("unsupported_media_type");
  }
  return [...codes].sort((a, b) => errorStatus[a] - errorStatus[b]);
}
