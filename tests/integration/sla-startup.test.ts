import { afterEach, describe, expect, it } from "vitest";
import { isSlaLoopRunning } from "~/modules/sla-sweeper/sla-loop.server";
import { startServerServices, stopServerServices } from "~/server-startup.server";
import { EnvError, parseEnv, setEnv } from "~/utils/env.server";

let cleanUp: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanUp.reverse()) await step();
  cleanUp = [];
});

async function start(sweep: "on" | "off" | undefined) {
  const env = parseEnv({ APP_ENV: "test", PGLITE_DATA_DIR: "memory", OUTBOX_DISPATCH: "off", ...(sweep ? { SLA_SWEEP: sweep } : {}) });
  setEnv(env);
  const lines: string[] = [];
  const engine = await startServerServices(env, (line) => lines.push(line));
  cleanUp.push(async () => {
    await stopServerServices();
    await engine.close();
  });
  return lines;
}

describe("the SLA sweeper loop at server start", () => {
  it("runs by default and stops with the server", async () => {
    const lines = await start(undefined);
    expect(isSlaLoopRunning()).toBe(true);
    await stopServerServices();
    expect(isSlaLoopRunning()).toBe(false);
    // Its first pass ran against the real schema without failing.
    expect(lines.filter((line) => line.startsWith("[sla] sweep failed"))).toEqual([]);
  });

  it("does not run with SLA_SWEEP=off", async () => {
    await start("off");
    expect(isSlaLoopRunning()).toBe(false);
  });

  it("refuses values other than on and off", () => {
    expect(() => parseEnv({ APP_ENV: "test", SLA_SWEEP: "yes" })).toThrow(EnvError);
  });
});
