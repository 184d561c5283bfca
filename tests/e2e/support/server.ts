import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type AppServer = {
  baseUrl: string;
  /** The server's process id (the cluster's primary when WEB_CONCURRENCY > 1). */
  pid: number;
  logFile: string;
  /** Server stdout and stderr so far. */
  readLog(): string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown, no cleanup (the data stays for a restart on the same `dir`). */
  kill(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealthy(baseUrl: string, child: ChildProcess, readLog: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode} before it was healthy.\n${readLog()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer /healthz within ${timeoutMs} ms.\n${readLog()}`);
}

/**
 * Starts the production build (`node server.mjs`, built by `npm run test:e2e`) on a free port with
 * a fresh embedded database, and waits until /healthz answers.
 */
export async function startAppServer(extraEnv: Record<string, string> = {}, options: { dir?: string } = {}): Promise<AppServer> {
  const root = fileURLToPath(new URL("../../..", import.meta.url));
  if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
    throw new Error("No production build: run `npm run test:e2e` (it builds first) or `npm run build`.");
  }
  // A given `dir` belongs to the caller (kept on stop, so a new server can start on the same data).
  const dir = options.dir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), "idehub-e2e-")));
  await fsp.mkdir(dir, { recursive: true });
  const logFile = path.join(dir, "server.log");
  const log = fs.openSync(logFile, "a");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? dir,
      NODE_ENV: "production",
      APP_ENV: "test",
      PORT: String(port),
      APP_URL: baseUrl,
      PGLITE_DATA_DIR: path.join(dir, "pglite"),
      ...extraEnv,
    },
    stdio: ["ignore", log, log],
  });
  const readLog = () => {
    try {
      return fs.readFileSync(logFile, "utf8");
    } catch {
      return "";
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(log);
    if (!options.dir) await fsp.rm(dir, { recursive: true, force: true });
  };
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGKILL");
      await exited;
    }
    fs.closeSync(log);
  };
  try {
    await waitForHealthy(baseUrl, child, readLog, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: child.pid!, logFile, readLog, stop, kill };
}
