// `npm run jobs`: background work without the web server — delivers the outbox (and later the SLA
// sweeper) for deployments that run jobs as their own process. Set OUTBOX_DISPATCH=off on the web
// instances if you want only this process to send mail; running both is safe (FOR UPDATE SKIP LOCKED).
import path from "node:path";

if (!process.env.DATABASE_URL) {
  console.error("[idehub jobs] needs DATABASE_URL: with the embedded database the web server runs the jobs itself.");
  process.exit(1);
}
process.env.NODE_ENV ??= "production";
process.env.OUTBOX_DISPATCH = "on";

const build = await import(path.resolve("build/server/index.js")).catch(() => {
  console.error("[idehub jobs] no build found: run `npm run build` first.");
  process.exit(1);
});
const { startServerServices, stopServerServices } = build.entry.module;

try {
  await startServerServices(undefined, (line) => console.log(`[idehub jobs] ${line}`));
} catch (error) {
  console.error(`[idehub jobs] cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
console.log("[idehub jobs] running; stop with Ctrl+C or SIGTERM");

// The job timers are unref'd; this keeps the process alive until it is told to stop.
const keepAlive = setInterval(() => {}, 60 * 60 * 1000);
async function shutdown(signal) {
  console.log(`[idehub jobs] ${signal}: finishing the current round`);
  clearInterval(keepAlive);
  await stopServerServices().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
