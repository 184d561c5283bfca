// Production server: serves the Remix build. Opens and migrates the database before listening.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const started = performance.now();
const buildPath = path.resolve("build/server/index.js");
const build = await import(buildPath);
const { startServerServices, stopServerServices, securityMiddleware, securityLoadContext, trustProxySetting } = build.entry.module;

try {
  await startServerServices();
} catch (error) {
  console.error(`\n[idehub] cannot start: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
}

const app = express();
app.disable("x-powered-by");
// Only the proxies TRUST_PROXY names may tell us the client's address (rate limits use it).
app.set("trust proxy", trustProxySetting());
// First, so every response (static files, pages, data, resource routes, 404s) gets the security
// headers and every mutation the cross-site check.
app.use(securityMiddleware);
app.use(compression());
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.all(
  "*",
  // Always production mode: development mode would send error messages and stacks to the browser.
  createRequestHandler({ build, mode: "production", getLoadContext: (_req, res) => securityLoadContext(res) }),
);
// Anything that escapes the handlers: logged here, never shown (no stack or message in the response).
app.use((error, req, res, _next) => {
  // A malformed address (bad percent-encoding) is the client's mistake: 400, not logged as ours.
  const status = Number(error?.status ?? error?.statusCode);
  const clientError = status >= 400 && status < 500;
  if (!clientError) console.error("[server error]", req.method, req.path, error);
  if (res.headersSent) return res.end();
  res.status(clientError ? status : 500).type("text/plain; charset=utf-8").send(String(clientError ? status : 500));
});

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
