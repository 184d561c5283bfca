import { afterEach, describe, expect, it } from "vitest";
import { getDatabase } from "~/db/client.server";
import { loadMailRenderer } from "~/modules/mail/load-mail-renderer.server";
import { kickOutbox } from "~/modules/notifications/outbox-loop.server";
import { startServerServices, stopServerServices } from "~/server-startup.server";
import { parseEnv, setEnv } from "~/utils/env.server";
import { mailboxMessagesTo, outboxRowsFor, submitDemoIdea, useTempFileStorage } from "./outbox-support";

let cleanUp: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanUp.reverse()) await step();
  cleanUp = [];
});

async function start(outbox: "on" | "off") {
  const env = parseEnv({ APP_ENV: "test", PGLITE_DATA_DIR: "memory", OUTBOX_DISPATCH: outbox });
  setEnv(env);
  const engine = await startServerServices(env, () => {});
  const cleanUpStorage = await useTempFileStorage();
  cleanUp.push(cleanUpStorage, async () => {
    await stopServerServices();
    await engine.close();
  });
  return getDatabase().db;
}

async function waitForStatus(db: Awaited<ReturnType<typeof start>>, ideaId: string, wanted: string, ms: number) {
  const deadline = Date.now() + ms;
  let rows = await outboxRowsFor(db, ideaId);
  while (rows.some((r) => r.status !== wanted) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    rows = await outboxRowsFor(db, ideaId);
  }
  return rows;
}

describe("the outbox loop at server start", () => {
  it("runs by default: a kicked submission's receipt reaches the mailbox without waiting for the interval", async () => {
    const db = await start("on");
    const idea = await submitDemoIdea(db, "kari.nordby@asker.example.no");
    // React-email is imported on the first mail; on a busy CI machine that import alone took seconds.
    // Load it first, so the window below measures the kick and not the import.
    await loadMailRenderer(() => import("~/modules/mail/templates/idea-receipt-email"));
    kickOutbox();
    // Shorter than the loop's 5 s interval after the start-up pass.
    const rows = await waitForStatus(db, idea.ideaId, "sent", 4000);
    expect(rows.map((r) => r.status)).toEqual(["sent"]);
    const mail = await mailboxMessagesTo(db, "kari.nordby@asker.example.no");
    expect(mail.filter((m) => m.tags.idempotencyKey === rows[0].idempotency_key)).toHaveLength(1);
  });

  it("does not run with OUTBOX_DISPATCH=off, and a kick is then harmless", async () => {
    const db = await start("off");
    const idea = await submitDemoIdea(db, "kari.nordby@asker.example.no");
    kickOutbox();
    const rows = await waitForStatus(db, idea.ideaId, "sent", 500);
    expect(rows.map((r) => r.status)).toEqual(["pending"]);
  });
});
