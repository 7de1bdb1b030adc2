// Liveness for load balancers and the start script: says nothing about any tenant (a named gate exemption).
export function GET(): Response {
  return Response.json({ status: "ok" });
}
