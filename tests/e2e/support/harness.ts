import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { launchBrowser } from "./browser";
import { startAppServer, type AppServer } from "./server";

export type E2eHarness = {
  readonly server: AppServer;
  readonly browser: Browser;
  url(path: string): string;
};

/**
 * One production server (fresh database) and one browser per test file. When a test fails,
 * the server's log is printed.
 */
export function useE2eHarness(extraEnv: Record<string, string> = {}): E2eHarness {
  let server: AppServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(extraEnv), launchBrowser()]);
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), server?.stop()]);
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      if (server) console.log(`\n----- server log (${server.logFile}) -----\n${server.readLog()}\n----- end of server log -----`);
    });
  });

  return {
    get server() {
      if (!server) throw new Error("e2e server not started");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("e2e browser not started");
      return browser;
    },
    url(path: string) {
      if (!server) throw new Error("e2e server not started");
      return `${server.baseUrl}${path}`;
    },
  };
}
