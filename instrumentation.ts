// Runs once when the server starts (never during `next build`): migrate, seed the demo on first run, and close
// the embedded database cleanly on shutdown.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
