// Production server: serves the Remix build. Opens and migrates the database before listening.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const started = performance.now();
const buildPath = path.resolve("build/server/index.js");
const build = await import(buildPath);
const { startServerServices, stopServerServices } = build.entry.module;

try {
  await startServerServices();
} catch (error) {
  console.error(`\n[idehub] cannot start: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
}

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => {
  console.log(`[idehub] serving on http://localhost:${port} (ready in ${Math.round(performance.now() - started)} ms)`);
});

async function shutdown(signal) {
  console.log(`[idehub] ${signal}: shutting down`);
  server.close();
  await stopServerServices().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
