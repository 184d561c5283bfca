// Production server: serves the Remix build. Opens and migrates the database before listening;
// with WEB_CONCURRENCY > 1 (PostgreSQL), several worker processes share the port.
import cluster from "node:cluster";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const started = performance.now();
const buildPath = path.resolve("build/server/index.js");
const build = await import(buildPath);
const { startServerServices, stopServerServices, securityMiddleware, securityLoadContext, trustProxySetting, webConcurrency } = build.entry.module;

/** One process that serves HTTP (alone, or as one of the cluster's workers). */
async function serveHttp() {
  try {
    // Workers do not repeat which database they use: the primary has said it.
    const workerLog = (line) => void (line.startsWith("database:") || console.log(line));
    await startServerServices(undefined, cluster.isPrimary ? console.log : workerLog, cluster.isPrimary ? "single" : "worker");
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

  const server = app.listen(port, () => {
    if (cluster.isPrimary) console.log(`[idehub] serving on http://localhost:${port} (ready in ${Math.round(performance.now() - started)} ms)`);
  });

  async function shutdown(signal) {
    if (cluster.isPrimary) console.log(`[idehub] ${signal}: shutting down`);
    server.close();
    await stopServerServices().catch(() => {});
    process.exit(0);
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

/**
 * WEB_CONCURRENCY > 1 (PostgreSQL only): this process migrates, loads demo data and runs the SLA
 * sweeper once; the workers serve HTTP on the shared port and dispatch the outbox.
 * A worker that dies is replaced; one that dies before it ever listened stops the whole server
 * (a broken configuration would otherwise restart forever).
 */
async function runCluster(count) {
  try {
    await startServerServices(undefined, console.log, "primary");
  } catch (error) {
    console.error(`\n[idehub] cannot start: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
  let stopping = false;
  let listening = 0;
  const fork = () => cluster.fork();
  cluster.on("listening", (worker) => {
    worker.listened = true;
    if (++listening === count) {
      console.log(`[idehub] serving on http://localhost:${port} with ${count} worker processes (ready in ${Math.round(performance.now() - started)} ms)`);
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    if (!worker.listened) {
      console.error(`[idehub] a worker stopped before it could serve (${signal ?? code}); stopping`);
      void shutdown("worker failure", 1);
      return;
    }
    console.error(`[idehub] worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    fork();
  });
  for (let i = 0; i < count; i++) fork();

  async function shutdown(reason, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    console.log(`[idehub] ${reason}: shutting down`);
    const workers = Object.values(cluster.workers ?? {});
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve) => {
            if (worker.isDead()) return resolve();
            const timer = setTimeout(() => worker.process.kill("SIGKILL"), 10_000);
            worker.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    await stopServerServices().catch(() => {});
    process.exit(exitCode);
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

const port = Number(process.env.PORT ?? 3000);
let workerCount;
try {
  workerCount = webConcurrency();
} catch (error) {
  console.error(`\n[idehub] cannot start: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
}
if (cluster.isPrimary && workerCount > 1) await runCluster(workerCount);
else await serveHttp();
