// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "public", "vite.config.ts", "remix.config.ts", "tailwind.config.ts", "package.json"];
const BUILD_MARKER = "build/server/index.js";

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((max, child) => Math.max(max, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

const built = fs.statSync(BUILD_MARKER, { throwIfNoEntry: false });
const newestSource = Math.max(...SOURCES.map(newestMtime));
if (!built || built.mtimeMs < newestSource) {
  console.log("[idehub] building the app (first start or sources changed)…");
  const result = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.NODE_ENV = "production";
await import("../server.mjs");
